"""Document -> Anatomy: which blocks are the headline, sub-heading, summary,
press-release body and FAQ, and where the quotations are and who said them.

Everything here is cheap (no spaCy): it reads the block structure and a few
cues from the text.  Rules read the anatomy instead of re-discovering it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Block, Document
from .prose import Prose

FAQ_HEADING = re.compile(
    r"^\W*(?:(?:customer|external|internal|stakeholder|public|partner)\s+)?"
    r"(?:faqs?|frequently\s+asked\s+questions|q\s*&\s*a|q\s+and\s+a|questions\s+(?:and|&)\s+answers)\b",
    re.IGNORECASE,
)
SECTION_WORDS = re.compile(
    r"^\W*(summary|problem|solution|the problem|the solution|customer quote|quote|spokesperson|leader quote|"
    r"getting started|how to get started|how it works|call to action|closing|benefits?|faq)\b",
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
CUSTOMER_CUES = re.compile(
    r"\b(customer|user|client|shopper|parent|mother|father|mom|dad|teacher|student|nurse|doctor|physician|patient|"
    r"resident|homeowner|renter|traveller|traveler|driver|rider|freelancer|developer|engineer|analyst|designer|"
    r"farmer|researcher|beta tester|early adopter|subscriber|member|buyer|seller|merchant|retailer|small business|"
    r"who (?:uses|used|tried|runs|has)|from|in)\b",
    re.IGNORECASE,
)
PLACEHOLDER_SPEAKER = re.compile(
    r"^\s*(\[[^\]]*\]|<[^>]*>|\{[^}]*\}|customer name|target user|user name|name|tbd|todo|xxx+|first last|john doe|jane doe)\s*$",
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
    placeholder: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return self.block.prose.source_span(self.prose_start, self.prose_end)


@dataclass
class Anatomy:
    kind: str
    kind_cue: str
    headline: Block | None = None
    headline_cue: str = ""
    subheading: Block | None = None
    summary: Block | None = None
    press_release: list[Block] = field(default_factory=list)  # prose blocks, headline included
    faq_heading: Block | None = None
    faq: list[Block] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    company_words: frozenset[str] = frozenset()

    def quote_ranges(self, block: Block) -> list[tuple[int, int]]:
        return [(q.prose_start, q.prose_end) for q in self.quotes if q.block is block]

    def in_quote(self, block: Block, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quote_ranges(block))


def is_prose_block(block: Block) -> bool:
    return block.prose is not None and bool(block.prose.text.strip())


def analyse(doc: Document, default_kind: str | None = None) -> Anatomy:
    blocks = [b for b in doc.blocks if is_prose_block(b)]
    headline, cue = _headline(doc, blocks)
    faq_index = next((i for i, b in enumerate(blocks) if b.kind == "heading" and FAQ_HEADING.match(b.text)), None)
    declared = doc.declared_kind()
    if declared:
        kind, kind_cue = declared, "front matter type"
    elif default_kind:
        kind, kind_cue = default_kind, "configured default-kind"
    else:
        kind, kind_cue = _infer_kind(blocks, headline, faq_index)
    anatomy = Anatomy(kind=kind, kind_cue=kind_cue, headline=headline, headline_cue=cue)
    if kind == "faq":
        faq_index = 0 if faq_index is None else faq_index
    pr_blocks = blocks if faq_index is None else blocks[:faq_index]
    if headline is not None and headline not in pr_blocks and kind != "faq":
        pr_blocks = [headline, *pr_blocks]
    if faq_index is not None:
        anatomy.faq_heading = blocks[faq_index] if blocks[faq_index].kind == "heading" else None
        anatomy.faq = blocks[faq_index:]
    if kind == "faq":
        pr_blocks = []
    anatomy.press_release = pr_blocks
    body = [b for b in pr_blocks if b is not headline]
    if body and headline is not None and _is_subheading(body[0], headline):
        anatomy.subheading = body[0]
    anatomy.summary = next(
        (b for b in body if b.kind == "paragraph" and not b.emphasised and b is not anatomy.subheading
         and b.quote_depth == 0 and b.list_depth == 0),
        None,
    )
    anatomy.company_words = _company_words(doc, headline, anatomy.summary)
    anatomy.quotes = find_quotes(pr_blocks, anatomy.company_words)
    return anatomy


def _headline(doc: Document, blocks: list[Block]) -> tuple[Block | None, str]:
    for block in blocks:
        if block.kind == "heading" and block.level == 1:
            return block, "first level-1 heading"
    title = doc.front_matter.get("title")
    if isinstance(title, str) and title.strip():
        return _front_matter_title(doc, title.strip()), "front matter title"
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
            return "prfaq", "press release followed by an FAQ heading"
        return "faq", "starts with an FAQ heading"
    return "press-release", "no FAQ heading"


def _is_subheading(block: Block, headline: Block) -> bool:
    if block.kind == "heading":
        return block.level > headline.level and not SECTION_WORDS.match(block.text) and not FAQ_HEADING.match(block.text)
    return block.kind == "paragraph" and block.emphasised and block.line <= headline.end_line + 3


def _company_words(doc: Document, headline: Block | None, summary: Block | None) -> frozenset[str]:
    words = set()
    for key in ("company", "product", "organization", "organisation"):
        value = doc.front_matter.get(key)
        if isinstance(value, str):
            words.update(w.lower() for w in re.findall(r"[A-Za-z][\w\-.]*", value))
    texts = [headline.text if headline else ""]
    if summary is not None:
        match = re.search(r"([A-Z][\w\-.]*(?:\s+[A-Z][\w\-.]*)*)\s+(?:today\s+)?(?:announced|launched|introduced|unveiled|released)", summary.text)
        if match:
            texts.append(match.group(1))
    for text in texts:
        for word in re.findall(r"[A-Z][\w\-.]*[\w]", text):
            words.add(word.lower().rstrip("."))
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
        if attribution:
            for q in here:
                _assign_speaker(q, attribution, company_words)
        elif not here and _looks_like_attribution(text):
            for q in quotes:  # "— Jane Doe, CEO" under a block quote
                if not q.attribution and _adjacent(q.block, block, blocks):
                    _assign_speaker(q, text, company_words)
        quotes.extend(here)
        continuing = bool(ranges) and not ranges[-1][2]
    for i, q in enumerate(quotes):  # multi-paragraph quotes share one attribution
        if q.attribution:
            continue
        near = [o for o in quotes[i + 1 :] + quotes[:i][::-1] if o.attribution and _adjacent(q.block, o.block, blocks)]
        if near:
            _copy_speaker(q, near[0])
    return quotes


def _adjacent(a: Block, b: Block, blocks: list[Block]) -> bool:
    try:
        return abs(blocks.index(b) - blocks.index(a)) <= 2
    except ValueError:
        return False


def _quoted_ranges(text: str, open_at_start: bool) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each double-quoted stretch; an unclosed one runs to the end."""
    ranges = []
    i = 0
    if open_at_start and text.lstrip()[:1] not in QUOTE_PAIRS:
        close = text.find('"') if '"' in text else text.find("\u201d")
        if close != -1:
            ranges.append((0, close + 1, True))
            i = close + 1
    while i < len(text):
        ch = text[i]
        if ch in QUOTE_PAIRS:
            close = text.find(QUOTE_PAIRS[ch], i + 1)
            if close == -1:
                ranges.append((i, len(text), False))
                break
            ranges.append((i, close + 1, True))
            i = close + 1
        else:
            i += 1
    return ranges



def _attribution_text(text: str, ranges: list[tuple[int, int]]) -> str:
    pieces, last = [], 0
    for start, end in ranges:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    rest = " ".join(p.strip(" ,.;:") for p in pieces if p.strip(" ,.;:"))
    return rest if ranges and _looks_like_attribution(rest) else ""


def _looks_like_attribution(text: str) -> bool:
    text = text.strip()
    if re.match(r"^[\u2014\u2013\-~]+\s*\S", text):
        return True
    return bool(re.search(rf"\b{SPEECH_VERBS}\b", text, re.IGNORECASE)) and len(text.split()) <= 40


def _assign_speaker(quote: Quote, attribution: str, company_words: frozenset[str]) -> None:
    text = re.sub(r"^[\s\u2014\u2013\-~]+", "", attribution).strip()
    patterns = [
        rf"\b{SPEECH_VERBS}\s+(?P<name>{NAME})(?:\s*,\s*(?P<role>[^.;]+))?",
        rf"^(?P<name>{NAME})\s*(?:,\s*(?P<role>[^,]+(?:,[^,]+)?)\s*,)?\s+{SPEECH_VERBS}\b",
        rf"^(?P<name>{NAME})(?:\s*,\s*(?P<role>[^.;]+))?\s*$",
        rf"^(?P<name>{NAME})\s*\((?P<role>[^)]+)\)",
    ]
    for pattern in patterns:
        match = re.search(pattern, text)
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
    quote.placeholder = bool(quote.speaker and PLACEHOLDER_SPEAKER.match(quote.speaker)) or bool(
        quote.role and PLACEHOLDER_SPEAKER.match(quote.role)
    )
    quote.audience = classify_speaker(quote.role, company_words)


def _copy_speaker(quote: Quote, other: Quote) -> None:
    quote.speaker, quote.role, quote.audience = other.speaker, other.role, other.audience
    quote.attribution, quote.placeholder = other.attribution, other.placeholder


def classify_speaker(role: str | None, company_words: frozenset[str], orgs: set[str] | None = None) -> str:
    """customer or spokesperson, from the speaker's role and the announcing company's names.

    ``orgs`` are organisations named in the role (spaCy ORG entities) when known;
    otherwise its capitalised words stand in for them.
    """
    if not role:
        return "unknown"
    if re.search(r"\b(customer|target user|user)\b", role, re.IGNORECASE):
        return "customer"
    capitalised = {w.lower().rstrip(".") for w in re.findall(r"[A-Z][\w\-.]*[\w]", role)}
    if orgs is None:
        orgs = {w for w in capitalised if not LEADER_TITLES.fullmatch(w)}
    names_company = any(word in company_words for org in orgs for word in org.split()) or bool(
        capitalised & company_words)
    if LEADER_TITLES.search(role) and not re.search(r"\bowner of\b|\bbusiness owner\b", role, re.IGNORECASE):
        if names_company or not orgs or not company_words:
            return "spokesperson"
        return "customer"
    if names_company and not CUSTOMER_CUES.search(role):
        return "spokesperson"
    return "customer"
