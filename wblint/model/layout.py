"""Sections that are neither the release nor its FAQ: the draft's own scaffolding.

A document title and what stands under it, notes in block quotes, template guidance, Tenets,
Appendix, About boilerplate and sections after the FAQ at its level.  No release rule, style
rule or `length` reads them; `wblint outline` lists them.
"""
from __future__ import annotations

import re

from .markdown import Block, Document
from .quotes import is_slot_guidance
from .sections import is_faq_heading, is_other_heading, is_template_instruction


def other_ranges(doc: Document, blocks: list[Block], title: Block | None,
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
    return merged(ranges)


# "About Acme" opening a paragraph, set off by a colon, a dash, a line break or bold
ABOUT_LEAD = re.compile(r"^\W*About\s+(?:the\s+)?[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}\s*(?:[:\u2014\u2013\n]|-\s)")


def after_faq(doc: Document, blocks: list[Block], faq_index: int) -> list[tuple[int, int]]:
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


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges sorted, a range inside or overlapping the one before joined to it."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def inside(block: Block, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= block.start < end for start, end in ranges)


# `Q: Does it work offline?`, `**Q1. What is it?**`: a question marked as one
