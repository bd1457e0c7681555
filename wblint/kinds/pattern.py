"""pattern: text matching a regular expression (for team rule packs); each match located.

Patterns run over the prose of the blocks in scope (never code, URLs or front
matter) with the ``regex`` package under a time limit (wblint.userregex): a pattern
that backtracks catastrophically is stopped and reported, not left to hang the scan.
"""
from __future__ import annotations

from typing import Iterator

from ..userregex import find_all
from . import Context, Finding, Kind, Option


def check(ctx: Context) -> Iterator[Finding]:
    patterns = list(ctx.options["patterns"])
    ignore_case = ctx.options["ignore_case"]
    for block in ctx.blocks():
        prose = block.prose
        if prose is None or not prose.text:
            continue
        for pattern in patterns:
            for start, end, text in find_all(pattern, prose.text, ignore_case):
                if not prose.is_opaque(start, end):
                    yield ctx.report_in(block, start, end, match=text, pattern=pattern)


KIND = Kind(
    name="pattern",
    summary="Text matching any of the given regular expressions is flagged, each match located.",
    check=check,
    options={
        "patterns": Option("regex-list", [], "regular expressions (Python syntax) to flag in prose"),
        "ignore_case": Option("bool", True, "match without regard to case"),
    },
)
