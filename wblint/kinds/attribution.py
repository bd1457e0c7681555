"""attribution: every quotation is attributed to a named person with a role.

The anatomy reads each quote's attribution (`said Dana Ortiz, CEO of Acme`, a
`— Name, role` line under a block quote, `Ortiz added` after Dana Ortiz was
named, `she said`).  A quote with no speaker, a speaker or role that is template
text (`[NAME]`, `Customer Name`, `Target user`: the ``placeholders`` patterns), or
a speaker with no role is reported once per paragraph, at the placeholder when
there is one, else at the quotation.
"""
from __future__ import annotations

from typing import Iterator

from ..userregex import user_patterns
from . import Context, Finding, Kind, Option


def check(ctx: Context) -> Iterator[Finding]:
    patterns = user_patterns(tuple(ctx.options["placeholders"]), True)
    reported: set[tuple[int, str]] = set()
    for quote in ctx.anatomy.quotes:
        key = (id(quote.block), quote.attribution or f"@{quote.prose_start}")
        if key in reported:
            continue
        problem, where = _problem(quote, patterns, ctx.options["require_role"])
        if problem is None:
            continue
        reported.add(key)
        if where is not None:
            yield ctx.report_in(quote.block, where[0], where[1], problem=problem)
        else:
            text = quote.block.prose.text
            start = quote.prose_start + len(text[quote.prose_start:quote.prose_end]) - len(
                text[quote.prose_start:quote.prose_end].lstrip())
            end = quote.prose_start + len(text[quote.prose_start:quote.prose_end].rstrip())
            yield ctx.report_in(quote.block, start, end, problem=problem)


def _problem(quote, patterns, require_role: bool):
    """(what is wrong, prose range to point at or None)."""
    for field in (quote.speaker, quote.role, quote.attribution if not quote.speaker else None):
        if not field:
            continue
        for pattern in patterns:
            match = pattern.search(field)
            if match and match.group(0).strip():
                at = quote.block.prose.text.find(field)
                where = None
                if at != -1:
                    where = (at + match.start(), at + match.end())
                return f"is attributed to a placeholder (\"{match.group(0).strip()}\")", where
    if not quote.speaker:
        return "has no named speaker", None
    if require_role and not quote.role:
        return f"gives {quote.speaker} no role", None
    return None, None


KIND = Kind(
    name="attribution",
    summary="Every quotation is attributed to a named person with a role; template speakers are flagged.",
    check=check,
    fields=("problem",),
    options={
        "placeholders": Option("regex-list", [], "patterns of template text in a speaker or role (case-insensitive)"),
        "require_role": Option("bool", True, "the speaker's role must be given"),
    },
)
