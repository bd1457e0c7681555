"""JUnit XML (GitLab, Jenkins, Azure Pipelines): a test suite per file, a test case per finding.

Each finding is a failed test case named by its rule and position, so a CI's test report
lists every finding on its own line; a file with none is one passing case, so a clean
run still counts what it checked.  Findings that say a file could not be checked (read
and parse errors, a rule that failed or ran out of time) are ``<error>``, not
``<failure>``.  ``tests``, ``failures`` and ``errors`` add up, per suite and in total.
"""
from __future__ import annotations

import re

from . import Report, formatter

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NOT_CHECKED = {"read-error", "parse-error", "internal-error", "rule-timeout"}  # wblint's own codes
CLEAN_CASE = "no problems"


def _clean(value: str) -> str:
    return _INVALID_XML.sub("\ufffd", value)


def _counts(tests: int, failures: int, errors: int) -> dict[str, str]:
    return {"tests": str(tests), "failures": str(failures), "errors": str(errors), "skipped": "0", "time": "0"}


@formatter("junit")
def format_junit(report: Report) -> str:
    import xml.etree.ElementTree as ET  # here: a text report need not load an XML library

    suites = ET.Element("testsuites", {"name": "wblint"})
    totals = [0, 0, 0]
    for path, found in report.files:
        name = _clean(path)
        errors = sum(1 for d in found if d.name in NOT_CHECKED)
        counts = (max(len(found), 1), len(found) - errors, errors)
        suite = ET.SubElement(suites, "testsuite", {"name": name, **_counts(*counts)})
        totals = [total + count for total, count in zip(totals, counts)]
        if not found:
            ET.SubElement(suite, "testcase", {"classname": name, "name": CLEAN_CASE, "file": name, "time": "0"})
        for d in found:
            case = ET.SubElement(suite, "testcase", {
                "classname": name, "name": _clean(f"{d.rule} {d.name} at {d.line}:{d.column}"), "file": name,
                "line": str(d.line), "time": "0",
            })
            result = ET.SubElement(case, "error" if d.name in NOT_CHECKED else "failure", {
                "type": f"{d.rule} {d.name}",
                "message": _clean(f"{d.line}:{d.column} {d.rule} {d.name}: {d.message} [{d.severity}]"),
            })
            result.text = _clean(f"{path}:{d.line}:{d.column}: {d.rule} {d.name} {d.message} [{d.severity}]")
    suites.attrib.update(_counts(*totals))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
