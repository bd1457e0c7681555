"""Paths -> the Markdown files to lint: recursive, skipping hidden, vendored and ignored files.

The walk works on path strings from ``os.scandir`` and makes a ``Path`` only for each file
it yields: a warm run over a large tree is mostly this walk.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

import pathspec

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIP_DIRS = {"node_modules", ".git", "__pycache__", "venv", ".venv"}


def gitignore_spec(lines: list[str]) -> pathspec.PathSpec:
    """Gitignore-style globs matched with pathspec's standard-library backend.

    pathspec picks its re2 backend by itself when google-re2 is installed, and that backend
    failed on thousands of globs and on file names that are not valid UTF-8: the choice is
    made here, not by whatever else is installed."""
    return pathspec.GitIgnoreSpec.from_lines(lines, backend="simple")


def _gitignore(directory: str) -> pathspec.PathSpec | None:
    try:
        with open(os.path.join(directory, ".gitignore"), encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    return gitignore_spec(lines)


Excluded = Callable[[str, bool], bool]  # (path, is_dir) -> skip it?


def discover(paths: list[Path], is_excluded: Excluded | None = None) -> Iterator[Path]:
    """Explicit files as given (pre-commit passes them); directories walked in sorted order.

    ``is_excluded`` (the configuration's excludes) replaces the built-in SKIP_DIRS.
    """
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for found in _walk(path, is_excluded):
                if found not in seen:
                    seen.add(found)
                    yield found
        elif path not in seen:
            seen.add(path)
            yield path


def _walk(root: Path, is_excluded: Excluded | None = None) -> Iterator[Path]:
    # (directory, [(base dir, gitignore spec)] in force there)
    stack: list[tuple[str, list[tuple[str, pathspec.PathSpec]]]] = [(str(root), [])]
    visited: set[tuple[int, int]] = set()
    while stack:
        directory, specs = stack.pop()
        try:
            stat = os.stat(directory)
        except OSError:
            continue
        if (stat.st_dev, stat.st_ino) in visited:  # symlink loop
            continue
        visited.add((stat.st_dev, stat.st_ino))
        spec = _gitignore(directory)
        if spec is not None:
            specs = [*specs, (directory, spec)]
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:  # a link to itself, say: reported as a file that cannot be read
                is_dir = False
            if is_excluded is None and is_dir and entry.name in SKIP_DIRS:
                continue
            if _ignored(entry.path, is_dir, specs) or (is_excluded is not None and is_excluded(entry.path, is_dir)):
                continue
            if is_dir:
                subdirs.append(entry.path)
            elif entry.name.lower().endswith(MARKDOWN_SUFFIXES):
                yield Path(entry.path)
        stack.extend((d, specs) for d in reversed(subdirs))


def _ignored(path: str, is_dir: bool, specs: list[tuple[str, pathspec.PathSpec]]) -> bool:
    suffix = "/" if is_dir else ""
    for base, spec in specs:
        relative = path[len(base):].lstrip(os.sep).replace(os.sep, "/")  # base is always an ancestor
        if spec.match_file(relative + suffix):
            return True
    return False
