"""The result cache: one small JSON file per draft content, per effective configuration.

An entry is a JSON list with one row per finding, ``[line, column, end_line, end_column,
rule, name, severity, message, fix]`` (``fix`` is ``[start, end, replacement, original]`` or
null): rows, not objects, because a warm run decodes thousands of them.  JSON, never pickle: a
cache directory inside a repository must not be a way to run code.

The cache is untrusted data (a pull request can put anything in it): only regular files of at
most ``MAX_ENTRY_BYTES`` are read (never through a symlink, never a FIFO or device), every row
is checked against the draft it claims to describe and a doubtful entry is a miss; a fix keeps
the text it replaces, and ``wblint.fix`` applies it only where that text still is.

An entry is found by the SHA-256 of the file's bytes, under a directory named by a
fingerprint of everything else that decides the findings: the wblint version, each
active rule (id, name, kind, scope, documents, severity, message, options), the
default document kind, and the spaCy pipeline's name and version.  Modification
times play no part (CI checkouts reset them).  A changed configuration simply looks
in another directory; ``wblint check --no-cache`` bypasses the cache, and deleting
the directory is always safe.

The default location is ``.wblint_cache`` at the project root (the nearest directory
up from the current one holding ``.git``, ``pyproject.toml`` or a wblint config
file), else in the current directory.  The directory ignores itself for git.

The directory does not grow without bound: reading an entry more than a day after it was
written (or last refreshed) touches it, and at the end of a run, at most once a day, entries
untouched for ``MAX_AGE_DAYS`` are deleted, with the directories they leave empty (those of
configurations no longer used).  ``wblint clean`` removes the whole directory, and only a
directory that wblint created.

Reading an entry imports neither spaCy nor the syllable dictionary: a warm run over an unchanged
tree never loads the pipeline.  The same directory keeps the parsed rule packs and
configuration files (``yamlfile.tree_store``), so such a run does not parse YAML either.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from pathlib import Path
from typing import Any

from . import __version__
from .diagnostics import Diagnostic, Fix, Severity

CACHE_DIR_NAME = ".wblint_cache"
FORMAT = 3  # bump when the entry layout changes
MAX_ENTRY_BYTES = 8_000_000  # far above any entry wblint writes (a 1 MB draft with 20,000 findings)
ROOT_MARKERS = (".git", "pyproject.toml", ".wblint.yaml", ".wblint.yml", "wblint.yaml", "wblint.yml")
NOT_CACHED = {"WB001", "WB003"}  # read errors and internal errors say nothing lasting about the content
SEVERITIES = {str(severity): severity for severity in Severity}
MAX_AGE_DAYS = 30  # an entry neither read nor written for this long is pruned
DAY = 24 * 3600
PRUNED_MARKER = ".last-pruned"  # its modification time: when the directory was last swept
TAG_NOTE = "# wblint's result cache; safe to delete."


def default_cache_dir(start: Path | None = None) -> Path:
    start = (start or Path.cwd()).resolve()
    for directory in (start, *start.parents):
        if any((directory / marker).exists() for marker in ROOT_MARKERS):
            return directory / CACHE_DIR_NAME
    return start / CACHE_DIR_NAME


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def linter_fingerprint(linter) -> str:
    """``fingerprint`` of what one Linter runs, its suppression settings included."""
    post = linter.postprocess
    extra = None
    if post is not None:
        extra = {"type": type(post).__name__, "report_unused": getattr(post, "report_unused", None),
                 "active": sorted(getattr(post, "active_ids", ())), "known": sorted(getattr(post, "by_id", {}))}
    return fingerprint(linter.rules, linter.config.default_kind, linter.config.nlp_model, extra)


def fingerprint(rules, default_kind: str | None, model: str | None, extra=None) -> str:
    """A hash of everything besides the file's bytes that decides its findings."""
    from . import nlp

    def plain(value):
        return json.loads(json.dumps(value, sort_keys=True, default=str))

    described = {
        "format": FORMAT,
        "wblint": __version__,
        "default_kind": default_kind,
        "model": model,
        "extra": extra,
        "pipeline": nlp.identity(model) if any(r.rule.kind_spec.capabilities(r.options) for r in rules) else None,
        "rules": [
            {"id": r.id, "name": r.name, "kind": r.rule.kind, "scope": r.rule.scope,
             "applies_to": list(r.rule.applies_to), "severity": str(r.severity), "message": r.rule.message,
             "options": plain(r.options)}
            for r in rules
        ],
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode("utf-8")).hexdigest()[:24]


def _read(path: str) -> tuple[bytes, float]:
    """A regular file's bytes (at most MAX_ENTRY_BYTES) and modification time; OSError for anything else.

    Opened without following a symlink and without blocking (a FIFO would wait for a writer),
    then checked on the open file.  os.read, not open(): a buffered reader per file was a third
    of what reading a warm run's 1,000 small entries cost.
    """
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            raise OSError(f"not a cache entry: {path}")
        chunks = [os.read(handle, 65536)]
        size = len(chunks[0])
        while chunks[-1]:
            if size > MAX_ENTRY_BYTES:
                raise OSError(f"cache entry too large: {path}")
            chunks.append(os.read(handle, 65536))
            size += len(chunks[-1])
        modified = info.st_mtime
    finally:
        os.close(handle)
    return b"".join(chunks), modified


class Store:
    """JSON documents by content digest, under ``directory/key``; never raises: a store
    that cannot work just misses."""

    def __init__(self, directory: Path, key: str, creates_root: bool = True) -> None:
        self.root = Path(directory)
        self.directory = self.root / key
        self._prefix = str(self.directory)
        self.writable = True
        self.creates_root = creates_root  # False: save only into a cache directory that exists
        self._refresh_before = time.time() - DAY  # an entry read that was last touched before this is touched

    def _entry(self, content_digest: str) -> str:
        return os.path.join(self._prefix, content_digest[:2], content_digest[2:] + ".json")

    def load(self, content_digest: str) -> Any:
        """The document stored for this digest, or None (missing or unreadable)."""
        entry = self._entry(content_digest)
        try:
            data, modified = _read(entry)
            document = json.loads(data)
        except (OSError, ValueError, RecursionError):
            return None
        if modified < self._refresh_before and self.writable:
            try:
                os.utime(entry)  # still in use: not pruned
            except OSError:
                self.writable = False  # a read-only cache: it is not pruned either
        return document

    def save(self, content_digest: str, document: Any) -> None:
        if not self.writable:
            return
        import tempfile  # here: a warm run writes nothing

        entry = Path(self._entry(content_digest))
        payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if len(payload) > MAX_ENTRY_BYTES:
            return  # it would not be read back
        try:
            if not self.root.exists():
                if not self.creates_root:
                    self.writable = False
                    return
                self._create_root()
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
            os.replace(temporary, entry)  # atomic: concurrent runs never see half an entry
        except OSError:
            self.writable = False  # read-only checkout, full disk: lint on without caching

    def _create_root(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / ".gitignore").write_text("# created by wblint\n*\n", encoding="utf-8")
        (self.root / "CACHEDIR.TAG").write_text(
            f"Signature: 8a477f597d28d172789f06886806bc55\n{TAG_NOTE}\n",
            encoding="utf-8")


def is_cache_dir(root: Path) -> bool:
    """Whether ``root`` is a cache directory wblint created (its CACHEDIR.TAG says so)."""
    try:
        return TAG_NOTE in (root / "CACHEDIR.TAG").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def prune(root: Path, max_age_days: float = MAX_AGE_DAYS, now: float | None = None) -> int:
    """Delete the entries under ``root`` untouched for ``max_age_days``, and the directories
    that leaves empty; at most once a day (``PRUNED_MARKER``).  The number deleted; never raises."""
    now = time.time() if now is None else now
    marker = root / PRUNED_MARKER
    try:
        if now - marker.stat().st_mtime < DAY:
            return 0
    except FileNotFoundError:
        pass
    except OSError:
        return 0
    if not is_cache_dir(root):
        return 0
    cutoff, removed = now - max_age_days * DAY, 0
    for directory, _, names in os.walk(root, topdown=False):
        if directory == str(root):
            continue
        for name in names:  # entries, and temporary files a killed run left behind
            path = os.path.join(directory, name)
            try:
                if os.stat(path).st_mtime < cutoff:
                    os.unlink(path)
                    removed += name.endswith(".json")
            except OSError:
                pass
        try:
            os.rmdir(directory)  # only when empty
        except OSError:
            pass
    try:
        marker.write_bytes(b"")
        os.utime(marker, (now, now))
    except OSError:
        pass
    return removed


def clean(root: Path) -> int | None:
    """Remove the cache directory ``root``: the number of results it held, or None when there
    is none.  Raises ValueError for a directory wblint did not create, which is never removed."""
    import shutil

    if not root.exists() and not root.is_symlink():
        return None
    if root.is_symlink() or not root.is_dir() or not is_cache_dir(root):
        raise ValueError(f"{root} is not a wblint cache directory (it has no CACHEDIR.TAG written by wblint); "
                         "not removed")
    held = sum(1 for _ in root.rglob("*.json"))
    shutil.rmtree(root)
    return held


class Cache(Store):
    """Findings per content digest."""

    def __init__(self, directory: Path, key: str) -> None:
        super().__init__(directory, key)
        self.hits = 0
        self.misses = 0

    def get(self, content_digest: str, display: str, data: bytes | None = None) -> list[Diagnostic] | None:
        """The findings stored for this content, or None (missing, or not to be believed).

        ``data``, the file's bytes, bounds the positions a row may claim."""
        rows = self.load(content_digest)
        lines, size = (data.count(b"\n") + data.count(b"\r") + 1, len(data)) if data is not None else (None, None)
        if not isinstance(rows, list) or not all(_valid(row, lines, size) for row in rows):
            self.misses += 1
            return None
        found = [Diagnostic.of(display, line, column, end_line, end_column, rule, name, SEVERITIES[severity],
                               message, Fix(*fix) if fix else None)
                 for line, column, end_line, end_column, rule, name, severity, message, fix in rows]
        self.hits += 1
        return found

    def put(self, content_digest: str, diagnostics: list[Diagnostic]) -> None:
        if any(d.rule in NOT_CACHED for d in diagnostics):
            return
        self.save(content_digest, [[d.line, d.column, d.end_line, d.end_column, d.rule, d.name, str(d.severity),
                                    d.message, None if d.fix is None else
                                    [d.fix.start, d.fix.end, d.fix.replacement, d.fix.original]]
                                   for d in diagnostics])


def _valid(row: Any, lines: int | None, size: int | None) -> bool:
    """Whether a row is a finding wblint could have written for a draft of ``lines`` lines and
    ``size`` bytes (it has no more characters than that)."""
    if type(row) is not list or len(row) != 9:
        return False
    line, column, end_line, end_column, rule, name, severity, message, fix = row
    if not (type(line) is int and type(column) is int and type(end_line) is int and type(end_column) is int
            and 1 <= line <= end_line and column >= 1 and end_column >= 1
            and (end_line > line or end_column >= column) and (lines is None or end_line <= lines)
            and type(rule) is str and type(name) is str and type(message) is str and severity in SEVERITIES):
        return False
    if fix is None:
        return True
    return (type(fix) is list and len(fix) == 4 and type(fix[0]) is int and type(fix[1]) is int
            and 0 <= fix[0] <= fix[1] and type(fix[2]) is str and type(fix[3]) is str
            and fix[1] - fix[0] == len(fix[3]) and (size is None or fix[1] <= size))
