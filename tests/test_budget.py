"""No draft under the size limit costs minutes or gigabytes: what is too costly is reported,
what can be linted in part says where it stopped, and the rest of the scan goes on.

benchmarks/pathological.py measures the time and memory; these tests hold the behaviour.
"""
from __future__ import annotations

import io
import json

from click.testing import CliRunner

from wblint.budget import MAX_MARKUP, MAX_NLP_COST, markup_count, stop_at
from wblint.cli import main
from wblint.config import Config, activate
from wblint.engine import MAX_DRAFT_BYTES, Linter
from wblint.rules import load_rules

HEAD = "# Acme Ledger Closes the Books for Small Bakeries Every Night\n\n"
_linter = Linter(activate(load_rules(), Config()), Config())


def _names(found) -> list[str]:
    return [d["name"] if isinstance(d, dict) else d.name for d in found]


class _EndlessInput(io.RawIOBase):
    """Standard input that does not end (a pipe from a program that keeps writing); it gives up
    after 8 MB, so a reader that wants all of it still finishes."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        size = min(len(buffer), 8 * MAX_DRAFT_BYTES - self.given)
        buffer[:size] = b"a " * (size // 2) + b"a" * (size % 2)
        self.given += size
        return size


def test_stdin_is_read_only_up_to_the_size_limit():
    stdin = _EndlessInput()
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "-"], input=stdin,
                                catch_exceptions=False)
    found = json.loads(result.stdout)
    assert result.exit_code == 1
    assert _names(found) == ["read-error"] and "too large" in found[0]["message"]
    assert found[0]["path"] == "<stdin>"
    assert stdin.given < 2 * MAX_DRAFT_BYTES  # not the 8 MB it would have given


def test_stdin_under_the_limit_is_linted_whole():
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "-"],
                                input=HEAD + "We will leverage synergy. " * 20, catch_exceptions=False)
    assert "jargon-density" in _names(json.loads(result.stdout))


# -- the markup budget: not linted, and the scan goes on --------------------------------


def test_a_draft_over_the_markup_budget_is_reported_and_the_scan_goes_on(tmp_path):
    columns = 300
    rows = ["|" + "c|" * columns, "|" + "-|" * columns] + ["|" + "a|" * columns] * 100  # 30,000 cells
    (tmp_path / "table.md").write_text(HEAD + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(HEAD + "We will leverage synergy. " * 20, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--all-files", "--format", "json",
                                       str(tmp_path)], catch_exceptions=False)
    found = json.loads(result.stdout)
    table = [d for d in found if d["path"].endswith("table.md")]
    assert _names(table) == ["lint-budget"]
    assert table[0]["message"].startswith("not linted:") and f"{MAX_MARKUP:,}" in table[0]["message"]
    assert (table[0]["line"], table[0]["column"]) == (1, 1)
    assert "jargon-density" in _names(d for d in found if d["path"].endswith("draft.md"))
    assert result.exit_code == 1


def test_markup_count_counts_cells_links_urls_and_lines():
    assert markup_count("Customers save an hour a day.") == 0
    assert markup_count("| a | b |\n") == 4
    assert markup_count("[a](b) <i>x</i> https://x.io and www.y.com\n") == 1 + 2 + 1 + 1 + 1
    assert markup_count("**bold** and `code`") == 6


# -- long sentences and the language budget ---------------------------------------------


def test_a_long_paragraph_without_a_full_stop_is_linted_to_its_end():
    words = "we ship tools and the teams like them and " * 450  # about 19 KB, no full stop
    text = HEAD + words + "the the invoices are utilized by the team\n"
    found = _linter.lint_text(text, "long.md")
    line = text.count("\n", 0, len(HEAD)) + 1
    repeated = [d for d in found if d.name == "repeated-words"]
    assert [(d.line, d.column) for d in repeated] == [(line, len(words) + 1)]
    assert any(d.name == "passive-voice" and d.column > len(words) for d in found)
    assert "lint-budget" not in _names(found)


def test_past_the_language_budget_the_language_rules_stop_and_say_where(monkeypatch):
    import wblint.budget

    monkeypatch.setattr(wblint.budget, "MAX_NLP_COST", 1_500)
    first = "The invoices are utilized by the team. In order to save time we close early.\n\n"
    filler = "Bakers close the books on time and go home early to their families. " * 4 + "\n\n"
    last = "The receipts are reviewed by the owner. In order to save time we close early.\n"
    text = HEAD + first + filler * 6 + last
    found = _linter.lint_text(text, "long.md")
    last_line = text.count("\n")
    noted = [d for d in found if d.name == "lint-budget"]
    assert len(noted) == 1 and noted[0].message.startswith("partly linted:")
    assert f"up to line {noted[0].line}, column {noted[0].column}" in noted[0].message
    assert 3 < noted[0].line < last_line
    passive = [d.line for d in found if d.name == "passive-voice"]
    assert 3 in passive and last_line not in passive  # read before the stop, not after it
    # rules that need no spaCy read the whole draft: "In order to" is wordy on both lines
    assert {3, last_line} <= {d.line for d in found if d.name == "wordy-phrases"}


def test_stop_at_cuts_every_text_of_a_block_at_the_same_word():
    prose = "alpha beta gamma delta epsilon zeta eta theta"
    whole, piece = (0, len(prose), True), (11, len(prose), False)
    assert stop_at([(prose, [whole, piece])], limit=10_000) is None
    index, upto, read, total = stop_at([("x", [(0, 1, False)]), (prose, [whole, piece])], limit=60)
    assert index == 1 and prose[upto] == " " and read <= 60 < total
    assert stop_at([(prose, [whole])], limit=MAX_NLP_COST) is None


# -- spaCy sees bounded batches ---------------------------------------------------------


def test_long_texts_are_cut_at_white_space_and_joined_back():
    from wblint.batching import MAX_CALL, MAX_TEXT, cut, pipe_bounded
    from wblint.nlp import load

    nlp = load({"sentences"}).nlp
    long_text = "   " + "Bakers close   the books on time.\n" * 900  # about 31,000 characters
    parts = cut(long_text)
    assert "".join(parts) == long_text and len(parts) > 3
    assert all(len(p) <= MAX_TEXT and (i == 0 or not p[0].isspace()) for i, p in enumerate(parts))
    calls = []

    def pipe(texts):
        calls.append(sum(map(len, texts)))
        return nlp.pipe(texts)

    texts = ["Short one.", long_text, "", "Another short one."]
    docs = list(pipe_bounded(pipe, texts))
    assert [d.text for d in docs] == texts
    assert all(size <= MAX_CALL for size in calls) and len(calls) > 1
    joined = docs[1]
    assert all(joined.text[t.idx:t.idx + len(t.text)] == t.text for t in joined)
    assert cut("no-white-space-" * 1000)[0] == ("no-white-space-" * 1000)[:MAX_TEXT]


# -- the parser's nesting limit -----------------------------------------------------------


def test_text_nested_past_the_parsers_limit_is_reported_once():
    deep = "> " * 25 + "Ledger files the the receipt.\n" + "> " * 25 + "It is is done.\n"
    text = HEAD + "Bakers close the books.\n\n" + deep + "\nLedger files the the invoice.\n"
    found = _linter.lint_text(text, "deep.md")
    noted = [d for d in found if d.name == "lint-budget"]
    assert len(noted) == 1 and (noted[0].line, noted[0].end_line) == (5, 6)
    assert "nested deeper than" in noted[0].message and "lines 5-6" in noted[0].message
    assert [d.line for d in found if d.name == "repeated-words"] == [8]  # the text after it is linted


def test_nesting_within_the_limit_is_linted_and_not_noted():
    text = HEAD + "> " * 10 + "Ledger files the the receipt.\n"
    found = _linter.lint_text(text, "nested.md")
    assert "lint-budget" not in _names(found) and "repeated-words" in _names(found)
