"""Which files are drafts (wblint.drafts): a docs folder lints its two drafts and says how many it skipped."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT
from wblint.drafts import verdict

DOCS = ROOT / "fixtures" / "docs-folder"
DRAFTS = ["launches/ledger-prfaq.md", "launches/oven-sensor.md"]
OTHERS = ["CHANGELOG.md", "CONTRIBUTING.md", "README.md", "guides/getting-started.md"]


def _linted(result) -> set[str]:
    return {_relative(d["path"]) for d in json.loads(result.stdout)}


def _relative(shown: str) -> str:
    return Path(shown).resolve().relative_to(DOCS.resolve()).as_posix()


def test_a_docs_folder_lints_only_its_drafts(run_cli):
    result = run_cli("check", "--format", "json", str(DOCS))
    assert _linted(result) == set(DRAFTS)
    assert "4 files skipped: not drafts (use --all-files)" in result.stderr


def test_the_summary_line_counts_the_skipped_files(run_cli):
    result = run_cli("check", str(DOCS))
    assert result.stdout.splitlines()[-1].endswith("in 2 files; 4 files skipped: not drafts (use --all-files)")


def test_all_files_lints_every_markdown_file(run_cli):
    result = run_cli("check", "--all-files", "--format", "json", "--select", "heading-present,length,subheading-present",
                     str(DOCS))
    assert "skipped" not in result.stderr
    text = run_cli("check", "--all-files", str(DOCS)).output.splitlines()[-1]
    assert "skipped" not in text and "in 6 files" in text or "files" in text


def test_show_files_agrees_with_check(run_cli):
    result = run_cli("check", "--show-files", str(DOCS))
    rows = {line.split()[1]: line.split()[0] for line in result.stdout.splitlines()}
    shown = {_relative(p): what for p, what in rows.items()}
    assert shown == {**{p: "lint" for p in DRAFTS}, **{p: "skip" for p in OTHERS}}
    assert "(dateline 'PORTLAND, Oregon, March 3, 2027 –')" in result.stdout
    assert "2 of 6 Markdown files would be linted" in result.stderr


def test_a_file_named_on_the_command_line_is_always_linted(run_cli):
    result = run_cli("check", "--format", "json", "--select", "heading-length", str(DOCS / "CHANGELOG.md"),
                     "--fail-on", "error")
    assert result.exit_code == 0 and "skipped" not in result.stderr
    shown = run_cli("check", "--show-files", str(DOCS / "README.md")).output
    assert shown.startswith("lint ") and "named on the command line" in shown


def test_drafts_only_skips_a_named_readme_as_the_pre_commit_hook_does(run_cli):
    result = run_cli("check", "--drafts-only", str(DOCS / "README.md"), str(DOCS / "CHANGELOG.md"))
    assert result.exit_code == 0
    assert result.stdout.strip() == "No problems found in 0 files; 2 files skipped: not drafts (use --all-files)"
    draft = run_cli("check", "--drafts-only", "--format", "json", str(DOCS / DRAFTS[0]))
    assert json.loads(draft.stdout)


def test_include_globs_force_files_in(run_cli, tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "idea.md").write_text("# An idea\n\nJust a paragraph.\n", encoding="utf-8")
    (tmp_path / "notes" / "other.md").write_text("# Other\n\nJust a paragraph.\n", encoding="utf-8")
    (tmp_path / ".wblint.yaml").write_text("include: [notes/idea.md]\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--select", "subheading-present", str(tmp_path))
    assert {Path(d["path"]).name for d in json.loads(result.stdout)} == {"idea.md"}
    assert "1 file skipped" in result.stderr


@pytest.mark.parametrize("path", sorted(p for d in ("drafts", "samples", "languages")
                                        for p in (ROOT / "fixtures" / d).glob("*.md")), ids=lambda p: p.name)
def test_every_draft_fixture_reads_as_a_draft(path):
    found = verdict(path.name, path.read_text(encoding="utf-8"))
    assert found.draft, found.reason


@pytest.mark.parametrize("text, draft, cue", [
    ("---\nwblint: true\n---\n# Notes\n", True, "front matter wblint: true"),
    ("---\ntype: prfaq\n---\n# Notes\n", True, "front matter type: prfaq"),
    ("---\nwblint: false\n---\n# Acme — PR/FAQ\n", False, "front matter wblint: false"),
    ("# Acme Ledger — PR/FAQ\n\nSomething.\n", True, "heading"),
    ("# Title\n\n## Press Release\n\nText.\n", True, "heading 'Press Release'"),
    ("**FOR IMMEDIATE RELEASE**\n\n# Acme Ledger\n", True, "release label"),
    ("# Acme\n\nBERLIN, 4. Dezember 2026 – Acme stellt heute vor.\n", True, "dateline"),
    ("Dear customers,\n\nToday we are changing prices.\n", True, "letter opening"),
    ("# Tool\n\n```md\n## Press Release\n```\n", False, "no draft cue"),
    ("# Tool\n\n## FAQ\n\n### Why?\n\nBecause.\n", False, "only an FAQ heading"),
    ("# Tool\n\n## FAQ\n\n**Q: Why?**\n\nBecause.\n\n**Q: How?**\n\nLike so.\n", True, "questions"),
    ("# Acme Announces Ledger\n\nText.\n\n## Customer quote\n\nGreat.\n", True, "a release-style headline and a quote"),
    ("# Announcing v2\n\nText.\n", False, "no draft cue"),
    ("# Changelog\n\n## [1.0.0] - 2026-03-03\n\n- Added export.\n", False, "no draft cue"),
])
def test_cues(text, draft, cue):
    found = verdict("notes.md", text)
    assert found.draft is draft and cue in found.reason, found


def test_file_names_are_a_cue():
    assert verdict("acme-prfaq.md", "# Notes\n").draft
    assert verdict("2026-press-release.md", "# Notes\n").draft
    assert not verdict("notes.md", "# Notes\n").draft
    assert verdict("draft.md", "# Notes\n", "ledger-pr-faq").reason == "folder name (pr-faq)"
