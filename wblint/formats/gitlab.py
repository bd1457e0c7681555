"""GitLab Code Quality: a JSON array of issues for ``artifacts: reports: codequality``.

Only the fields GitLab documents for its merge request widget and changes view:
``description``, ``check_name``, ``fingerprint``, ``severity`` and ``location`` (``path``
relative to the repository root, ``lines.begin``).  GitLab shows one issue per
fingerprint and compares them between the source and target branch, so fingerprints are
unique within a report and do not change when lines are added above a finding
(wblint.formats.fingerprint).
"""
from __future__ import annotations

import json

from ..diagnostics import Severity
from . import Report, formatter
from .fingerprint import fingerprints

# GitLab's scale is info, minor, major, critical, blocker; an error ranks above a warning
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(report: Report) -> list[dict]:
    found = []
    for path, diagnostics in report.files:
        if not diagnostics:
            continue
        shown = report.relative(path)
        for d, fingerprint in zip(diagnostics, fingerprints(shown, diagnostics, report.text_of(path))):
            found.append({
                "description": d.message,
                "check_name": f"{d.rule} {d.name}",
                "fingerprint": fingerprint,
                "severity": SEVERITIES[d.severity],
                "location": {"path": shown, "lines": {"begin": d.line}},
            })
    return found


@formatter("gitlab")
def format_gitlab(report: Report) -> str:
    return json.dumps(issues(report), indent=2, ensure_ascii=False) + "\n"
