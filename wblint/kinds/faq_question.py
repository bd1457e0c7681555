"""faq-question: every FAQ question is written as a question, ending with "?".

Questions are found in every shape wblint.model.faq knows (headings, bold lines,
`Q:` pairs, list items, definition-like paragraphs, table rows); a heading over
an answer that reads as a topic (`### Pricing`) counts as a question too.
"""
from __future__ import annotations

from typing import Iterator

from ..model import faq_of
from . import Context, Finding, Kind


def check(ctx: Context) -> Iterator[Finding]:
    for item in faq_of(ctx.anatomy).items:
        if not item.question.rstrip().endswith("?"):
            start, end = item.span
            yield ctx.report(start, end, question=item.question, shape=item.shape)


KIND = Kind(
    name="faq-question",
    summary="Every FAQ question ends with a question mark.",
    check=check,
    fields=("question", "shape"),
)
