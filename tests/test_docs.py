"""The README stays true: its rule table lists every built-in rule, and it leads with the two commands."""
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
