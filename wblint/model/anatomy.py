"""Document -> Anatomy: which blocks are the headline, sub-heading, summary (and its
dateline), press-release body and FAQ; the product and the announcing company; where
the quotations are and who said them.

Everything here is cheap (no spaCy): it reads the block structure and a few cues from
the text.  Rules read the anatomy instead of re-discovering it.  Two richer models are
built on demand from it, in the modules above this one: the FAQ's question/answer items
(wblint.model.faq) and the press release's parts (wblint.model.parts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .announcement import company_words, read_announcement
from .dateline import Dateline, bare_dateline, find_dateline
from .markdown import Block, Document
from .prose import Prose
from .quotes import Quote, find_quotes
from .sections import SECTION_WORDS, is_faq_heading, is_prose_block


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
    if body and headline is not None and not bare_dateline(body[0]):
        anatomy.subheading_cue = _subheading_cue(body[0], headline, cue)
        if anatomy.subheading_cue:
            anatomy.subheading = body[0]
    leads = [b for b in body if b.kind == "paragraph" and (not b.emphasised or bare_dateline(b))
             and b is not anatomy.subheading and b.quote_depth == 0 and b.list_depth == 0]
    anatomy.summary = leads[0] if leads else None
    if anatomy.summary is not None and kind != "dear-customer-letter":
        dateline = find_dateline(anatomy.summary)
        if dateline is not None and bare_dateline(anatomy.summary) and len(leads) > 1:
            anatomy.summary = leads[1]  # the dateline stands alone; the lead is the next paragraph
        elif anatomy.summary.emphasised:
            anatomy.summary = leads[1] if len(leads) > 1 else None
        elif dateline is None:
            dateline = next((d for d in (find_dateline(b) for b in leads[1:3]) if d and d.city and d.date), None)
            if dateline is not None:
                dateline.at_start = False
        anatomy.dateline = dateline
    read_announcement(doc, anatomy)
    anatomy.company_words = company_words(doc, anatomy)
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


