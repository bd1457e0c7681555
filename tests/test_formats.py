"""Output formats as CI systems read them: github, gitlab, sarif, junit; --statistics, --output, stdin."""
from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import SAMPLES, write
from wblint.diagnostics import Diagnostic, Severity
from wblint.formats import FORMATTERS, Report
from wblint.formats.github import LIMIT, step_summary

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
GITLAB_SCHEMA = Path(__file__).parent / "data" / "gitlab-codequality-schema.json"
COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")

# A pack whose message carries every character the runner escapes.
AWKWARD_PACK = """\
pack: awkward
rules:
  - id: AW001
    name: awkward-message
    kind: fixture-replace
    severity: warning
    options: {replacements: {utilize: use}}
    message: "100%: \\"{phrase}\\", then {suggestion},\\r\\nsecond line %0A stays"
    summary: A message with %, colons, commas, CR and LF.
    rationale: Escaping test.
    examples: {bad: "We utilize it.\\n", good: "We use it.\\n"}
"""

DRAFT = "We utilize lorem.\n\nUtilize it.\n"  # no headline: an error, two warnings, one info


def unescape_data(value: str) -> str:  # as the Actions runner does
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(value: str) -> str:
    return (value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def parse_commands(output: str) -> list[dict]:
    found = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(part.split("=", 1) for part in match["props"].split(","))
            found.append({"level": match["level"], "message": unescape_data(match["message"]),
                          **{k: unescape_property(v) for k, v in props.items()}})
    return found


@pytest.fixture
def project(in_tmp, team):
    write(in_tmp / ".wblint.yaml", "rules-dirs: [team, awkward]\nselect: [team, heading-present, awkward]\n")
    write(in_tmp / "awkward" / "awkward.yaml", AWKWARD_PACK)
    write(in_tmp / "docs" / "draft.md", DRAFT)
    write(in_tmp / "docs" / "we,are:100%.md", "# Fine\n\nWe utilize it.\n")
    write(in_tmp / "docs" / "clean.md", "# Fine\n\nAll good here.\n")
    return in_tmp


def json_findings(run_cli, *args) -> list[dict]:
    return json.loads(run_cli("check", "--format", "json", *args).stdout)


# -- github ------------------------------------------------------------------------------


def test_github_commands_parse_back_to_the_findings(project, run_cli, monkeypatch):
    monkeypatch.chdir(project / "docs")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(project))
    expected = json_findings(run_cli, ".")
    result = run_cli("check", "--format", "github", ".")
    assert result.exit_code == 1
    commands = parse_commands(result.stdout)
    assert len(commands) == len(expected) == 8
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    by_key = {(c["file"], int(c["line"]), int(c["col"]), c["title"]): c for c in commands}
    for d in expected:
        command = by_key[("docs/" + d["path"], d["line"], d["column"], f"{d['rule']} {d['name']}")]
        assert command["message"] == d["message"]  # unescaped, exactly the message
        assert command["level"] == levels[d["severity"]]
        assert (int(command["endLine"]), int(command["endColumn"])) == (d["end_line"], d["end_column"] + 1)
    awkward = [c for c in commands if c["title"].startswith("AW001")]
    assert awkward[0]["message"].startswith('100%: "utilize", then use,\r\nsecond line %0A stays')
    assert {c["file"] for c in commands} == {"docs/draft.md", "docs/we,are:100%.md"}  # , and : survive


def test_github_groups_per_file_with_errors_first(project, run_cli):
    lines = run_cli("check", "--format", "github", "docs").stdout.splitlines()
    groups = [line for line in lines if line.startswith("::group::")]
    titles = [unescape_data(line.removeprefix("::group::")) for line in groups]
    assert titles == ["docs/draft.md", "docs/we,are:100%.md"]  # the file with an error first
    assert lines.count("::endgroup::") == 2
    first = lines[lines.index(groups[0]) + 1: lines.index("::endgroup::")]
    assert [COMMAND.match(line)["level"] for line in first] == ["error"] + ["warning"] * 4 + ["notice"]
    assert lines[-1] == "8 problems (1 error, 6 warnings, 1 info) in 2 files"


def _report(counts: dict[Severity, int]) -> Report:
    found = [Diagnostic("a.md", i + 1, 1, i + 1, 3, "WB101", "heading-present", severity, f"finding {i}")
             for severity, count in counts.items() for i in range(count)]
    return Report([("a.md", sorted(found, key=Diagnostic.sort_key))])


def test_github_closes_with_a_notice_when_more_than_github_shows():
    quiet = parse_commands(FORMATTERS["github"](_report({Severity.ERROR: LIMIT, Severity.INFO: LIMIT})))
    assert len(quiet) == 2 * LIMIT and not any(c.get("title") == "wblint" for c in quiet)
    commands = parse_commands(FORMATTERS["github"](_report({Severity.ERROR: 12, Severity.WARNING: 3})))
    assert commands[-1]["title"] == "wblint" and commands[-1]["level"] == "notice"
    assert "2 errors are not annotated" in commands[-1]["message"]
    output = FORMATTERS["github"](_report({Severity.INFO: 11}))
    commands = parse_commands(output)
    notices = [c for c in commands if c["level"] == "notice"]
    assert len(notices) == LIMIT  # 9 findings + the closing notice: all shown
    assert "2 notices are not annotated" in notices[-1]["message"]
    assert sum(1 for line in output.splitlines() if line.startswith("a.md:")) == 2  # the rest stay in the log


def test_github_is_the_default_under_github_actions(project, run_cli, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert parse_commands(run_cli("check", "docs/draft.md").stdout)
    assert not parse_commands(run_cli("check", "--format", "text", "docs/draft.md").stdout)


def test_github_appends_a_table_to_the_step_summary(project, run_cli, monkeypatch):
    summary = project / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run_cli("check", "--format", "github", "docs")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### wblint: 8 problems (1 error, 6 warnings, 1 info) in 2 files\n")
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Severity")
            and not line.startswith("| ---")]
    assert len(rows) == 8
    assert all(line.count(" | ") - line.count("\\|") == 4 for line in rows)  # no stray column breaks
    assert "| error | docs/draft.md | 1:1 | WB101 heading-present |" in text
    assert step_summary(Report([("a.md", [])])).startswith("### wblint: No problems found in 1 file.")


# -- sarif -------------------------------------------------------------------------------


def test_sarif_validates_against_the_schema_and_describes_every_rule(project, run_cli, monkeypatch):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    monkeypatch.chdir(project / "docs")
    write(project / "docs" / "bad directive.md", "# T\n\n<!-- wblint-disable nope -->\nText.\n")
    result = run_cli("check", "--format", "sarif", ".")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids[:4] == ["WB101", "TM001", "TM002", "AW001"] and "WB005" in ids
    from wblint.rules import load_rules

    every = {r.id for r in load_rules().rules}  # the rules left out are described too, disabled
    assert every <= set(ids)
    disabled = {r["id"] for r in rules if r["defaultConfiguration"].get("enabled") is False}
    assert disabled == every - {"WB101"}
    heading = rules[0]
    assert heading["name"] == "heading-present"
    assert heading["shortDescription"]["text"] == "The draft has a headline."
    assert heading["fullDescription"]["text"].startswith("The headline is the one line every reader reads.")
    assert "**Bad**" in heading["help"]["markdown"] and heading["defaultConfiguration"]["level"] == "error"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.resolve().as_uri() + "/"
    expected = {(d["path"], d["line"], d["column"], d["end_column"]) for d in json_findings(run_cli, ".")}
    seen = set()
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        uri = location["artifactLocation"]["uri"]
        assert uri.startswith("docs/")
        region = location["region"]
        seen.add((uri.removeprefix("docs/").replace("%20", " ").replace("%2C", ",").replace("%3A", ":")
                   .replace("%25", "%"), region["startLine"], region["startColumn"], region["endColumn"] - 1))
    assert seen == expected
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["WB101"] == "error" and levels["TM002"] == "note" and levels["WB005"] == "warning"


def test_sarif_end_column_is_exclusive():
    d = Diagnostic("a.md", 3, 4, 3, 10, "WB102", "subheading-one-sentence", Severity.ERROR, "m")
    log = json.loads(FORMATTERS["sarif"](Report([("a.md", [d])], root=".")))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 4, "endLine": 3, "endColumn": 11}  # "abcdefg" at 4..10


def _sarif(run_cli, *args) -> dict:
    log = json.loads(run_cli("check", "--format", "sarif", *args).stdout)
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    return log


def _fingerprints(log: dict) -> dict[tuple, str]:
    return {(r["ruleId"], r["message"]["text"], r["locations"][0]["physicalLocation"]["region"]["startColumn"]):
            r["partialFingerprints"]["wblint/v1"] for r in log["runs"][0]["results"]}


def test_sarif_fingerprints_survive_lines_added_above_and_tell_repeats_apart(project, run_cli):
    draft = project / "docs" / "draft.md"
    before = _sarif(run_cli, "docs/draft.md")
    prints = _fingerprints(before)
    assert len(prints) == 6 and len(set(prints.values())) == 6  # "utilize" twice: two fingerprints
    draft.write_text("<!-- a note the writer added -->\n\n" + DRAFT, encoding="utf-8")
    after = _sarif(run_cli, "docs/draft.md")
    lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after["runs"][0]["results"]}
    assert lines == {1 + 2, 3 + 2}  # every finding moved two lines down...
    assert _fingerprints(after) == prints  # ...and kept its fingerprint


def test_fingerprints_hash_path_rule_and_flagged_text_not_the_line():
    from wblint.formats.fingerprint import fingerprints

    def at(line, column, end_column, rule="WB302"):
        return Diagnostic("a.md", line, column, line, end_column, rule, "weasel-words", Severity.WARNING, "m")

    text = "Very good.\n\nVery good, very fast.\n"
    first, second, third = fingerprints("docs/a.md", [at(1, 1, 4), at(3, 1, 4), at(3, 12, 15)], text)
    assert len({first, second, third}) == 3  # "Very" twice: occurrences 0 and 1; "very" is other text
    shifted = "Intro.\n\n" + text
    assert fingerprints("docs/a.md", [at(3, 1, 4), at(5, 1, 4)], shifted) == [first, second]
    assert fingerprints("docs/b.md", [at(1, 1, 4)], text) != [first]  # another file
    assert fingerprints("docs/a.md", [at(1, 1, 4, rule="WB303")], text) != [first]  # another rule
    assert fingerprints("docs/a.md", [at(1, 1, 4)], "Nice good.\n") != [first]  # other flagged text
    rewrapped = "Very good, very\nfast.\n"
    wide = Diagnostic("a.md", 1, 1, 3, 5, "WB308", "paragraph-length", Severity.WARNING, "m")
    assert (fingerprints("a.md", [wide], "Very good, very fast.\n")
            == fingerprints("a.md", [Diagnostic("a.md", 1, 1, 2, 5, "WB308", "paragraph-length", Severity.WARNING,
                                                "m")], rewrapped))  # re-wrapping keeps it


def test_sarif_links_every_builtin_rule_to_its_page(project, run_cli):
    from wblint.ruledocs import RULE_DOCS

    rules = _sarif(run_cli, "docs")["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    assert by_id["WB101"]["helpUri"] == f"{RULE_DOCS}heading-present.md"
    builtin = [r for r in rules if r["id"].startswith("WB")]
    assert len(builtin) >= 40 and all(r["helpUri"] == f"{RULE_DOCS}{r['name']}.md" for r in builtin)
    assert {r["id"] for r in rules if "helpUri" not in r} == {"TM001", "TM002", "AW001"}  # team rules: no page


def test_sarif_invocation_carries_the_exit_code_and_the_notices(project, run_cli):
    write(project / ".wblint.yaml", "rules-dirs: [team]\nselect: [team, heading-present]\nexclude: [docs/clean.md]\n")
    [invocation] = _sarif(run_cli, "docs/draft.md", "docs/clean.md")["runs"][0]["invocations"]
    assert invocation["exitCode"] == 1 and invocation["executionSuccessful"] is True
    assert invocation["toolExecutionNotifications"] == [
        {"level": "note", "message": {"text": "docs/clean.md is excluded by the configuration; not linted"}}]
    [invocation] = _sarif(run_cli, "--exit-zero", "docs/draft.md")["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": True, "exitCode": 0}
    [invocation] = _sarif(run_cli, "docs/clean.md")["runs"][0]["invocations"]
    assert invocation["exitCode"] == 0
    assert invocation["toolExecutionNotifications"][-1]["level"] == "warning"  # no file was linted


def test_sarif_invocation_fails_when_a_rule_crashes():
    d = Diagnostic("a.md", 1, 1, 1, 1, "WB003", "internal-error", Severity.ERROR, "rule x failed: boom")
    [invocation] = json.loads(FORMATTERS["sarif"](Report([("a.md", [d])], root=".", exit_code=1)))["runs"][0][
        "invocations"]
    assert invocation == {"executionSuccessful": False, "exitCode": 1}


# -- gitlab ------------------------------------------------------------------------------


def _gitlab(run_cli, *args, **kwargs) -> list[dict]:
    result = run_cli("check", "--format", "gitlab", *args, **kwargs)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    jsonschema.Draft7Validator(json.loads(GITLAB_SCHEMA.read_text(encoding="utf-8"))).validate(report)
    return report


def test_gitlab_has_an_issue_per_finding_with_the_documented_fields(project, run_cli, monkeypatch):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    monkeypatch.chdir(project / "docs")
    expected = json_findings(run_cli, ".")
    report = _gitlab(run_cli, ".")
    assert len(report) == len(expected) == 8
    severities = {"error": "major", "warning": "minor", "info": "info"}
    seen = sorted((i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"], i["description"],
                   i["severity"]) for i in report)
    assert seen == sorted(("docs/" + d["path"], d["line"], f"{d['rule']} {d['name']}", d["message"],
                           severities[d["severity"]]) for d in expected)  # paths from the repository root
    assert len({i["fingerprint"] for i in report}) == len(report)  # GitLab shows one issue per fingerprint


def test_gitlab_fingerprints_survive_lines_added_above(project, run_cli):
    before = {(i["check_name"], i["description"]): i["fingerprint"] for i in _gitlab(run_cli, "docs/draft.md")}
    (project / "docs" / "draft.md").write_text("<!-- a note -->\n\n" + DRAFT, encoding="utf-8")
    after = _gitlab(run_cli, "docs/draft.md")
    assert {i["location"]["lines"]["begin"] for i in after} == {3, 5}
    assert {(i["check_name"], i["description"]): i["fingerprint"] for i in after} == before
    piped = _gitlab(run_cli, "--stdin-filename", "docs/draft.md", "-", input="<!-- a note -->\n\n" + DRAFT)
    assert sorted(i["fingerprint"] for i in piped) == sorted(before.values())  # stdin hashes the same text


def test_the_gitlab_schema_rejects_what_gitlab_would_not_read():
    validator = jsonschema.Draft7Validator(json.loads(GITLAB_SCHEMA.read_text(encoding="utf-8")))
    good = {"description": "d", "check_name": "c", "fingerprint": "f", "severity": "minor",
            "location": {"path": "docs/a.md", "lines": {"begin": 1}}}
    assert validator.is_valid([good])
    for broken in ({**good, "severity": "warning"},
                   {**good, "location": {"path": "./docs/a.md", "lines": {"begin": 1}}},
                   {**good, "location": {"path": "docs/a.md"}}, {k: v for k, v in good.items() if k != "fingerprint"}):
        assert not validator.is_valid([broken]), broken


# -- junit -------------------------------------------------------------------------------


def _junit(run_cli, *args):
    from junitparser import JUnitXml

    result = run_cli("check", "--format", "junit", *args)
    assert result.exit_code == 1
    return JUnitXml.fromstring(result.stdout.encode("utf-8"))


def _stated_counts(element) -> tuple:
    return element.tests, element.failures, element.errors, element.skipped


def test_junit_has_a_test_case_per_finding_and_counts_that_add_up(project, run_cli):
    from junitparser import Failure

    xml = _junit(run_cli, "docs")
    expected = json_findings(run_cli, "docs")
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {"docs/clean.md", "docs/draft.md", "docs/we,are:100%.md"}
    assert _stated_counts(xml) == (len(expected) + 1, len(expected), 0, 0)  # 8 findings and a clean file
    stated = [_stated_counts(xml)] + [_stated_counts(suite) for suite in xml]
    xml.update_statistics()  # junitparser recounts from the test cases themselves
    assert [_stated_counts(xml)] + [_stated_counts(suite) for suite in xml] == stated
    [clean] = list(suites["docs/clean.md"])
    assert clean.is_passed and clean.name == "no problems"
    cases = list(suites["docs/draft.md"])
    mine = [d for d in expected if d["path"] == "docs/draft.md"]
    assert len(cases) == len(mine) == 6 and not any(case.is_passed for case in cases)
    seen = sorted((case.classname, case.name, case.result[0].type, case.result[0].message) for case in cases)
    assert seen == sorted(("docs/draft.md", f"{d['rule']} {d['name']} at {d['line']}:{d['column']}",
                           f"{d['rule']} {d['name']}",
                           f"{d['line']}:{d['column']} {d['rule']} {d['name']}: {d['message']} [{d['severity']}]")
                          for d in mine)  # CR LF in a message survive
    assert all(isinstance(case.result[0], Failure) for case in cases)
    heading = next(case for case in cases if case.name.startswith("WB101"))
    assert heading.result[0].text.startswith("docs/draft.md:1:1: WB101 heading-present Add a headline")


def test_junit_reports_a_file_it_could_not_check_as_an_error(run_cli, tmp_path):
    from junitparser import Error

    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02")
    (tmp_path / "fine.md").write_text("# Headline\n\nText.\n", encoding="utf-8")
    xml = _junit(run_cli, "--select", "heading-present", str(tmp_path))
    assert _stated_counts(xml) == (2, 0, 1, 0)
    [case] = [case for suite in xml for case in suite if not case.is_passed]
    assert isinstance(case.result[0], Error) and case.result[0].type == "WB001 read-error"


# -- statistics, --output, aliases -------------------------------------------------------


def test_statistics_count_per_rule_most_frequent_first(run_cli):
    from collections import Counter

    findings = json.loads(run_cli("check", "--format", "json", str(SAMPLES)).stdout)
    expected = Counter((d["rule"], d["name"]) for d in findings)
    result = run_cli("check", "--statistics", str(SAMPLES))
    assert result.exit_code == 1
    rows = [line.split() for line in result.stdout.splitlines()]
    assert {(row[1], row[2]): int(row[0]) for row in rows} == dict(expected)
    counts = [int(row[0]) for row in rows]
    assert counts == sorted(counts, reverse=True)
    data = json.loads(run_cli("check", "--statistics", "--format", "json", str(SAMPLES)).stdout)
    top_code, top_name = rows[0][1], rows[0][2]
    assert data[0]["code"] == top_code and data[0]["name"] == top_name and data[0]["count"] == int(rows[0][0])
    fixable = sum(1 for d in findings if d["name"] == top_name and "fix" in d)
    assert data[0]["fixable"] == fixable


def test_statistics_count_fixable_findings(project, run_cli):
    out = run_cli("check", "--statistics", "docs").stdout
    assert re.search(r"^3\s+TM001\s+plain-words\s+\(3 fixable\)$", out, re.M), out


def test_output_writes_the_report_to_a_file(project, run_cli):
    expected = run_cli("check", "--format", "sarif", "docs").stdout
    result = run_cli("check", "--output-format", "sarif", "--output", "reports/wblint.sarif", "docs")
    assert result.exit_code == 1 and result.stdout == ""
    written = (project / "reports" / "wblint.sarif").read_text(encoding="utf-8")
    assert json.loads(written) == json.loads(expected)
    assert run_cli("check", "-o", "out.txt", "--color", "always", "docs").exit_code == 1
    assert "\x1b[" not in (project / "out.txt").read_text(encoding="utf-8")  # no colour in files


# -- stdin -------------------------------------------------------------------------------


def test_stdin_is_linted_and_named_by_stdin_filename(project, run_cli):
    result = run_cli("check", "--format", "json", "-", input=DRAFT)
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert {d["path"] for d in found} == {"<stdin>"} and len(found) == 6
    write(project / "docs" / ".wblint.yaml", "select: [heading-present]\nper-file-ignores: {'archive/': [ALL]}\n")
    result = run_cli("check", "--format", "json", "--stdin-filename", "docs/new.md", "-", input=DRAFT)
    assert [(d["path"], d["name"]) for d in json.loads(result.stdout)] == [("docs/new.md", "heading-present")]
    result = run_cli("check", "--stdin-filename", "docs/archive/old.md", input=DRAFT)  # '-' may be left out
    assert result.exit_code == 0 and result.stdout == "No problems found in 1 file.\n"
    assert run_cli("check", "-", "docs", input=DRAFT).exit_code == 2
    assert run_cli("check", "--stdin-filename", "x.md", "docs", input=DRAFT).exit_code == 2


def test_builtin_codes_are_unique_and_described_in_sarif():
    from wblint.budget import BUDGET
    from wblint.diagnostics import PARSE_ERROR, READ_ERROR
    from wblint.engine import INTERNAL_ERROR, RULE_TIMEOUT
    from wblint.diagnostics import BUILTIN_CODES
    from wblint.suppress import INVALID_SUPPRESSION, UNUSED_SUPPRESSION

    codes = [READ_ERROR, PARSE_ERROR, INTERNAL_ERROR, UNUSED_SUPPRESSION, INVALID_SUPPRESSION, RULE_TIMEOUT, BUDGET]
    assert len({code for code, _ in codes}) == len(codes)
    assert {code: BUILTIN_CODES[code][0] for code, _ in codes} == dict(codes)
