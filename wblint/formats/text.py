"""The formats people read: ``text`` and ``concise``, each closed by a summary line.

``text`` (the default) names each file once, then under each finding quotes its source
lines with the span marked (``wblint.formats.snippet``), cut to ``Report.width``.
``concise`` is one line per finding, ``path:line:col: RULE name message [severity]``, for
editors' problem matchers, grep and commit hooks.  With ``Report.color`` the severity,
rule, marker and summary are coloured; ``colored_diff`` does the same for ``--diff``.
"""
from __future__ import annotations

from collections import Counter

import click

from ..diagnostics import Diagnostic, Severity
from . import Report, formatter
from .snippet import excerpt

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
LABELS = {severity: str(severity) for severity in Severity}  # str() of an enum is slow, per finding
LABEL_WIDTH = max(len(label) for label in LABELS.values())
ELISION = "\u22ee"  # in the gutter, for the lines of a long span left out


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


def _summary_line(report: Report) -> str:
    """The summary, coloured by the worst severity found (green when nothing was)."""
    line = summary(report)
    if not report.color:
        return line
    found = report.diagnostics
    return click.style(line, fg=COLORS[max(d.severity for d in found)] if found else "green", bold=True)


@formatter("concise")
def format_concise(report: Report) -> str:
    if report.color:
        lines = [_styled(d) for d in report.diagnostics]
    else:  # the common case, thousands of lines: one f-string each
        lines = [f"{d.path}:{d.line}:{d.column}: {d.rule} {d.name} {d.message} [{LABELS[d.severity]}]"
                 for d in report.diagnostics]
    lines.append(_summary_line(report))
    return "\n".join(lines) + "\n"


def _styled(d: Diagnostic) -> str:
    color = COLORS[d.severity]
    location = click.style(f"{d.path}:{d.line}:{d.column}:", bold=True)
    code = click.style(d.rule, fg=color, bold=True)
    severity = click.style(f"[{LABELS[d.severity]}]", fg=color)
    return f"{location} {code} {d.name} {d.message} {severity}"


@formatter("text")
def format_text(report: Report) -> str:
    """Per file: its path, then each finding with the source it is about."""
    style = click.style if report.color else (lambda text, **_: text)
    out: list[str] = []
    for path, found in report.files:
        if not found:
            continue
        lines = report.source(path) if report.source is not None else None
        locations = [f"{d.line}:{d.column}" for d in found]
        location_width = max(map(len, locations))
        gutter = len(str(max(d.end_line for d in found)))
        out.append(style(path, bold=True, underline=True))
        for d, location in zip(found, locations):
            color = COLORS[d.severity]
            out.append(f"  {location:<{location_width}}  {style(f'{LABELS[d.severity]:<{LABEL_WIDTH}}', fg=color)}  "
                       f"{style(d.rule, fg=color, bold=True)} {d.name} {d.message}")
            bar = style("|", dim=True)
            for row in excerpt(lines, d, report.width - gutter - 5) if lines else ():
                if row.number is None:
                    out.append(f"  {style(f'{ELISION:>{gutter}}', dim=True)}")
                    continue
                out.append(f"  {style(f'{row.number:>{gutter}}', dim=True)} {bar} {row.text}".rstrip())
                if row.marker:
                    carets = row.marker.lstrip(" ")
                    out.append(f"  {'':>{gutter}} {bar} {row.marker[:-len(carets)]}"
                               f"{style(carets, fg=color, bold=True)}")
            out.append("")
    out.append(_summary_line(report))
    return "\n".join(out) + "\n"


def colored_diff(diff: str) -> str:
    """A unified diff with file headers bold, hunk headers cyan, removals red and additions green."""
    out = []
    for line in diff.splitlines(keepends=True):
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if line.startswith(("---", "+++")):
            body = click.style(body, bold=True)
        elif line.startswith("@@"):
            body = click.style(body, fg="cyan")
        elif line.startswith("-"):
            body = click.style(body, fg="red")
        elif line.startswith("+"):
            body = click.style(body, fg="green")
        out.append(body + end)
    return "".join(out)
