"""The result cache: one small JSON file per draft content, per effective configuration.

An entry is a JSON list with one row per finding, ``[line, column, end_line, end_column,
rule, name, severity, message, fix]`` (``fix`` is ``[start, end, replacement]`` or null):
rows, not objects, because a warm run decodes thousands of them.  JSON, never pickle: a
cache directory inside a repository must not be a way to run code.

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

Reading an entry imports neither spaCy nor the syllable dictionary: a warm run over an unchanged
tree never loads the pipeline.  The same directory keeps the parsed rule packs and
configuration files (``yamlfile.tree_store``), so such a run does not parse YAML either.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from . import __version__
from .diagnostics import Diagnostic, Fix, Severity

CACHE_DIR_NAME = ".wblint_cache"
FORMAT = 2  # bump when the entry layout changes
ROOT_MARKERS = (".git", "pyproject.toml", ".wblint.yaml", ".wblint.yml", "wblint.yaml", "wblint.yml")
NOT_CACHED = {"WB001", "WB003"}  # read errors and internal errors say nothing lasting about the content
SEVERITIES = {str(severity): severity for severity in Severity}


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


def _read(path: str) -> bytes:
    """A file's bytes through os.read: open() builds a buffered reader per file, which was
    a third of what reading a warm run's 1,000 small entries cost."""
    handle = os.open(path, os.O_RDONLY)
    try:
        chunks = [os.read(handle, 65536)]
        while chunks[-1]:
            chunks.append(os.read(handle, 65536))
    finally:
        os.close(handle)
    return b"".join(chunks)


class Store:
    """JSON documents by content digest, under ``directory/key``; never raises: a store
    that cannot work just misses."""

    def __init__(self, directory: Path, key: str, creates_root: bool = True) -> None:
        self.root = Path(directory)
        self.directory = self.root / key
        self._prefix = str(self.directory)
        self.writable = True
        self.creates_root = creates_root  # False: save only into a cache directory that exists

    def _entry(self, content_digest: str) -> str:
        return os.path.join(self._prefix, content_digest[:2], content_digest[2:] + ".json")

    def load(self, content_digest: str) -> Any:
        """The document stored for this digest, or None (missing or unreadable)."""
        try:
            return json.loads(_read(self._entry(content_digest)))
        except (OSError, ValueError, RecursionError):
            return None

    def save(self, content_digest: str, document: Any) -> None:
        if not self.writable:
            return
        import tempfile  # here: a warm run writes nothing

        entry = Path(self._entry(content_digest))
        payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
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
            "Signature: 8a477f597d28d172789f06886806bc55\n# wblint's result cache; safe to delete.\n",
            encoding="utf-8")


class Cache(Store):
    """Findings per content digest."""

    def __init__(self, directory: Path, key: str) -> None:
        super().__init__(directory, key)
        self.hits = 0
        self.misses = 0

    def get(self, content_digest: str, display: str) -> list[Diagnostic] | None:
        rows = self.load(content_digest)
        try:
            found = [Diagnostic.of(display, line, column, end_line, end_column, rule, name, SEVERITIES[severity],
                                   message, Fix(*fix) if fix else None)
                     for line, column, end_line, end_column, rule, name, severity, message, fix in rows]
        except (ValueError, KeyError, TypeError):  # missing (None), or not an entry of this format
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, content_digest: str, diagnostics: list[Diagnostic]) -> None:
        if any(d.rule in NOT_CACHED for d in diagnostics):
            return
        self.save(content_digest, [[d.line, d.column, d.end_line, d.end_column, d.rule, d.name, str(d.severity),
                                    d.message, None if d.fix is None else [d.fix.start, d.fix.end, d.fix.replacement]]
                                   for d in diagnostics])
