"""`wblint test-rules DIR`: a team's pack on its cases/*.yaml and its own examples, one command."""
from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, ROOT, write

EXAMPLE = FIXTURES / "team-rules"


@pytest.fixture
def pack(tmp_path):
    directory = tmp_path / "team-rules"
    shutil.copytree(EXAMPLE, directory)
    return directory


def test_the_example_pack_passes_every_case(run_cli):
    result = run_cli("test-rules", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1] == "4 passed, 0 failed"
    cases = EXAMPLE / "cases" / "no-internal-codenames.yaml"
    assert lines[0] == f"PASS  {cases}:3  no-internal-codenames: a codename in the release"
    assert lines[2] == f"PASS  {EXAMPLE / 'team.yaml'}:3  no-internal-codenames: example bad"


def test_a_failing_case_names_its_file_and_line_and_says_why(pack, run_cli):
    cases = pack / "cases" / "no-internal-codenames.yaml"
    text = cases.read_text(encoding="utf-8")
    cases.write_text(text.replace("column: 10", "column: 11") + """\
  - name: falcon is fine here
    pass: |
      # Acme Photos Syncs Every Device

      Falcon syncs your photos.
""", encoding="utf-8")
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 1
    out = result.stdout
    assert f"FAIL  {cases}:3  no-internal-codenames: a codename in the release\n" in out
    expected = "      no finding matches {'line': 3, 'column': 11, 'text': 'Bluebird'}; got 3:10-3:17 'Bluebird'"
    assert expected in out.splitlines(), out
    assert f"FAIL  {cases}:15  no-internal-codenames: falcon is fine here\n" in out
    assert "      expected no finding, got: 3:1 Replace the codename \"Falcon\"" in out
    assert f"PASS  {cases}:10  no-internal-codenames: the customer-facing name only\n" in out
    assert out.splitlines()[-1] == "3 passed, 2 failed"


def test_bad_case_files_are_all_listed_and_nothing_runs(pack, run_cli):
    write(pack / "cases" / "mistakes.yaml", """\
rule: no-internal-codenames
cases:
  - name: misspelt key
    fial: "# Falcon\\n"
  - name: wrong option
    fail: "# Falcon\\n"
    options: {max_per_100_word: 1}
  - name: bad kind
    pass: "# Fine\\n"
    kind: memo
""")
    write(pack / "cases" / "unknown-rule.yaml", "rule: no-codenames\ncases:\n  - {name: x, pass: \"# A\\n\"}\n")
    write(pack / "cases" / "not-a-list.yaml", "rule: no-internal-codenames\ncases: {name: x}\n")
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 2
    assert result.stdout == ""  # nothing ran
    errors = result.stderr.splitlines()
    mistakes = pack / "cases" / "mistakes.yaml"
    assert f"wblint: error: {mistakes}:4: case 1: unknown key 'fial'; did you mean 'fail'?" in errors
    assert f"wblint: error: {mistakes}:10: case 3: unknown kind 'memo'; choose press-release, prfaq, faq, " \
           "dear-customer-letter" in errors
    assert any(line.startswith(f"wblint: error: {mistakes}:5: case 'wrong option': option 'max_per_100_word': "
                               "unknown option") for line in errors), errors
    assert any(f"{pack / 'cases' / 'unknown-rule.yaml'}:3: unknown rule 'no-codenames'; did you mean "
               "'no-internal-codenames'?" in line for line in errors), errors
    assert any(line.startswith(f"wblint: error: {pack / 'cases' / 'not-a-list.yaml'}:2: 'cases' is a list")
               for line in errors), errors
    assert errors[-1] == "wblint: error: 5 mistakes in the case files; nothing was run"


def test_a_broken_pack_or_a_folder_without_one_exits_two(pack, run_cli, tmp_path):
    write(pack / "team.yaml", (pack / "team.yaml").read_text(encoding="utf-8").replace("kind: density", "kind: densty"))
    broken = run_cli("test-rules", str(pack))
    assert broken.exit_code == 2 and str(pack / "team.yaml") in broken.stderr and "densty" in broken.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run_cli("test-rules", str(empty))
    assert nothing.exit_code == 2 and "no rule pack (*.yaml) here" in nothing.stderr
    assert run_cli("test-rules", str(tmp_path / "missing")).exit_code == 2


def test_without_cases_the_examples_still_run(pack, run_cli):
    shutil.rmtree(pack / "cases")
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "2 passed, 0 failed"
    assert f"no case files in {pack / 'cases'}; only the rules' own examples ran" in result.stderr


def test_a_rule_whose_example_no_longer_holds_fails(pack, run_cli):
    team = pack / "team.yaml"
    team.write_text(team.read_text(encoding="utf-8").replace('bad: "# Falcon Launches\\n\\nFalcon syncs',
                                                             'bad: "# Acme Launches\\n\\nAcme syncs'), encoding="utf-8")
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 1
    assert f"FAIL  {team}:3  no-internal-codenames: example bad\n      expected a finding, got none\n" in result.stdout


def test_the_readme_shows_the_example_pack_and_its_run(run_cli, in_tmp):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in (EXAMPLE / "team.yaml", EXAMPLE / "cases" / "no-internal-codenames.yaml"):
        shown = f"# {path.relative_to(FIXTURES).as_posix()}\n" + path.read_text(encoding="utf-8")
        assert shown in readme, f"README.md does not show {path.relative_to(ROOT)} as it is"
    shown_run = readme.split("$ wblint test-rules team-rules\n", 1)[1].split("```", 1)[0]
    shutil.copytree(EXAMPLE, in_tmp / "team-rules")
    assert run_cli("test-rules", "team-rules").stdout == shown_run


def test_a_rule_that_raises_fails_its_case_instead_of_passing_it(install_kinds, run_cli):
    from wblint.kinds import Kind

    def check(ctx):
        raise RuntimeError("boom")
        yield  # a generator, as kinds are

    directory = install_kinds({"exploding": Kind(name="exploding", summary="raises", check=check, options={})}, {
        "pack": "crash", "rules": [{
            "id": "CR001", "name": "explodes", "kind": "exploding", "severity": "error", "message": "m",
            "summary": "s.", "rationale": "r.", "examples": {"bad": "# A\n", "good": "# B\n"}}]})
    write(directory / "cases" / "explodes.yaml", "rule: explodes\ncases:\n  - {name: any text, fail: \"# A\\n\"}\n")
    result = run_cli("test-rules", str(directory))
    assert result.exit_code == 1
    assert f"FAIL  {directory / 'cases' / 'explodes.yaml'}:3  explodes: any text\n      WB003 internal-error:" \
        in result.stdout
    assert result.stdout.splitlines()[-1] == "0 passed, 3 failed"
