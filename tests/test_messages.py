"""What a writer reads in the messages and summaries: plurals that agree with their numbers,
and a value over its limit never shown equal to it."""
from __future__ import annotations

import json
import re

from conftest import write

from wblint.diagnostics import Diagnostic, Severity
from wblint.formats import FORMATTERS, Report
from wblint.kinds import shown_above


def findings(run_cli, *args) -> list[dict]:
    result = run_cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def words(count: int, term: str = "", every: int = 0) -> str:
    """``count`` plain words, ``term`` as every ``every``-th one."""
    return " ".join(term if every and i % every == every - 1 else f"word{i % 7}" for i in range(count)) + ".\n"


DENSITY_PACK = """pack: team
rules:
  - id: TM001
    name: zork-density
    kind: density
    severity: warning
    options: {terms: [zork], max_per_100_words: 1.5, min_words: 1}
    message: "Jargon \\"{term}\\" (density {density} per 100 words, limit {max_per_100_words})"
    summary: Zork stays rare.
    rationale: Readers do not know zork.
    examples: {bad: "# A\\n\\nzork zork.\\n", good: "# A\\n\\nplain words.\\n"}
"""


def test_a_density_over_its_limit_is_not_shown_equal_to_it(run_cli, in_tmp):
    # 2 terms in 131 words: 1.527 per 100, which rounds to the limit 1.5
    write(in_tmp / "team" / "team.yaml", DENSITY_PACK)
    write(in_tmp / "a.md", "# Headline\n\n" + words(131, "zork", 60))
    [first, _] = findings(run_cli, "--rules-dir", "team", "--select", "zork-density", "a.md")
    shown = float(re.search(r"density ([\d.]+) per 100 words, limit 1.5", first["message"])[1])
    assert shown > 1.5, first["message"]


def test_pages_over_the_limit_are_not_shown_equal_to_it(run_cli, in_tmp):
    write(in_tmp / ".wblint.yaml", "rules:\n  length: {max_pages: 1.5, words_per_page: 100}\n")
    write(in_tmp / "a.md", "# Headline\n\n" + words(150))  # 151 words with the headline: 1.51 pages
    [found] = findings(run_cli, "--config", ".wblint.yaml", "--select", "length", "a.md")
    assert found["message"].endswith("151 words (1.51 pages); cut 1 word to fit 1.5 pages"), found["message"]


def test_a_limit_of_one_page_is_singular(run_cli, in_tmp):
    write(in_tmp / ".wblint.yaml", "rules:\n  length: {max_pages: 1, words_per_page: 10}\n")
    write(in_tmp / "a.md", "# Headline\n\n" + words(20))
    [found] = findings(run_cli, "--config", ".wblint.yaml", "--select", "length", "a.md")
    assert found["message"].endswith("(2.1 pages); cut 11 words to fit 1 page"), found["message"]


def test_customer_focus_counts_one_time_not_one_times(run_cli, in_tmp):
    write(in_tmp / "a.md", "# Acme Ledger\n\nWe built our ledger for us and for our bakery. You will like it.\n")
    [found] = findings(run_cli, "--select", "customer-focus", "a.md")
    assert "(1 time: you, customers)" in found["message"], found["message"]


def test_shown_above_keeps_one_decimal_unless_that_reads_as_the_limit():
    assert shown_above(28.04, 1.5) == 28.0
    assert shown_above(1.527, 1.5) == 1.53
    assert shown_above(12.004, 12.0) == 12.004
    assert shown_above(1.51, 1.5) == 1.51


def _report(severity: Severity, count: int) -> Report:
    found = [Diagnostic("a.md", i + 1, 1, i + 1, 1, "WB305", "passive-voice", severity, "m") for i in range(count)]
    return Report([("a.md", found)])


def test_summary_plurals():
    assert FORMATTERS["text"](_report(Severity.INFO, 162)).splitlines()[-1] == "162 problems (162 info) in 1 file"
    assert FORMATTERS["text"](_report(Severity.WARNING, 1)).splitlines()[-1] == "1 problem (1 warning) in 1 file"


def test_diff_notice_plurals(run_cli, in_tmp):
    write(in_tmp / "a.md", "# Acme Ledger\n\nLedger helps you in order to save.\n")
    result = run_cli("check", "--isolated", "--select", "wordy-phrases", "--diff", "a.md")
    assert "wblint: 1 fix available in 1 file (--diff wrote nothing)" in result.stderr
