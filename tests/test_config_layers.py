"""Configuration files that compose: a nested file extends the one above it, `root: true`
stops the search, `extend:` names the parent, and per-file rule options."""
from __future__ import annotations

import json
import re

from conftest import write

NO_HEADLINE = "Just a paragraph with no headline at all; we utilize receipts in order to close the books.\n"


def run_json(run_cli, *args) -> list[dict]:
    result = run_cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def found(run_cli, *args) -> set[tuple[str, str]]:
    """{(path, rule name)} from a JSON run."""
    return {(d["path"], d["name"]) for d in run_json(run_cli, *args)}


def error_of(run_cli, *args) -> str:
    result = run_cli("check", *args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# -- extending the file above ------------------------------------------------------------


def test_a_nested_configuration_extends_its_parent_option_by_option(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "select: [heading-present, length]\n"
                                   "rules:\n  length: {max_pages: 0.01, severity: info}\n")
    write(in_tmp / "team" / ".wblint.yaml", "rules:\n  length: {severity: error}\n")
    write(in_tmp / "top.md", NO_HEADLINE)
    write(in_tmp / "team" / "deep" / "draft.md", NO_HEADLINE)
    by_path = {(d["path"], d["name"]): d for d in run_json(run_cli, ".")}
    # the child keeps the parent's selection and max_pages, and changes only the severity
    assert set(by_path) == {(p, n) for p in ("top.md", "team/deep/draft.md") for n in ("heading-present", "length")}
    assert by_path[("top.md", "length")]["severity"] == "info"
    assert by_path[("team/deep/draft.md", "length")]["severity"] == "error"
    assert "to fit 0.01 pages" in by_path[("team/deep/draft.md", "length")]["message"]


def test_root_true_stops_the_search_upward(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "select: [heading-present, length]\nignore: [heading-present]\n")
    write(in_tmp / "own" / ".wblint.yaml", "root: true\nselect: [heading-present]\n")
    write(in_tmp / "inherits" / ".wblint.yaml", "select: [heading-present]\n")
    for name in ("top.md", "own/a.md", "inherits/b.md"):
        write(in_tmp / name, NO_HEADLINE)
    assert found(run_cli, "--select", "heading-present,length", "own") == {("own/a.md", "heading-present")}
    assert found(run_cli, ".") == {("own/a.md", "heading-present"), ("inherits/b.md", "heading-present")}
    write(in_tmp / "own" / ".wblint.yaml", "root: true\n")  # nothing above applies: every rule's default
    names = {n for p, n in found(run_cli, "own")}
    assert "heading-present" in names and len(names) > 2


def test_extend_names_the_parent_instead_of_the_file_above(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "select: [length]\n")
    write(in_tmp / "shared" / "base.yaml", "select: [heading-present]\nrules:\n  heading-present: {severity: info}\n")
    write(in_tmp / "sub" / ".wblint.yaml", "extend: ../shared/base.yaml\nrules:\n  heading-present: {severity: error}\n")
    write(in_tmp / "sub" / "a.md", NO_HEADLINE)
    [finding] = run_json(run_cli, "sub")  # the base's select, not the project's; the child's severity
    assert (finding["name"], finding["severity"]) == ("heading-present", "error")
    # --config takes a file and what it extends, and searches no further
    write(in_tmp / "conf" / "ci.yaml", "extend: ../shared/base.yaml\n")
    [finding] = run_json(run_cli, "--config", "conf/ci.yaml", "sub")
    assert (finding["name"], finding["severity"]) == ("heading-present", "info")


def test_pyproject_tables_compose_too(in_tmp, run_cli):
    write(in_tmp / "pyproject.toml", '[tool.wblint]\nselect = ["heading-present"]\n')
    write(in_tmp / "docs" / "pyproject.toml", '[tool.wblint.rules.heading-present]\nseverity = "info"\n')
    write(in_tmp / "alone" / "pyproject.toml", '[tool.wblint]\nroot = true\nselect = ["length"]\n')
    for name in ("docs/a.md", "alone/b.md"):
        write(in_tmp / name, NO_HEADLINE)
    assert [(d["path"], d["name"], d["severity"]) for d in run_json(run_cli, ".")] == [
        ("docs/a.md", "heading-present", "info")]


def test_rule_selection_is_worked_out_file_by_file_then_the_command_line(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "select: [heading-present, length, placeholder-text]\nignore: [length]\n")
    child = in_tmp / "sub" / ".wblint.yaml"
    write(in_tmp / "sub" / "a.md", NO_HEADLINE + "\nTODO: numbers.\n" + "word " * 900 + "\n")
    names = lambda *args: {n for _, n in found(run_cli, *args, "sub")}  # noqa: E731
    write(child, "ignore: [heading-present]\n")  # ignores add up
    assert names() == {"placeholder-text"}
    write(child, "extend-select: [length]\n")  # a nearer file can bring back what a farther one left out
    assert names() == {"heading-present", "length", "placeholder-text"}
    write(child, "select: [length]\n")  # select starts over
    assert names() == {"length"}
    assert names("--extend-select", "heading-present") == {"length", "heading-present"}
    assert names("--select", "placeholder-text") == {"placeholder-text"}


def test_rules_dirs_add_up_so_a_child_can_configure_the_parents_pack(in_tmp, run_cli, team):
    write(in_tmp / ".wblint.yaml", "rules-dirs: [team]\nselect: [plain-words]\n")
    write(in_tmp / "sub" / ".wblint.yaml", "rules:\n  plain-words: {severity: error}\n")
    write(in_tmp / "sub" / "a.md", NO_HEADLINE)
    assert {(d["name"], d["severity"]) for d in run_json(run_cli, "sub")} == {("plain-words", "error")}


def test_exclude_replaces_the_farther_one_and_extend_exclude_adds_up(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "exclude: [old/]\nextend-exclude: [tmp/]\n")
    for name in ("old/a.md", "tmp/b.md", "sub/old/c.md", "sub/tmp/d.md", "sub/build/e.md"):
        write(in_tmp / name, NO_HEADLINE)
    paths = lambda: sorted({p for p, _ in found(run_cli, "--select", "WB101", ".")})  # noqa: E731
    assert paths() == ["sub/build/e.md"]
    write(in_tmp / "sub" / ".wblint.yaml", "exclude: [build/]\n")
    assert paths() == ["sub/old/c.md"]  # the parent's exclude no longer applies under sub/; its extend-exclude does


def test_include_globs_of_every_file_add_up(in_tmp):
    from wblint.workspace import Workspace

    write(in_tmp / ".wblint.yaml", "include: ['sub/launches/*.md']\n")
    write(in_tmp / "sub" / ".wblint.yaml", "include: [notes.md]\n")
    workspace = Workspace(cwd=in_tmp)
    assert [workspace.included(p) for p in ("sub/launches/a.md", "sub/notes.md", "sub/other.md", "notes.md")] == [
        True, True, False, False]


def test_per_file_ignores_of_every_file_apply_and_outlast_the_command_line(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "per-file-ignores:\n  'archive/': [heading-present]\n")
    write(in_tmp / "sub" / ".wblint.yaml", "per-file-ignores:\n  'notes.md': [ALL]\n")
    for name in ("sub/a.md", "sub/archive/b.md", "sub/notes.md"):
        write(in_tmp / name, NO_HEADLINE)
    assert found(run_cli, "--select", "heading-present", "sub") == {("sub/a.md", "heading-present")}


# -- per-file rule options ---------------------------------------------------------------


def test_per_file_rules_set_options_and_severity_only_for_matching_files(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml",
          "select: [length, heading-present]\n"
          "per-file-rules:\n"
          "  'faq/*.md':\n"
          "    length: {max_pages: 0.01}\n"
          "    heading-present: {severity: info}\n")
    for name in ("a.md", "faq/b.md", "faq/deeper/c.md"):
        write(in_tmp / name, NO_HEADLINE)
    got = {(d["path"], d["name"], d["severity"]) for d in run_json(run_cli, ".")}
    assert got == {("a.md", "heading-present", "error"), ("faq/deeper/c.md", "heading-present", "error"),
                   ("faq/b.md", "heading-present", "info"), ("faq/b.md", "length", "warning")}


def test_a_nearer_file_wins_over_a_farther_files_per_file_rules(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "select: [heading-present]\n"
                                   "per-file-rules:\n  '*.md': {heading-present: {severity: info}}\n")
    write(in_tmp / "sub" / ".wblint.yaml", "rules:\n  heading-present: {severity: error}\n")
    write(in_tmp / "a.md", NO_HEADLINE)
    write(in_tmp / "sub" / "b.md", NO_HEADLINE)
    assert {(d["path"], d["severity"]) for d in run_json(run_cli, ".")} == {("a.md", "info"), ("sub/b.md", "error")}


# -- errors ------------------------------------------------------------------------------


def test_composition_errors_name_the_file_and_line(in_tmp, run_cli):
    write(in_tmp / "a.md", NO_HEADLINE)
    config = in_tmp / ".wblint.yaml"
    cases = [
        ("select: [length]\nextend: base.yaml\n", ".wblint.yaml:2: extend: configuration file 'base.yaml' not found"),
        ("root: yes please\n", ".wblint.yaml:1: root: expected true or false, got string 'yes please'"),
        ("root: true\nextend: other.yaml\n", ".wblint.yaml:2: extend: root: true and extend contradict"),
        ("per-file-rules:\n  'nothing/*.md':\n    length: {max_pages: -1}\n",
         ".wblint.yaml:3: per-file-rules.nothing/*.md.length.max_pages: must be at least 0, got -1"),
        ("per-file-rules:\n  'x.md':\n    lenght: {max_pages: 1}\n",
         ".wblint.yaml:3: per-file-rules.x.md.lenght: unknown rule 'lenght'; did you mean 'length'?"),
    ]
    write(in_tmp / "other.yaml", "select: [length]\n")
    for text, message in cases:
        write(config, text)
        assert error_of(run_cli, "a.md").startswith(f"wblint: error: {message}")
    # a mistake in a parent is reported from the child's folder, naming the parent
    write(config, "rules:\n  sentence-length:\n    max_words: -3\n")
    write(in_tmp / "sub" / ".wblint.yaml", "select: [length]\n")
    write(in_tmp / "sub" / "b.md", NO_HEADLINE)
    assert error_of(run_cli, "sub/b.md") == (
        "wblint: error: .wblint.yaml:3: rules.sentence-length.max_words: must be at least 1, got -3")


def test_extend_in_a_loop_is_an_error_not_a_hang(in_tmp, run_cli):
    write(in_tmp / "a.md", NO_HEADLINE)
    write(in_tmp / ".wblint.yaml", "extend: conf/one.yaml\n")
    write(in_tmp / "conf" / "one.yaml", "select: [length]\nextend: two.yaml\n")
    write(in_tmp / "conf" / "two.yaml", "extend: one.yaml\n")
    message = error_of(run_cli, "a.md")
    assert message.startswith("wblint: error: conf/two.yaml:1: extend: configuration files extend each other in a loop")
    assert "conf/one.yaml -> conf/two.yaml -> conf/one.yaml" in message


# -- --show-settings ---------------------------------------------------------------------


def test_show_settings_prints_each_value_with_the_file_and_line_that_set_it(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "root: true\nselect: [ALL]\nignore: [jargon-density]\n"
                                   "rules:\n  length: {max_pages: 1.0}\ndefault-kind: prfaq\n")
    write(in_tmp / "docs" / ".wblint.yaml", "rules:\n  length: {severity: error}\n"
                                            "per-file-rules:\n  'faq/*.md':\n    length: {max_pages: 3}\n")
    write(in_tmp / "docs" / "faq" / "a.md", NO_HEADLINE)
    write(in_tmp / "docs" / "b.md", NO_HEADLINE)
    result = run_cli("check", "--show-settings", "--ignore", "hype", "docs/faq/a.md")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("docs/faq/a.md\n")
    assert "configuration files (outermost first): .wblint.yaml, docs/.wblint.yaml" in text
    expected = [r"^default-kind +prfaq +\.wblint\.yaml:6$",
                r"^exclude +\[\"node_modules/\".* default$",
                r"^per-file-rules +faq/\*\.md +docs/\.wblint\.yaml:4$",
                r"^  WB107 length: runs \(select at \.wblint\.yaml:2\)$",
                r"^ +severity +error +docs/\.wblint\.yaml:2$",
                r"^ +max_pages +3 +docs/\.wblint\.yaml:5$",
                r"^ +words_per_page +500 +default$",
                r"^  WB301 jargon-density: off \(ignore at \.wblint\.yaml:3\)$",
                r"^  WB303 hype: off \(--ignore\)$"]
    for pattern in expected:
        assert re.search(pattern, text, re.M), pattern
    assert "WB101 heading-present [" not in text  # nothing was linted
    # a draft the per-file entry does not match keeps the parent's value; JSON says the same
    data = json.loads(run_cli("check", "--show-settings", "--format", "json", "docs/b.md").stdout)
    [length] = [rule for rule in data["rules"] if rule["name"] == "length"]
    assert length["options"]["max_pages"] == {"value": 1.0, "from": ".wblint.yaml:5"}
    assert length["severity"] == {"value": "error", "from": "docs/.wblint.yaml:2"}
    assert data["settings"]["per-file-rules"] == []


def test_show_settings_names_toml_keys_and_takes_one_draft(in_tmp, run_cli):
    write(in_tmp / "pyproject.toml", "[tool.wblint.rules.length]\nmax_pages = 2.0\n")
    write(in_tmp / "a.md", NO_HEADLINE)
    text = run_cli("check", "--show-settings", "a.md").stdout
    assert re.search(r"^ +max_pages +2\.0 +pyproject\.toml \(tool\.wblint\.rules\.length\.max_pages\)$", text, re.M)
    assert "--show-settings takes one draft" in error_of(run_cli, "--show-settings", ".")


def test_outline_reads_a_draft_with_the_per_file_rules_that_match_it(in_tmp, run_cli):
    from conftest import SAMPLES

    write(in_tmp / "x" / "clean.md", (SAMPLES / "clean-prfaq.md").read_text(encoding="utf-8"))
    assert "missing: problem" not in run_cli("outline", "x/clean.md").stdout
    write(in_tmp / ".wblint.yaml", "per-file-rules:\n  'x/*.md':\n    problem-statement: {min_score: 99}\n")
    assert "missing: problem" in run_cli("outline", "x/clean.md").stdout
