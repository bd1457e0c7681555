"""JUnit XML (GitLab, Jenkins, Azure Pipelines): one test case per file, a failure per finding."""
from __future__ import annotations

import re

from . import Report, formatter

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: str) -> str:
    return _INVALID_XML.sub("\ufffd", value)


@formatter("junit")
def format_junit(report: Report) -> str:
    import xml.etree.ElementTree as ET  # here: a text report need not load an XML library

    failing = sum(1 for _, found in report.files if found)
    counts = {"tests": str(len(report.files)), "failures": str(failing), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "wblint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "wblint", **counts, "time": "0"})
    for path, found in report.files:
        case = ET.SubElement(suite, "testcase", {"classname": "wblint", "name": _clean(path), "file": _clean(path),
                                                 "time": "0"})
        for d in found:
            failure = ET.SubElement(case, "failure", {
                "type": f"{d.rule} {d.name}",
                "message": _clean(f"{d.line}:{d.column} {d.rule} {d.name}: {d.message} [{d.severity}]"),
            })
            failure.text = _clean(f"{path}:{d.line}:{d.column}: {d.rule} {d.name} {d.message} [{d.severity}]")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
