"""faq-audience: the FAQ answers each of the required audiences (external customers, internal stakeholders).

Each question's audience comes from wblint.model.faq: the section heading it sits under
(`Customer FAQ`, `Internal FAQ`, `For the Acme team`), else its wording.
Reported once, at the FAQ heading (or the first question).
"""
from __future__ import annotations

from typing import Iterator

from ..model import faq_of
from . import Context, Finding, Kind, Option

NAMES = {"external": "external (customer)", "internal": "internal (stakeholder)"}


def check(ctx: Context) -> Iterator[Finding]:
    faq = faq_of(ctx.anatomy)
    if not faq.items:
        return
    present = faq.audiences()
    missing = [a for a in ctx.options["audiences"] if a not in present]
    if not missing:
        return
    anchor = faq.heading or (ctx.anatomy.faq[0] if ctx.anatomy.faq else faq.items[0].block)
    yield ctx.report_block(anchor, missing=" and ".join(NAMES.get(a, a) for a in missing),
                           present=", ".join(NAMES.get(a, a) for a in sorted(present)))


KIND = Kind(
    name="faq-audience",
    summary="The FAQ has questions for every required audience.",
    check=check,
    fields=("missing", "present"),
    options={"audiences": Option("str-list", ["external", "internal"], "audiences the FAQ must answer")},
)
