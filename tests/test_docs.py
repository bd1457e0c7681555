"""The README stays true: its rule table lists every built-in rule, it leads with the two commands,
and what it says of the integration tests is what pytest and CI do."""
from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_rule_table_lists_every_rule(ruleset):
    rows = dict(re.findall(r"^\| (WB\d+) \| ([a-z-]+) \|", README, re.M))
    assert rows == {rule.id: rule.name for rule in ruleset.rules}


def test_readme_leads_with_install_and_test_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "pip install . && wblint check fixtures/samples/" in first_block
    assert 'pip install -e ".[test]" && python -m pytest' in first_block


def test_integration_tests_are_opt_in_and_ci_runs_them():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    pytest_ini = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "-m 'not integration'" in pytest_ini["addopts"]  # python -m pytest stays offline
    [marker] = [m for m in pytest_ini["markers"] if m.startswith("integration:")]
    assert "not run by default" in marker and "-m integration" in marker
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\npython -m pytest --durations=5\n" in ci  # the README's command, exactly
    assert "python -m pytest -m integration" in ci  # CI still runs them
    assert "python -m pytest -m integration " in README and "leaves out the integration tests" in README
