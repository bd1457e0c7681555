"""One finding per flaw: when style rules flag overlapping text, the most specific one reports.

"in the near future" is a plan written as a phrase (future-tense) and a wordy phrase
(wordy-phrases); "[NAME]" is template text before it is anything else. The writer needs
one message saying what to do, so a finding of a rule later in ``SPECIFICITY`` is dropped
when its span overlaps a finding of a rule earlier in it. Rules not listed (structure,
length, readability: their spans are whole sentences or blocks) never yield and never
hide anything. README.md ("One finding per flaw") documents the order.
"""
from __future__ import annotations

from bisect import bisect_right, insort

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


class _Kept:
    """The findings kept so far, found again by line and column: a draft may hold thousands of
    findings on one line (a 40,000-word paragraph), so each look-up must not scan them all."""

    def __init__(self) -> None:
        self.by_line: dict[int, list[tuple[int, int, Diagnostic]]] = {}  # one-line spans, by start column
        self.longest: dict[int, int] = {}
        self.spanning: list[Diagnostic] = []  # spans over several lines: few

    def add(self, d: Diagnostic) -> None:
        if d.line != d.end_line:
            self.spanning.append(d)
            return
        insort(self.by_line.setdefault(d.line, []), (d.column, d.end_column, d), key=lambda t: t[:2])
        self.longest[d.line] = max(self.longest.get(d.line, 0), d.end_column - d.column)

    def overlapping(self, d: Diagnostic):
        for k in self.spanning:
            if _overlap(k, d):
                yield k
        for line in range(d.line, d.end_line + 1):
            row = self.by_line.get(line)
            if not row:
                continue
            first = d.column if line == d.line else 1
            last = d.end_column if line == d.end_line else 1 << 30
            at = bisect_right(row, last, key=lambda t: t[0])
            lowest = first - self.longest[line]
            while at > 0 and row[at - 1][0] >= lowest:
                at -= 1
                start, end, k = row[at]
                if end >= first:
                    yield k


def one_per_flaw(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` without those a more specific rule's overlapping finding already covers."""
    ranked = [d for d in diagnostics if d.name in _RANK]
    if len({d.name for d in ranked}) < 2:
        return diagnostics
    ranked.sort(key=lambda d: _RANK[d.name])
    kept = _Kept()
    dropped: set[int] = set()
    for d in ranked:
        if any(_RANK[k.name] < _RANK[d.name] for k in kept.overlapping(d)):
            dropped.add(id(d))
        else:
            kept.add(d)
    if not dropped:
        return diagnostics
    return [d for d in diagnostics if id(d) not in dropped]
