"""Output formats: pure functions from findings to text, in a registry keyed by name."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..diagnostics import Diagnostic


@dataclass(frozen=True)
class Report:
    """Everything a formatter may show: findings per file, in scan order."""

    files: list[tuple[str, list[Diagnostic]]]
    color: bool = False
    rules: tuple = ()  # the active rules, for formats that describe them
    catalog: tuple = ()  # every rule known to the run (active or not), for sarif
    root: str | None = None  # the repository root that github and sarif paths are relative to
    skipped: int = 0  # Markdown files found but not linted: not drafts (wblint.drafts)
    # a file's lines (newline-normalised) by the path shown, for formats that quote the source (text);
    # None when there is no source to show (unreadable, or not kept)
    source: Callable[[str], list[str] | None] | None = None
    width: int = 80  # terminal cells a line of output may take (text cuts long source lines to it)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for _, found in self.files for d in found]

    def relative(self, path: str) -> str:
        """``path`` relative to ``root`` (posix), or unchanged when outside it or unnamed."""
        if self.root is None or path.startswith("<"):
            return path.replace(os.sep, "/")
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        if relative == ".." or relative.startswith(".." + os.sep):
            return Path(os.path.abspath(path)).as_posix()
        return Path(relative).as_posix()


Formatter = Callable[[Report], str]
FORMATTERS: dict[str, Formatter] = {}


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    def register(function: Formatter) -> Formatter:
        FORMATTERS[name] = function
        return function

    return register


from . import github, json_format, junit, sarif, text  # noqa: E402,F401  (register the built-in formats)
