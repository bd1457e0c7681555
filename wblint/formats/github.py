"""GitHub Actions workflow commands: one annotation per finding, grouped per file.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` with the runner's
escaping (``%``, CR and LF everywhere; ``:`` and ``,`` too in properties).  ``endColumn``
is exclusive, as in SARIF.  Paths are relative to the repository root.  Files with errors
come first, and errors before warnings within a file.  GitHub annotates at most
``LIMIT`` findings of each level per step; when more exist, a closing notice says so
(and the notice level keeps a slot free for it), while every finding stays in the log.
"""
from __future__ import annotations

from ..diagnostics import Diagnostic, Severity
from . import Report, formatter
from .text import _plural, summary

LIMIT = 10  # annotations GitHub shows per level per step
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SUMMARY_ROWS = 500  # rows of the job summary table; the rest are counted


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _plain(path: str, d: Diagnostic) -> str:
    return f"{path}:{d.line}:{d.column}: {d.rule} {d.name} {d.message} [{d.severity}]".replace("\n", " ")


def _command(path: str, d: Diagnostic) -> str:
    properties = {
        "file": path, "line": d.line, "col": d.column, "endLine": d.end_line, "endColumn": d.end_column + 1,
        "title": f"{d.rule} {d.name}",
    }
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{LEVELS[d.severity]} {props}::{escape_data(d.message)}"


@formatter("github")
def format_github(report: Report) -> str:
    found = report.diagnostics
    counts = {level: sum(1 for d in found if LEVELS[d.severity] == level) for level in LEVELS.values()}
    overflow = any(count > LIMIT for count in counts.values())
    # what GitHub annotates per level; with a closing notice, the notices leave it a slot
    annotated = {level: LIMIT - 1 if overflow and level == "notice" else LIMIT for level in LEVELS.values()}
    emitted = dict.fromkeys(LEVELS.values(), 0)
    files = [(path, diags) for path, diags in report.files if diags]
    files.sort(key=lambda item: -max(d.severity for d in item[1]))  # stable: path order within a level
    lines = []
    for path, diags in files:
        shown = report.relative(path)
        lines.append(f"::group::{escape_data(shown)}")
        for d in sorted(diags, key=lambda d: (-d.severity, d.line, d.column, d.rule, d.message)):
            level = LEVELS[d.severity]
            if level == "notice" and emitted[level] >= annotated[level]:  # keep the closing notice visible
                lines.append(_plain(shown, d))
                continue
            emitted[level] += 1
            lines.append(_command(shown, d))
        lines.append("::endgroup::")
    if overflow:
        hidden = [_plural(count - annotated[level], level) for level, count in counts.items() if count > annotated[level]]
        message = (f"wblint found {len(found)} problems, more than GitHub annotates ({LIMIT} of each level per step): "
                   f"{', '.join(hidden)} are not annotated. Every finding is in this step's log"
                   " and in the job summary.")
        lines.append(f"::notice title=wblint::{escape_data(message)}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", " ").replace("\n", " "))


def step_summary(report: Report) -> str:
    """A Markdown table of every finding, for $GITHUB_STEP_SUMMARY."""
    found = report.diagnostics
    lines = [f"### wblint: {_cell(summary(report))}", ""]
    if not found:
        return "\n".join(lines) + "\n"
    lines += ["| Severity | File | Line | Rule | Message |", "| --- | --- | --- | --- | --- |"]
    rows = sorted(((report.relative(p), d) for p, diags in report.files for d in diags),
                  key=lambda row: (-row[1].severity, row[0], row[1].line, row[1].column))
    for path, d in rows[:SUMMARY_ROWS]:
        lines.append(f"| {d.severity} | {_cell(path)} | {d.line}:{d.column} | {d.rule} {d.name} | {_cell(d.message)} |")
    if len(rows) > SUMMARY_ROWS:
        lines += ["", f"…and {len(rows) - SUMMARY_ROWS} more; run wblint locally for the full list."]
    return "\n".join(lines) + "\n\n"
