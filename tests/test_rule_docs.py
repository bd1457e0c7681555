"""docs/rules/ has a page per rule, each what scripts/rule_docs.py renders from the rule files now."""
from __future__ import annotations

import subprocess
import sys

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

from conftest import ROOT
from wblint.diagnostics import BUILTIN_CODES
from wblint.ruledocs import HOMEPAGE, RULE_DOCS, all_pages, rule_url

DOCS = ROOT / "docs" / "rules"
SCRIPT = ROOT / "scripts" / "rule_docs.py"


def test_every_rule_and_builtin_code_has_a_page(ruleset):
    names = {path.stem for path in DOCS.glob("*.md")} - {"README"}
    assert names == {rule.name for rule in ruleset.rules} | {name for name, _, _ in BUILTIN_CODES.values()}


def test_each_page_is_what_the_generator_writes_now(ruleset):
    pages = all_pages(ruleset.rules)
    for name, text in pages.items():
        assert (DOCS / name).read_text(encoding="utf-8") == text, (
            f"docs/rules/{name} is out of date: run python scripts/rule_docs.py")


def test_a_page_shows_what_a_reader_needs(ruleset):
    page = (DOCS / "summary-length.md").read_text(encoding="utf-8")
    rule = ruleset.find("summary-length")
    assert page.startswith(f"# summary-length ({rule.id})\n\n{rule.summary}\n")
    for part in ("| severity | warning |", f"| scope | {rule.scope} |", "## Why", rule.rationale.split("\n")[0],
                 "Bad, flagged", "Good, not flagged", "| `max_words` | `100` |", "    max_words: 100"):
        assert part in page, part
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    assert f"| {rule.id} | [summary-length](summary-length.md) | warning |" in index


def test_the_check_mode_names_a_stale_page_and_writing_fixes_it(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, str(SCRIPT), "--output", str(tmp_path), *args],
                              capture_output=True, text=True, timeout=120)

    assert run("--check").returncode == 1  # nothing written yet
    assert run().returncode == 0
    assert run("--check").returncode == 0
    (tmp_path / "length.md").write_text("# edited by hand\n", encoding="utf-8")
    (tmp_path / "gone-rule.md").write_text("# a rule that was removed\n", encoding="utf-8")
    stale = run("--check")
    assert stale.returncode == 1
    assert "length.md: out of date" in stale.stderr and "gone-rule.md: out of date" in stale.stderr
    assert run().returncode == 0 and run("--check").returncode == 0
    assert not (tmp_path / "gone-rule.md").exists()


def test_links_start_at_the_project_homepage(ruleset, team):
    from wblint.rules import load_rules

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Homepage"] == HOMEPAGE
    assert rule_url(ruleset.find("hype")) == f"{RULE_DOCS}hype.md" == f"{HOMEPAGE}/blob/main/docs/rules/hype.md"
    assert rule_url(load_rules([team]).find("plain-words")) is None  # a team's rule has no page here
