"""A JSON array of findings, one object each (see Diagnostic.to_dict)."""
from __future__ import annotations

import json

from . import Report, formatter


@formatter("json")
def format_json(report: Report) -> str:
    return json.dumps([d.to_dict() for d in report.diagnostics], indent=2, ensure_ascii=False) + "\n"
