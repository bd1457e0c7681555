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
from .quotes import Quote, find_quotes, is_slot_guidance
from .sections import (SECTION_WORDS, is_document_title, is_faq_heading, is_other_heading, is_prose_block,
                       is_release_label, is_release_section_heading, is_template_instruction)


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
        return any(start <= block.start < end for start, end in self.other_ranges)

    def in_quote(self, block: Block, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quote_ranges(block))


def analyse(doc: Document, default_kind: str | None = None) -> Anatomy:
    every = [b for b in doc.blocks if is_prose_block(b)]
    headline, cue, title, opening = _release_headline(every)
    if headline is None and opening is None:
        headline, cue = _headline(doc, every)
    other_ranges = _other_ranges(doc, every, title, opening)
    blocks = [b for b in every if not _inside(b, other_ranges) or b is headline]
    faq_index, faq_cue = _faq_start(blocks, headline)
    if faq_index is not None and is_faq_heading(blocks[faq_index]):
        tail = _after_faq(doc, blocks, faq_index)
        if tail:
            other_ranges = _merged(other_ranges + tail)
            blocks = [b for b in blocks if not _inside(b, tail)]
    other = [b for b in every if _inside(b, other_ranges) and b is not headline]
    declared = doc.declared_kind()
    if declared:
        kind, kind_cue = declared, "front matter type"
    elif default_kind:
        kind, kind_cue = default_kind, "configured default-kind"
    else:
        kind, kind_cue = _infer_kind(blocks, headline, faq_index, title)
    anatomy = Anatomy(kind=kind, kind_cue=kind_cue, title=title, headline=headline, headline_cue=cue,
                      document=doc, other=other, other_ranges=other_ranges)
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


def _release_headline(blocks: list[Block]) -> tuple[Block | None, str, Block | None, Block | None]:
    """(headline, cue, title, first body block) when a document title or a `## Press Release`
    heading sits above the release's own headline (a `###` heading or a bold line); all None
    otherwise.

    Between them may stand notes, a "Companion docs:" line, release labels: all skipped.
    """
    lead = next((j for j, b in enumerate(blocks[:3]) if b.kind == "heading"), None)
    if lead and all(b.kind == "paragraph" and len(b.text.split()) <= 30 for b in blocks[:lead]):
        blocks = blocks[lead:]  # a "Based on …" line above the title
    if not blocks:
        return None, "", None, None
    first, title, i = blocks[0], None, 0
    faq = next((j for j, b in enumerate(blocks) if j and is_faq_heading(b)), len(blocks))
    release_heading = next((b for b in blocks[1:faq] if is_release_section_heading(b)), None)
    if is_release_section_heading(first):
        release_heading, i = first, 1
    elif first.kind == "heading" and not is_faq_heading(first) and (is_document_title(first) or release_heading):
        title, i = first, 1
    else:
        return None, "", None, None
    if release_heading is not None and release_heading is not first:
        i = blocks.index(release_heading) + 1  # notes between the title and `## Press Release`
    while i < len(blocks) and (is_release_label(blocks[i]) or blocks[i].quote_depth > 0
                               or is_release_section_heading(blocks[i])):
        i += 1
    after = "the press release heading" if release_heading is not None else "the document title"
    if i < len(blocks):
        block = blocks[i]
        if block.kind == "heading" and not (SECTION_WORDS.match(block.text) or is_faq_heading(block)
                                            or is_other_heading(block)):
            return block, f"heading under {after}", title, block
        if block.kind == "paragraph" and block.emphasised and len(block.text.split()) <= 30 and block.list_depth == 0:
            return block, f"bold line under {after}", title, block
    return None, f"no headline under {after}", title, blocks[i] if i < len(blocks) else None


def _other_ranges(doc: Document, blocks: list[Block], title: Block | None,
                  opening: Block | None) -> list[tuple[int, int]]:
    """Source ranges of sections that are neither release nor FAQ: what stands above the
    release's headline under a document title, and each Tenets/Appendix/Notes/Licence section
    up to the next heading of its level or higher."""
    ranges: list[tuple[int, int]] = []
    if title is not None:  # the title and what stands between it and the release
        ranges.append((title.start, opening.start if opening is not None and opening.start > title.start
                       else len(doc.text) + 1))
    end_of_doc = len(doc.text) + 1
    for i, block in enumerate(blocks):
        if is_template_instruction(block) or is_slot_guidance(block):
            ranges.append((block.start, block.end))
            continue
        if block.quote_depth and block.kind == "paragraph" and NOTE_LEAD.match(block.text):
            ranges.append((block.start, block.end))  # `> **Note:** this is a beta`: a note to readers
            continue
        if block.kind == "paragraph" and i > 2 and (ABOUT_LEAD.match(block.text) or (
                doc.text.startswith(("**About ", "__About "), block.start) and block.text.lstrip().startswith("About "))):
            # `**About Acme** Acme makes …`: the boilerplate runs to the next heading
            end = next((b.start for b in blocks[i + 1:] if b.kind == "heading"), end_of_doc)
            if not (ranges and ranges[-1][0] <= block.start < ranges[-1][1]):
                ranges.append((block.start, end))
            continue
        if block is opening or not is_other_heading(block) or is_faq_heading(block):
            continue
        end = next((b.start for b in blocks[i + 1:] if b.kind == "heading" and b.level <= block.level), end_of_doc)
        if ranges and ranges[-1][0] <= block.start < ranges[-1][1]:
            continue  # inside a section already set aside
        ranges.append((block.start, end))
    return _merged(ranges)


# "About Acme" opening a paragraph, set off by a colon, a dash, a line break or bold
ABOUT_LEAD = re.compile(r"^\W*About\s+(?:the\s+)?[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}\s*(?:[:\u2014\u2013\n]|-\s)")


def _after_faq(doc: Document, blocks: list[Block], faq_index: int) -> list[tuple[int, int]]:
    """Sections that follow the FAQ at its own heading level (`## Specification` after `## FAQ`):
    each runs to the next FAQ heading of that level or higher, or to the end."""
    level = blocks[faq_index].level
    ranges: list[tuple[int, int]] = []
    start = None
    for block in blocks[faq_index + 1:]:
        if block.kind != "heading" or block.level > level:
            continue
        if is_faq_heading(block):
            if start is not None:
                ranges.append((start, block.start))
                start = None
        elif start is None and not block.text.rstrip().endswith("?"):
            start = block.start
    if start is not None:
        ranges.append((start, len(doc.text) + 1))
    return ranges


NOTE_LEAD = re.compile(r"^\W*(?:\[!\w+\]|note|nb|n\.b\.|warning|caution|tip|important|disclaimer|"
                       r"editor['\u2019]?s\s+note|author['\u2019]?s\s+note)\b", re.IGNORECASE)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges sorted, a range inside or overlapping the one before joined to it."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _inside(block: Block, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= block.start < end for start, end in ranges)


# `Q: Does it work offline?`, `**Q1. What is it?**`: a question marked as one
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
    lead = blocks[0] if blocks else None
    if (lead is not None and lead.kind == "paragraph" and lead.emphasised and lead.quote_depth == 0
            and lead.list_depth == 0 and 3 <= len(lead.text.split()) <= 25 and not is_release_label(lead)
            and not lead.text.rstrip().endswith(("?", ".", ":")) and not re.match(r"\W*(?:Q|Dear)\b", lead.text)):
        return lead, "bold first line"  # a draft without headings: `**Acme Lets …**`
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


def _subheading_cue(block: Block, headline: Block, headline_cue: str) -> str:
    """Why ``block`` (the first after the headline) is the sub-heading, or "" when it is not."""
    if block.kind == "heading":
        if block.level > headline.level and not SECTION_WORDS.match(block.text) and not is_faq_heading(block) \
                and not is_other_heading(block):
            return f"level-{block.level} heading under the headline"
        return ""
    if block.kind == "paragraph" and block.emphasised and (
            block.line <= headline.end_line + 3 or headline_cue == "front matter title"):
        return "emphasised line under the headline"
    return ""


