"""language: the draft is not in English, so the English-language rules were skipped.

Reported once per draft, on its first line. The verdict is ``wblint.language``'s
(English function words first, py3langid only when they are few); the engine skips
the rules ``wblint.language.rule_is_english`` names on such a draft whether or not
this rule is on.
"""
from __future__ import annotations

from typing import Iterator

from ..language import draft_language, rule_is_english
from . import Context, Finding, Kind


def check(ctx: Context) -> Iterator[Finding]:
    found = draft_language(ctx.document)
    if found.english:
        return
    skipped = sorted(r.rule.name for r in ctx.rules if rule_is_english(r.rule))
    source = ctx.document.source
    first = next((b for b in ctx.document.blocks if b.prose is not None and b.prose.text.strip()), None)
    if first is not None:
        finding = ctx.report_block(first, language=found.name, code=found.code,
                                   confidence=f"{found.confidence:.2f}", skipped=len(skipped))
        # the first line only: one notice, not a highlighted paragraph
        line_end = source.text.find("\n", finding.start)
        end = finding.end if line_end < 0 else min(finding.end, line_end)
        yield Finding(finding.start, max(end, finding.start + 1), finding.message)
    else:
        yield ctx.report(0, 1, language=found.name, code=found.code,
                         confidence=f"{found.confidence:.2f}", skipped=len(skipped))


KIND = Kind(
    name="language",
    summary="The draft is not in English (English-language rules are skipped on it).",
    check=check,
    fields=("code", "confidence", "language", "skipped"),
)
