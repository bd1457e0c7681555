"""The source lines under a finding, with its span marked: what the text format quotes.

A finding's span is 1-based (line, column) to (end_line, end_column), end inclusive, in
characters of the newline-normalised text.  Each quoted line becomes (line number, text,
marker), the marker a row of ``^`` under the span, measured in terminal cells: a tab is
four spaces, East Asian wide characters take two cells and combining marks none, and
control characters show as U+FFFD so a draft cannot send escape sequences to the
terminal.  A line wider than the room is cut around its span, with an ellipsis where
text was left out.  A span of many lines shows its first two and its last.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..diagnostics import Diagnostic

TAB = "    "
ELLIPSIS = "…"
MAX_LINES = 4  # a span of more lines shows HEAD_LINES, an elision, and its last line
HEAD_LINES = 2
MIN_ROOM = 20  # cells of text shown however narrow the terminal


@dataclass(frozen=True)
class Row:
    number: int | None  # None: lines left out ("...")
    text: str = ""
    marker: str = ""  # spaces then carets, aligned with text; "" for no marker


def _cell(char: str) -> tuple[str, int]:
    """How one character is shown, and how many terminal cells it takes."""
    if char == "\t":
        return TAB, len(TAB)
    category = unicodedata.category(char)
    if category == "Cc":
        return "\ufffd", 1
    if category in ("Mn", "Me", "Cf"):
        return char, 0
    return char, 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


_CELLS = {chr(code): (chr(code), 1) for code in range(0x20, 0x7F)}  # then every character met, once


def _cells(text: str) -> list[tuple[str, int]]:
    cells = _CELLS
    return [cells.get(char) or cells.setdefault(char, _cell(char)) for char in text]


def _window(widths: list[int], start: int, end: int, room: int, cut: bool, uniform: bool) -> tuple[int, int]:
    """The characters ``[first, last)`` to show so that ``[start, end)`` is in view (``cut``:
    ``widths`` is already part of a longer line; ``uniform``: every width is 1)."""
    if not cut and sum(widths) <= room:
        return 0, len(widths)
    room -= 2  # an ellipsis on each side
    span = sum(widths[start:end])
    left = min(room // 4, 10) if span >= room else (room - span) // 2
    if uniform:  # one cell each: the loops below, in arithmetic
        first = max(0, start - left)
        last = min(len(widths), first + room)
        return max(0, min(first, last - room)), last
    first, used = start, 0
    while first > 0 and used + widths[first - 1] <= left:
        first -= 1
        used += widths[first]
    last = start
    while last < len(widths) and used + widths[last] <= room:
        used += widths[last]
        last += 1
    while first > 0 and used + widths[first - 1] <= room:  # the line ended early: more on the left
        first -= 1
        used += widths[first]
    return first, last


def _row(number: int, line: str, start: int, end: int, room: int) -> Row:
    """``line`` (1-based ``number``) with characters ``[start, end)`` marked."""
    start = min(start, len(line))
    end = max(min(end, len(line)), start)
    # A character takes at least one cell but for rare zero-width ones: no more than ``room``
    # characters either side of the span's start can be shown.  A paragraph is one line.
    low, high = max(0, start - room), min(len(line), start + room + 1)
    region = line[low:high]
    if region.isascii() and region.isprintable():  # most lines: a cell per character, as written
        shown, widths = None, [1] * len(region)
    else:
        shown = _cells(region)
        widths = [width for _, width in shown]
    first, last = _window(widths, start - low, max(end, start + 1) - low, room,
                          cut=low > 0 or high < len(line), uniform=shown is None)
    text = region[first:last] if shown is None else "".join(part for part, _ in shown[first:last])
    before = sum(widths[first:start - low])
    marked = sum(widths[start - low:min(end - low, last)]) or 1  # an empty span still gets one caret
    if first + low > 0:
        text, before = ELLIPSIS + text, before + 1
    if last + low < len(line):
        text += ELLIPSIS
    return Row(number, text, " " * before + "^" * marked)


def _content(line: str) -> tuple[int, int]:
    """Where a line's text starts and ends, without its indentation and trailing space."""
    stripped = line.strip()
    if not stripped:
        return 0, 0
    start = len(line) - len(line.lstrip())
    return start, start + len(stripped)


def excerpt(lines: list[str], d: Diagnostic, room: int) -> list[Row]:
    """The rows to show under ``d`` from the file's ``lines``; none when its span is not in them."""
    room = max(room, MIN_ROOM)
    if not 1 <= d.line <= len(lines):
        return []
    last_line = min(max(d.end_line, d.line), len(lines))
    numbers = list(range(d.line, last_line + 1))
    if len(numbers) > MAX_LINES:
        numbers = numbers[:HEAD_LINES] + [None] + numbers[-1:]
    rows = []
    for number in numbers:
        if number is None:
            rows.append(Row(None))
            continue
        line = lines[number - 1]
        start, end = _content(line)
        if number == d.line:
            start = d.column - 1
        if number == d.end_line:
            end = d.end_column
        if number != d.line and start >= end:  # a blank line inside the span
            rows.append(Row(number, _row(number, line, 0, 0, room).text))
            continue
        rows.append(_row(number, line, start, end, room))
    return rows
