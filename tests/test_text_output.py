"""The text formats as a writer reads them: the source quoted under each finding with its span
marked, the path once per file, long lines cut around the span; the concise one-line form;
colour where asked for and nowhere else.

The snapshots in tests/snapshots/ are what `wblint check` prints for the two drafts in
tests/snapshots/drafts/; after a deliberate change to the output, regenerate them with
    COLUMNS=80 wblint check --isolated --select SELECTED [--output-format concise] \
        tests/snapshots/drafts > tests/snapshots/full.txt (or concise.txt)
and read the diff before committing it.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write

from wblint.diagnostics import Diagnostic, Severity
from wblint.formats import FORMATTERS, Report

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"
SELECTED = "sentence-length,wordy-phrases,repeated-words,exclamation,placeholder-text,heading-length"
ESCAPE = "\x1b["


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def check(run_cli, *args, env=None):
    return run_cli("check", "--isolated", "--select", SELECTED, *args, "tests/snapshots/drafts",
                   env={"COLUMNS": "80", **(env or {})})


def test_the_full_text_output_matches_its_snapshot(run_cli, at_root):
    result = check(run_cli, "--color", "never")
    assert result.exit_code == 1
    assert result.stdout == (SNAPSHOTS / "full.txt").read_text(encoding="utf-8")


def test_the_concise_output_matches_its_snapshot(run_cli, at_root):
    result = check(run_cli, "--color", "never", "--output-format", "concise")
    assert result.exit_code == 1
    assert result.stdout == (SNAPSHOTS / "concise.txt").read_text(encoding="utf-8")


def test_each_file_is_named_once_and_each_finding_quotes_its_line(run_cli, at_root):
    lines = check(run_cli).stdout.splitlines()
    assert lines.count("tests/snapshots/drafts/launch.md") == 1 and lines.count("tests/snapshots/drafts/notes.md") == 1
    placeholder = lines.index('  15:10  error    WB117 placeholder-text Replace the leftover template text "[TBD]" '
                              'with the real words')
    # the tab before "and" is shown as four spaces, and the marker stays under "[TBD]"
    assert lines[placeholder + 1:placeholder + 3] == ["  15 | Start at [TBD]    and take the the first photo.",
                                                      "     |          ^^^^^"]


def test_quiet_leaves_out_the_summary_and_the_blank_line_before_it(run_cli, at_root):
    full = check(run_cli).stdout
    quiet = check(run_cli, "--quiet").stdout
    assert full.startswith(quiet) and quiet.endswith("^^^^^^^\n")
    assert "problems" not in quiet.splitlines()[-1]


@pytest.mark.parametrize("args, env", [(["--color", "always"], {}), ([], {"FORCE_COLOR": "1"})])
def test_colour_on_request_marks_severity_rule_marker_and_summary(run_cli, at_root, args, env):
    out = check(run_cli, *args, env=env).stdout
    assert "\x1b[31m\x1b[1mWB117\x1b[0m" in out  # the rule, in its severity's colour
    assert "\x1b[31merror  \x1b[0m" in out  # the severity
    assert "\x1b[31m\x1b[1m^^^^^\x1b[0m" in out  # the marker under "[TBD]"
    assert out.splitlines()[-1] == "\x1b[31m\x1b[1m8 problems (1 error, 7 warnings) in 2 files\x1b[0m"
    concise = check(run_cli, *args, "--output-format", "concise", env=env).stdout
    assert "\x1b[31m\x1b[1mWB117\x1b[0m" in concise and concise.splitlines()[-1].startswith("\x1b[31m\x1b[1m8 problems")


@pytest.mark.parametrize("args, env", [([], {}), ([], {"NO_COLOR": "1"}), ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}),
                                       (["--color", "never"], {"FORCE_COLOR": "1"})])
def test_no_colour_in_a_pipe_under_no_color_or_with_never(run_cli, at_root, args, env):
    assert ESCAPE not in check(run_cli, *args, env=env).stdout


def test_diff_is_coloured_only_when_colour_is_on(run_cli, in_tmp):
    write(in_tmp / "a.md", "# Acme Ledger\n\nLedger helps you in order to save.\n")
    args = ("check", "--isolated", "--select", "wordy-phrases", "--diff", "a.md")
    plain = run_cli(*args).stdout
    assert ESCAPE not in plain and "-Ledger helps you in order to save.\n+Ledger helps you to save.\n" in plain
    coloured = run_cli(*args, "--color", "always").stdout
    assert "\x1b[31m-Ledger helps you in order to save.\x1b[0m\n" in coloured
    assert "\x1b[32m+Ledger helps you to save.\x1b[0m\n" in coloured
    assert "\x1b[1m--- a.md\x1b[0m\n" in coloured
    assert ESCAPE in run_cli(*args, env={"FORCE_COLOR": "1"}).stdout


# -- the excerpt itself: pure, on a Report with the source handed over -----------------------------


def finding(line, column, end_line, end_column, severity=Severity.WARNING) -> Diagnostic:
    return Diagnostic("a.md", line, column, end_line, end_column, "WB999", "a-rule", severity, "message")


def quoted(source: str, *found: Diagnostic, width: int = 40) -> list[str]:
    lines = source.split("\n")
    report = Report([("a.md", list(found))], source=lambda path: lines, width=width)
    return FORMATTERS["text"](report).splitlines()[1:-2]


def test_a_long_line_is_cut_around_the_span_with_an_ellipsis_each_side():
    line = " ".join(f"w{i:02}" for i in range(40)) + " target " + " ".join(f"x{i:02}" for i in range(40))
    start = line.index("target") + 1
    rows = quoted(line, finding(1, start, 1, start + 5))
    text, marker = rows[1], rows[2]
    assert len(text) <= 40 and text.startswith("  1 | …") and text.endswith("…")
    assert text[marker.index("^"):marker.index("^") + 6] == "target" and marker.count("^") == 6


def test_a_span_wider_than_the_room_starts_in_view():
    line = "Intro words. " + "long " * 30
    rows = quoted(line, finding(1, 14, 1, len(line)))
    assert rows[1].startswith("  1 | …") and rows[1].endswith("…") and "long" in rows[1]
    assert rows[2].rstrip().endswith("^") and len(rows[2]) <= 40


def test_wide_characters_take_two_cells_and_control_characters_are_not_sent():
    rows = quoted("東京 \x1b[31mred", finding(1, 4, 1, 9))
    assert rows[1] == "  1 | 東京 \ufffd[31mred"
    assert rows[2] == "    |      ^^^^^^"  # 東京 and the space are five cells


def test_a_long_span_shows_its_first_two_lines_and_its_last():
    source = "\n".join(f"line {n} of the paragraph" for n in range(1, 8))
    assert quoted(source, finding(1, 6, 7, 6))[1:] == [
        "  1 | line 1 of the paragraph", "    |      " + "^" * 18,
        "  2 | line 2 of the paragraph", "    | " + "^" * 23,
        "  \u22ee",
        "  7 | line 7 of the paragraph", "    | ^^^^^^"]  # the last line marked up to the span's end


def test_a_finding_past_the_end_of_the_file_or_without_source_is_still_listed():
    rows = quoted("one line", finding(5, 1, 5, 1))
    assert rows == ["  5:1  warning  WB999 a-rule message"]
    report = Report([("a.md", [finding(1, 1, 1, 1)])])  # no source handed over
    assert FORMATTERS["text"](report).splitlines()[:2] == ["a.md", "  1:1  warning  WB999 a-rule message"]


def test_an_empty_span_gets_one_caret():
    assert quoted("# Head", finding(1, 7, 1, 6))[1:] == ["  1 | # Head", "    |       ^"]


def test_the_one_cell_shortcut_cuts_exactly_as_the_general_path():
    import random

    from wblint.formats.snippet import _window

    rng = random.Random(7)
    for _ in range(2000):
        length, room = rng.randint(0, 300), rng.randint(20, 120)
        start = rng.randint(0, length)
        end = rng.randint(start, length) + 1
        widths = [1] * length
        for cut in (False, True):
            assert (_window(widths, start, end, room, cut, uniform=True)
                    == _window(widths, start, end, room, cut, uniform=False)), (length, room, start, end, cut)
