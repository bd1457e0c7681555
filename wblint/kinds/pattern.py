"""pattern: every match of a regular expression in the prose is reported.

For marks and fixed strings that need no grammar (exclamation marks, "!!!",
"e.g."): ``patterns`` are searched in the prose a reader sees, so code spans,
URLs, image syntax, HTML and front matter never match; quotations are read only
with ``include_quotes``.

Patterns may come from team rule packs, so they run with the ``regex`` package under a
time limit (wblint.userregex): one that backtracks catastrophically is stopped and
reported for that file, never left to hang the scan.
"""
from __future__ import annotations

from typing import Iterator

from ..userregex import find_all, may_match
from . import Context, Finding, Kind, Option
from ._language import include_quotes_option, readable


def check(ctx: Context) -> Iterator[Finding]:
    ignore_case = not ctx.options["case_sensitive"]
    joined = ctx.joined_blocks()
    patterns = [p for p in ctx.options["patterns"] if may_match(p, joined, ignore_case)]
    if not patterns:
        return
    for block in ctx.blocks():
        text = block.prose.text
        for pattern in patterns:
            for start, end, found in find_all(pattern, text, ignore_case):
                if readable(ctx, block, start, end):
                    yield ctx.report_in(block, start, end, text=found)


KIND = Kind(
    name="pattern",
    summary="Every match of a regular expression in the prose (outside code, URLs and, optionally, quotes).",
    check=check,
    fields=("text",),
    options={
        "patterns": Option("regex-list", [], "regular expressions to report"),
        "case_sensitive": Option("bool", True, "match case exactly"),
        "include_quotes": include_quotes_option(False),
    },
)
