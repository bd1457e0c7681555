"""How a report meets the terminal: whether to colour, how wide a line may be, and the
source lines the text format quotes (read again from disk only when quoted)."""
from __future__ import annotations

import os
from pathlib import Path


def use_color(choice: str, stream) -> bool:
    """--color always/never; else, as CPython decides: NO_COLOR (set and not empty) turns
    colour off, then FORCE_COLOR turns it on, then a terminal has it and a pipe does not."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def terminal_width() -> int:
    """The terminal's width in cells: $COLUMNS, else the terminal's, else 80 (a pipe)."""
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def source_lines(files: list[Path], results):
    """A reader of the lines of each file with findings, by the path shown: the text format
    quotes them.  Files are read again only when asked for, and never when too large to lint."""
    from .engine import MAX_DRAFT_BYTES
    from .model.source import DecodeError, decode, normalise_newlines

    paths = {shown: path for path, (shown, found) in zip(files, results) if found}

    def read(shown: str) -> list[str] | None:
        path = paths.get(shown)
        try:
            if path is None or path.stat().st_size > MAX_DRAFT_BYTES:
                return None
            return normalise_newlines(decode(path.read_bytes())).split("\n")
        except (OSError, DecodeError):
            return None

    return read
