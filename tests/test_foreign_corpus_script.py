"""benchmarks/foreign_corpus.py counts what it says it counts (fed findings made up here)."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import foreign_corpus  # noqa: E402

from wblint.diagnostics import Diagnostic, Severity  # noqa: E402
from wblint.rules import load_rules  # noqa: E402

TEXT = "# Acme Ledger\n\nLedger files the [the](https://example.com) receipt, `code` first.\n"


def _counts(text: str, *found: Diagnostic) -> Counter:
    counts: Counter = Counter()
    foreign_corpus.judge("x.md", text, list(found), counts, {}, foreign_corpus.quoted_fields(load_rules().rules))
    return counts


def _finding(line, column, end_line, end_column, name="repeated-words", message='Repeated word "the the": delete '
             'one "the"') -> Diagnostic:
    return Diagnostic("x.md", line, column, end_line, end_column, "WB313", name, Severity.WARNING, message)


def test_a_quote_the_span_does_not_hold_is_a_mismatch():
    # markup punctuation is set aside ("the *the*" reads as "the the"), a URL is not
    assert _counts("Ledger files the *the* receipt.\n", _finding(1, 14, 1, 21))["quoted-text mismatches"] == 0
    assert _counts("Ledger files the [the](x) and\n", _finding(1, 14, 1, 25))["quoted-text mismatches"] == 1


@pytest.mark.parametrize("span", [(3, 60, 3, 80), (3, 10, 2, 1), (1, 14, 1, 14)])
def test_a_column_past_its_line_or_an_end_before_the_start_is_outside(span):
    assert _counts(TEXT, _finding(*span, message="x"))["spans outside their line"] == 1


def test_anchors_on_code_or_blank_count_unless_the_draft_shows_no_text():
    code = TEXT.index("`code`") - TEXT.index("Ledger files") + 1
    assert _counts(TEXT, _finding(3, code, 3, code + 5, "heading-present", "Add a headline"))[
        "anchored on code, HTML or blank text"] == 1
    assert _counts(TEXT, _finding(2, 1, 2, 1, "heading-present", "Add a headline"))[
        "anchored on code, HTML or blank text"] == 1
    assert _counts("```\ncode\n```\n", _finding(1, 1, 1, 1, "heading-present", "Add a headline"))[
        "anchored on code, HTML or blank text"] == 0
