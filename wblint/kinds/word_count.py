"""word-count: each block in scope has at most max_words words (and at least min_words).

Words are counted in the prose a reader sees, outside code; a dateline that opens
the block is not counted (it is not part of what the lead says).  The finding
starts at the first word past the limit.
"""
from __future__ import annotations

from typing import Iterator

from . import Context, Finding, Kind, Option
from .length import word_spans


def check(ctx: Context) -> Iterator[Finding]:
    dateline = ctx.anatomy.dateline
    for block in ctx.blocks():
        prose = block.prose
        skip = dateline.prose_end if (ctx.options["skip_dateline"] and dateline is not None
                                      and dateline.block is block and dateline.at_start) else 0
        words = [start for start, _ in word_spans(prose) if start >= skip]
        count = len(words)
        if count > ctx.options["max_words"]:
            first = words[ctx.options["max_words"]]
            yield ctx.report_in(block, first, len(prose.text.rstrip()), words=count,
                                over=count - ctx.options["max_words"])
        elif count < ctx.options["min_words"] and count:
            yield ctx.report_block(block, words=count, over=0)


KIND = Kind(
    name="word-count",
    summary="Each block in scope has between min_words and max_words words.",
    check=check,
    fields=("over", "words"),
    options={
        "max_words": Option("int", 100, "most words", min=1),
        "min_words": Option("int", 0, "fewest words (0: no minimum)", min=0),
        "skip_dateline": Option("bool", True, "do not count a dateline that opens the block"),
    },
)
