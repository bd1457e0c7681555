"""presence: a part of the draft's anatomy must be there (headline, sub-heading, FAQ ...)."""
from __future__ import annotations

from typing import Iterator

from . import Context, Finding, Kind, Option

PARTS = ("headline", "subheading", "summary", "faq")


def check(ctx: Context) -> Iterator[Finding]:
    part = ctx.options["part"]
    anatomy = ctx.anatomy
    present = {
        "headline": anatomy.headline is not None,
        "subheading": anatomy.subheading is not None,
        "summary": anatomy.summary is not None,
        "faq": bool(anatomy.faq),
    }[part]
    if present:
        return
    if part == "subheading" and anatomy.headline is None:
        return  # nothing to sit under: the missing headline is heading-present's finding
    anchor = _anchor(ctx, part)
    if anchor is None:
        yield ctx.report_draft(part=part)
    else:
        yield ctx.report_block(anchor, part=part)


def _anchor(ctx: Context, part: str):
    """Where the missing part belongs: after the headline, or the draft's first block."""
    anatomy = ctx.anatomy
    if part in ("subheading", "summary") and anatomy.headline is not None:
        return anatomy.headline
    if part == "faq" and anatomy.press_release:
        return anatomy.press_release[-1]
    blocks = ctx.blocks("document")
    return blocks[0] if blocks else None


KIND = Kind(
    name="presence",
    summary="A part of the document's anatomy is present.",
    check=check,
    fields=("part",),
    options={"part": Option("str", "headline", "which part must be present", PARTS)},
)
