"""path:line:col: RULE name message [severity], then a one-line summary."""
from __future__ import annotations

import click

from ..diagnostics import Severity
from . import Report, formatter

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(report: Report) -> str:
    found = report.diagnostics
    if not found:
        return f"No problems found in {_plural(len(report.files), 'file')}."
    counts = {s: sum(1 for d in found if d.severity is s) for s in Severity}
    parts = [_plural(counts[s], str(s)) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
    files = sum(1 for _, d in report.files if d)
    return f"{_plural(len(found), 'problem')} ({', '.join(parts)}) in {_plural(files, 'file')}"


@formatter("text")
def format_text(report: Report) -> str:
    lines = []
    for d in report.diagnostics:
        location = f"{d.path}:{d.line}:{d.column}:"
        severity = f"[{d.severity}]"
        if report.color:
            location = click.style(location, bold=True)
            severity = click.style(severity, fg=COLORS[d.severity])
            code = click.style(d.rule, fg=COLORS[d.severity], bold=True)
        else:
            code = d.rule
        lines.append(f"{location} {code} {d.name} {d.message} {severity}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
