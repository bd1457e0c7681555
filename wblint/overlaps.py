"""One finding per flaw: when style rules flag overlapping text, the most specific one reports.

"in the near future" is a plan written as a phrase (future-tense) and a wordy phrase
(wordy-phrases); "[NAME]" is template text before it is anything else. The writer needs
one message saying what to do, so a finding of a rule later in ``SPECIFICITY`` is dropped
when its span overlaps a finding of a rule earlier in it. Rules not listed (structure,
length, readability: their spans are whole sentences or blocks) never yield and never
hide anything. README.md ("One finding per flaw") documents the order.
"""
from __future__ import annotations

from .diagnostics import Diagnostic

# Most specific first: a template leftover is nothing else until it is replaced; a plan
# and a passive are grammar; a hedge, a claim and a comparison are word choices; a wordy
# phrase or a repeated word is the last thing to fix.
SPECIFICITY: tuple[str, ...] = (
    "placeholder-text",
    "future-tense",
    "passive-voice",
    "weasel-words",
    "hype",
    "unquantified-comparison",
    "acronym-undefined",
    "jargon-density",
    "wordy-phrases",
    "repeated-words",
    "exclamation",
)
_RANK = {name: rank for rank, name in enumerate(SPECIFICITY)}


def _overlap(a: Diagnostic, b: Diagnostic) -> bool:
    """Whether two spans share a character (ends are inclusive)."""
    return (a.line, a.column) <= (b.end_line, b.end_column) and (b.line, b.column) <= (a.end_line, a.end_column)


def one_per_flaw(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` without those a more specific rule's overlapping finding already covers."""
    ranked = [d for d in diagnostics if d.name in _RANK]
    if len(ranked) < 2:
        return diagnostics
    ranked.sort(key=lambda d: _RANK[d.name])
    kept: list[Diagnostic] = []
    dropped: set[int] = set()
    for d in ranked:
        if any(_RANK[k.name] < _RANK[d.name] and _overlap(k, d) for k in kept):
            dropped.add(id(d))
        else:
            kept.append(d)
    if not dropped:
        return diagnostics
    return [d for d in diagnostics if id(d) not in dropped]
