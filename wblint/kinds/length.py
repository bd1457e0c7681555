"""length: the words in scope fit in max_pages pages of words_per_page words."""
from __future__ import annotations

import re
from typing import Iterator

from . import Context, Finding, Kind, Option, shown_above

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def word_spans(prose) -> list[tuple[int, int]]:
    """Prose (start, end) of each word outside code."""
    return [m.span() for m in WORD.finditer(prose.text) if not prose.is_opaque(m.start(), m.end())]


def word_count(ctx: Context, block) -> int:
    """The block's words outside code, counted once per draft for every rule."""
    prose = block.prose
    return ctx.per_draft(("word count", id(prose)),
                         lambda: len(word_spans(prose)) if prose.opaque else len(WORD.findall(prose.text)))


def check(ctx: Context) -> Iterator[Finding]:
    limit = int(ctx.options["max_pages"] * ctx.options["words_per_page"])
    blocks = ctx.blocks()
    total = sum(word_count(ctx, block) for block in blocks)
    if total <= limit:
        return
    block, start = _word_at(ctx, blocks, limit)
    end = len(block.prose.text.rstrip())
    per_page = ctx.options["words_per_page"]
    yield ctx.report_in(block, start, end, words=total, pages=shown_above(total / per_page, ctx.options["max_pages"]), over=total - limit, limit=limit)


def _word_at(ctx: Context, blocks: list, index: int) -> tuple:
    """(block, prose start) of word number ``index`` (from 0) of ``blocks``."""
    for block in blocks:
        count = word_count(ctx, block)
        if index < count:
            return block, word_spans(block.prose)[index][0]
        index -= count
    raise IndexError(index)


KIND = Kind(
    name="length",
    summary="The words in scope fit in a number of pages.",
    check=check,
    fields=("limit", "over", "pages", "words"),
    options={
        "max_pages": Option("float", 1.5, "most pages allowed", min=0),
        "words_per_page": Option("int", 500, "words that make a page", min=1),
    },
)
