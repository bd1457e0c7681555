"""A harness for rule test cases written as data (sqlfluff style), for built-in and team rules.

A case file is YAML::

    rule: subheading-one-sentence      # name or id
    cases:
      - name: two sentences
        fail: |                        # Markdown that must trigger the rule
          # Headline ...
        expect:                        # optional: where, and what text is flagged
          - {line: 3, column: 4, text: "Bakery owners"}
        options: {max: 2}              # optional rule options
        kind: prfaq                    # optional default document kind
      - name: one sentence
        pass: |                        # Markdown that must not trigger it
          ...

Every rule's own ``examples`` (bad must fail, good must pass) are cases too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .config import ActiveRule, Config
from .diagnostics import Diagnostic
from .engine import Linter
from .rules import Rule, RuleSet
from .model.source import SourceText
from .yamlfile import ConfigError, MarkedDict, read_yaml

CASE_KEYS = {"name", "fail", "pass", "expect", "options", "kind"}


@dataclass
class Case:
    rule: str
    name: str
    text: str
    should_fail: bool
    expect: list[dict] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    kind: str | None = None
    source: str = ""

    @property
    def id(self) -> str:
        return f"{self.rule}: {self.name}"


def load_cases(path: Path) -> list[Case]:
    data = read_yaml(path)
    if not isinstance(data, MarkedDict) or set(data) != {"rule", "cases"}:
        raise ConfigError("a case file has exactly the keys 'rule' and 'cases'", path, 1)
    cases = []
    for i, raw in enumerate(data["cases"]):
        if not isinstance(raw, MarkedDict) or set(raw) - CASE_KEYS or ("fail" in raw) == ("pass" in raw):
            raise ConfigError(f"case {i + 1}: needs 'name' and one of 'fail' or 'pass' "
                              f"(optional: expect, options, kind)", path, getattr(raw, "line", None))
        cases.append(Case(
            rule=str(data["rule"]), name=str(raw.get("name", f"case {i + 1}")),
            text=raw.get("fail", raw.get("pass")), should_fail="fail" in raw,
            expect=list(raw.get("expect") or []), options=dict(raw.get("options") or {}),
            kind=raw.get("kind"), source=f"{path}:{raw.line}",
        ))
    return cases


def example_cases(rule: Rule) -> Iterator[Case]:
    yield Case(rule.name, "example bad", rule.examples["bad"], True, options=rule.example_options,
               source=rule.source)
    yield Case(rule.name, "example good", rule.examples["good"], False, options=rule.example_options,
               source=rule.source)


def run_case(case: Case, ruleset: RuleSet) -> list[Diagnostic]:
    rule = ruleset.find(case.rule)
    if rule is None:
        raise ConfigError(f"unknown rule {case.rule!r}{ruleset.suggest(case.rule)}", case.source)
    options = {**rule.options, **case.options}
    config = Config(default_kind=case.kind)
    linter = Linter([ActiveRule(rule, rule.severity, options)], config)
    return linter.lint_text(case.text, "case.md")


def case_problems(case: Case, ruleset: RuleSet) -> list[str]:
    """What is wrong with the rule on this case (empty when it behaves)."""
    found = run_case(case, ruleset)
    problems = []
    if case.should_fail and not found:
        problems.append(f"{case.id}: expected a finding, got none")
    if not case.should_fail and found:
        problems.append(f"{case.id}: expected no finding, got: " + "; ".join(
            f"{d.line}:{d.column} {d.message}" for d in found))
    source = SourceText(case.text)
    for expected in case.expect:
        if not any(_matches(d, expected, source) for d in found):
            problems.append(f"{case.id}: no finding matches {expected}; got " + "; ".join(
                f"{d.line}:{d.column}-{d.end_line}:{d.end_column} {flagged_text(source, d)!r}" for d in found))
    return problems


def flagged_text(source: SourceText, d: Diagnostic) -> str:
    """The source text a diagnostic points at (end column inclusive)."""
    start = source.line_start(d.line - 1) + d.column - 1
    end = source.line_start(d.end_line - 1) + d.end_column
    return source.text[start:end]


def _matches(d: Diagnostic, expected: dict, source: SourceText) -> bool:
    for key in ("line", "column", "end_line", "end_column"):
        if key in expected and getattr(d, key) != expected[key]:
            return False
    if "text" in expected and flagged_text(source, d) != expected["text"]:
        return False
    if "message" in expected and expected["message"] not in d.message:
        return False
    return True
