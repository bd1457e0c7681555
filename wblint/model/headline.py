"""The release's headline and sub-heading, and the document title above them when there is one.

Real drafts put a title (`# Acme — PR/FAQ`), notes and a `## Press Release` heading above the
release's own headline; a draft without headings opens with a bold line.  This module tells
them apart; the anatomy asks it once per draft.
"""
from __future__ import annotations

import re

from .markdown import Block, Document
from .prose import Prose
from .sections import (SECTION_WORDS, is_document_title, is_faq_heading, is_other_heading, is_release_label,
                       is_release_section_heading)


def release_headline(blocks: list[Block]) -> tuple[Block | None, str, Block | None, Block | None]:
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


def first_headline(doc: Document, blocks: list[Block]) -> tuple[Block | None, str]:
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


def subheading_cue(block: Block, headline: Block, headline_cue: str) -> str:
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
