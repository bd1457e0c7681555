"""The command line as a user meets it: output, exit codes, formats, selection."""
from __future__ import annotations

import json
import re

from conftest import SAMPLES

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<id>WB\d+) (?P<name>[a-z-]+) (?P<msg>.+) \[(?P<sev>error|warning|info)\]$")


def test_clean_draft_exits_zero(run_cli):
    result = run_cli("check", str(SAMPLES / "clean-prfaq.md"))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "No problems found in 1 file."


def test_samples_folder_flags_each_bad_draft_and_not_the_clean_one(run_cli):
    result = run_cli("check", "--output-format", "concise", str(SAMPLES))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    findings = [LINE.match(line) for line in lines[:-1]]
    assert all(findings), lines
    flagged = {m["path"].rsplit("/", 1)[-1]: set() for m in findings}
    for m in findings:
        flagged[m["path"].rsplit("/", 1)[-1]].add(m["name"])
    assert "clean-prfaq.md" not in flagged
    assert flagged["bad-no-headline.md"] >= {"heading-present"}
    assert flagged["bad-subheading.md"] >= {"subheading-one-sentence"}
    assert flagged["bad-too-long.md"] >= {"length"}
    assert flagged["bad-no-customer-quote.md"] >= {"customer-quote"}
    assert flagged["bad-jargon.md"] >= {"jargon-density"}
    assert re.match(r"^\d+ problems \(\d+ errors?, \d+ warnings?\) in 5 files$", lines[-1])


def test_findings_sorted_by_path_then_position(run_cli):
    result = run_cli("check", "--format", "json", str(SAMPLES))
    data = json.loads(result.output)
    keys = [(d["path"], d["line"], d["column"]) for d in data]
    assert keys == sorted(keys)


def test_json_fields(run_cli):
    result = run_cli("check", "--format", "json", str(SAMPLES / "bad-subheading.md"))
    assert result.exit_code == 1
    [finding] = [d for d in json.loads(result.output) if d["name"] == "subheading-one-sentence"]
    assert finding == {
        "path": finding["path"], "line": 3, "column": 4, "end_line": 3, "end_column": 88,
        "rule": "WB102", "name": "subheading-one-sentence", "severity": "error",
        "message": "Sub-heading has 2 sentences; keep it to one",
    }
    assert finding["path"].endswith("bad-subheading.md")


def test_fail_on_sets_the_failing_level(run_cli):
    draft = str(SAMPLES / "bad-jargon.md")  # warnings only
    assert run_cli("check", draft).exit_code == 1
    assert run_cli("check", "--fail-on", "error", draft).exit_code == 0
    assert run_cli("check", "--fail-on", "info", draft).exit_code == 1


def test_select_and_ignore(run_cli):
    draft = str(SAMPLES / "bad-jargon.md")
    assert run_cli("check", "--select", "heading-present", draft).exit_code == 0
    assert run_cli("check", "--select", "jargon-density,hype", "--ignore", "WB301,hype", draft).exit_code == 0
    # the sample is short: the structure rules have their say on it, so select what the ignore should empty
    assert run_cli("check", "--select", "style,heading-present", "--ignore", "style", draft).exit_code == 0
    result = run_cli("check", "--select", "jargon-densty", draft)
    assert result.exit_code == 2
    assert "did you mean 'jargon-density'" in result.stderr


def test_bad_usage_exits_two(run_cli, tmp_path):
    assert run_cli("check", "--format", "xml", str(tmp_path)).exit_code == 2
    assert run_cli("check", "--fail-on", "never", str(tmp_path)).exit_code == 2
    result = run_cli("check", str(tmp_path / "missing.md"))
    assert result.exit_code == 2 and "missing.md" in result.stderr


def test_directories_skip_hidden_node_modules_and_gitignored(run_cli, tmp_path):
    bad = "Just a paragraph with no headline at all.\n"
    for rel in ("docs/a.md", "docs/.hidden/b.md", "docs/node_modules/c.md", "docs/build/d.md", "docs/e.markdown",
                "docs/notes.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(bad, encoding="utf-8")
    (tmp_path / "docs" / ".gitignore").write_text("build/\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--select", "heading-present", str(tmp_path / "docs"))
    paths = sorted({d["path"].rsplit("/", 1)[-1] for d in json.loads(result.output)})
    assert paths == ["a.md", "e.markdown"]


def test_paths_are_shown_relative_to_the_working_directory(run_cli, in_tmp, tmp_path_factory):
    bad = "Just a paragraph with no headline at all.\n"
    outside = tmp_path_factory.mktemp("outside")
    for path in (in_tmp / "docs" / "a.md", in_tmp / "real" / "b.md", outside / "c.md"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(bad, encoding="utf-8")
    (in_tmp / "docs" / "link.md").symlink_to(in_tmp / "real" / "b.md")  # a linked file: named by its target
    (in_tmp / "alias").symlink_to(in_tmp / "docs", target_is_directory=True)  # a linked folder: resolved

    def shown(*paths) -> list[str]:
        result = run_cli("check", "--format", "json", "--select", "heading-present", *map(str, paths))
        return [d["path"] for d in json.loads(result.output)]

    assert shown("docs") == ["docs/a.md", "docs/link.md"]  # relative arguments: as given
    assert shown(in_tmp / "docs") == ["docs/a.md", "real/b.md"]  # absolute ones: resolved, under the cwd
    assert shown(in_tmp / "alias" / "a.md", in_tmp / "docs" / "a.md") == ["docs/a.md", "docs/a.md"]
    assert shown(outside / "c.md") == [(outside / "c.md").as_posix()]  # outside the cwd: as given


def test_color_only_on_request_or_terminal(run_cli):
    draft = str(SAMPLES / "bad-subheading.md")
    assert "\x1b[" not in run_cli("check", draft).output  # CliRunner is not a terminal
    assert "\x1b[" in run_cli("check", "--color", "always", draft).output
    assert "\x1b[" not in run_cli("check", "--color", "auto", draft, env={"NO_COLOR": "1"}).output


def test_quiet_prints_findings_only(run_cli):
    result = run_cli("check", "--quiet", str(SAMPLES / "clean-prfaq.md"))
    assert result.output == "" and result.exit_code == 0


def test_rules_lists_every_rule(run_cli, ruleset):
    result = run_cli("rules")
    assert result.exit_code == 0
    for name in ("heading-present", "subheading-one-sentence", "length", "customer-quote", "jargon-density"):
        assert re.search(rf"^WB\d+\s+{name}\s+(error|warning|info)\s+\S", result.output, re.M), name
    assert len(result.output.strip().splitlines()) == len(ruleset.rules) + 1


def test_explain_shows_rationale_options_and_examples(run_cli):
    result = run_cli("explain", "jargon-density")
    assert result.exit_code == 0
    for part in ("WB301 jargon-density", "Why", "Options (defaults)", "max_per_100_words = 0", "Bad", "Good"):
        assert part in result.output
    assert run_cli("explain", "WB301").output == result.output
    missing = run_cli("explain", "jargon")
    assert missing.exit_code == 2 and "did you mean" in missing.stderr


def test_explain_links_a_builtin_rule_to_its_page_and_a_team_rule_to_none(run_cli, team):
    page = run_cli("explain", "jargon-density").output
    url = "https://github.com/wblint/wblint/blob/main/docs/rules/jargon-density.md"
    assert page.endswith(f"\nDocumentation: {url}\n")
    team_page = run_cli("explain", "--rules-dir", str(team), "plain-words")
    assert team_page.exit_code == 0 and "Documentation:" not in team_page.output


def test_version_and_module_entry_point():
    import subprocess
    import sys

    import wblint

    out = subprocess.run([sys.executable, "-m", "wblint", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[0] == f"wblint, version {wblint.__version__}"


def test_exit_zero_reports_findings_but_does_not_fail(run_cli):
    bad = str(SAMPLES / "bad-subheading.md")
    failing = run_cli("check", "--no-cache", bad)
    assert failing.exit_code == 1
    result = run_cli("check", "--no-cache", "--exit-zero", bad)
    assert result.exit_code == 0
    assert "subheading-one-sentence" in result.output
    assert run_cli("check", "--exit-zero", "--select", "no-such-rule", bad).exit_code == 2


def test_a_run_that_lints_no_file_says_so(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("WBLINT_ALL_FILES", raising=False)  # the default: only drafts are linted
    empty = run_cli("check", "--no-cache", str(tmp_path))
    assert empty.exit_code == 0
    assert "no file was linted: no Markdown files were found" in empty.stderr
    (tmp_path / "README.md").write_text("# Notes\n\nHow to build the project.\n", encoding="utf-8")
    readme_only = run_cli("check", "--no-cache", str(tmp_path))
    assert "none of the Markdown files found read as drafts" in readme_only.stderr
    linted = run_cli("check", "--no-cache", "--all-files", str(tmp_path))
    assert "no file was linted" not in linted.stderr
