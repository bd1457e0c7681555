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

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .config import ActiveRule, Config
from .diagnostics import Diagnostic
from .engine import Linter
from .formats.fingerprint import flagged_text
from .model.markdown import DOCUMENT_KINDS
from .rules import Rule, RuleSet, validate_options
from .model.source import SourceText
from .yamlfile import ConfigError, MarkedDict, read_yaml

CASE_KEYS = {"name", "fail", "pass", "expect", "options", "kind"}
EXPECT_KEYS = {"line": int, "column": int, "end_line": int, "end_column": int, "text": str, "message": str}


@dataclass
class Case:
    rule: str
    name: str
    text: str
    should_fail: bool
    expect: list[dict] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    kind: str | None = None
    source: str = ""  # file:line of the case

    @property
    def id(self) -> str:
        return f"{self.rule}: {self.name}"


def load_cases(path: Path) -> list[Case]:
    """The cases of one file; raises ConfigError on its first mistake."""
    cases, problems = parse_cases(path)
    if problems:
        raise problems[0]
    return cases


def parse_cases(path: Path) -> tuple[list[Case], list[ConfigError]]:
    """The cases of one file, and every mistake in it (each naming the file and line)."""
    try:
        data = read_yaml(path)
    except ConfigError as exc:
        return [], [exc]
    if not isinstance(data, MarkedDict) or set(data) != {"rule", "cases"}:
        line = getattr(data, "line", 1) or 1
        return [], [ConfigError("a case file has exactly the keys 'rule' and 'cases'", path, line)]
    if not isinstance(data["rule"], str) or not data["rule"]:
        return [], [ConfigError("'rule' names one rule (its name or id)", path, data.line_of("rule"))]
    if not isinstance(data["cases"], list) or not data["cases"]:
        return [], [ConfigError("'cases' is a list of cases, each with 'name' and 'fail' or 'pass'", path,
                                data.line_of("cases"))]
    cases, problems = [], []
    for i, raw in enumerate(data["cases"]):
        line = data["cases"].line_of(i) if hasattr(data["cases"], "line_of") else data.line_of("cases")
        problem = _case_problem(raw)
        if problem:
            key, message = problem
            where = raw.line_of(key) if isinstance(raw, MarkedDict) and key else line
            problems.append(ConfigError(f"case {i + 1}: {message}", path, where))
            continue
        cases.append(Case(
            rule=data["rule"], name=str(raw.get("name", f"case {i + 1}")),
            text=raw.get("fail", raw.get("pass")), should_fail="fail" in raw,
            expect=[dict(item) for item in raw.get("expect") or []], options=dict(raw.get("options") or {}),
            kind=raw.get("kind"), source=f"{path}:{raw.line}",
        ))
    return cases, problems


def _case_problem(raw: Any) -> tuple[str | None, str] | None:
    """(key, message) for the first mistake in one case, or None."""
    usage = "needs 'name' and one of 'fail' or 'pass' (optional: expect, options, kind)"
    if not isinstance(raw, MarkedDict):
        return None, usage
    for key in raw:
        if key not in CASE_KEYS:
            close = difflib.get_close_matches(str(key), sorted(CASE_KEYS), n=1)
            return key, f"unknown key {key!r}" + (f"; did you mean {close[0]!r}?" if close else f"; {usage}")
    if ("fail" in raw) == ("pass" in raw):
        return None, usage
    text_key = "fail" if "fail" in raw else "pass"
    if not isinstance(raw[text_key], str):
        return text_key, f"'{text_key}' is the Markdown of a draft, as a string (use a block: '{text_key}: |')"
    if "name" in raw and not isinstance(raw["name"], (str, int, float)):
        return "name", "'name' is a short text"
    if "kind" in raw and raw["kind"] not in DOCUMENT_KINDS:
        return "kind", f"unknown kind {raw['kind']!r}; choose {', '.join(DOCUMENT_KINDS)}"
    if "options" in raw and not isinstance(raw["options"], dict):
        return "options", "'options' is a mapping of rule options"
    expect = raw.get("expect")
    if expect is not None:
        if not isinstance(expect, list) or not all(isinstance(item, dict) for item in expect):
            return "expect", "'expect' is a list of mappings such as {line: 3, column: 4, text: \"word\"}"
        for item in expect:
            for key, value in item.items():
                if key not in EXPECT_KEYS:
                    return "expect", f"unknown key {key!r} in 'expect'; use {', '.join(EXPECT_KEYS)}"
                if not isinstance(value, EXPECT_KEYS[key]) or isinstance(value, bool):
                    return "expect", f"'{key}' in 'expect' is {'a number' if EXPECT_KEYS[key] is int else 'a text'}"
    return None


def check_case(case: Case, ruleset: RuleSet) -> None:
    """Raise ConfigError when the case names an unknown rule or gives it options it does not take."""
    rule = ruleset.find(case.rule)
    if rule is None:
        raise ConfigError(f"unknown rule {case.rule!r}{ruleset.suggest(case.rule)}", case.source)

    def fail(key: str, message: str) -> None:
        raise ConfigError(f"case {case.name!r}: option {key!r}: {message}", case.source)

    validate_options(rule.kind_spec, case.options, fail, base=rule.options)


def example_cases(rule: Rule) -> Iterator[Case]:
    yield Case(rule.name, "example bad", rule.examples["bad"], True, options=rule.example_options,
               source=f"{rule.source}:{rule.line}")
    yield Case(rule.name, "example good", rule.examples["good"], False, options=rule.example_options,
               source=f"{rule.source}:{rule.line}")


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
    raised = run_case(case, ruleset)  # raises ConfigError for an unknown rule
    rule_id = ruleset.find(case.rule).id
    found = [d for d in raised if d.rule == rule_id]
    # a rule that raised, timed out, or a draft that did not parse: never a pass
    problems = [f"{case.id}: {d.rule} {d.name}: {d.message}" for d in raised if d.rule != rule_id]
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


def _matches(d: Diagnostic, expected: dict, source: SourceText) -> bool:
    for key in ("line", "column", "end_line", "end_column"):
        if key in expected and getattr(d, key) != expected[key]:
            return False
    if "text" in expected and flagged_text(source, d) != expected["text"]:
        return False
    if "message" in expected and expected["message"] not in d.message:
        return False
    return True


def run_directory(directory: Path, echo) -> int:
    """`wblint test-rules DIR`: the pack(s) in DIR on DIR/cases/*.yaml and on their own examples.

    Prints PASS or FAIL with the case's file and line, and why a case failed; returns the
    exit code: 0 all passed, 1 a case failed, 2 a pack or case file has mistakes (all are
    listed, and nothing runs).
    """
    from .diagnostics import ExitCode
    from .rules import load_rules

    try:
        ruleset = load_rules([directory])
    except ConfigError as exc:
        echo(f"wblint: error: {exc}", err=True)
        return ExitCode.USAGE
    mine = [rule for rule in ruleset.rules if Path(rule.source).resolve().parent == directory.resolve()]
    if not mine:
        echo(f"wblint: error: {directory}: no rule pack (*.yaml) here; put the pack next to its cases/ folder",
             err=True)
        return ExitCode.USAGE
    files = sorted(path for path in (directory / "cases").glob("*.y*ml") if path.suffix in (".yaml", ".yml"))
    cases, errors = [], []
    for path in files:
        found, problems = parse_cases(path)
        errors += problems
        for case in found:
            try:
                check_case(case, ruleset)
                cases.append(case)
            except ConfigError as exc:
                errors.append(exc)
    for error in errors:
        echo(f"wblint: error: {error}", err=True)
    if errors:
        echo(f"wblint: error: {len(errors)} mistake{'s' * (len(errors) != 1)} in the case files; nothing was run",
             err=True)
        return ExitCode.USAGE
    if not files:
        echo(f"wblint: note: no case files in {directory / 'cases'}; only the rules' own examples ran", err=True)
    tested = {ruleset.find(case.rule).id for case in cases}
    for rule in mine:
        if rule.id not in tested and files:
            echo(f"wblint: note: {rule.name} has no case in {directory / 'cases'}; only its examples ran", err=True)
    cases += [case for rule in mine for case in example_cases(rule)]
    failed = 0
    for case in cases:
        problems = case_problems(case, ruleset)
        echo(f"{'FAIL' if problems else 'PASS'}  {case.source}  {case.id}")
        for problem in problems:
            echo(f"      {problem.removeprefix(case.id + ': ')}")
        failed += bool(problems)
    echo(f"{len(cases) - failed} passed, {failed} failed")
    return ExitCode.FINDINGS if failed else ExitCode.OK
