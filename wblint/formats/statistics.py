"""--statistics: how many findings each rule raised, most frequent first."""
from __future__ import annotations

import json
from collections import Counter

from . import Report


def rule_counts(report: Report) -> list[dict]:
    counts = Counter((d.rule, d.name) for d in report.diagnostics)
    fixable = Counter((d.rule, d.name) for d in report.diagnostics if d.fix is not None)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return [{"code": code, "name": name, "count": count, "fixable": fixable[(code, name)]}
            for (code, name), count in ordered]


def statistics_text(report: Report) -> str:
    rows = rule_counts(report)
    if not rows:
        return ""
    width = max(len(str(row["count"])) for row in rows)
    name_width = max(len(row["name"]) for row in rows)
    lines = []
    for row in rows:
        fixable = f"  ({row['fixable']} fixable)" if row["fixable"] else ""
        lines.append(f"{row['count']:>{width}}  {row['code']:<6} {row['name']:<{name_width}}{fixable}".rstrip())
    return "\n".join(lines) + "\n"


def statistics_json(report: Report) -> str:
    return json.dumps(rule_counts(report), indent=2) + "\n"
