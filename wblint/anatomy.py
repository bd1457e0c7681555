"""Document -> Anatomy: which blocks are the headline, sub-heading, summary (and its
dateline), press-release body and FAQ; the product and the announcing company; where
the quotations are and who said them.

Everything here is cheap (no spaCy): it reads the block structure and a few
cues from the text.  Rules read the anatomy instead of re-discovering it.  Two
richer models are built on demand from it: the FAQ's question/answer items
(``Anatomy.faq_model``, wblint.faq) and the press release's parts (wblint.parts,
which takes the part rules' cue lists).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Block, Document
from .caseless import Caseless, lowered
from .prose import Prose

FAQ_TERMS = re.compile(
    r"(?<![\w])(?<!PR/)(?<!PR-)(?<!PR )(?:faqs?|frequently\s+asked\s+questions|q\s*&\s*a|q\s+and\s+a|questions\s+(?:and|&)\s+answers)(?![\w])"
    r"|^\W*(?:(?:customer|external|internal|stakeholder|public|partner|business|common|open)\s+)questions\W*$",
    re.IGNORECASE,
)
SECTION_WORDS = re.compile(
    r"^\W*(summary|problem|solution|the problem|the solution|customer problem|customer quote|quote|spokesperson|"
    r"leader quote|getting started|how to get started|get started|how it works|call to action|closing|benefits?|faq|"
    r"availability|pricing|about|background|overview|introduction|press release|the challenge|challenge)\b",
    re.IGNORECASE,
)
SPEECH_VERBS = r"(?:said|says|say|added|adds|explained|explains|noted|notes|commented|comments|shared|shares|remarked|stated|states|observed|continued|according to|wrote|writes|told)"
QUOTE_PAIRS = {'"': '"', "\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb"}
LEADER_TITLES = re.compile(
    r"\b(ceo|cto|cfo|coo|cmo|cpo|cio|ciso|chief|president|vice[- ]president|s?vp|evp|director|head|general manager|gm|"
    r"founder|co-?founder|chair(?:man|woman|person)?|leader|lead|product manager|spokes(?:person|man|woman)|"
    r"manager|principal|partner|owner)\b",
    re.IGNORECASE,
)
TITLE_WORDS = re.compile(
    r"chief|executive|officer|vice|president|senior|junior|head|director|manager|lead|founder|co-founder|partner|"
    r"principal|general|product|products|marketing|engineering|operations|technology|technical|financial|finance|"
    r"customer|customers|experience|sales|design|research|communications|people|growth|strategy|business|"
    r"development|global|regional|corporate|affairs|public|policy|data|science|security|information|community|"
    r"success|support|program|project|platform|services?|solutions|and|of|the|for|ceo|cto|cfo|coo|cmo|cpo|vp|svp|evp",
    re.IGNORECASE)
CUSTOMER_CUES = re.compile(
    r"\b(customer|user|client|shopper|parent|mother|father|mom|dad|teacher|student|nurse|doctor|physician|patient|"
    r"resident|homeowner|renter|traveller|traveler|driver|rider|freelancer|developer|engineer|analyst|designer|"
    r"farmer|researcher|beta tester|early adopter|subscriber|member|buyer|seller|merchant|retailer|small business|"
    r"who (?:uses|used|tried|runs|has)|from|in)\b",
    re.IGNORECASE,
)
NAME = r"(?:\[[^\]]+\]|(?:[A-Z][\w'’.\-]*|de|van|von|da|del|la|le|bin)(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|del|la|le|bin))*)"


@dataclass
class Quote:
    block: Block
    prose_start: int  # quoted range in block.prose.text, including the quote marks
    prose_end: int
    text: str  # the words inside the marks
    attribution: str = ""
    speaker: str | None = None
    role: str | None = None
    audience: str = "unknown"  # customer | spokesperson | unknown
    speaker_cue: str = ""  # how the speaker was found: attribution, block quote line, shared, earlier mention

    @property
    def span(self) -> tuple[int, int]:
        return self.block.prose.source_span(self.prose_start, self.prose_end)


@dataclass
class Dateline:
    """The city and date that open a press release's lead (`SEATTLE, WA — March 3, 2027 —`)."""

    block: Block
    prose_start: int
    prose_end: int  # the dateline's text, separators included
    city: str | None
    date: str | None
    wire: str | None = None
    at_start: bool = True  # opens the summary paragraph (False: found at the start of another paragraph)

    @property
    def text(self) -> str:
        return self.block.prose.text[self.prose_start:self.prose_end].strip()

    @property
    def span(self) -> tuple[int, int]:
        text = self.block.prose.text
        start = self.prose_start + len(text[self.prose_start:self.prose_end]) - len(
            text[self.prose_start:self.prose_end].lstrip())
        end = self.prose_start + len(text[self.prose_start:self.prose_end].rstrip())
        return self.block.prose.source_span(start, end)


@dataclass
class Anatomy:
    kind: str
    kind_cue: str
    headline: Block | None = None
    headline_cue: str = ""
    subheading: Block | None = None
    subheading_cue: str = ""
    summary: Block | None = None
    dateline: Dateline | None = None
    product: str | None = None  # the product's name, where the draft says it
    product_cue: str = ""
    company: str | None = None  # the announcing organisation
    press_release: list[Block] = field(default_factory=list)  # prose blocks, headline included
    faq_heading: Block | None = None
    faq_cue: str = ""
    faq: list[Block] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    company_words: frozenset[str] = frozenset()
    document: Document | None = field(default=None, repr=False)
    cache: dict = field(default_factory=dict, repr=False)  # derived models (FAQ items, parts), built on demand

    def quote_ranges(self, block: Block) -> list[tuple[int, int]]:
        return [(q.prose_start, q.prose_end) for q in self.quotes if q.block is block]

    def in_quote(self, block: Block, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quote_ranges(block))

    def faq_model(self):
        """The FAQ as sections and question/answer items (see wblint.faq)."""
        if "faq" not in self.cache:
            from .faq import parse_faq

            self.cache["faq"] = parse_faq(self)
        return self.cache["faq"]


def is_prose_block(block: Block) -> bool:
    if block.prose is None:
        return False
    text = block.prose.text
    return bool(text) and not text.isspace()  # what bool(text.strip()) says, without copying the text


def is_faq_heading(block: Block) -> bool:
    """A heading that opens an FAQ: `FAQ`, `Frequently Asked Questions`, `Internal Q&A`, `Customer questions`."""
    text = block.text.strip()
    return (block.kind == "heading" and not text.endswith("?") and len(text.split()) <= 8
            and bool(FAQ_TERMS.search(text)))


def analyse(doc: Document, default_kind: str | None = None) -> Anatomy:
    blocks = [b for b in doc.blocks if is_prose_block(b)]
    headline, cue = _headline(doc, blocks)
    faq_index, faq_cue = _faq_start(blocks, headline)
    declared = doc.declared_kind()
    if declared:
        kind, kind_cue = declared, "front matter type"
    elif default_kind:
        kind, kind_cue = default_kind, "configured default-kind"
    else:
        kind, kind_cue = _infer_kind(blocks, headline, faq_index)
    anatomy = Anatomy(kind=kind, kind_cue=kind_cue, headline=headline, headline_cue=cue, document=doc)
    if kind == "faq" and faq_index is None:
        faq_index, faq_cue = 0, "the document is an FAQ"
    pr_blocks = blocks if faq_index is None else blocks[:faq_index]
    if headline is not None and headline not in pr_blocks and kind != "faq":
        pr_blocks = [headline, *pr_blocks]
    if faq_index is not None:
        anatomy.faq_heading = blocks[faq_index] if is_faq_heading(blocks[faq_index]) else None
        anatomy.faq = blocks[faq_index:]
        anatomy.faq_cue = faq_cue
    if kind == "faq":
        pr_blocks = []
    anatomy.press_release = pr_blocks
    body = [b for b in pr_blocks if b is not headline]
    if body and headline is not None and not _bare_dateline(body[0]):
        anatomy.subheading_cue = _subheading_cue(body[0], headline, cue)
        if anatomy.subheading_cue:
            anatomy.subheading = body[0]
    leads = [b for b in body if b.kind == "paragraph" and (not b.emphasised or _bare_dateline(b))
             and b is not anatomy.subheading and b.quote_depth == 0 and b.list_depth == 0]
    anatomy.summary = leads[0] if leads else None
    if anatomy.summary is not None and kind != "dear-customer-letter":
        dateline = find_dateline(anatomy.summary)
        if dateline is not None and _bare_dateline(anatomy.summary) and len(leads) > 1:
            anatomy.summary = leads[1]  # the dateline stands alone; the lead is the next paragraph
        elif anatomy.summary.emphasised:
            anatomy.summary = leads[1] if len(leads) > 1 else None
        elif dateline is None:
            dateline = next((d for d in (find_dateline(b) for b in leads[1:3]) if d and d.city and d.date), None)
            if dateline is not None:
                dateline.at_start = False
        anatomy.dateline = dateline
    _announcement(doc, anatomy)
    anatomy.company_words = _company_words(doc, anatomy)
    anatomy.quotes = find_quotes(pr_blocks, anatomy.company_words)
    return anatomy


def _faq_start(blocks: list[Block], headline: Block | None) -> tuple[int | None, str]:
    """Where the FAQ begins: an FAQ heading, else a run of question headings after the lead."""
    for i, block in enumerate(blocks):
        if block is not headline and is_faq_heading(block):
            return i, f"heading \"{block.text.strip()}\""
    questions = [i for i, b in enumerate(blocks) if b.kind == "heading" and b is not headline
                 and b.level >= 2 and b.text.rstrip().endswith("?")]
    for i in questions:
        level = blocks[i].level
        same = [j for j in questions if j > i and blocks[j].level == level]
        if len(same) >= 2 and any(b.kind == "paragraph" for b in blocks[:i]):
            return i, "a run of question headings"
    return None, ""


def _headline(doc: Document, blocks: list[Block]) -> tuple[Block | None, str]:
    """The first level-1 heading that is not an FAQ heading; a front matter title wins over an
    H1 that only comes after the body has begun (`# Q&A` under a titled press release)."""
    title = doc.front_matter.get("title")
    titled = isinstance(title, str) and bool(title.strip())
    seen_paragraph = False
    for block in blocks:
        if block.kind == "heading" and block.level == 1 and not is_faq_heading(block):
            if not (titled and seen_paragraph):
                return block, "first level-1 heading"
        seen_paragraph = seen_paragraph or block.kind == "paragraph"
    if titled:
        return _front_matter_title(doc, title.strip()), "front matter title"
    first = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
    if first is not None and not any(b.kind == "paragraph" for b in blocks[:blocks.index(first)]):
        return first, "first level-1 heading"  # an FAQ's own title ("# Acme FAQ")
    return None, ""


def _front_matter_title(doc: Document, title: str) -> Block:
    """A heading block standing for ``title:`` in front matter, pointing at its value."""
    front = next((b for b in doc.blocks if b.kind == "front-matter"), None)
    start = front.start if front else 0
    line_index = doc.source.position(start)[0] - 1
    for i in range(line_index, line_index + doc.source.line_count):
        text = doc.source.line_text(i)
        if text.lstrip().startswith("title:"):
            col = text.find(title[:20]) if title[:20] in text else text.find(":") + 1
            offset = doc.source.line_start(i) + max(col, 0)
            prose = Prose()
            length = len(title) if text[col:col + len(title)] == title else 1
            prose.append(title, offset, offset + length)
            return Block("heading", offset, offset + length, i + 1, i + 1, level=1, prose=prose)
    prose = Prose()
    prose.append(title, start, start + 1)
    return Block("heading", start, start + 1, 1, 1, level=1, prose=prose)


def _infer_kind(blocks: list[Block], headline: Block | None, faq_index: int | None) -> tuple[str, str]:
    first_body = next((b for b in blocks if b is not headline and b.kind == "paragraph"), None)
    if first_body is not None and re.match(r"^\s*Dear\b[^,\n]{0,60},", first_body.text):
        return "dear-customer-letter", "opens with a 'Dear …,' salutation"
    if faq_index is not None:
        before = [b for b in blocks[:faq_index] if b.kind == "paragraph"]
        if before:
            return "prfaq", "press release followed by an FAQ"
        return "faq", "starts with an FAQ"
    return "press-release", "no FAQ heading"


def _subheading_cue(block: Block, headline: Block, headline_cue: str) -> str:
    """Why ``block`` (the first after the headline) is the sub-heading, or "" when it is not."""
    if block.kind == "heading":
        if block.level > headline.level and not SECTION_WORDS.match(block.text) and not is_faq_heading(block):
            return f"level-{block.level} heading under the headline"
        return ""
    if block.kind == "paragraph" and block.emphasised and (
            block.line <= headline.end_line + 3 or headline_cue == "front matter title"):
        return "emphasised line under the headline"
    return ""


# -- dateline -------------------------------------------------------------------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
         rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|\[[^\]\n]{{1,40}}\])")
_CITY_WORD = r"[^\W\d_](?:[\w.'\u2019]|-(?=\w))*"
_CITY = rf"{_CITY_WORD}(?:\s+{_CITY_WORD}){{0,3}}(?:\s*,\s*{_CITY_WORD}(?:\s+{_CITY_WORD}){{0,2}})?"
_SEP = r"\s*(?:-{1,3}|[\u2013\u2014]|:|/|,)\s*"
_WIRE = (r"\(?\s*(?:Business\s*Wire|PR\s*Newswire|Globe\s*Newswire|Marketwired|ACCESSWIRE|EIN\s*Presswire|PRWeb|"
         r"Reuters|AP)\s*\)?")
_END = r"\s*(?:-{1,3}|[\u2013\u2014]|:)?\s*"
DATELINE = re.compile(
    rf"^\s*(?P<city>{_CITY})(?:{_SEP}|\s+(?=\())(?:(?P<wire>{_WIRE}){_SEP})?\(?(?P<date>{_DATE})\)?{_END}",
    re.IGNORECASE)
DATE_ONLY = re.compile(rf"^\s*\(?(?P<date>{_DATE})\)?\s*(?:-{{1,3}}|[\u2013\u2014]|:)\s*", re.IGNORECASE)
CITY_ONLY = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'\u2019\-]+(?:\s+[A-Z][A-Z.'\u2019\-]+){0,3}(?:\s*,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?)"
    r"\s*(?:-{2,3}|[\u2013\u2014])\s*")


def _bare_dateline(block: Block) -> bool:
    """A paragraph that is only a dateline (`**SEATTLE, WA — March 3, 2027**`)."""
    if block.kind != "paragraph" or block.prose is None:
        return False
    dateline = find_dateline(block)
    return dateline is not None and bool(dateline.date) and dateline.prose_end >= len(block.text.rstrip()) - 1


def find_dateline(block: Block) -> Dateline | None:
    """The dateline opening ``block``: city and date, or only one of them."""
    text = block.prose.text
    match = DATELINE.match(text)
    if match and match.group("city")[:1].isupper():
        return Dateline(block, 0, match.end(), match.group("city").strip(" ,"), match.group("date").strip(),
                        (match.group("wire") or "").strip(" ()") or None)
    match = DATE_ONLY.match(text)
    if match:
        return Dateline(block, 0, match.end(), None, match.group("date").strip())
    match = CITY_ONLY.match(text)
    if match:
        return Dateline(block, 0, match.end(), match.group("city").strip(" ,"), None)
    return None


# -- product and company ----------------------------------------------------------------

_LAUNCH = (r"(?:launch(?:es|ed)?|announc(?:e|es|ed)|introduc(?:e|es|ed)|unveil(?:s|ed)?|releas(?:e|es|ed)|"
           r"open(?:s|ed)?|debut(?:s|ed)?|roll(?:s|ed)?\s+out|made\s+available|makes\s+available|ships?|shipped)")
_CAP_RUN = r"[A-Z][\w&'\u2019.\-]*(?:\s+(?:[A-Z][\w&'\u2019.\-]*|of|and|&|for|de|du|la))*"
_FROM_MAKER = re.compile(rf"\s+(?:from|by)\s+(?P<company>{_CAP_RUN})")  # after the product's name
ANNOUNCER = re.compile(rf"(?P<company>{_CAP_RUN})\s+(?:today\s+|has\s+|have\s+|is\s+|\w+ly\s+)*{_LAUNCH}\b")
PRODUCT = re.compile(
    rf"\b{_LAUNCH}\s+(?:today\s+)?(?:the\s+(?:launch|availability|release)\s+of\s+)?"
    r"(?:the\s+|its\s+|their\s+|our\s+|a\s+new\s+)?"
    r"(?P<product>[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,3}|code)")


HEADLINE_PRODUCT = re.compile(
    r"^\W*(?i:introducing|announcing|meet)\s+(?P<product>[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*)?)"
    r"(?=\s*[:,\u2014\u2013\-]|\s*$)")


HEADLINE_LAUNCH = re.compile(
    rf"^\W*(?P<company>{_CAP_RUN}?)\s+(?i:{_LAUNCH})\s+(?:its\s+|the\s+|a\s+new\s+)?"
    r"(?P<product>[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,3}?)(?=\s+(?:to|for|with|that|in|on|at)\b|\s*[:,]|\s*$)")
USES_PRODUCT = re.compile(
    rf"\buse\s+(?P<product>[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){{0,2}})\s+(?:from|by)\s+"
    rf"(?P<company>[A-Z][\w&'\u2019.\-]*(?:\s+[A-Z][\w&'\u2019.\-]*){{0,2}})")


def _announcement(doc: Document, anatomy: Anatomy) -> None:
    """The product and the announcing company: front matter, else the lead's `X today launched Y`."""
    for key in ("product",):
        value = doc.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            anatomy.product, anatomy.product_cue = value.strip(), "front matter product"
    for key in ("company", "organization", "organisation"):
        value = doc.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            anatomy.company = value.strip()
    summary = anatomy.summary
    if summary is None:
        return
    text = summary.text
    if anatomy.product is None:
        match = PRODUCT.search(text)
        if match:
            name = match.group("product").rstrip(".")
            if summary.prose.is_opaque(match.start("product"), match.end("product")):
                start, end = summary.prose.source_span(match.start("product"), match.end("product"))
                name = doc.text[start:end].strip("`")
            anatomy.product, anatomy.product_cue = name, f"lead: \"{match.group(0).strip()}\""
    if anatomy.product is None:
        match = USES_PRODUCT.search(text)
        if match:
            anatomy.product, anatomy.product_cue = match.group("product"), f"lead: \"{match.group(0).strip()}\""
            anatomy.company = anatomy.company or match.group("company")
    headline = anatomy.headline.text.strip() if anatomy.headline is not None else ""
    if anatomy.product is None and headline:
        match = HEADLINE_PRODUCT.search(headline) or HEADLINE_LAUNCH.match(headline)
        if match and match.group("product"):
            name = _most_named(match.group("product"), " ".join(b.text for b in anatomy.press_release))
            anatomy.product, anatomy.product_cue = name, f"headline: \"{match.group(0).strip()}\""
    if anatomy.company is None and anatomy.product:
        match = _maker_after(anatomy.product, text)
        if match:
            anatomy.company = match.group("company").strip()
    if anatomy.company is None and headline:
        match = HEADLINE_LAUNCH.match(headline)
        if match:
            anatomy.company = match.group("company").strip()
    if anatomy.company is None:
        match = ANNOUNCER.search(text)
        if match:
            words = match.group("company").split()
            while words and words[0].lower() in ("today", "now", "the"):
                words = words[1:]
            if words and not (anatomy.dateline and anatomy.dateline.city and " ".join(words) in anatomy.dateline.city):
                anatomy.company = " ".join(words)


def _maker_after(product: str, text: str) -> re.Match[str] | None:
    """The first "<product> from|by <Company>" in ``text``: the product found with a string
    search (a regex of each draft's product name cost more to compile than to run)."""
    at = text.find(product)
    while at >= 0:
        match = _FROM_MAKER.match(text, at + len(product))
        if match:
            return match
        at = text.find(product, at + 1)
    return None


def _most_named(phrase: str, text: str) -> str:
    """The part of a headline's product phrase the press release names most ("PulseDesk" of
    "Revolutionary PulseDesk Platform"); on a tie, the longer."""
    words = phrase.split()
    spans = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    counts = {span: len(re.findall(rf"(?<![\w\-]){re.escape(span)}(?![\w\-])", text)) for span in spans}
    return max(spans, key=lambda span: (counts[span], len(span)))


def _company_words(doc: Document, anatomy: Anatomy) -> frozenset[str]:
    """Lower-cased words that name the announcing company or its product (for telling spokespeople)."""
    words: set[str] = set()
    for value in (anatomy.company, anatomy.product):
        if value:
            words.update(w.lower().rstrip(".") for w in re.findall(r"[^\W\d_][\w\-.]*", value))
    for key in ("organization", "organisation"):
        value = doc.front_matter.get(key)
        if isinstance(value, str):
            words.update(w.lower() for w in re.findall(r"[A-Za-z][\w\-.]*", value))
    if not words and anatomy.headline is not None:  # no announcement: the headline's names stand in
        for word in re.findall(r"[A-Z][\w\-.]*[\w]", anatomy.headline.text):
            words.add(word.lower().rstrip("."))
    words -= {"the", "of", "and", "for", "a", "an", "de", "la", "code"}
    return frozenset(words)


# -- quotations ------------------------------------------------------------------------


def find_quotes(blocks: list[Block], company_words: frozenset[str]) -> list[Quote]:
    """Quotations in the press release, each with its attribution where one is found.

    A quote is a double-quoted stretch of four or more words (shorter ones are
    names or scare quotes), a quote left open that continues into the next
    paragraph, or a block quote.  Its attribution is the rest of its paragraph
    when that reads as one (`said Jane Doe, CEO`), or a `— Name, role` line
    after a block quote; unattributed quotes next to an attributed one share it.
    """
    quotes: list[Quote] = []
    continuing = False  # the previous paragraph ended inside an open quote
    for index, block in enumerate(blocks):
        if block.kind not in ("paragraph", "table_cell"):
            continuing = False
            continue
        text = block.prose.text
        ranges = _quoted_ranges(text, open_at_start=continuing)
        here = [
            Quote(block, start, end, text[start:end].strip(" \"\u201c\u201d\u201e\u00ab\u00bb"))
            for start, end, _ in ranges
            if len(text[start:end].split()) >= 4 or (continuing and start == 0)
        ]
        if block.quote_depth and not here and len(text.split()) >= 4 and not _looks_like_attribution(text):
            here = [Quote(block, 0, len(text), text.strip())]
        attribution = _attribution_text(text, [(q.prose_start, q.prose_end) for q in here])
        if not attribution and not block.quote_depth:
            here = [q for q in here if _quote_led(q, text) or (continuing and q.prose_start == 0)]
        if attribution:
            for q in here:
                _assign_speaker(q, attribution, company_words)
                q.speaker_cue = "attribution in the paragraph"
        elif not here and _looks_like_attribution(text):
            for q in quotes:  # "— Jane Doe, CEO" under a block quote
                if not q.attribution and _adjacent(q.block, block, blocks):
                    _assign_speaker(q, text, company_words)
                    q.speaker_cue = "attribution line after the quote"
        quotes.extend(here)
        continuing = bool(ranges) and not ranges[-1][2]
    for i, q in enumerate(quotes):  # multi-paragraph quotes share one attribution
        if q.attribution:
            continue
        near = [o for o in quotes[i + 1 :] + quotes[:i][::-1] if o.attribution and _adjacent(q.block, o.block, blocks)]
        if near:
            _copy_speaker(q, near[0])
            q.speaker_cue = "shares the attribution of the quote beside it"
    _resolve_references(quotes)
    return quotes


def _quote_led(quote: Quote, text: str) -> bool:
    """Whether an unattributed quote is the paragraph's point, not a phrase quoted inside a sentence."""
    lead = len(text) - len(text.lstrip())
    return quote.prose_start <= lead or (quote.prose_end - quote.prose_start) >= 0.5 * len(text.strip())


PRONOUN_ATTRIBUTION = re.compile(rf"\b(?:he|she|they)\s+{SPEECH_VERBS}\b|\b{SPEECH_VERBS}\s+(?:he|she|they)\b",
                                 re.IGNORECASE)


def _resolve_references(quotes: list[Quote]) -> None:
    """`Otieno added` and `she said` refer to a speaker named in full earlier: share their role."""
    for i, quote in enumerate(quotes):
        earlier = [o for o in quotes[:i][::-1] if o.speaker and o.role]
        if quote.speaker and not quote.role:
            surname = quote.speaker.split()[-1].lower()
            same = next((o for o in earlier if o.speaker.split()[-1].lower() == surname
                         and o.speaker != quote.speaker), None)
            if same is not None:
                quote.speaker, quote.role, quote.audience = same.speaker, same.role, same.audience
                quote.speaker_cue = f"named in full earlier (line {same.block.line})"
        elif not quote.speaker and quote.attribution and PRONOUN_ATTRIBUTION.search(quote.attribution) and earlier:
            previous = earlier[0]
            quote.speaker, quote.role, quote.audience = previous.speaker, previous.role, previous.audience
            quote.speaker_cue = f"pronoun for the speaker on line {previous.block.line}"


def _adjacent(a: Block, b: Block, blocks: list[Block]) -> bool:
    try:
        return abs(blocks.index(b) - blocks.index(a)) <= 2
    except ValueError:
        return False


_QUOTE_OPENING = re.compile("[" + re.escape("".join(QUOTE_PAIRS)) + "]")


def _quoted_ranges(text: str, open_at_start: bool) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each double-quoted stretch; an unclosed one runs to the end."""
    ranges = []
    i = 0
    if open_at_start and text.lstrip()[:1] not in QUOTE_PAIRS:
        close = text.find('"') if '"' in text else text.find("\u201d")
        if close != -1:
            ranges.append((0, close + 1, True))
            i = close + 1
    while (opening := _QUOTE_OPENING.search(text, i)) is not None:
        i = opening.start()
        close = text.find(QUOTE_PAIRS[text[i]], i + 1)
        if close == -1:
            ranges.append((i, len(text), False))
            break
        ranges.append((i, close + 1, True))
        i = close + 1
    return ranges



def _attribution_text(text: str, ranges: list[tuple[int, int]]) -> str:
    pieces, last = [], 0
    for start, end in ranges:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    rest = " ".join(p.strip(" ,.;:") for p in pieces if p.strip(" ,.;:"))
    return rest if ranges and _looks_like_attribution(rest) else ""


_DASH_LINE = re.compile(r"^[\u2014\u2013\-~]+\s*\S")  # "— Jane Doe, CEO"
SPEECH = re.compile(rf"\b{SPEECH_VERBS}\b", re.IGNORECASE)  # a speech verb anywhere
# Run without IGNORECASE on the lowercased text where that finds the same (see wblint.caseless).
_SPEECH = Caseless(SPEECH)


def _looks_like_attribution(text: str) -> bool:
    text = text.strip()
    if _DASH_LINE.match(text):
        return True
    # The word count first: most paragraphs are too long to be an attribution.  Splitting at
    # most 40 times tells 41 words or more from 40 or fewer without splitting all of them.
    return len(text.split(None, 40)) <= 40 and _SPEECH.search(text, lowered(text))


_LEADING_DASHES = re.compile(r"^[\s\u2014\u2013\-~]+")
# Where the speaker's name (and role) sits in an attribution, tried in this order.
_SPEAKER_PATTERNS = [re.compile(pattern) for pattern in (
    rf"\b{SPEECH_VERBS}\s+(?P<name>{NAME})(?:\s*,\s*(?P<role>[^.;]+))?",
    rf"^(?P<name>{NAME})\s*(?:,\s*(?P<role>[^,]+(?:,[^,]+)?)\s*,)?\s+{SPEECH_VERBS}\b",
    rf"^(?P<name>{NAME})(?:\s*,\s*(?P<role>[^.;]+))?\s*$",
    rf"^(?P<name>{NAME})\s*\((?P<role>[^)]+)\)",
)]


def _assign_speaker(quote: Quote, attribution: str, company_words: frozenset[str]) -> None:
    text = _LEADING_DASHES.sub("", attribution).strip()
    for pattern in _SPEAKER_PATTERNS:
        match = pattern.search(text)
        if match and match.group("name"):
            name = match.group("name").strip()
            if name.lower() in ("he", "she", "they", "i", "we", "it"):
                continue
            role = (match.group("role") or "").strip(" ,.") or None
            if role and len(role.split()) > 20:
                role = " ".join(role.split()[:20])
            quote.speaker, quote.role = name, role
            break
    quote.attribution = attribution.strip()
    quote.audience = classify_speaker(quote.role, company_words)


def _copy_speaker(quote: Quote, other: Quote) -> None:
    quote.speaker, quote.role, quote.audience = other.speaker, other.role, other.audience
    quote.attribution = other.attribution


_CAPITALISED = re.compile(r"[A-Z][\w\-.]*[\w]")
_PLACEHOLDER_ROLE = re.compile(r"\W*[\[<{][^\]>}]*[\]>}]\W*")
_OWNER = re.compile(r"\bowner of\b|\bbusiness owner\b", re.IGNORECASE)  # a business owner is a customer
_CUSTOMER_ROLE = re.compile(r"\b(customer|target user|user)\b", re.IGNORECASE)


def classify_speaker(role: str | None, company_words: frozenset[str], orgs: set[str] | None = None) -> str:
    """customer or spokesperson, from the speaker's role and the announcing company's names.

    ``orgs`` are organisations named in the role (spaCy ORG entities) when known;
    otherwise its capitalised words stand in for them.
    """
    if not role:
        return "unknown"
    capitalised = {w.lower().rstrip(".") for w in _CAPITALISED.findall(role)}
    if orgs is None:  # capitalised words that are not part of a job title stand in for organisations
        orgs = {w for w in capitalised if not LEADER_TITLES.fullmatch(w) and not TITLE_WORDS.fullmatch(w)}
    names_company = any(word in company_words for org in orgs for word in org.split()) or bool(
        capitalised & company_words)
    if _PLACEHOLDER_ROLE.fullmatch(role):
        return "unknown"  # "[TITLE]": nobody has decided who this is
    leader = LEADER_TITLES.search(role) and not _OWNER.search(role)
    if leader and (names_company or not orgs):  # "Head of Customer Experience (at Acme)" speaks for Acme
        return "spokesperson"
    if _CUSTOMER_ROLE.search(role):
        return "customer"
    if LEADER_TITLES.search(role) and not _OWNER.search(role):
        if names_company or not orgs or not company_words:
            return "spokesperson"
        return "customer"
    if names_company and not CUSTOMER_CUES.search(role):
        return "spokesperson"
    return "customer"
