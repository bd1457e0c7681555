"""A fix-offering kind for the tests of --fix, suppressions and formats.

wblint's own fix-offering kinds (``substitution`` for ``wordy-phrases``) live with the
style rules; the fixer is tested against this small stand-in so that its tests do not
depend on any built-in rule's word list.  ``replacements`` maps a phrase to its
replacement; the fix is attached only when the source text is exactly the phrase
(no markup or line break inside it), so some findings come without one.
"""
from __future__ import annotations

import re
from typing import Iterator

from wblint.kinds import Context, Finding, Kind, Option


def _pattern(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![\w'-])" + r"\s+".join(map(re.escape, phrase.split())) + r"(?![\w'-])", re.I)


def _match_case(found: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if found[:1].isupper() else replacement


def check(ctx: Context) -> Iterator[Finding]:
    table = ctx.options["replacements"]
    for block in ctx.blocks():
        prose = block.prose
        if prose is None:
            continue
        taken: list[tuple[int, int]] = []
        for phrase in sorted(table, key=len, reverse=True):
            for match in _pattern(phrase).finditer(prose.text):
                start, end = match.span()
                if prose.is_opaque(start, end) or any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                src_start, src_end = prose.source_span(start, end)
                suggestion = _match_case(match.group(), str(table[phrase]))
                fix = suggestion if ctx.document.text[src_start:src_end] == match.group() else None
                yield ctx.report(src_start, src_end, fix, phrase=match.group(), suggestion=suggestion)


KIND = Kind(
    name="fixture-replace",
    summary="Test stand-in: a phrase with a replacement carried as a fix.",
    check=check,
    options={"replacements": Option("map", {}, "phrase -> replacement")},
    fields=("phrase", "suggestion"),
)
