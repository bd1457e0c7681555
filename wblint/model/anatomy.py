"""Document -> Anatomy: which blocks are the headline, sub-heading, summary (and its
dateline), press-release body and FAQ; the product and the announcing company; where
the quotations are and who said them.

Everything here is cheap (no spaCy): it reads the block structure and a few cues from
the text.  The headline comes from wblint.model.headline, the sections that are neither
release nor FAQ from wblint.model.layout.  Rules read the anatomy instead of re-discovering it.  Two richer models are
built on demand from it, in the modules above this one: the FAQ's question/answer items
(wblint.model.faq) and the press release's parts (wblint.model.parts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .announcement import company_words, read_announcement
from .dateline import Dateline, bare_dateline, find_dateline
from .headline import first_headline, release_headline, subheading_cue
from .layout import after_faq, inside, merged, other_ranges
from .markdown import Block, Document
from .quotes import Quote, find_quotes
from .sections import is_document_title, is_faq_heading, is_prose_block, is_release_label


@dataclass
class Anatomy:
    kind: str
    kind_cue: str
    title: Block | None = None  # a document title above the release (`# Acme — PR/FAQ`), not its headline
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
    other: list[Block] = field(default_factory=list)  # prose blocks of neither release nor FAQ (Tenets, notes)
    other_ranges: list[tuple[int, int]] = field(default_factory=list)  # their source ranges, code included
    company_words: frozenset[str] = frozenset()
    document: Document | None = field(default=None, repr=False)
    cache: dict = field(default_factory=dict, repr=False)  # derived models (FAQ items, parts), built on demand

    def quote_ranges(self, block: Block) -> list[tuple[int, int]]:
        return [(q.prose_start, q.prose_end) for q in self.quotes if q.block is block]

    def in_other(self, block: Block) -> bool:
        return inside(block, self.other_ranges)

    def in_quote(self, block: Block, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quote_ranges(block))


def analyse(doc: Document, default_kind: str | None = None) -> Anatomy:
    every = [b for b in doc.blocks if is_prose_block(b)]
    headline, cue, title, opening = release_headline(every)
    if headline is None and opening is None:
        headline, cue = first_headline(doc, every)
    set_aside = other_ranges(doc, every, title, opening)
    blocks = [b for b in every if not inside(b, set_aside) or b is headline]
    faq_index, faq_cue = _faq_start(blocks, headline)
    if faq_index is not None and is_faq_heading(blocks[faq_index]):
        tail = after_faq(doc, blocks, faq_index)
        if tail:
            set_aside = merged(set_aside + tail)
            blocks = [b for b in blocks if not inside(b, tail)]
    other = [b for b in every if inside(b, set_aside) and b is not headline]
    declared = doc.declared_kind()
    if declared:
        kind, kind_cue = declared, "front matter type"
    elif default_kind:
        kind, kind_cue = default_kind, "configured default-kind"
    else:
        kind, kind_cue = _infer_kind(blocks, headline, faq_index, title)
    anatomy = Anatomy(kind=kind, kind_cue=kind_cue, title=title, headline=headline, headline_cue=cue,
                      document=doc, other=other, other_ranges=set_aside)
    if kind == "faq" and faq_index is None:
        faq_index, faq_cue = 0, "the document is an FAQ"
    pr_blocks = blocks if faq_index is None else blocks[:faq_index]
    if headline is not None and headline in pr_blocks:
        pr_blocks = pr_blocks[pr_blocks.index(headline):]
    if headline is not None and headline not in pr_blocks and kind != "faq":
        pr_blocks = [headline, *pr_blocks]
    if faq_index is not None and blocks:
        anatomy.faq_heading = blocks[faq_index] if is_faq_heading(blocks[faq_index]) else None
        anatomy.faq = blocks[faq_index:]
        anatomy.faq_cue = faq_cue
    if kind == "faq":
        pr_blocks = []
    anatomy.press_release = pr_blocks
    body = [b for b in pr_blocks if b is not headline and not is_release_label(b)]
    if body and headline is not None and not bare_dateline(body[0]):
        anatomy.subheading_cue = subheading_cue(body[0], headline, cue)
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


_Q_LINE = re.compile(r"^\W*(?:Q|Question)\s*\d*\s*[:.)\-\u2013\u2014]\s*\S")


def _faq_start(blocks: list[Block], headline: Block | None) -> tuple[int | None, str]:
    """Where the FAQ begins: an FAQ heading, else a run of question headings or `Q:` lines
    after the lead."""
    for i, block in enumerate(blocks):
        if block is not headline and is_faq_heading(block):
            return i, f"heading \"{block.text.strip()}\""
    marked = [i for i, b in enumerate(blocks) if b.kind == "paragraph" and b.quote_depth == 0
              and _Q_LINE.match(b.text)]
    if len(marked) >= 2 and any(b.kind == "paragraph" for b in blocks[:marked[0]]):
        return marked[0], "a run of Q: lines"
    questions = [i for i, b in enumerate(blocks) if b.kind == "heading" and b is not headline
                 and b.level >= 2 and b.text.rstrip().endswith("?")]
    for i in questions:
        level = blocks[i].level
        same = [j for j in questions if j > i and blocks[j].level == level]
        if len(same) >= 2 and any(b.kind == "paragraph" for b in blocks[:i]):
            return i, "a run of question headings"
    return None, ""


def _infer_kind(blocks: list[Block], headline: Block | None, faq_index: int | None,
                title: Block | None = None) -> tuple[str, str]:
    first_body = next((b for b in blocks if b is not headline and b.kind == "paragraph"), None)
    if first_body is not None and re.match(r"^\s*Dear\b[^,\n]{0,60},", first_body.text):
        return "dear-customer-letter", "opens with a 'Dear …,' salutation"
    if faq_index is not None:
        before = [b for b in blocks[:faq_index] if b.kind == "paragraph"]
        if before:
            return "prfaq", "press release followed by an FAQ"
        return "faq", "starts with an FAQ"
    if title is not None and is_document_title(title) and "faq" in title.text.lower():
        return "prfaq", f"titled \"{title.text.strip()}\""  # the FAQ it promises is missing
    return "press-release", "no FAQ heading"
