"""pattern: every match of a regular expression in the prose is reported.

For marks and fixed strings that need no grammar (exclamation marks, "!!!",
"e.g."): ``patterns`` are searched in the prose a reader sees, so code spans,
URLs, image syntax, HTML and front matter never match; quotations are read only
with ``include_quotes``.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import Context, Finding, Kind, Option
from ._language import include_quotes_option, readable


def check(ctx: Context) -> Iterator[Finding]:
    flags = 0 if ctx.options["case_sensitive"] else re.IGNORECASE
    patterns = [re.compile(p, flags) for p in ctx.options["patterns"]]
    for block in ctx.blocks():
        text = block.prose.text
        for pattern in patterns:
            for match in pattern.finditer(text):
                start, end = match.span()
                if end > start and readable(ctx, block, start, end):
                    yield ctx.report_in(block, start, end, text=match.group(0))


KIND = Kind(
    name="pattern",
    summary="Every match of a regular expression in the prose (outside code, URLs and, optionally, quotes).",
    check=check,
    options={
        "patterns": Option("regex-list", [], "regular expressions to report"),
        "case_sensitive": Option("bool", True, "match case exactly"),
        "include_quotes": include_quotes_option(False),
    },
)
