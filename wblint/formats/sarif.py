"""SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

Every rule is described in ``tool.driver.rules`` (id, name, short and full description,
help with the examples, configured level); rules the configuration left out come last,
with ``enabled: false``.  Result paths are relative to
the repository root, declared as ``%SRCROOT%`` in ``originalUriBaseIds``.  SARIF's
``endColumn`` is exclusive (wblint's ``end_column`` is inclusive), and columns count
Unicode code points (``columnKind``).  Each result has ``partialFingerprints`` that do not
change when lines are added above it (wblint.formats.fingerprint); each built-in rule a
``helpUri`` (its page under docs/rules/); the run an ``invocation`` with wblint's exit code
and the notes and warnings it printed on stderr.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..diagnostics import BUILTIN_CODES, Diagnostic, ExitCode, Severity
from ..ruledocs import HOMEPAGE, page_url, rule_url
from . import Report, formatter
from .fingerprint import VERSION, fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = HOMEPAGE
FINGERPRINT = f"wblint/{VERSION}"  # the partialFingerprints key
NOTIFICATION_LEVELS = {"note": "note", "warning": "warning"}


def _rule_descriptor(rule, enabled: bool = True) -> dict:
    examples = rule.examples
    markdown = (f"{rule.rationale}\n\n**Bad**\n\n```markdown\n{examples['bad'].rstrip()}\n```\n\n"
                f"**Good**\n\n```markdown\n{examples['good'].rstrip()}\n```\n\n"
                f"Run `wblint explain {rule.name}` for its options.")
    url = rule_url(rule)
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        **({"helpUri": url} if url else {}),  # a team's rule has no page
        "help": {"text": f"{rule.rationale}\n\nRun `wblint explain {rule.name}` for its options and examples.",
                 "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity], **({} if enabled else {"enabled": False})},
        "properties": {"tags": [rule.group], "kind": rule.kind, "scope": rule.scope},
    }


def _builtin_descriptor(code: str, d: Diagnostic) -> dict:
    name, short, full = BUILTIN_CODES.get(code, (d.name, d.name, d.name))
    return {
        "id": code, "name": name,
        "shortDescription": {"text": short}, "fullDescription": {"text": full},
        **({"helpUri": page_url(name)} if code in BUILTIN_CODES else {}), "help": {"text": full},
        "defaultConfiguration": {"level": LEVELS[d.severity]},
        "properties": {"tags": ["wblint"]},
    }


def _location(report: Report, path: str) -> dict:
    shown = report.relative(path)
    if shown.startswith("<"):  # stdin without a name
        return {"uri": quote(shown)}
    if os.path.isabs(shown):
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown), "uriBaseId": "%SRCROOT%"}


def sarif_log(report: Report) -> dict:
    descriptors = [_rule_descriptor(rule) for rule in report.rules]
    active = {rule.id for rule in report.rules}  # then the rules that did not run, marked disabled
    descriptors += [_rule_descriptor(rule, enabled=False) for rule in report.catalog if rule.id not in active]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = []
    for path, found in report.files:
        location = _location(report, path)
        prints = fingerprints(report.relative(path), found, report.text_of(path)) if found else []
        for d, fingerprint in zip(found, prints):
            if d.rule not in index:
                index[d.rule] = len(descriptors)
                descriptors.append(_builtin_descriptor(d.rule, d))
            results.append({
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": LEVELS[d.severity],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": dict(location),
                    "region": {"startLine": d.line, "startColumn": d.column,
                               "endLine": d.end_line, "endColumn": d.end_column + 1},
                }}],
                "partialFingerprints": {FINGERPRINT: fingerprint},
            })
    root = Path(os.path.abspath(report.root or os.getcwd()))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "wblint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": descriptors}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "invocations": [_invocation(report)],
            "results": results,
        }],
    }


def _invocation(report: Report) -> dict:
    """How the run went: its exit code, and whether every rule ran (a rule that raised is an error)."""
    crashed = any(d.name == "internal-error" for d in report.diagnostics)  # engine.INTERNAL_ERROR
    notes = [{"level": NOTIFICATION_LEVELS[level], "message": {"text": text}} for level, text in report.notices]
    return {
        "executionSuccessful": report.exit_code in (ExitCode.OK, ExitCode.FINDINGS) and not crashed,
        "exitCode": report.exit_code,
        **({"toolExecutionNotifications": notes} if notes else {}),
    }


@formatter("sarif")
def format_sarif(report: Report) -> str:
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False) + "\n"
