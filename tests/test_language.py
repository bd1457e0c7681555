"""Drafts not in English: noticed once (not-english), English-language rules skipped, structure rules kept."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from wblint.config import ActiveRule
from wblint.engine import Linter
from wblint.explain import explain_page
from wblint.language import identify_text, prose_of, rule_is_english
from wblint.model import parse_document
from wblint.rules import load_rules

FIXTURES = Path(__file__).parent.parent / "fixtures" / "languages"
RULES = load_rules()


def _lint(name: str):
    linter = Linter([ActiveRule(r, r.severity, r.options) for r in RULES.rules])
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return linter.lint_text(text, name)


@pytest.mark.parametrize("name, code", [("de.md", "de"), ("es.md", "es")])
def test_other_languages_are_noticed_once_and_english_rules_skip_them(name, code):
    found = _lint(name)
    notices = [d for d in found if d.name == "not-english"]
    assert len(notices) == 1 and f"({code}," in notices[0].message and notices[0].line == 1
    english = {r.name for r in RULES.rules if rule_is_english(r)}
    assert not [d for d in found if d.name in english]


def test_structure_rules_still_run_on_another_language():
    text = (FIXTURES / "de.md").read_text(encoding="utf-8").replace("Der erste Monat", "[TBD] Der erste Monat")
    linter = Linter([ActiveRule(r, r.severity, r.options) for r in RULES.rules])
    names = {d.name for d in linter.lint_text(text, "de.md")}
    assert {"placeholder-text", "not-english"} <= names
    assert "heading-length" in {d.name for d in _lint("es.md")}


@pytest.mark.parametrize("name", ["en-code.md"])
def test_english_with_code_and_product_names_is_english(name):
    found = _lint(name)
    assert not [d for d in found if d.name == "not-english"]
    document = parse_document(name, (FIXTURES / name).read_text(encoding="utf-8"))
    verdict = identify_text(prose_of(document))
    assert verdict.english and not verdict.by_model  # decided without loading the model


@pytest.mark.parametrize("path", sorted((Path(__file__).parent.parent / "fixtures" / "drafts").glob("*.md")))
def test_no_english_fixture_is_flagged(path):
    document = parse_document(path.name, path.read_text(encoding="utf-8"))
    assert identify_text(prose_of(document)).english, path.name


def test_the_rationale_lists_what_still_runs():
    rule = RULES.find("not-english")
    listed = re.search(r"What still runs on such a draft: (.*?)\.\n", rule.rationale, re.S).group(1)
    names = {n.strip() for n in re.split(r",|\band\b", listed.replace("\n", " ")) if n.strip()}
    still = {r.name for r in RULES.rules if not rule_is_english(r) and r.name != "not-english"}
    assert names == still


def test_explain_says_whether_a_rule_runs_on_other_languages():
    assert "Drafts not in English: skipped" in explain_page(RULES.find("weasel-words"))
    assert "Drafts not in English: still checked" in explain_page(RULES.find("faq-answered"))


def test_a_pack_can_override_the_kind(tmp_path):
    (tmp_path / "team.yaml").write_text("""pack: team
rules:
  - id: TM001
    name: team-exclaim
    kind: pattern
    severity: warning
    language: english
    options: {patterns: ["!"]}
    message: "no exclaiming"
    summary: "no exclaiming"
    rationale: "no exclaiming"
    examples: {bad: "# A!\\n", good: "# A\\n"}
""", encoding="utf-8")
    rule = load_rules([tmp_path]).find("team-exclaim")
    assert rule_is_english(rule) and not rule_is_english(RULES.find("exclamation"))
