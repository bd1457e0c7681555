"""faq-topics: each audience's FAQ asks the questions reviewers expect.

``external_topics`` and ``internal_topics`` map a topic, in words ("what it
costs"), to patterns; a topic is covered when one of the audience's questions
matches one of its patterns (and, with ``match_answers``, its answer).  An
audience with no questions at all is `faq-audiences`' business and is skipped.
One finding per missing topic, at the audience's section heading (or the FAQ heading).
"""
from __future__ import annotations

from typing import Iterator

from ..model import faq_of
from ..userregex import user_patterns
from . import Context, Finding, Kind, Option

AUDIENCE_NAMES = {"external": "customer", "internal": "internal"}


def check(ctx: Context) -> Iterator[Finding]:
    faq = faq_of(ctx.anatomy)
    for audience, option in (("external", "external_topics"), ("internal", "internal_topics")):
        items = [i for i in faq.items if i.audience == audience]
        if not items:
            continue
        for topic, patterns in (ctx.options[option] or {}).items():
            patterns = [patterns] if isinstance(patterns, str) else list(patterns or [])
            compiled = user_patterns(tuple(str(p) for p in patterns), True)
            texts = [i.question + (" " + i.answer_text if ctx.options["match_answers"] else "") for i in items]
            if any(p.search(t) for p in compiled for t in texts):
                continue
            section = next((i.section.heading for i in items if i.section is not None and i.section.heading), None)
            anchor = section or faq.heading or items[0].block
            yield ctx.report_block(anchor, audience=AUDIENCE_NAMES[audience], topic=topic)


KIND = Kind(
    name="faq-topics",
    summary="The customer and internal FAQs cover the topics reviewers expect.",
    check=check,
    fields=("audience", "topic"),
    options={
        "external_topics": Option("map", {}, "topic in words -> patterns its customer question matches"),
        "internal_topics": Option("map", {}, "topic in words -> patterns its internal question matches"),
        "match_answers": Option("bool", False, "also look for the topic in the answers"),
    },
)
