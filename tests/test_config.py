"""Configuration files: discovery, every key, command-line overrides, strict validation, init."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import write, write_team_pack
from wblint.configfile import load_config
from wblint.rules import load_rules
from wblint.starter import starter_config
from wblint.workspace import Overrides, Workspace

NO_HEADLINE = "Just a paragraph with no headline at all; we utilize receipts.\n"
HEADED = "# Acme Ledger Files Receipts\n\nWe utilize receipts in order to close the books.\n"


def findings(run_cli, *args) -> set[tuple[str, str]]:
    """{(path, rule name)} from a JSON run."""
    result = run_cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return {(d["path"], d["name"]) for d in json.loads(result.stdout)}


def error_of(run_cli, *args) -> str:
    result = run_cli("check", *args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines  # one clear line
    return lines[0]


# -- discovery ---------------------------------------------------------------------------


def test_each_file_runs_under_the_configuration_files_above_it(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "select: [heading-present]\nignore: [heading-present]\n")
    write(in_tmp / "sub" / ".wblint.yaml", "select: [heading-present]\n")
    write(in_tmp / "top.md", NO_HEADLINE)
    write(in_tmp / "sub" / "deeper" / "inner.md", NO_HEADLINE)
    assert findings(run_cli, ".") == {("sub/deeper/inner.md", "heading-present")}
    # an explicit file finds its configuration the same way
    assert findings(run_cli, "sub/deeper/inner.md") == {("sub/deeper/inner.md", "heading-present")}
    assert findings(run_cli, "top.md") == set()


def test_pyproject_table_is_a_configuration_and_a_pyproject_without_one_is_passed_over(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "select: [heading-present]\n")
    write(in_tmp / "tool" / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.wblint]: keep walking
    write(in_tmp / "tool" / "a.md", NO_HEADLINE)
    write(in_tmp / "py" / "pyproject.toml",
          '[project]\nname = "y"\n\n[tool.wblint]\nselect = ["heading-present"]\n\n'
          '[tool.wblint.rules.heading-present]\nseverity = "info"\n')
    write(in_tmp / "py" / "b.md", NO_HEADLINE)
    result = json.loads(run_cli("check", "--format", "json", ".").stdout)
    severities = {d["path"]: d["severity"] for d in result}
    assert severities == {"tool/a.md": "error", "py/b.md": "info"}


def test_one_directory_prefers_yaml_then_yml_then_pyproject(in_tmp, run_cli):
    write(in_tmp / "a.md", NO_HEADLINE)
    write(in_tmp / "pyproject.toml", '[tool.wblint]\nselect = ["heading-present"]\n')
    assert findings(run_cli, "a.md") == {("a.md", "heading-present")}
    write(in_tmp / ".wblint.yml", "select: [length]\n")
    assert findings(run_cli, "a.md") == set()
    write(in_tmp / ".wblint.yaml", "select: [heading-present]\n")
    assert findings(run_cli, "a.md") == {("a.md", "heading-present")}


def test_isolated_ignores_configuration_files(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "ignore: [heading-present]\n")
    write(in_tmp / "a.md", NO_HEADLINE)
    assert ("a.md", "heading-present") not in findings(run_cli, "a.md")
    assert ("a.md", "heading-present") in findings(run_cli, "--isolated", "a.md")


def test_config_flag_uses_one_file_for_every_draft(in_tmp, run_cli):
    write(in_tmp / "sub" / ".wblint.yaml", "ignore: [ALL]\n")
    write(in_tmp / "sub" / "a.md", NO_HEADLINE)
    write(in_tmp / "conf" / "strict.yaml", "select: [heading-present]\n")
    write(in_tmp / "conf" / "pyproject.toml", '[tool.wblint]\nselect = ["heading-present"]\nignore = ["WB101"]\n')
    assert findings(run_cli, "sub") == set()
    assert findings(run_cli, "--config", "conf/strict.yaml", "sub") == {("sub/a.md", "heading-present")}
    assert findings(run_cli, "--config", "conf/pyproject.toml", "sub") == set()
    assert "contradict" in error_of(run_cli, "--config", "conf/strict.yaml", "--isolated", "sub")
    write(in_tmp / "pyproject.toml", "[project]\nname = 'z'\n")
    assert "no [tool.wblint] table" in error_of(run_cli, "--config", "pyproject.toml", "sub")


def test_files_under_different_configurations_get_one_linter_per_configuration(in_tmp):
    write(in_tmp / "a" / ".wblint.yaml", "select: [heading-present]\n")
    write(in_tmp / "b" / ".wblint.yaml", "select: [length]\nper-file-ignores: {'x*.md': [length]}\n")
    for name in ("a/1.md", "a/2.md", "a/3.md", "b/1.md", "b/2.md", "b/x1.md", "b/x2.md"):
        write(in_tmp / name, NO_HEADLINE)
    workspace = Workspace(cwd=in_tmp)
    results = workspace.lint_files(workspace.files([Path(".")]))
    assert [path for path, _ in results] == ["a/1.md", "a/2.md", "a/3.md", "b/1.md", "b/2.md", "b/x1.md", "b/x2.md"]
    linters = {id(workspace.linter_for(Path(name))) for name, _ in results}
    assert len(linters) == 3  # a; b; b with per-file-ignores
    assert [[d.name for d in found] for _, found in results][:3] == [["heading-present"]] * 3


# -- each key ----------------------------------------------------------------------------


def test_select_ignore_and_extend_select_by_id_name_and_group(in_tmp, run_cli, team):
    write(in_tmp / "a.md", NO_HEADLINE)
    config = in_tmp / ".wblint.yaml"
    names = lambda: {name for _, name in findings(run_cli, "a.md")}  # noqa: E731
    write(config, "rules-dirs: [team]\nselect: [WB101]\n")
    assert names() == {"heading-present"}
    write(config, "rules-dirs: [team]\nselect: [team]\nignore: [TM002]\n")
    assert names() == {"plain-words"}
    write(config, "rules-dirs: [team]\nselect: [plain-words]\nextend-select: [press-release]\n"
                  "ignore: [length, customer-quote]\n")
    got = names()  # the whole press-release pack joins plain-words, less the two ignored rules
    pack = {r.name for r in load_rules().rules if r.group == "press-release"}
    assert {"plain-words", "heading-present"} <= got and got - {"plain-words"} <= pack
    assert not got & {"length", "customer-quote"}


def test_rules_set_severity_and_options(in_tmp, run_cli):
    write(in_tmp / "a.md", HEADED)
    config = in_tmp / ".wblint.yaml"
    write(config, "select: [length, heading-present]\n")
    assert run_cli("check", "a.md").exit_code == 0
    write(config, "select: [length]\nrules:\n  length: {max_pages: 0.01, words_per_page: 100, severity: error}\n")
    result = run_cli("check", "--format", "json", "a.md")
    [finding] = json.loads(result.stdout)
    assert (finding["name"], finding["severity"]) == ("length", "error")
    assert "to fit 0.01 pages" in finding["message"]
    write(config, "rules:\n  WB101: {severity: info}\n")  # by id too
    write(in_tmp / "b.md", NO_HEADLINE)
    result = run_cli("check", "--format", "json", "--select", "heading-present", "b.md")
    assert [d["severity"] for d in json.loads(result.stdout)] == ["info"]
    assert result.exit_code == 0  # info is below the default --fail-on warning


def test_per_file_ignores_globs_are_relative_to_the_configuration(in_tmp, run_cli):
    write(in_tmp / "docs" / ".wblint.yaml",
          "select: [heading-present]\nper-file-ignores:\n  'archive/*.md': [heading-present]\n  notes.md: [ALL]\n")
    for name in ("docs/a.md", "docs/archive/old.md", "docs/archive/deep/older.md", "docs/x/notes.md"):
        write(in_tmp / name, NO_HEADLINE)
    assert findings(run_cli, "docs") == {("docs/a.md", "heading-present"),
                                         ("docs/archive/deep/older.md", "heading-present")}
    assert findings(run_cli, "docs/archive/old.md") == set()  # explicit files too


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(in_tmp, run_cli):
    for name in ("a.md", "drafts/b.md", "node_modules/pkg/c.md", "build/d.md"):
        write(in_tmp / name, NO_HEADLINE)
    config = in_tmp / ".wblint.yaml"
    paths = lambda *args: sorted(p for p, _ in findings(run_cli, "--select", "WB101", *args))  # noqa: E731
    assert paths(".") == ["a.md", "build/d.md", "drafts/b.md"]  # node_modules skipped by default
    write(config, "extend-exclude: [drafts/]\n")
    assert paths(".") == ["a.md", "build/d.md"]
    write(config, "exclude: [drafts/, 'build/*.md']\n")
    assert paths(".") == ["a.md", "node_modules/pkg/c.md"]
    result = run_cli("check", "--select", "WB101", "drafts/b.md")  # an explicit file is excluded too
    assert result.exit_code == 0 and "drafts/b.md is excluded" in result.stderr
    # the command line overrides: --exclude replaces the file's list, --extend-exclude adds
    assert paths("--exclude", "a.md", ".") == ["build/d.md", "drafts/b.md", "node_modules/pkg/c.md"]
    assert paths("--extend-exclude", "a.md", ".") == ["node_modules/pkg/c.md"]


def test_rules_dirs_are_relative_to_the_configuration_file(in_tmp, run_cli, monkeypatch):
    project = in_tmp / "project"
    write_team_pack(project / "style" / "team")
    write(project / ".wblint.yaml", "rules-dirs: [style/team]\nselect: [plain-words]\n")
    write(project / "docs" / "a.md", HEADED)
    monkeypatch.chdir(project / "docs")
    assert findings(run_cli, "a.md") == {("a.md", "plain-words")}
    monkeypatch.chdir(in_tmp)
    assert findings(run_cli, "project") == {("project/docs/a.md", "plain-words")}
    monkeypatch.chdir(project)
    assert re.search(r"^TM001\s+plain-words", run_cli("rules").output, re.M)  # `rules` sees them too
    assert "TM001" not in run_cli("rules", "--isolated").output


def test_default_kind_is_used_when_a_draft_does_not_reveal_its_kind(in_tmp, run_cli):
    write(in_tmp / "a.md", NO_HEADLINE)
    assert findings(run_cli, "--select", "heading-present", "a.md") == {("a.md", "heading-present")}
    write(in_tmp / ".wblint.yaml", "default-kind: dear-customer-letter\n")  # a letter needs no headline
    assert findings(run_cli, "--select", "heading-present", "a.md") == set()


def test_nlp_model_is_the_pipeline_loaded(in_tmp, run_cli):
    from wblint import nlp

    write(in_tmp / "a.md", "# Acme Ledger\n\n## Bakers close their books in ten minutes a week.\n")
    write(in_tmp / ".wblint.yaml", "nlp: {model: no_such_pipeline_pkg}\n")
    nlp._loaded.pop(("no_such_pipeline_pkg", frozenset({"sentences"})), None)
    message = error_of(run_cli, "--select", "subheading-one-sentence", "a.md")
    assert "no_such_pipeline_pkg" in message and "nlp.model" in message
    # rules that need no pipeline never load it
    assert run_cli("check", "--select", "heading-present", "a.md").exit_code == 0
    write(in_tmp / ".wblint.yaml", "nlp: {model: ./models/mine}\n")  # a path is relative to the file
    assert load_config(in_tmp / ".wblint.yaml").nlp_model == str(in_tmp / "models" / "mine")


def test_command_line_select_replaces_the_file_and_ignore_adds(in_tmp, run_cli, team):
    write(in_tmp / ".wblint.yaml", "rules-dirs: [team]\nselect: [team]\nignore: [no-lorem]\n")
    write(in_tmp / "a.md", "Lorem text; we utilize it.\n")
    assert {n for _, n in findings(run_cli, "a.md")} == {"plain-words"}
    assert {n for _, n in findings(run_cli, "--select", "heading-present,no-lorem", "a.md")} == {
        "heading-present", "no-lorem"}
    assert {n for _, n in findings(run_cli, "--ignore", "plain-words", "a.md")} == set()
    assert {n for _, n in findings(run_cli, "--extend-select", "WB101", "a.md")} == {"plain-words", "heading-present"}
    assert "--select: unknown rule or group 'plain-wrods'; did you mean 'plain-words'?" in error_of(
        run_cli, "--select", "plain-wrods", "a.md")


# -- strict validation -------------------------------------------------------------------

BAD_CONFIGS = [
    ("select: [heading-present]\nselct: [length]\n", 2, "unknown setting 'selct'; did you mean 'select'?"),
    ("select:\n  - heading-present\n  - lenght\n", 3, "select[1]: unknown rule or group 'lenght'; did you mean 'length'?"),
    ("ignore: length\n", 1, "ignore: expected a list of rule ids, names or groups, got string 'length'; write [length]"),
    ("rules:\n  length:\n    max_pages: two\n", 3, "rules.length.max_pages: expected float, got str 'two'"),
    ("rules:\n  lenth: {max_pages: 2}\n", 2, "rules.lenth: unknown rule 'lenth'; did you mean 'length'?"),
    ("rules:\n  length:\n    max_page: 2\n", 3, "rules.length.max_page: unknown option for rule length; "
                                                  "did you mean 'max_pages'?"),
    ("rules:\n  sentence-length:\n    max_words: -3\n", 3,
     "rules.sentence-length.max_words: must be at least 1, got -3"),
    ("rules:\n  heading-length: {max_technology_share: 1.5}\n", 2,
     "rules.heading-length.max_technology_share: must be at most 1, got 1.5"),
    ("rules:\n  length:\n    max_pages: .nan\n", 3, "rules.length.max_pages: expected a finite number"),
    ("rules:\n  length:\n    severity: fatal\n", 3, "rules.length.severity: unknown severity 'fatal'"),
    ("rules:\n  length: 2\n", 2, "rules.length: expected a mapping of severity and options, got integer 2"),
    ("per-file-ignores:\n  '*.md': heading-present\n", 2, "per-file-ignores.*.md: expected a list"),
    ("per-file-ignores:\n  '*.md':\n    - headline-present\n", 3,
     "per-file-ignores.*.md[0]: unknown rule or group 'headline-present'; did you mean 'heading-present'?"),
    ("exclude: [1]\n", 1, "exclude[0]: expected glob, got integer 1"),
    ("rules-dirs: [nowhere]\n", 1, "rules-dirs[0]: rules directory 'nowhere' not found"),
    ("default-kind: prfqa\n", 1, "default-kind: unknown document kind 'prfqa'; did you mean 'prfaq'?"),
    ("nlp: {modle: x}\n", 1, "nlp.modle: unknown nlp setting 'modle'"),
    ("nlp: en_core_web_sm\n", 1, "nlp: expected a mapping like {model: en_core_web_sm}"),
    ("select: [length]\nignore: []\nselect: [heading-present]\n", 3, "select: given twice; keep one"),
    ("- select\n", 1, "a configuration is a mapping of settings"),
    ("select: [length\n", 2, "invalid YAML"),
]


@pytest.mark.parametrize("text,line,message", BAD_CONFIGS, ids=[c[2][:40] for c in BAD_CONFIGS])
def test_a_bad_yaml_configuration_is_one_line_with_file_and_line_and_exit_2(in_tmp, run_cli, text, line, message):
    write(in_tmp / ".wblint.yaml", text)
    write(in_tmp / "a.md", HEADED)
    error = error_of(run_cli, "a.md")
    assert error.startswith(f"wblint: error: .wblint.yaml:{line}: "), error  # relative to the working directory
    assert message in error


def test_every_number_option_of_every_kind_is_bounded_and_explain_says_so(run_cli):
    from wblint.kinds import registry

    unbounded = [(kind.name, name) for kind in registry().values() for name, option in kind.options.items()
                 if option.type in ("int", "float") and option.min is None and option.max is None]
    assert unbounded == []
    assert "most words allowed in one sentence (at least 1)" in run_cli("explain", "sentence-length").stdout


def test_errors_are_found_even_when_there_is_nothing_to_lint(in_tmp, run_cli):
    write(in_tmp / "empty" / ".wblint.yaml", "selct: []\n")
    assert "unknown setting 'selct'" in error_of(run_cli, "empty")


BAD_TOML = [
    ('[tool.wblint]\nselct = ["length"]\n', "tool.wblint.selct: unknown setting 'selct'; did you mean 'select'?"),
    ('[tool.wblint.rules.length]\nmax_pages = "two"\n', "tool.wblint.rules.length.max_pages: expected float"),
    ('[tool.wblint]\nselect = ["lenght"]\n', "tool.wblint.select[0]: unknown rule or group 'lenght'"),
    ('[tool.wblint.rules.sentence-length]\nmax_words = -3\n',
     "tool.wblint.rules.sentence-length.max_words: must be at least 1, got -3"),
    ('[tool.wblint]\nselect = [\n', "invalid TOML"),
]


@pytest.mark.parametrize("text,message", BAD_TOML, ids=[m[:40] for _, m in BAD_TOML])
def test_a_bad_pyproject_table_names_the_file_and_key_path(in_tmp, run_cli, text, message):
    write(in_tmp / "pyproject.toml", text)
    write(in_tmp / "a.md", HEADED)
    error = error_of(run_cli, "a.md")
    assert error.startswith("wblint: error: pyproject.toml: "), error
    assert message in error


def test_an_empty_configuration_means_every_default(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "# nothing yet\n")
    write(in_tmp / "a.md", NO_HEADLINE)
    assert ("a.md", "heading-present") in findings(run_cli, "a.md")


# -- wblint init -------------------------------------------------------------------------


def test_init_writes_a_commented_starter_that_changes_nothing(in_tmp, run_cli):
    result = run_cli("init")
    assert result.exit_code == 0, result.output
    text = (in_tmp / ".wblint.yaml").read_text(encoding="utf-8")
    ruleset = load_rules()
    for rule in ruleset.rules:  # every rule and every option, with its default
        assert f"#   {rule.name}:\n" in text
        for option in rule.options:
            assert re.search(rf"^#     {option}: ", text, re.M), (rule.name, option)
    assert all(line.startswith("#") or not line for line in text.splitlines())
    default = Workspace(Overrides(isolated=True)).linter_for(in_tmp / "a.md")
    from_file = Workspace(cwd=in_tmp).linter_for(in_tmp / "a.md")
    assert [(r.id, r.severity, r.options) for r in from_file.rules] == [
        (r.id, r.severity, r.options) for r in default.rules]


def test_init_uncommented_is_a_valid_configuration_equal_to_the_defaults(in_tmp, team):
    ruleset = load_rules([team])
    live = starter_config(ruleset, commented=False)
    commented = starter_config(ruleset)
    # the same file, line for line, with each setting commented out
    pairs = list(zip(commented.split("\n"), live.split("\n"), strict=True))
    assert all(c == v or c == "# " + v for c, v in pairs)
    assert sum(c != v for c, v in pairs) > 20
    data = yaml.safe_load(live)
    assert set(data["rules"]) == {r.name for r in ruleset.rules}
    write(in_tmp / ".wblint.yaml", live.replace("\nrules-dirs: []\n", "\nrules-dirs: [team]\n"))
    config = load_config(in_tmp / ".wblint.yaml")
    linter = Workspace(cwd=in_tmp).linter_for(in_tmp / "a.md")
    assert config.select == ["ALL"]
    for active in linter.rules:
        rule = ruleset.find(active.id)
        assert (active.severity, active.options) == (rule.severity, rule.options)
        assert data["rules"][rule.name] == {"severity": str(rule.severity), **rule.options}


def test_init_refuses_to_overwrite_without_force(in_tmp, run_cli):
    write(in_tmp / ".wblint.yaml", "select: [length]\n")
    result = run_cli("init")
    assert result.exit_code == 2 and "already exists; pass --force" in result.stderr
    assert (in_tmp / ".wblint.yaml").read_text(encoding="utf-8") == "select: [length]\n"
    assert run_cli("init", "--force").exit_code == 0
    assert (in_tmp / ".wblint.yaml").read_text(encoding="utf-8").startswith("# wblint configuration")
    assert run_cli("init", "conf/team.yaml").exit_code == 0 and (in_tmp / "conf" / "team.yaml").is_file()
