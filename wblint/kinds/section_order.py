"""section-order: the parts come in order (problem before solution) and the call to action closes.

Reads the parts as wblint.model.parts finds them (the same the part rules and
`wblint outline` see).  For each pair in ``order``, the second part must not
start before the first; the ``last`` part, when there is one, must not be followed
by any other part.  Parts that are missing are `part` rules' business, not this one's.
Only parts found with confidence are judged: named by a heading, or found by content whose
evidence scores at least ``content_score``; a weak guess in the wrong place says little
about the order the writer chose, so the rule stays silent on it.
"""
from __future__ import annotations

from typing import Iterator

from ..model import LABEL, PARTS
from . import Context, Finding, Kind, Option
from .part import parts_model


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.anatomy.press_release:
        return
    model = parts_model(ctx)
    floor = ctx.options["content_score"]
    sure = [p for p in model.parts if p.cue_kind == "heading" or p.score >= floor]

    def first_of(name):
        return next((p for p in sure if p.name == name), None)

    order = [p for p in ctx.options["order"] if p in PARTS]
    for earlier, later in zip(order, order[1:]):
        first, second = first_of(earlier), first_of(later)
        if first is not None and second is not None and second.line < first.line:
            anchor = second.heading or second.blocks[0]
            yield ctx.report_block(anchor, problem=f"the {LABEL[later]} (line {second.line}) comes before "
                                                   f"the {LABEL[earlier]} (line {first.line})")
    last = ctx.options["last"]
    if last in PARTS:
        closing = next((p for p in reversed(sure) if p.name == last), None)
        if closing is not None:
            after = [p for p in sure if p.name != last and p.line > closing.end_line]
            if after:
                anchor = closing.heading or closing.blocks[-1]
                names = ", ".join(f"the {LABEL[p.name]} (line {p.line})" for p in after[:3])
                yield ctx.report_block(anchor, problem=f"the {LABEL[last]} (line {closing.line}) is followed by {names}")


KIND = Kind(
    name="section-order",
    summary="The press release's parts come in order and the call to action closes it.",
    check=check,
    fields=("problem",),
    options={
        "order": Option("str-list", ["problem", "solution"], "parts in the order they must first appear"),
        "last": Option("str", "call-to-action", "the part that must close the press release ('' for none)"),
        "content_score": Option("float", 3.0, "evidence a part found by content alone needs to be judged (a part needs 2 to be found)", min=0),
    },
    needs=frozenset({"tags"}),
)
