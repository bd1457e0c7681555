"""Paths -> the Markdown files to lint: recursive, skipping hidden, vendored and ignored files."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

import pathspec

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIP_DIRS = {"node_modules", ".git", "__pycache__", "venv", ".venv"}


def _gitignore(directory: Path) -> pathspec.PathSpec | None:
    path = directory / ".gitignore"
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


Excluded = Callable[[Path, bool], bool]  # (path, is_dir) -> skip it?


def discover(paths: list[Path], exclude: pathspec.PathSpec | None = None,
             is_excluded: Excluded | None = None) -> Iterator[Path]:
    """Explicit files as given (pre-commit passes them); directories walked in sorted order.

    ``is_excluded`` (the configuration's excludes) replaces the built-in SKIP_DIRS.
    """
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for found in _walk(path, exclude, is_excluded):
                if found not in seen:
                    seen.add(found)
                    yield found
        elif path not in seen:
            seen.add(path)
            yield path


def _walk(root: Path, exclude: pathspec.PathSpec | None, is_excluded: Excluded | None = None) -> Iterator[Path]:
    # (directory, [(base dir, gitignore spec)] in force there)
    stack: list[tuple[Path, list[tuple[Path, pathspec.PathSpec]]]] = [(root, [])]
    visited: set[tuple[int, int]] = set()
    while stack:
        directory, specs = stack.pop()
        try:
            stat = directory.stat()
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
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:  # a link to itself, say: reported as a file that cannot be read
                is_dir = False
            if entry.name.startswith("."):
                continue
            if is_excluded is None and is_dir and entry.name in SKIP_DIRS:
                continue
            if _ignored(path, is_dir, specs, root, exclude) or (is_excluded is not None and is_excluded(path, is_dir)):
                continue
            if is_dir:
                subdirs.append(path)
            elif entry.name.lower().endswith(MARKDOWN_SUFFIXES):
                yield path
        stack.extend((d, specs) for d in reversed(subdirs))


def _ignored(path: Path, is_dir: bool, specs, root: Path, exclude: pathspec.PathSpec | None) -> bool:
    suffix = "/" if is_dir else ""
    for base, spec in specs:
        if spec.match_file(path.relative_to(base).as_posix() + suffix):
            return True
    if exclude is not None:
        rel = path.relative_to(root).as_posix() + suffix
        return exclude.match_file(rel) or exclude.match_file(path.as_posix() + suffix)
    return False
