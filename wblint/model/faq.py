"""The FAQ as question/answer items, each with its position, shape and audience.

Questions come in many shapes, and all are recognised:

- headings (`### How much does it cost?`), also without the `?` when they read
  as a question or stand alone over an answer (`### Pricing`);
- bold lines (`**How much does it cost?**`), numbered or not;
- `Q:` / `A:` pairs, in one paragraph or two;
- list items (`- How much does it cost?` with the answer in the item);
- definition-like paragraphs that open with the question and go on with the
  answer (`**How much?** Five dollars.`, or `How much?` over `: Five dollars.`);
- table rows (a question cell followed by its answer cell);
- plain paragraphs ending in `?`, when the FAQ uses no stronger shape.

Audience: a heading such as `Customer FAQ`, `External questions`, `For
gardeners` (external) or `Internal FAQ`, `For the Acme team`, `Stakeholder
questions` or a heading that names the announcing company (internal) sets the
audience of the questions under it.  Without such a heading, a question about a
topic only the business asks (market size, margins, headcount, business case), or
one the company asks itself ("we"/"our") about risks, feasibility, dependencies or
how success is measured, is internal, and any other is external ("What are we
launching?" is the customer's first question).

Structure only: no spaCy, no rule options.  Rules judge what this finds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markdown import Block
from .sections import is_faq_heading

INTERROGATIVE = re.compile(
    r"^\W*(?:\(?\d+[.)]\s*)?(?:how|what|why|when|where|who|whom|whose|which|can|could|do|does|did|is|are|was|were|"
    r"will|would|should|shall|may|might|must|has|have|had|isn['\u2019]t|aren['\u2019]t|doesn['\u2019]t|"
    r"don['\u2019]t|won['\u2019]t|can['\u2019]t|am)\b",
    re.IGNORECASE,
)
Q_PREFIX = re.compile(r"^\s*(?:Q|Question)\s*(?:\d+\s*)?[:.)\-\u2013\u2014]\s*", re.IGNORECASE)
A_PREFIX = re.compile(r"^\s*(?:A|Answer)\s*[:.)\-\u2013\u2014]\s*", re.IGNORECASE)
A_INSIDE = re.compile(r"\s(?:A|Answer)\s*[:.)](?:\s|$)", re.IGNORECASE)
INTERNAL_HEADING = re.compile(
    r"\b(?:internal|stakeholders?|investors?|leadership|executives?|employees?|staff|insiders?)\b"
    r"|\b(?:the|our)\s+(?:[\w\-]+\s+){0,3}team\b|^\W*business\s+(?:faqs?|questions|q\s*&\s*a)\b",
    re.IGNORECASE,
)
EXTERNAL_HEADING = re.compile(
    r"\b(?:external|customers?|users?|public|clients?|consumers?|buyers?|members?|shoppers?|patients?|"
    r"parents?|visitors?)\b|^\W*for\s+\w",
    re.IGNORECASE,
)
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
WE = re.compile(r"\b(?:we|our|us|ours)\b", re.IGNORECASE)
# What the business asks (the domain's "typical internal questions"): market size, economics,
# dependencies, feasibility, risks, how success is measured.
# Only the business asks about these, whoever asks:
INTERNAL_TOPIC = re.compile(
    r"\b(?:tam|market\s+size|size\s+of\s+the\s+market|addressable|unit\s+economics|margins?|revenue|profit\w*|"
    r"p&l|headcount|investment|roi|cannibali[sz]\w*|go-to-market|staffing|business\s+case)\b", re.IGNORECASE)
# A customer asks about these too ("How are risk levels determined?", "Is this legal?"): internal
# only when the company asks them of itself ("What are our risks?", "How will we measure success?").
SHARED_TOPIC = re.compile(
    r"\b(?:risks?|feasib\w*|dependenc\w*|economics|legal|regulat\w*|compliance|kpis?|metrics?|success|"
    r"measure\w*|cost\s+us|build|launch\s+date|timeline)\b", re.IGNORECASE)


@dataclass
class AnswerPart:
    block: Block
    start: int = 0  # prose range inside block (for prose blocks)
    end: int = 0

    @property
    def text(self) -> str:
        return self.block.prose.text[self.start:self.end] if self.block.prose else ""


@dataclass
class FaqItem:
    block: Block  # the block that holds the question
    start: int  # the question's prose range in block (markers such as `Q:` left out)
    end: int
    shape: str  # heading | bold | q-a | list | inline | definition | table | paragraph
    audience: str = "external"  # external | internal
    audience_cue: str = ""
    section: "FaqSection | None" = None
    answer: list[AnswerPart] = field(default_factory=list)

    @property
    def question(self) -> str:
        return self.block.prose.text[self.start:self.end].strip()

    @property
    def span(self) -> tuple[int, int]:
        text = self.block.prose.text
        start = self.start + len(text[self.start:self.end]) - len(text[self.start:self.end].lstrip())
        end = self.start + len(text[self.start:self.end].rstrip())
        return self.block.prose.source_span(start, max(end, start + 1))

    @property
    def line(self) -> int:
        return self.block.line

    @property
    def answer_text(self) -> str:
        return " ".join(p.text.strip() for p in self.answer if p.text.strip())

    @property
    def answer_has_code(self) -> bool:
        return any(p.block.kind == "code" and p.block.end > p.block.start for p in self.answer)

    @property
    def answer_lines(self) -> tuple[int, int] | None:
        if not self.answer:
            return None
        return self.answer[0].block.line, self.answer[-1].block.end_line


@dataclass
class FaqSection:
    heading: Block | None
    audience: str
    cue: str


@dataclass
class Faq:
    heading: Block | None
    items: list[FaqItem] = field(default_factory=list)
    sections: list[FaqSection] = field(default_factory=list)  # audience sections, in order

    def audiences(self) -> set[str]:
        return {item.audience for item in self.items}


def is_question_text(text: str) -> bool:
    text = text.strip()
    return text.endswith("?") or bool(INTERROGATIVE.match(text))


def heading_audience(text: str, company_words: frozenset[str]) -> tuple[str | None, str]:
    """external / internal / None for a heading in the FAQ, with the reason."""
    words = {w.lower() for w in re.findall(r"[\w\-]+", text)}
    if INTERNAL_HEADING.search(text):
        return "internal", f"heading \"{text.strip()}\""
    if company_words and words & company_words and not EXTERNAL_HEADING.search(re.sub(r"^\W*for\s+", "", text, flags=re.I)):
        return "internal", f"heading \"{text.strip()}\" names the company"
    if EXTERNAL_HEADING.search(text):
        return "external", f"heading \"{text.strip()}\""
    return None, ""


def faq_of(anatomy) -> Faq:
    """The FAQ of ``anatomy`` as sections and question/answer items, built once per draft."""
    if "faq" not in anatomy.cache:
        anatomy.cache["faq"] = parse_faq(anatomy)
    return anatomy.cache["faq"]


def parse_faq(anatomy) -> Faq:
    faq = Faq(anatomy.faq_heading)
    if not anatomy.faq or anatomy.document is None:
        return faq
    first = anatomy.faq[0]
    blocks = [b for b in anatomy.document.blocks if b.start >= first.start and b.kind not in ("html", "hr", "front-matter")
              and not anatomy.in_other(b)]
    if anatomy.faq[0] not in blocks:  # a synthetic block (front matter title) cannot start an FAQ; be safe
        blocks = [b for b in anatomy.document.blocks if b in anatomy.faq or b.start > first.start]
    company = frozenset(w.lower() for w in re.findall(r"[\w\-]+", anatomy.company or "")) - {"the", "of", "and"}
    items = _Parser(company, anatomy.document.text).run(blocks)
    strong = [i for i in items if i.shape != "paragraph"]
    if strong:  # a rhetorical "Why? Because ..." inside an answer is not a question of its own
        kept: list[FaqItem] = []
        for item in items:
            if item.shape == "paragraph" and kept:
                kept[-1].answer.append(AnswerPart(item.block, 0, len(item.block.prose.text)))
                kept[-1].answer.extend(item.answer)
                continue
            if item.shape != "paragraph":
                kept.append(item)
        items = kept
    faq.items = items
    seen = []
    for item in items:
        if item.section is not None and item.section not in seen:
            seen.append(item.section)
    faq.sections = seen
    return faq


class _Parser:
    def __init__(self, company_words: frozenset[str], source: str) -> None:
        self.company = company_words
        self.source = source
        self.stack: list[tuple[int, FaqSection]] = []  # (heading level, section)
        self.items: list[FaqItem] = []
        self.current: FaqItem | None = None

    # -- audience ------------------------------------------------------------------------

    def _section(self) -> FaqSection | None:
        return self.stack[-1][1] if self.stack else None

    def _new_item(self, block: Block, start: int, end: int, shape: str) -> FaqItem:
        section = self._section()
        text = block.prose.text[start:end]
        if section is not None:
            audience, cue = section.audience, section.cue
        elif WE.search(text) and SHARED_TOPIC.search(text):
            audience, cue = "internal", (f"no audience heading; the company asks itself about "
                                         f"\"{SHARED_TOPIC.search(text).group(0)}\"")
        elif INTERNAL_TOPIC.search(text):
            audience, cue = "internal", f"no audience heading; a business topic (\"{INTERNAL_TOPIC.search(text).group(0)}\")"
        else:
            audience, cue = "external", "no audience heading"
        item = FaqItem(block, start, end, shape, audience, cue, section)
        self.items.append(item)
        self.current = item
        return item

    def _heading(self, block: Block, following: Block | None) -> None:
        text = block.text.strip()
        audience, cue = heading_audience(text, self.company)
        current = self.current
        if (current is not None and current.shape == "heading" and block.level > current.block.level
                and not is_faq_heading(block) and not text.endswith("?")):
            current.answer.append(AnswerPart(block, 0, len(block.prose.text)))  # a sub-section of the answer
            return
        if is_question_text(text) and not (audience and not text.endswith("?")):
            self._new_item(block, 0, len(block.prose.text), "heading")
            return
        self.current = None
        while self.stack and self.stack[-1][0] >= block.level:
            self.stack.pop()
        if audience:
            self.stack.append((block.level, FaqSection(block, audience, cue)))
            return
        if is_faq_heading(block):
            return
        # a topic heading directly over its answer stands for a question (`### Pricing`)
        if following is not None and following.kind in ("paragraph", "code", "table_cell") and not (
                following.prose is not None and self._question(following)):
            self._new_item(block, 0, len(block.prose.text), "heading")

    # -- paragraphs ----------------------------------------------------------------------

    def _question(self, block: Block) -> tuple[str, int, int] | None:
        """(shape, start, end) of the question that opens a paragraph, or None when it holds none."""
        text = block.prose.text
        end_of_text = len(text.rstrip())
        match = Q_PREFIX.match(text)
        if match:
            inside = A_INSIDE.search(text, match.end())
            if inside:
                return "q-a", match.end(), inside.start()
            # `**Q: Does it work offline?**` with the answer on the next line of the paragraph
            cut = _question_line_end(block, self.source, match.end())
            return "q-a", match.end(), cut if cut is not None else len(text)
        if block.emphasised and is_question_text(text):
            return "bold", 0, len(text)
        bold = _leading_bold_end(block, self.source)
        if bold is not None and bold < end_of_text and is_question_text(text[:bold]):
            return ("list" if block.list_item_start else "inline"), 0, bold
        lead = _leading_question(text)
        if block.list_item_start and lead is not None:
            return "list", 0, lead + 1
        if lead is not None and text[lead + 1:].lstrip().startswith(":"):
            return "definition", 0, lead + 1  # `How much?` then `: Five dollars.` (a definition list)
        if text.rstrip().endswith("?") and len(text.split()) <= 40 and "?" not in text.rstrip()[:-1]:
            return "paragraph", 0, len(text)
        if lead is not None and lead < end_of_text - 1 and INTERROGATIVE.match(text):
            return "paragraph", 0, lead + 1
        return None

    def _paragraph(self, block: Block) -> None:
        text = block.prose.text
        if self.current is not None and A_PREFIX.match(text):
            self.current.answer.append(AnswerPart(block, A_PREFIX.match(text).end(), len(text)))
            return
        found = self._question(block)
        if found is None:
            if self.current is not None:
                self.current.answer.append(AnswerPart(block, 0, len(text)))
            return
        shape, start, end = found
        item = self._new_item(block, start, end, shape)
        rest = end
        if shape == "q-a":
            inside = A_INSIDE.match(text, end - 1) or A_INSIDE.match(text, end)
            rest = inside.end() if inside else end
        while rest < len(text) and (text[rest].isspace() or text[rest] in ":\u2014\u2013-"):
            rest += 1
        if text[rest:].strip():
            item.answer.append(AnswerPart(block, rest, len(text)))

    def _header_cell(self, block: Block) -> bool:
        line_end = self.source.find("\n", block.start)
        following = self.source[line_end + 1:self.source.find("\n", line_end + 1)] if line_end != -1 else ""
        return bool(TABLE_RULE.match(following))

    # -- walk ----------------------------------------------------------------------------

    def run(self, blocks: list[Block]) -> list[FaqItem]:
        for i, block in enumerate(blocks):
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if block.kind == "heading":
                self._heading(block, following)
            elif block.kind == "paragraph" and block.prose is not None and block.prose.text.strip():
                self._paragraph(block)
            elif block.kind == "table_cell" and block.prose is not None:
                text = block.prose.text.strip()
                if self._header_cell(block):
                    continue  # `| Question | Answer |` names the columns
                if text.endswith("?") and (following is None or following.kind == "table_cell"):
                    self._new_item(block, 0, len(block.prose.text), "table")
                elif self.current is not None and text:
                    self.current.answer.append(AnswerPart(block, 0, len(block.prose.text)))
            elif block.kind == "code" and self.current is not None:
                self.current.answer.append(AnswerPart(block))
        return self.items


def _question_line_end(block: Block, source: str, after: int) -> int | None:
    """Prose index where the paragraph's first line ends, when that line is the whole question
    (it ends in `?` or is one bold run) and more text follows on the next lines; else None."""
    prose = block.prose
    newline = source.find("\n", block.start)
    if newline == -1 or newline >= block.end or not prose.segments:
        return None
    end = None
    for p0, p1, s0, s1 in prose.segments:
        if s0 >= newline:
            break
        end = p0 + min(newline - s0, p1 - p0) if p1 - p0 == s1 - s0 else p1
    text = prose.text
    if end is None or end <= after or not text[end:].strip():
        return None
    bold = _leading_bold_end(block, source)
    if bold is not None and after < bold < len(text.rstrip()) and text[bold:].strip():
        return bold  # the bold run is the question, however many lines it wraps over
    if text[:end].rstrip().endswith("?"):
        return end
    return None


def _leading_question(text: str) -> int | None:
    """Index of the `?` that closes a question opening ``text`` (within its first 60 words), or None."""
    index = text.find("?")
    if index == -1 or len(text[:index].split()) > 60:
        return None
    head = text[:index]
    if re.search(r"[.!]\s", head):  # a sentence ends before the question mark: not a leading question
        return None
    return index


def _leading_bold_end(block: Block, source: str) -> int | None:
    """Prose index just past a bold or italic run that opens the block (`**How much?** Five dollars.`)."""
    prose = block.prose
    if not prose.segments:
        return None
    first = prose.source_start(0)
    before = source[block.start:first]
    marker = re.search(r"(\*\*|__|\*|_)$", before.rstrip(" "))
    if not marker:
        return None
    close = source.find(marker.group(1), first)
    if close == -1 or close > block.end:
        return None
    end = 0
    for p0, p1, s0, s1 in prose.segments:
        if s0 >= close:
            break
        end = p0 + min(close - s0, p1 - p0) if p1 - p0 == s1 - s0 else p1
    return end if end > 0 else None
