"""length: the words in scope fit in max_pages pages of words_per_page words."""
from __future__ import annotations

import re
from typing import Iterator

from . import Context, Finding, Kind, Option

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def check(ctx: Context) -> Iterator[Finding]:
    limit = int(ctx.options["max_pages"] * ctx.options["words_per_page"])
    words = []  # (block, prose start, prose end) of each word in reading order
    for block in ctx.blocks():
        prose = block.prose
        words.extend((block, m.start(), m.end()) for m in WORD.finditer(prose.text)
                     if not prose.is_opaque(m.start(), m.end()))
    if len(words) <= limit:
        return
    block, start, _ = words[limit]
    end = len(block.prose.text.rstrip())
    per_page = ctx.options["words_per_page"]
    yield ctx.report_in(block, start, end, words=len(words), pages=len(words) / per_page,
                        over=len(words) - limit, limit=limit)


KIND = Kind(
    name="length",
    summary="The words in scope fit in a number of pages.",
    check=check,
    options={
        "max_pages": Option("float", 1.5, "most pages allowed"),
        "words_per_page": Option("int", 500, "words that make a page"),
    },
)
