"""dateline: the summary opens with a dateline, a city and a date.

`SEATTLE, WA — March 3, 2027 —`, `SEATTLE--(Business Wire)--December 1, 2020--`,
`LISBON – (Mar 2026) –`: the anatomy reads the city, an optional wire name and
the date, with en or em dashes, double hyphens, colons or slashes between them.
A dateline standing alone above the lead counts; one found at the start of a
later paragraph is reported as misplaced.
"""
from __future__ import annotations

from typing import Iterator

from ..kinds.length import WORD
from . import Context, Finding, Kind, Option


def check(ctx: Context) -> Iterator[Finding]:
    anatomy = ctx.anatomy
    summary = anatomy.summary
    if summary is None or not anatomy.press_release:
        return
    dateline = anatomy.dateline
    if dateline is None:
        words = [w for w in WORD.finditer(summary.text) if not summary.prose.is_opaque(w.start(), w.end())]
        if not words:
            yield ctx.report_block(summary, problem="does not open with one", line=summary.line)
            return
        yield ctx.report_in(summary, words[0].start(), words[min(len(words), 6) - 1].end(),
                            problem="does not open with one", line=summary.line)
        return
    start, end = dateline.span
    if not dateline.at_start:
        yield ctx.report(start, end, problem=f"has it at the start of the paragraph on line {dateline.block.line}, "
                                             f"not of the summary on line {summary.line}", line=summary.line)
    elif ctx.options["require_city"] and not dateline.city:
        yield ctx.report(start, end, problem="gives a date but no city", line=summary.line)
    elif ctx.options["require_date"] and not dateline.date:
        yield ctx.report(start, end, problem="gives a city but no date", line=summary.line)


KIND = Kind(
    name="dateline",
    summary="The summary opens with a dateline: city and date.",
    check=check,
    fields=("line", "problem"),
    options={
        "require_city": Option("bool", True, "the dateline must name a city"),
        "require_date": Option("bool", True, "the dateline must give a date"),
    },
)
