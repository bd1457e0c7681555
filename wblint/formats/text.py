"""path:line:col: RULE name message [severity], then a one-line summary."""
from __future__ import annotations

from collections import Counter

import click

from ..diagnostics import Diagnostic, Severity
from . import Report, formatter

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
LABELS = {severity: str(severity) for severity in Severity}  # str() of an enum is slow, per finding


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _severities(count: int, severity: Severity) -> str:
    """"1 error", "2 warnings", "162 info": info is a mass noun."""
    return f"{count} info" if severity is Severity.INFO else _plural(count, LABELS[severity])


def summary(report: Report) -> str:
    found = report.diagnostics
    skipped = f"; {_plural(report.skipped, 'file')} skipped: not drafts (use --all-files)" if report.skipped else ""
    if not found:
        return f"No problems found in {_plural(len(report.files), 'file')}{skipped}" + ("" if skipped else ".")
    counts = Counter(d.severity for d in found)
    parts = [_severities(counts[s], s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
    files = sum(1 for _, d in report.files if d)
    return f"{_plural(len(found), 'problem')} ({', '.join(parts)}) in {_plural(files, 'file')}{skipped}"


@formatter("text")
def format_text(report: Report) -> str:
    if report.color:
        lines = [_styled(d) for d in report.diagnostics]
    else:  # the common case, thousands of lines: one f-string each
        lines = [f"{d.path}:{d.line}:{d.column}: {d.rule} {d.name} {d.message} [{LABELS[d.severity]}]"
                 for d in report.diagnostics]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _styled(d: Diagnostic) -> str:
    color = COLORS[d.severity]
    location = click.style(f"{d.path}:{d.line}:{d.column}:", bold=True)
    code = click.style(d.rule, fg=color, bold=True)
    severity = click.style(f"[{LABELS[d.severity]}]", fg=color)
    return f"{location} {code} {d.name} {d.message} {severity}"
