from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import fixkind
from wblint.cli import main
from wblint.kinds import registry
from wblint.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SAMPLES = FIXTURES / "samples"


@pytest.fixture(scope="session", autouse=True)
def _fix_kind():
    """Make the test stand-in kind `fixture-replace` (tests/fixkind.py) available to rule packs."""
    registry()[fixkind.KIND.name] = fixkind.KIND
    yield
    registry().pop(fixkind.KIND.name, None)


@pytest.fixture
def install_kinds(monkeypatch, tmp_path):
    """Register test kinds for one test and write a rule pack using them; returns its directory."""

    def install(kinds: dict, pack: dict) -> Path:
        import yaml

        for name, kind in kinds.items():
            monkeypatch.setitem(registry(), name, kind)
        directory = tmp_path / "pack"
        directory.mkdir()
        (directory / "test.yaml").write_text(yaml.safe_dump(pack), encoding="utf-8")
        return directory

    return install


@pytest.fixture(scope="session")
def ruleset():
    return load_rules()


@pytest.fixture
def run_cli():
    """Run the wblint CLI in-process; returns click's Result (exit_code, stdout, stderr)."""

    def run(*args: str, env: dict | None = None, input: str | None = None):
        runner = CliRunner()
        return runner.invoke(main, list(args), env=env, input=input, catch_exceptions=False)

    return run


TEAM_PACK = """\
pack: team
description: A tiny team pack whose rule offers fixes (the test kind in fixkind.py).
rules:
  - id: TM001
    name: plain-words
    kind: fixture-replace
    severity: warning
    options:
      replacements: {utilize: use, "in order to": to, "due to the fact that": because}
    message: 'Say "{suggestion}", not "{phrase}"'
    summary: Plain words.
    rationale: Short words read faster.
    examples:
      bad: "# Acme\\n\\nWe utilize receipts.\\n"
      good: "# Acme\\n\\nWe use receipts.\\n"
  - id: TM002
    name: no-lorem
    kind: density
    severity: info
    options: {terms: [lorem], max_per_100_words: 0.0, min_words: 1}
    message: 'Remove "{term}"'
    summary: No lorem ipsum.
    rationale: Template text.
    examples:
      bad: "# Head\\n\\nLorem text here.\\n"
      good: "# Head\\n\\nReal text here.\\n"
"""


def write_team_pack(directory: Path) -> Path:
    """A rule pack in ``directory``: TM001 plain-words (fixable), TM002 no-lorem (info)."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "team.yaml").write_text(TEAM_PACK, encoding="utf-8")
    return directory


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def team(tmp_path):
    return write_team_pack(tmp_path / "team")


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    """The suite may itself run under GitHub Actions: its variables would change wblint's output."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run with the temporary directory as the working directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def _all_files(request, monkeypatch):
    """Tests write small drafts that need not read as drafts: every Markdown file is linted,
    except in the tests of which files are drafts (test_drafts.py)."""
    if request.node.module.__name__ != "test_drafts":
        monkeypatch.setenv("WBLINT_ALL_FILES", "1")
    else:
        monkeypatch.delenv("WBLINT_ALL_FILES", raising=False)


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch):
    """Tests lint afresh unless they test the cache (which passes --cache-dir itself)."""
    monkeypatch.setenv("WBLINT_NO_CACHE", "1")
