"""substitution: a phrase that has a better replacement; each finding carries the fix.

Phrases match whole words, case-insensitively unless ``case_sensitive``, across any
whitespace, outside code and URLs.  The replacement keeps a leading capital.  A fix is
attached only when the flagged source text is exactly the phrase as read (no markup or
line break inside it); otherwise the finding stands without one.  Messages can use
``{phrase}`` (as written) and ``{suggestion}`` (its replacement).
"""
from __future__ import annotations

import re
from typing import Iterator

from . import Context, Finding, Kind, Option


def _pattern(phrase: str, case_sensitive: bool) -> re.Pattern:
    words = [re.escape(word) for word in phrase.split()]
    return re.compile(r"(?<![\w'’-])" + r"\s+".join(words) + r"(?![\w'’-])", 0 if case_sensitive else re.I)


def _match_case(found: str, replacement: str) -> str:
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def check(ctx: Context) -> Iterator[Finding]:
    table = ctx.options["replacements"]
    patterns = [(phrase, str(table[phrase]), _pattern(phrase, ctx.options["case_sensitive"]))
                for phrase in sorted(table, key=len, reverse=True) if str(phrase).strip()]
    text_of = ctx.document.text
    for block in ctx.blocks():
        prose = block.prose
        if prose is None or not prose.text:
            continue
        taken: list[tuple[int, int]] = []
        for phrase, replacement, pattern in patterns:
            for match in pattern.finditer(prose.text):
                start, end = match.span()
                if prose.is_opaque(start, end) or any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                src_start, src_end = prose.source_span(start, end)
                suggestion = _match_case(match.group(), replacement)
                fix = suggestion if text_of[src_start:src_end] == match.group() else None
                yield ctx.report(src_start, src_end, fix, phrase=match.group(), suggestion=suggestion)


KIND = Kind(
    name="substitution",
    summary="A phrase has a better replacement; the finding carries it as a fix.",
    check=check,
    options={
        "replacements": Option("map", {}, "phrase -> its replacement"),
        "case_sensitive": Option("bool", False, "match the phrases' case exactly"),
    },
)
