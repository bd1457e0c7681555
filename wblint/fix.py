"""Apply the replacements rules attach to findings (``--fix``), or show them (``--diff``).

Fix offsets are in the newline-normalised text the rules saw; they are mapped back onto
the file's own text, so CRLF line ends, a byte-order mark and the encoding survive, and
every character no fix touches is written back unchanged.  Fixes are applied from the
end, skipping any that overlaps one already taken; the draft is linted again and fixed
again until nothing changes (a few rounds at most), so a second ``--fix`` finds nothing.
Files are written atomically: a temporary file in the same directory, then a rename.
"""
from __future__ import annotations

import codecs
import difflib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .diagnostics import Diagnostic, Fix
from .model.source import normalise_newlines

MAX_ROUNDS = 10
_BOMS = (  # longest first: a UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class RawText:
    """A draft as stored: its text with the original line ends, and how to encode it back."""

    text: str
    bom: bytes = b""
    codec: str = "utf-8"

    @classmethod
    def from_bytes(cls, data: bytes) -> "RawText":
        for bom, codec in _BOMS:
            if data.startswith(bom):
                return cls(data[len(bom):].decode(codec), bom, codec)
        return cls(data.decode("utf-8"))

    def encode(self, text: str | None = None) -> bytes:
        return self.bom + (self.text if text is None else text).encode(self.codec)


def newline_of(text: str) -> str:
    """The line end a replacement's ``\\n`` becomes: the file's first one."""
    match = re.search(r"\r\n|\r|\n", text)
    return match.group() if match else "\n"


def apply_fixes(raw: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes (normalised offsets) to ``raw``; (new text, fixes applied).

    A fix that names the text it replaces (``Fix.original``) is skipped where that text is not
    there: its offsets are stale or were never this draft's."""
    crlf = []  # normalised offset of the "\n" of each CRLF
    for count, match in enumerate(re.finditer(r"\r\n", raw)):
        crlf.append(match.start() - count)
    length = len(raw) - len(crlf)

    def to_raw(offset: int) -> int:
        import bisect

        return offset + bisect.bisect_left(crlf, offset)

    chosen: list[Fix] = []
    last_end = -1
    for fix in sorted(set(fixes), key=lambda f: (f.start, f.end, f.replacement)):
        if fix.start < last_end or not 0 <= fix.start <= fix.end <= length:
            continue
        if fix.original is not None and \
                normalise_newlines(raw[to_raw(fix.start):to_raw(fix.end)]) != fix.original:
            continue
        chosen.append(fix)
        last_end = max(fix.end, fix.start + 1) if fix.start == fix.end else fix.end
    newline = newline_of(raw)
    for fix in reversed(chosen):
        start, end = to_raw(fix.start), to_raw(fix.end)
        raw = raw[:start] + fix.replacement.replace("\n", newline) + raw[end:]
    return raw, len(chosen)


@dataclass
class Fixed:
    text: str  # the fixed raw text
    diagnostics: list[Diagnostic]  # what remains after fixing
    applied: int  # fixes applied


def fix_until_stable(raw: str, diagnostics: list[Diagnostic], lint: Callable[[str], list[Diagnostic]]) -> Fixed:
    """Fix, re-lint and fix again until no fix applies (or MAX_ROUNDS)."""
    applied = 0
    for _ in range(MAX_ROUNDS):
        fixes = [d.fix for d in diagnostics if d.fix is not None]
        if not fixes:
            break
        new, count = apply_fixes(raw, fixes)
        if new == raw:
            break
        raw, applied = new, applied + count
        diagnostics = lint(raw)
    return Fixed(raw, diagnostics, applied)


def write_fixed(path: Path, data: bytes) -> None:
    """Replace a regular file's content and keep what makes it the same file.

    A file with other hard links, or owned by someone else, is rewritten in place: a rename
    would split its links or hand it to us.  Any other file is replaced atomically.
    """
    info = os.stat(path)
    if info.st_nlink > 1 or info.st_uid != os.geteuid():
        write_in_place(path, data)
    else:
        write_atomic(path, data)


def write_in_place(path: Path, data: bytes) -> None:
    """Overwrite the file itself (same inode: owner, mode and hard links stay as they are)."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the file's content in one rename, keeping its mode and group (and symlinks)."""
    target = Path(os.path.realpath(path))
    info = target.stat()
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".wblint-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            if os.fstat(handle.fileno()).st_gid != info.st_gid:
                try:
                    os.fchown(handle.fileno(), -1, info.st_gid)
                except PermissionError:  # a group we are not in: the file keeps it if written in place
                    os.unlink(temp)
                    write_in_place(target, data)
                    return
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, info.st_mode & 0o7777)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _lines(text: str) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def unified_diff(name: str, old: str, new: str) -> str:
    """A unified diff that ``patch`` applies (line ends kept; a missing last newline marked)."""
    out = []
    for line in difflib.unified_diff(_lines(old), _lines(new), fromfile=name, tofile=name):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
