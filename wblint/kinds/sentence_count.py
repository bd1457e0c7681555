"""sentence-count: each block in scope has between min and max sentences."""
from __future__ import annotations

from typing import Iterator

from . import Context, Finding, Kind, Option


def check(ctx: Context) -> Iterator[Finding]:
    low, high = ctx.options["min"], ctx.options["max"]
    for block in ctx.blocks():
        if ctx.spacy_doc(block) is None:
            continue
        count = sum(1 for s in ctx.block_sentences(block) if any(t.is_alpha or t.is_digit for t in s.span))
        if count < low or count > high:
            yield ctx.report_block(block, count=count)


KIND = Kind(
    name="sentence-count",
    summary="Each block in scope has between min and max sentences.",
    check=check,
    fields=("count",),
    options={
        "min": Option("int", 1, "fewest sentences allowed", min=0),
        "max": Option("int", 1, "most sentences allowed", min=1),
    },
    needs=frozenset({"sentences"}),
)
