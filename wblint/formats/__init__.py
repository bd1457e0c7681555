"""Output formats: pure functions from findings to text, in a registry keyed by name."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

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
    exit_code: int = 0  # what the run exits with, for sarif's invocation
    notices: tuple[tuple[str, str], ...] = ()  # (level "note" or "warning", text) printed on stderr
    sources: Mapping[str, str] = field(default_factory=dict)  # texts not on disk (stdin), by shown path
    # a file's lines (newline-normalised) by the path shown, for formats that quote the source (text);
    # None when there is no source to show (unreadable, or not kept)
    source: Callable[[str], list[str] | None] | None = None
    width: int = 80  # terminal cells a line of output may take (text cuts long source lines to it)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for _, found in self.files for d in found]

    def text_of(self, path: str) -> str | None:
        """The linted text of ``path`` (as shown, so relative to the working directory), or None
        when it cannot be read: fingerprints hash the flagged text."""
        if path in self.sources:
            return self.sources[path]
        from ..model.source import DecodeError, decode

        try:
            return decode(Path(path).read_bytes())
        except (OSError, DecodeError):
            return None

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


from . import github, gitlab, json_format, junit, sarif, text  # noqa: E402,F401  (register the built-in formats)
