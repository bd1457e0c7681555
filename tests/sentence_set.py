"""Scoring the style rules on the labelled sentence set (fixtures/sentences/<rule>.yaml).

Each file holds ``flag`` items (text the rule must flag; ``match`` is the text a
finding must overlap, ``replacement`` the fix it must carry) and ``pass`` items
(text it must leave alone).  Every text is linted as the body paragraph of a
one-paragraph press release, with only that rule selected; only findings inside
the paragraph count.

The set is split by position: the first half of each list (rounded up) was used
while the rules were written ("development"), the second half was only measured
at the end ("held out").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from wblint.config import Config, activate
from wblint.engine import Linter
from wblint.rules import load_rules
from wblint.model.source import SourceText

SENTENCES = Path(__file__).resolve().parent.parent / "fixtures" / "sentences"
HEADLINE = "# Acme Opens a New Service for Families\n\n"
HALVES = ("development", "held out")


@dataclass
class Score:
    rule: str
    half: str
    found: int = 0  # flag items with a matching finding
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)  # pass items with a finding
    passed: int = 0

    @property
    def precision(self) -> float:
        flagged = self.found + len(self.false_alarms)
        return self.found / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        total = self.found + len(self.missed)
        return self.found / total if total else 1.0


def load_set(rule: str) -> dict:
    return yaml.safe_load((SENTENCES / f"{rule}.yaml").read_text(encoding="utf-8"))


def rules_in_set() -> list[str]:
    return sorted(p.stem for p in SENTENCES.glob("*.yaml"))


def split(items: list) -> tuple[list, list]:
    middle = (len(items) + 1) // 2
    return items[:middle], items[middle:]


def _offsets(source: SourceText, d) -> tuple[int, int]:
    start = source.line_start(d.line - 1) + d.column - 1
    end = source.line_start(d.end_line - 1) + d.end_column
    return start, end


class Scorer:
    """Lints labelled texts with one rule at a time (one Linter per rule, spaCy loaded once)."""

    def __init__(self) -> None:
        self.ruleset = load_rules()
        self._linters: dict[str, Linter] = {}

    def linter(self, rule: str) -> Linter:
        if rule not in self._linters:
            config = Config(select=[rule])
            self._linters[rule] = Linter(activate(self.ruleset, config), config)
        return self._linters[rule]

    def findings(self, rule: str, text: str) -> list[tuple[int, int, object]]:
        """(start, end, diagnostic) of each finding inside the paragraph, as offsets into ``text``."""
        draft = HEADLINE + text.rstrip("\n") + "\n"
        source = SourceText(draft)
        out = []
        for d in self.linter(rule).lint_text(draft, "sentence.md"):
            start, end = _offsets(source, d)
            if end > len(HEADLINE):
                out.append((start - len(HEADLINE), end - len(HEADLINE), d))
        return out

    def hit(self, rule: str, item: dict) -> bool:
        found = self.findings(rule, item["text"])
        if "match" not in item:
            return bool(found)
        at = item["text"].find(item["match"])
        if at == -1:
            raise ValueError(f"{rule}: match {item['match']!r} not in {item['text']!r}")
        m_start, m_end = at, at + len(item["match"])
        for start, end, d in found:
            if start < m_end and m_start < end:
                if "replacement" in item and (d.fix is None or d.fix.replacement != item["replacement"]):
                    continue
                return True
        return False

    def score(self, rule: str, half: str) -> Score:
        data = load_set(rule)
        index = HALVES.index(half)
        return self.score_items(rule, half, split(data.get("flag") or [])[index], split(data.get("pass") or [])[index])

    def score_file(self, path: Path, half: str) -> Score:
        """A whole labelled file (fixtures/style-sets/<half>/<rule>.yaml) as one half."""
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return self.score_items(data["rule"], half, data.get("flag") or [], data.get("pass") or [])

    def score_items(self, rule: str, half: str, flags: list[dict], passes: list[dict]) -> Score:
        score = Score(rule, half)
        for item in flags:
            if self.hit(rule, item):
                score.found += 1
            else:
                score.missed.append(item["text"])
        for item in passes:
            if self.findings(rule, item["text"]):
                score.false_alarms.append(item["text"])
            else:
                score.passed += 1
        return score


def table(scores: list[Score]) -> str:
    lines = [f"{'rule':<24} {'half':<12} {'found':>5} {'missed':>6} {'false':>5} {'ok':>4} "
             f"{'precision':>9} {'recall':>6}"]
    for s in scores:
        lines.append(f"{s.rule:<24} {s.half:<12} {s.found:>5} {len(s.missed):>6} {len(s.false_alarms):>5} "
                     f"{s.passed:>4} {s.precision:>9.2f} {s.recall:>6.2f}")
    return "\n".join(lines)
