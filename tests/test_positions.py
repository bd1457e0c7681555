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
