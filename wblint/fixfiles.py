"""``--fix`` and ``--diff`` over files: each file once, never with stale offsets, written only
where it is safe.

A file is fixed once however many paths reach it (a symlink, a second spelling of its path).
Its bytes are checked against the digest it was linted with: a draft edited since is linted
again as it is now, and one that changes while its fixes are worked out is left alone.  Only
regular files inside the scanned tree are written (not through a symlink out of it, not a
read-only file), and in a way that keeps their owner, mode and hard links
(``wblint.fix.write_fixed``).  A file that cannot be fixed is one line in ``problems``; the
others are still fixed.
"""
from __future__ import annotations

import os
import signal
import stat
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from . import fix
from .cache import digest
from .diagnostics import Diagnostic
from .engine import read_draft

Result = tuple[str, list[Diagnostic]]


@dataclass
class FixReport:
    results: list[Result]  # (display path, what remains) per file, updated as files are fixed
    diffs: list[str] = field(default_factory=list)
    fixed: int = 0  # fixes applied
    files: int = 0  # files rewritten (or, with --diff, that would be)
    problems: list[str] = field(default_factory=list)  # "path: not fixed: why", one per file


class _NotFixed(Exception):
    """Why one file is left as it is."""


class FileFixer:
    def __init__(self, lint: Callable[[str, Path, str], list[Diagnostic]], inputs: list[Path], write: bool,
                 digests: dict[Path, str]) -> None:
        self.lint = lint  # (text, path, display) -> diagnostics, as the file's configuration says
        self.write = write
        self.digests = digests
        self.roots = [os.path.realpath(p if p.is_dir() else (p.parent if str(p.parent) else Path("."))) for p in inputs]
        self._done: dict[tuple[int, int], int | None] = {}  # (device, inode) -> index of its result, None: not fixed

    def run(self, files: list[Path], report: FixReport) -> None:
        """Fix ``files`` (``report.results`` holds their lint results), counting into ``report``
        as it goes: an interruption leaves it saying what was already done."""
        for index, path in enumerate(files):
            shown, diagnostics = report.results[index]
            if not any(d.fix is not None for d in diagnostics):
                continue  # never touch a file with nothing to fix
            try:
                self._fix(index, path, shown, diagnostics, report)
            except _NotFixed as why:
                report.problems.append(f"{shown}: not fixed: {why}")

    def _fix(self, index: int, path: Path, shown: str, diagnostics: list[Diagnostic], report: FixReport) -> None:
        target = Path(os.path.realpath(path))
        if self.write:
            self._check_writable(path, target)
        try:
            info = os.stat(target)
        except FileNotFoundError:
            raise _NotFixed("it no longer exists (deleted or moved during the scan)") from None
        except OSError as exc:
            raise _NotFixed(f"cannot read it: {exc.strerror or exc}") from None
        key = (info.st_dev, info.st_ino)
        if key in self._done:  # reached before by another path
            first = self._done[key]
            if first is not None:
                report.results[index] = (shown, [replace(d, path=shown) for d in report.results[first][1]])
            return
        self._done[key] = None
        data = self._read(target)
        try:
            raw = fix.RawText.from_bytes(data)
        except UnicodeDecodeError:
            raise _NotFixed("it is no longer valid text") from None

        def lint(text: str) -> list[Diagnostic]:
            return self.lint(text, path, shown)

        if self.digests.get(path) != digest(data):  # edited since it was linted: lint it as it is
            diagnostics = lint(raw.text)
            report.results[index] = (shown, diagnostics)
        outcome = fix.fix_until_stable(raw.text, diagnostics, lint)
        self._done[key] = index
        if outcome.text == raw.text:
            return
        if not self.write:
            report.diffs.append(fix.unified_diff(shown, raw.text, outcome.text))
            report.fixed += outcome.applied
            report.files += 1
            return
        if self._read(target) != data:
            raise _NotFixed("it changed while it was being fixed; run --fix again")
        with _whole():
            try:
                fix.write_fixed(target, raw.encode(outcome.text))
            except OSError as exc:
                raise _NotFixed(f"cannot write it: {exc.strerror or exc}") from None
            report.results[index] = (shown, outcome.diagnostics)
            report.fixed += outcome.applied
            report.files += 1

    def _check_writable(self, path: Path, target: Path) -> None:
        if not any(_inside(str(target), root) for root in self.roots):
            if os.path.islink(path):
                raise _NotFixed(f"it is a symbolic link to a file outside the scanned tree ({target})")
            raise _NotFixed(f"it is reached through a linked folder, outside the scanned tree ({target})")
        try:
            info = os.lstat(target)
        except OSError:
            return  # reported when it is read
        if not stat.S_ISREG(info.st_mode):
            raise _NotFixed("it is not a regular file")
        if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise _NotFixed("it is read-only")

    @staticmethod
    def _read(target: Path) -> bytes:
        data, problem = read_draft(target)
        if problem is not None:
            raise _NotFixed(problem.removeprefix("cannot read file: "))
        return data


@contextmanager
def _whole():
    """Ctrl-C waits until the file is written and counted: an interrupted in-place write would
    leave half a draft, and the count would be wrong.  The interrupt is held by a handler of
    our own and raised after the block; blocking the signal is not enough, as the kernel may
    hand it to a thread of a native library (numpy's), and Python then raises it all the same."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
