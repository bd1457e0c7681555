"""Fingerprints that identify a finding across edits elsewhere in its file.

SARIF's ``partialFingerprints`` and GitLab's ``fingerprint`` let a server tell a finding it
saw before from a new one.  A line number would make every finding below an added line
look new, so the hash is of the file's repository path, the rule, the flagged text (its
whitespace collapsed, so re-wrapping a paragraph keeps it) and an occurrence index: the
count of earlier findings of that rule on the same text in that file, so two "very"s
flagged in one draft stay two.  Without the file's text (unreadable, or gone), the message
stands in for the flagged text.
"""
from __future__ import annotations

import hashlib
from collections import Counter

from ..diagnostics import Diagnostic
from ..model.source import SourceText

VERSION = "v1"  # part of the hash: a change of recipe must change every fingerprint


def flagged_text(source: SourceText, d: Diagnostic) -> str:
    """The source text a diagnostic points at (end column inclusive)."""
    start = source.line_start(d.line - 1) + d.column - 1
    end = source.line_start(d.end_line - 1) + d.end_column
    return source.text[start:end]


def fingerprints(path: str, found: list[Diagnostic], text: str | None) -> list[str]:
    """One hex fingerprint per finding of ``found`` (in order), for the file at repository ``path``."""
    source = SourceText(text) if text is not None else None
    seen: Counter = Counter()
    prints = [""] * len(found)
    order = sorted(range(len(found)), key=lambda i: (found[i].line, found[i].column, found[i].end_line,
                                                    found[i].end_column))
    for i in order:
        d = found[i]
        flagged = " ".join((flagged_text(source, d) if source is not None else d.message).split())
        occurrence = seen[d.rule, flagged]
        seen[d.rule, flagged] += 1
        digest = hashlib.sha256("\0".join([VERSION, path, d.rule, flagged, str(occurrence)]).encode("utf-8"))
        prints[i] = digest.hexdigest()
    return prints
