"""Rule packs are validated strictly: errors name the file, the line and the fix; exit code 2."""
from __future__ import annotations

import textwrap

import pytest

from wblint.rules import load_rules
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
