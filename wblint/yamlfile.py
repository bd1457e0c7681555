"""Safe YAML loading that remembers where each key was, for errors that name a line.

A run that may use the result cache keeps each parsed file too, by the digest of its
text, as JSON with its line marks (``pack``/``unpack``): a warm run over unchanged rule
packs and configuration then neither imports PyYAML nor parses.  The tree read back is
the one the parser built, so validation and its errors are the same.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cache import Store

TREE_FORMAT = 1  # bump when pack() or the loader changes
# Values a file may hold once its aliases are expanded: the largest built-in pack has about
# 1,300.  An alias bomb (10 aliases of 10 aliases of ... under 1 KB) expands to billions.
MAX_VALUES = 100_000
MAX_FILE_BYTES = 4_000_000  # a configuration or rule pack is a few KB


class ConfigError(Exception):
    """A usage or configuration problem: reported as one line, exit code 2."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None) -> None:
        self.path, self.line, self.detail = path, line, message
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")


class MarkedDict(dict):
    """A mapping that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict
    duplicates: list  # (key, line) of keys given more than once; the last one wins

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class MarkedList(list):
    """A sequence that knows the 1-based line of itself and of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


@lru_cache(maxsize=1)
def _loader() -> type:
    """A safe loader that builds MarkedDicts and MarkedLists (PyYAML is imported here, when
    something is parsed)."""
    import yaml

    class MarkedLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when built with it: 10x faster
        def construct_document(self, node):
            _check_expanded_size(node, yaml)
            return super().construct_document(node)

    def construct_mapping(loader, node) -> MarkedDict:
        mapping = MarkedDict(loader.construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        mapping.duplicates = []
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in mapping.key_lines:
                    mapping.duplicates.append((key.value, key.start_mark.line + 1))
                mapping.key_lines[key.value] = key.start_mark.line + 1
        return mapping

    def construct_sequence(loader, node) -> MarkedList:
        sequence = MarkedList(loader.construct_sequence(node, deep=True))
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = [item.start_mark.line + 1 for item in node.value]
        return sequence

    MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return MarkedLoader


class _TooLarge(Exception):
    def __init__(self, line: int, aliases: bool) -> None:
        self.line, self.aliases = line, aliases


def _check_expanded_size(root, yaml) -> None:
    """_TooLarge when the document holds more than MAX_VALUES values with its aliases expanded
    (a recursive alias never ends).  Walks at most MAX_VALUES nodes, whatever the expansion."""
    seen: set[int] = set()
    shared = None  # the first node reached twice: an anchor that is aliased
    stack, count = [root], 0
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise _TooLarge((shared or root).start_mark.line + 1, shared is not None)
        if id(node) in seen:
            shared = shared or node
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def load_yaml(text: str, path: str | Path, store: Store | None = None) -> Any:
    """Parse YAML safely (no tags that build Python objects); errors name file and line.

    ``store`` (a ``wblint.cache.Store``): where parsed trees are kept between runs.
    """
    key = None
    if store is not None:
        from .cache import digest

        key = digest(text.encode("utf-8"))
        stored = store.load(key)
        if stored is not None:
            try:
                return unpack(stored)
            except (KeyError, TypeError, ValueError, RecursionError):  # not written by this format
                pass
    data = _parse(text, path)
    if store is not None:
        try:
            store.save(key, pack(data))
        except (TypeError, ValueError, RecursionError):  # a date, a set, a non-text key: parsed each time
            pass
    return data


def _parse(text: str, path: str | Path) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except _TooLarge as exc:
        why = "its aliases expand it to" if exc.aliases else "it holds"
        raise ConfigError(f"{why} more than {MAX_VALUES:,} values; write the values out or use fewer aliases"
                          if exc.aliases else f"{why} more than {MAX_VALUES:,} values; split it", path, exc.line) from None
    except RecursionError:
        raise ConfigError("nested too deeply to read; flatten it", path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark else None
        raise ConfigError(f"invalid YAML: {problem}; only plain YAML is allowed (no !!python tags)", path, line) from None


def pack(value: Any) -> Any:
    """A parsed tree as JSON data, line marks included; TypeError for what JSON cannot hold."""
    if isinstance(value, MarkedDict):
        if not all(isinstance(key, str) for key in value):
            raise TypeError("a mapping key that is not text")
        return {"map": [[key, pack(item)] for key, item in value.items()], "line": value.line,
                "keys": value.key_lines, "dups": value.duplicates}
    if isinstance(value, MarkedList):
        return {"seq": [pack(item) for item in value], "line": value.line, "items": value.item_lines}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise TypeError(f"{type(value).__name__} is not JSON")


def unpack(value: Any) -> Any:
    """The tree ``pack`` was given (JSON objects are only ever packed containers)."""
    if not isinstance(value, dict):
        if value is None or isinstance(value, (str, bool, int, float)):
            return value
        raise TypeError(f"{type(value).__name__} in a packed tree")
    if "map" in value:
        mapping = MarkedDict((key, unpack(item)) for key, item in value["map"])
        mapping.line, mapping.key_lines = value["line"], dict(value["keys"])
        mapping.duplicates = [tuple(pair) for pair in value["dups"]]
        return mapping
    sequence = MarkedList(unpack(item) for item in value["seq"])
    sequence.line, sequence.item_lines = value["line"], list(value["items"])
    return sequence


def tree_store(root: Path) -> Store:
    """Where parsed YAML is kept under the cache directory ``root``: only once results are
    kept there (a run that lints nothing leaves no cache directory behind)."""
    from . import __version__
    from .cache import Store

    return Store(root, f"yaml-{TREE_FORMAT}-{__version__}", creates_root=False)


def read_yaml(path: Path, store: Store | None = None) -> Any:
    text = read_text(path)
    return load_yaml(text, path, store)


def read_text(path: Path, shown: str | Path | None = None) -> str:
    """A configuration file or rule pack: a regular file (not a pipe, which would wait for ever)
    of at most MAX_FILE_BYTES, in UTF-8; ConfigError (naming ``shown``) otherwise."""
    import os
    import stat

    shown = path if shown is None else shown
    try:
        with open(path, "rb", opener=lambda name, flags: os.open(name, flags | getattr(os, "O_NONBLOCK", 0))) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ConfigError("cannot read file: not a regular file", shown)
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise ConfigError(f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB; "
                              "a configuration or rule pack is a few KB", shown)
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read file: {exc}", shown) from None
