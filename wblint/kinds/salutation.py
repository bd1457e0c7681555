"""salutation: a letter opens by greeting its reader (`Dear Riverbend Library members,`).

The first paragraph of the letter (a title heading or front matter title before it
is fine) must match one of the ``patterns``.
"""
from __future__ import annotations

from typing import Iterator

from ..userregex import user_patterns
from . import Context, Finding, Kind, Option


def check(ctx: Context) -> Iterator[Finding]:
    first = next((b for b in ctx.blocks("document") if b.kind != "heading"), None)
    if first is None:
        return
    patterns = user_patterns(tuple(ctx.options["patterns"]), True)
    if any(p.search(first.text) for p in patterns):
        return
    text = first.text
    words = text.split()
    end = len(" ".join(words[:6]))
    lead = len(text) - len(text.lstrip())
    yield ctx.report_in(first, lead, lead + end)


KIND = Kind(
    name="salutation",
    summary="A letter opens with a salutation to its reader.",
    check=check,
    fields=(),
    options={"patterns": Option("regex-list", [], "how a salutation looks (case-insensitive, searched in the first paragraph)")},
)
