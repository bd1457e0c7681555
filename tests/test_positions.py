"""Every finding on the sample drafts points at the text it is about."""
from __future__ import annotations

import re

import pytest

from conftest import FIXTURES
from wblint import lint_text
from wblint.model.source import SourceText
from wblint.testing import flagged_text

DRAFTS = sorted(FIXTURES.rglob("*.md"))


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_each_finding_spans_real_text(path):
    text = path.read_text(encoding="utf-8")
    source = SourceText(text)
    for d in lint_text(text, str(path)):
        assert 1 <= d.line <= d.end_line <= source.line_count, d
        flagged = flagged_text(source, d)
        assert flagged.strip(), f"{d}: points at blank text"
        assert flagged == flagged.strip(), f"{d}: span starts or ends on white space: {flagged!r}"
        quoted = re.search(r'"([^"]+)"', d.message)
        if quoted and d.name == "jargon-density":
            assert flagged.lower() == quoted.group(1).lower()


def _inside_lines(text: str, found) -> None:
    source = SourceText(text)
    for d in found:
        for line, column in ((d.line, d.column), (d.end_line, d.end_column)):
            assert 1 <= column <= max(1, len(source.line_text(line - 1))), (d, source.line_text(line - 1))
        assert (d.end_line, d.end_column) >= (d.line, d.column), d


def test_a_line_continued_after_a_tab_maps_to_its_own_columns():
    text = "# Acme Ledger Files Receipts for Bakers Every Night\n\n1. Ledger files\n\tthe the receipts for you.\n"
    found = [d for d in lint_text(text, "tab.md") if d.name == "repeated-words"]
    assert [flagged_text(SourceText(text), d) for d in found] == ["the the"]
    _inside_lines(text, found)


def test_a_span_never_starts_or_ends_on_a_line_end():
    # the summary is an image, a trailing space, then a second line: its prose opens with the line break
    text = "# Acme Ledger Files Receipts for Bakers Every Night\n\n![a chart](chart.png) \n[]\n"
    found = lint_text(text, "image.md")
    assert "dateline" in [d.name for d in found]
    _inside_lines(text, found)


def _starts_on_text(text: str, found) -> None:
    """No finding starts or ends on inline code, a URL or a blank."""
    source = SourceText(text)
    for d in found:
        flagged = flagged_text(source, d)
        assert flagged.strip(), d
        assert not flagged.startswith(("`", "http", "<")) and not flagged.endswith(("`", ">")), (d, flagged)


def test_findings_about_the_draft_skip_code_and_urls_at_the_ends_of_their_block():
    text = "`ledger init` sets up the books for https://example.com\n\nhttps://example.com is where bakers start\n"
    found = lint_text(text, "code-first.md")
    assert {"heading-present", "customer-quote"} <= {d.name for d in found}
    _starts_on_text(text, found)
    headline = next(d for d in found if d.name == "heading-present")
    assert flagged_text(SourceText(text), headline) == "sets up the books for"


def test_a_draft_with_no_text_to_show_is_reported_at_line_1_column_1():
    text = "```\nledger init\n```\n\n<div>\n</div>\n"
    found = [d for d in lint_text(text, "all-code.md") if d.name in ("heading-present", "customer-quote")]
    assert found and {(d.line, d.column, d.end_line, d.end_column) for d in found} == {(1, 1, 1, 1)}


def test_a_table_cell_with_an_escaped_pipe_maps_to_its_own_columns():
    text = ("# Acme Ledger Files Receipts for Bakers Every Night\n\n| Step | Command |\n|---|---|\n"
            "| `ledger a\\|b` then then | files \\| the the receipts |\n")
    found = [d for d in lint_text(text, "table.md") if d.name == "repeated-words"]
    assert [flagged_text(SourceText(text), d) for d in found] == ["then then", "the the"]
