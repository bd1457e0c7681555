"""signoff: a letter ends with a sign-off and the name of the person who signs it.

Among the last ``within_last`` paragraphs, one must be a sign-off (`With thanks,`,
`Sincerely,` — one of ``signoffs``, alone or followed by the name) and a name must
follow it: a capitalised word that is not template text.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import Context, Finding, Kind, Option

PLACEHOLDER = re.compile(r"^\W*(?:\[|<|\{|name\b|your name|tbd|todo|xxx)", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Finding]:
    blocks = [b for b in ctx.blocks("document") if b.kind != "heading"]
    if not blocks:
        return
    phrases = "|".join(re.escape(s) for s in sorted(ctx.options["signoffs"], key=len, reverse=True))
    if not phrases:
        return
    signoff = re.compile(rf"^\W*(?:{phrases})\s*[,.!\u2014\-]*\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
    tail = blocks[-ctx.options["within_last"]:]
    for i, block in reversed(list(enumerate(tail))):
        match = signoff.match(block.text.strip())
        if not match or len(block.text.split()) > 12:
            continue
        rest = match.group("rest").strip()
        if rest and not (rest[:1].isupper() or PLACEHOLDER.match(rest)):
            continue  # "Thank you for reading with us." closes the text; it is not the sign-off
        name = rest or next((b.text.strip() for b in tail[i + 1:]), "")
        if name and PLACEHOLDER.match(name):
            problem = f"is signed with a placeholder (\"{name.split()[0]}\")"
        elif not name or not name[:1].isupper():
            problem = "has no name after the sign-off"
        else:
            return
        yield ctx.report_block(block, problem=problem)
        return
    yield ctx.report_block(blocks[-1], problem="does not end with a sign-off")


KIND = Kind(
    name="signoff",
    summary="A letter ends with a sign-off and a name.",
    check=check,
    fields=("problem",),
    options={
        "signoffs": Option("str-list", [], "closing phrases (case-insensitive)"),
        "within_last": Option("int", 3, "how many closing paragraphs to look in", min=1),
    },
)
