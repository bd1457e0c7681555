"""Every rule on its data-driven cases (tests/cases/*.yaml) and on its own bad/good examples."""
from __future__ import annotations

from pathlib import Path

import pytest

from wblint.rules import load_rules
from wblint.testing import case_problems, example_cases, load_cases

CASE_DIR = Path(__file__).parent / "cases"
RULES = load_rules()
CASES = [case for path in sorted(CASE_DIR.glob("*.yaml")) for case in load_cases(path)]
EXAMPLES = [case for rule in RULES.rules for case in example_cases(rule)]


@pytest.mark.parametrize("case", CASES + EXAMPLES, ids=lambda c: c.id)
def test_case(case, ruleset):
    assert case_problems(case, ruleset) == []


def test_every_rule_has_failing_and_passing_cases():
    for rule in RULES.rules:
        mine = [c for c in CASES if c.rule in (rule.name, rule.id)]
        assert any(c.should_fail for c in mine), f"{rule.name}: no failing case in tests/cases"
        assert any(not c.should_fail for c in mine), f"{rule.name}: no passing case in tests/cases"
