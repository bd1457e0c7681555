"""Output formats as CI systems read them: github, sarif, junit; --statistics, --output, stdin."""
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


# -- junit -------------------------------------------------------------------------------


def test_junit_has_a_test_case_per_file_and_a_failure_per_finding(project, run_cli):
    result = run_cli("check", "--format", "junit", "docs")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"docs/clean.md", "docs/draft.md", "docs/we,are:100%.md"}
    assert (suite.get("tests"), suite.get("failures")) == ("3", "2")
    assert cases["docs/clean.md"].findall("failure") == []
    failures = cases["docs/draft.md"].findall("failure")
    expected = [d for d in json_findings(run_cli, "docs") if d["path"] == "docs/draft.md"]
    assert len(failures) == len(expected) == 6
    assert failures[0].get("type") == "WB101 heading-present"
    assert failures[0].text.startswith("docs/draft.md:1:1: WB101 heading-present Add a headline")
    awkward = [f for f in failures if f.get("type").startswith("AW001")][0]
    message = [d["message"] for d in expected if d["rule"] == "AW001"][0]
    assert awkward.get("message") == f"1:4 AW001 awkward-message: {message} [warning]"  # CR LF survive


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
    from wblint.formats.sarif import BUILTIN_CODES
    from wblint.suppress import INVALID_SUPPRESSION, UNUSED_SUPPRESSION

    codes = [READ_ERROR, PARSE_ERROR, INTERNAL_ERROR, UNUSED_SUPPRESSION, INVALID_SUPPRESSION, RULE_TIMEOUT, BUDGET]
    assert len({code for code, _ in codes}) == len(codes)
    assert {code: BUILTIN_CODES[code][0] for code, _ in codes} == dict(codes)
