"""Rule packs are validated strictly: errors name the file, the line and the fix; exit code 2."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from wblint.kinds import registry
from wblint.rules import RulePackErrors, load_rules
from wblint.scopes import SCOPES
from wblint.yamlfile import ConfigError

GOOD_RULE = """\
pack: team
rules:
  - id: TM101
    name: no-lorem
    kind: density
    severity: warning
    scope: document
    options: {terms: [lorem], max_per_100_words: 0.0, min_words: 1}
    message: "Remove \\"{term}\\""
    summary: No lorem ipsum.
    rationale: Template text.
    examples:
      bad: "# Head\\n\\nLorem text here.\\n"
      good: "# Head\\n\\nReal text here.\\n"
"""


def _write(tmp_path, text):
    (tmp_path / "team.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def test_a_team_rule_pack_loads_and_runs(tmp_path, run_cli):
    _write(tmp_path, GOOD_RULE)
    rules = load_rules([tmp_path])
    assert rules.find("no-lorem").id == "TM101"
    draft = tmp_path / "d.md"
    draft.write_text("# Head\n\nLorem text here.\n", encoding="utf-8")
    result = run_cli("check", "--rules-dir", str(tmp_path), "--select", "no-lorem", str(draft))
    assert result.exit_code == 1
    assert "TM101 no-lorem Remove \"Lorem\"" in result.output


@pytest.mark.parametrize(
    "change, line, words",
    [
        (("    severity: warning\n", "    severity: warning\n    sevrity: error\n"), 7, ["sevrity", "severity"]),
        (("kind: density", "kind: densty"), 5, ["densty", "valid kinds", "density"]),
        (("severity: warning", "severity: loud"), 6, ["loud", "error, warning or info"]),
        (("min_words: 1", "min_words: many"), 8, ["min_words", "expected int"]),
        (("min_words: 1", "min_wrds: 1"), 8, ["min_wrds", "valid options"]),
        (("    summary: No lorem ipsum.\n", ""), 3, ["missing required key 'summary'"]),
        (("name: no-lorem", "name: No_Lorem"), 4, ["kebab-case"]),
        (("terms: [lorem]", "terms: [lorem], extra_terms: \"x\""), 8, ["extra_terms", "expected str-list"]),
    ],
)
def test_rule_file_errors_name_file_line_and_fix(tmp_path, run_cli, change, line, words):
    _write(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(ConfigError) as info:
        load_rules([tmp_path])
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'team.yaml'}:{line}: "), message
    for word in words:
        assert word in message
    result = run_cli("check", "--rules-dir", str(tmp_path), str(tmp_path))
    assert result.exit_code == 2
    assert "team.yaml" in result.stderr and result.stderr.count("\n") == 1


def test_invalid_yaml_and_python_tags_are_refused(tmp_path):
    _write(tmp_path, "pack: team\nrules: [\n")
    with pytest.raises(ConfigError, match=r"team.yaml:\d+: invalid YAML"):
        load_rules([tmp_path])
    _write(tmp_path, "pack: !!python/object/apply:os.system ['echo hi']\nrules: []\n")
    with pytest.raises(ConfigError, match=r"team.yaml:1: invalid YAML"):
        load_rules([tmp_path])


def test_duplicate_rule_names_clash(tmp_path):
    _write(tmp_path, GOOD_RULE.replace("no-lorem", "jargon-density"))
    with pytest.raises(ConfigError, match="clashes with WB301 jargon-density"):
        load_rules([tmp_path])


def test_missing_rules_dir_is_a_usage_error(tmp_path, run_cli):
    result = run_cli("check", "--rules-dir", str(tmp_path / "nope"), str(tmp_path))
    assert result.exit_code == 2


FIVE_MISTAKES = """\
pack: team
rules:
  - id: TM101
    name: no-lorem
    kind: density
    severity: warning
    options: {terms: [lorem], max_per_100_words: 0.0, min_wrds: 1}
    message: "Remove \\"{trem}\\""
    rationale: Template text.
    examples:
      bad: "# Head\\n\\nLorem text here.\\n"
      good: "# Head\\n\\nReal text here.\\n"
  - id: TM102
    name: no-ipsum
    kind: densty
    severity: warning
    scope: press-relase
    message: "Remove it"
    summary: No ipsum.
    rationale: Template text.
    examples: {bad: "ipsum", good: "text"}
"""


def test_one_run_reports_every_mistake_in_a_pack_with_file_line_and_a_suggestion(tmp_path, run_cli):
    _write(tmp_path, FIVE_MISTAKES)
    result = run_cli("check", "--rules-dir", str(tmp_path), str(tmp_path))
    assert result.exit_code == 2 and result.stdout == ""
    pack, density = tmp_path / "team.yaml", registry()["density"]
    assert result.stderr.splitlines() == [
        f"wblint: error: {pack}:3: rule no-lorem is missing required key 'summary'",
        f"wblint: error: {pack}:7: rule no-lorem: options: min_wrds: unknown option for kind density; "
        f"did you mean 'min_words'? valid options: {', '.join(density.options)}",
        f"wblint: error: {pack}:8: rule no-lorem: message: placeholder {{trem}} is not provided by kind density; "
        f"did you mean {{term}}? it provides: {', '.join([*density.options, *density.fields])}",
        f"wblint: error: {pack}:15: rule no-ipsum: kind: unknown kind 'densty'; did you mean 'density'? valid kinds: "
        + ", ".join(sorted(k for k in registry())),
        f"wblint: error: {pack}:17: rule no-ipsum: scope: unknown scope 'press-relase'; did you mean 'press-release'? "
        "valid scopes: " + ", ".join(SCOPES),
    ]


@pytest.mark.parametrize(
    "change, line, words",
    [
        (("    rationale: Template text.\n", "    rationale: [Template, text]\n"), 11,
         ["rationale: must be a non-empty string, got ['Template', 'text']"]),
        (('message: "Remove \\"{term}\\""', 'message: "Remove {0}"'), 9, ["placeholder {0} is positional"]),
        (('message: "Remove \\"{term}\\""', 'message: "Remove {term"'), 9, ["not a valid template"]),
        (("min_words: 1", "min_words: -1"), 8, ["min_words: must be at least 0, got -1"]),
        (("    scope: document\n", "    scope: document\n    applies-to: [prfqa]\n"), 8,
         ["unknown document kind 'prfqa'; did you mean 'prfaq'?"]),
    ],
)
def test_more_rule_mistakes_are_caught_before_anything_runs(tmp_path, change, line, words):
    _write(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(ConfigError) as info:
        load_rules([tmp_path])
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'team.yaml'}:{line}: "), message
    assert all(word in message for word in words), message


def test_problems_of_several_packs_and_files_come_together(tmp_path):
    _write(tmp_path, GOOD_RULE.replace("kind: density", "kind: densty"))
    (tmp_path / "more.yaml").write_text("pack: more\nrules: [\n", encoding="utf-8")
    with pytest.raises(RulePackErrors) as info:
        load_rules([tmp_path])
    assert [(Path(e.path).name, e.line) for e in info.value.errors] == [("more.yaml", 3), ("team.yaml", 5)]


def test_every_kind_declares_exactly_the_fields_it_passes_to_messages():
    """Kind.fields is what message placeholders are checked against: it must list every
    keyword the kind's module passes to ctx.report / report_in / report_block / report_tokens."""
    import ast

    import wblint.kinds as kinds_package

    reporters = {"report", "report_in", "report_block", "report_tokens"}
    for module in Path(kinds_package.__file__).parent.glob("[!_]*.py"):
        passed = set()
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in reporters:
                passed |= {keyword.arg for keyword in node.keywords if keyword.arg}
                passed |= {"text"} if getattr(node.func, "id", None) == "report_tokens" else set()
        declared = [kind for kind in registry().values() if kind.check.__module__.endswith("." + module.stem)]
        assert len(declared) == 1, module
        assert set(declared[0].fields) == passed, module.name


def test_explain_tells_a_pack_author_what_a_message_may_name(run_cli):
    assert "(placeholders: the options, and count, density, term, words)" in run_cli("explain", "jargon-density").stdout
