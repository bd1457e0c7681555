"""One finding per flaw: overlapping style findings report once, from the most specific rule."""
from __future__ import annotations

import json

from wblint.diagnostics import Diagnostic, Severity
from wblint.overlaps import SPECIFICITY, one_per_flaw

DRAFT = ("# Acme Opens a New Service for Families Across the City\n\n"
         "SEATTLE, WA — May 1, 2027 — Acme will open Nest in the near future for families, "
         "and it is a really very good deal.\n")


def _found(run_cli, tmp_path, *options: str) -> list[tuple[str, str]]:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--format", "json", *options, str(path))
    return [(f["name"], DRAFT.splitlines()[f["line"] - 1][f["column"] - 1:f["end_column"]])
            for f in json.loads(result.output)]


def test_a_plan_written_as_a_wordy_phrase_is_reported_once_as_a_plan(run_cli, tmp_path):
    found = _found(run_cli, tmp_path)
    assert ("future-tense", "in the near future") in found
    assert not [name for name, text in found if text == "in the near future" and name != "future-tense"]


def test_the_less_specific_rule_still_reports_when_it_runs_alone(run_cli, tmp_path):
    found = _found(run_cli, tmp_path, "--select", "wordy-phrases")
    assert [name for name, text in found if "near future" in text] == ["wordy-phrases"]


def _at(name: str, column: int, end: int) -> Diagnostic:
    return Diagnostic("d.md", 3, column, 3, end, "WB000", name, Severity.WARNING, "m")


def test_only_overlapping_spans_of_ranked_rules_yield():
    plan, wordy_inside, wordy_apart = _at("future-tense", 10, 20), _at("wordy-phrases", 15, 25), _at("wordy-phrases", 30, 40)
    long_sentence = _at("sentence-length", 1, 80)
    assert one_per_flaw([wordy_inside, plan, wordy_apart, long_sentence]) == [plan, wordy_apart, long_sentence]
    assert SPECIFICITY.index("placeholder-text") == 0


def _naive(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The rule as stated: a finding goes when a kept finding of a more specific rule overlaps it."""
    rank = {name: i for i, name in enumerate(SPECIFICITY)}
    kept: list[Diagnostic] = []
    dropped = set()
    for d in sorted((d for d in diagnostics if d.name in rank), key=lambda d: rank[d.name]):
        if any(rank[k.name] < rank[d.name] and (k.line, k.column) <= (d.end_line, d.end_column)
               and (d.line, d.column) <= (k.end_line, k.end_column) for k in kept):
            dropped.add(id(d))
        else:
            kept.append(d)
    return [d for d in diagnostics if id(d) not in dropped]


from hypothesis import given, settings, strategies as st  # noqa: E402

_spans = st.lists(st.tuples(st.sampled_from(["future-tense", "weasel-words", "wordy-phrases", "sentence-length"]),
                            st.integers(1, 3), st.integers(1, 30), st.integers(0, 1), st.integers(0, 12)),
                  max_size=25)


@settings(max_examples=300, deadline=None)
@given(_spans)
def test_the_indexed_search_keeps_what_the_plain_rule_keeps(spans):
    found = [Diagnostic("d.md", line, col, line + down, col + width if not down else width + 1, "WB000", name,
                        Severity.WARNING, "m") for name, line, col, down, width in spans]
    assert one_per_flaw(found) == _naive(found)
