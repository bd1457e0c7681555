"""faq-answer: every FAQ question has a real answer.

The answer is what follows the question up to the next question or section
heading: paragraphs, lists, tables and code.  It is missing when there is no such
text, and a placeholder when its text opens with one of the ``placeholders``
patterns (`TBD`, `TODO: …`, `?`, `N/A`) or has fewer than ``min_words`` words.
Reported at the question.
"""
from __future__ import annotations

from typing import Iterator

from ..model import faq_of
from ..userregex import user_patterns
from . import Context, Finding, Kind, Option
from .length import WORD


def check(ctx: Context) -> Iterator[Finding]:
    patterns = user_patterns(tuple(ctx.options["placeholders"]), True)
    for item in faq_of(ctx.anatomy).items:
        answer = item.answer_text.strip()
        if not answer and not item.answer_has_code:
            problem = "has no answer"
        else:
            match = next((m for m in (p.match(answer) for p in patterns) if m), None)
            if match is not None:
                problem = f"is answered only with \"{_short(answer)}\""
            elif not item.answer_has_code and len(WORD.findall(answer)) < ctx.options["min_words"]:
                problem = f"has a {len(WORD.findall(answer))}-word answer"
            else:
                continue
        start, end = item.span
        yield ctx.report(start, end, problem=problem, question=item.question)


def _short(text: str) -> str:
    words = text.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


KIND = Kind(
    name="faq-answer",
    summary="Every FAQ question has a real answer: not empty, not a placeholder.",
    check=check,
    fields=("problem", "question"),
    options={
        "placeholders": Option("regex-list", [], "answers that open with one of these are placeholders (case-insensitive)"),
        "min_words": Option("int", 1, "fewest words in an answer with no code", min=0),
    },
)
