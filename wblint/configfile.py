"""Configuration files: find them, read them, validate every key strictly.

A configuration is ``.wblint.yaml`` / ``.wblint.yml`` or a ``[tool.wblint]`` table in
``pyproject.toml`` (``.wblint.yaml`` before ``.wblint.yml`` before ``pyproject.toml`` in
one directory).  A linted file runs under the nearest one above it, which extends the
next one above that, and so on up (``load_chain``): ``root: true`` stops the search, and
``extend: PATH`` names the file to extend instead.  Relative paths and globs in a file are
relative to its directory.  Files are data: nothing they name is imported or run.
"""
from __future__ import annotations

import difflib
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .config import Config
from .model.markdown import DOCUMENT_KINDS
from .nlp import PACKAGE_NAME, is_path
from .yamlfile import ConfigError, MarkedDict, MarkedList, load_yaml, read_text

if TYPE_CHECKING:
    from .cache import Store

CONFIG_NAMES = (".wblint.yaml", ".wblint.yml", "pyproject.toml")
DEFAULT_EXCLUDE = ["node_modules/", "__pycache__/", "venv/", ".venv/", ".git/"]
_TOOL_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*wblint\s*[\].]", re.M)

# key -> (type, what it is) ; types: the _Reader method that reads it
KEYS: dict[str, tuple[str, str]] = {
    "root": ("bool", "true: extend no configuration file above this one"),
    "extend": ("path", "the configuration file this one extends, instead of the nearest one above"),
    "select": ("str-list", "rules to run: ids, names or groups (ALL for every rule)"),
    "ignore": ("str-list", "rules to leave out: ids, names or groups"),
    "extend-select": ("str-list", "rules to run on top of select"),
    "rules": ("rules", "per rule: severity and options"),
    "per-file-ignores": ("globs-map", "glob -> rules to leave out for matching files"),
    "per-file-rules": ("globs-rules", "glob -> per rule: severity and options for matching files"),
    "exclude": ("str-list", "globs of files and folders not to lint (replaces the defaults)"),
    "extend-exclude": ("str-list", "more globs not to lint, on top of exclude"),
    "include": ("str-list", "globs of files always linted as drafts, whatever their content"),
    "rules-dirs": ("str-list", "directories of your own rule packs"),
    "default-kind": ("str", "the document kind of drafts that neither declare nor reveal one"),
    "nlp": ("nlp", "spaCy settings"),
}
NLP_KEYS = {"model": "the spaCy pipeline to load (a package name or a path)"}


def find_config(directory: Path) -> Path | None:
    """The nearest configuration file at or above ``directory`` (absolute), or None."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def load_chain(path: Path, load: Callable[[Path], Config], named: bool = False) -> list[Config]:
    """The configuration at ``path`` and the files it extends, outermost first.

    A file wblint found extends the nearest configuration above its directory, unless it
    says ``root: true``; ``extend: PATH`` names the file to extend instead.  A file named
    with ``--config`` (``named``) or by an ``extend`` brings only its own ``extend`` chain:
    no search upward from where it lives.  ``load`` reads (and may cache) one file.
    """
    chain: list[Config] = []
    seen: list[Path] = []
    current: Path | None = Path(os.path.abspath(path))
    while current is not None:
        if current in seen:
            loop = " -> ".join(_shown(p) for p in [*seen[seen.index(current):], current])
            raise chain[-1].error("extend", f"configuration files extend each other in a loop ({loop}); "
                                            "remove one extend")
        seen.append(current)
        config = load(current)
        chain.append(config)
        if config.extend is not None:
            current, named = config.extend, True
        elif config.is_root or named or current.parent.parent == current.parent:
            current = None
        else:
            current = find_config(current.parent.parent)
    return chain[::-1]


def _has_tool_table(path: Path) -> bool:
    try:
        return bool(_TOOL_TABLE.search(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return False


def _shown(path: Path) -> str:
    """How errors name the file: relative to the working directory when under it."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith(os.pardir) else relative


def load_config(path: Path, store: Store | None = None) -> Config:
    """Read and validate one configuration file (YAML, or a pyproject.toml's [tool.wblint]);
    ``store``: see ``yamlfile.load_yaml``."""
    path = Path(path)
    shown = _shown(path)
    if path.suffix == ".toml":
        data, prefix = _read_toml(path, shown), "tool.wblint."
    else:
        data, prefix = load_yaml(read_text(path, shown), shown, store), ""
        if data is None:  # an empty file: every default
            data = MarkedDict()
            data.line, data.key_lines, data.duplicates = 1, {}, []
    config = Config(source=shown, root=Path(os.path.abspath(path.parent)), key_prefix=prefix)
    if not isinstance(data, dict):
        raise ConfigError(f"a configuration is a mapping of settings ({', '.join(KEYS)}); "
                          f"got {type(data).__name__}", shown, getattr(data, "line", 1) or None)
    _Reader(config, shown).read(data)
    return config


def _read_toml(path: Path, shown: str) -> dict:
    if sys.version_info >= (3, 11):  # imported here: most projects have no pyproject.toml to read
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc}", shown) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", shown) from None
    table = data.get("tool", {}).get("wblint") if isinstance(data.get("tool"), dict) else None
    if table is None:
        raise ConfigError("no [tool.wblint] table; add one, or point --config at a .wblint.yaml", shown)
    if not isinstance(table, dict):
        raise ConfigError("tool.wblint: expected a table of settings", shown)
    return table


def _type_name(value: Any) -> str:
    return {list: "list", dict: "mapping", str: "string", bool: "boolean", int: "integer",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


class _Reader:
    def __init__(self, config: Config, path: str) -> None:
        self.config = config
        self.path = path

    def fail(self, key: str, message: str) -> None:
        raise self.config.error(key, message)

    def mark(self, key: str, container: Any, item: Any) -> None:
        """Remember the line of ``container[item]`` under key path ``key``."""
        if isinstance(container, MarkedDict):
            self.config.lines[key] = container.line_of(item)
        elif isinstance(container, MarkedList):
            self.config.lines[key] = container.line_of(item)

    def read(self, data: dict) -> None:
        self._no_duplicates("", data)
        for key in data:
            self.mark(key, data, key)
        for key, value in data.items():
            if key not in KEYS:
                close = difflib.get_close_matches(str(key), list(KEYS), n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                self.fail(str(key), f"unknown setting {key!r}; {hint}valid settings: {', '.join(KEYS)}")
            getattr(self, "_" + KEYS[key][0].replace("-", "_"))(key, value)

    def _no_duplicates(self, prefix: str, data: Any) -> None:
        for key, line in getattr(data, "duplicates", []):
            raise ConfigError(f"{self.config.key_prefix}{prefix}{key}: given twice; keep one", self.path, line)

    def _strings(self, key: str, value: Any, what: str) -> list[str]:
        if not isinstance(value, list):
            hint = f"; write [{value}]" if isinstance(value, str) else ""
            self.fail(key, f"expected a list of {what}, got {_type_name(value)} {value!r}{hint}")
        for index, item in enumerate(value):
            self.mark(f"{key}[{index}]", value, index)
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{key}[{index}]", f"expected {what[:-1] if what.endswith('s') else what}, "
                                             f"got {_type_name(item)} {item!r}")
        return [item.strip() for item in value]

    def _str_list(self, key: str, value: Any) -> None:
        config = self.config
        if key in ("select", "ignore", "extend-select"):
            items = self._strings(key, value, "rule ids, names or groups")
            setattr(config, key.replace("-", "_"), items)
        elif key in ("exclude", "extend-exclude", "include"):
            items = self._strings(key, value, "globs")
            setattr(config, key.replace("-", "_"), items)
        elif key == "rules-dirs":
            items = self._strings(key, value, "directories")
            dirs = []
            for index, item in enumerate(items):
                directory = (config.root / item) if not Path(item).is_absolute() else Path(item)
                if not directory.is_dir():
                    self.fail(f"{key}[{index}]", f"rules directory {item!r} not found "
                                                 f"(relative paths start at {config.root})")
                dirs.append(directory)
            config.rules_dirs = dirs

    def _rules(self, key: str, value: Any) -> None:
        self.config.rules = self._rule_table(key, value)

    def _rule_table(self, key: str, value: Any) -> dict[str, dict[str, Any]]:
        """{rule: {severity, option: value}}, with each line marked (checked against the rules later)."""
        table: dict[str, dict[str, Any]] = {}
        if value is None:
            return table
        if not isinstance(value, dict):
            self.fail(key, f"expected a mapping of rule name -> settings, got {_type_name(value)} {value!r}")
        self._no_duplicates(f"{key}.", value)
        for name, settings in value.items():
            path = f"{key}.{name}"
            self.mark(path, value, name)
            if not isinstance(name, str):
                self.fail(path, f"expected a rule id or name, got {_type_name(name)} {name!r}")
            if settings is not None and not isinstance(settings, dict):
                self.fail(path, f"expected a mapping of severity and options, got {_type_name(settings)} "
                                f"{settings!r}")
            self._no_duplicates(f"{path}.", settings)
            for option in settings or {}:
                self.mark(f"{path}.{option}", settings, option)
            table[name] = dict(settings or {})
        return table

    def _globs(self, key: str, value: Any, what: str):
        """(path, glob, entry) of a glob-keyed mapping (per-file-ignores, per-file-rules), each
        glob checked and its line marked."""
        if value is None:
            return
        if not isinstance(value, dict):
            self.fail(key, f"expected a mapping of glob -> {what}, got {_type_name(value)} {value!r}")
        self._no_duplicates(f"{key}.", value)
        for pattern, entry in value.items():
            path = f"{key}.{pattern}"
            self.mark(path, value, pattern)
            if not isinstance(pattern, str) or not pattern.strip():
                self.fail(path, f"expected a glob, got {_type_name(pattern)} {pattern!r}")
            yield path, pattern, entry

    def _globs_map(self, key: str, value: Any) -> None:
        for path, pattern, keys in self._globs(key, value, "rules"):
            self.config.per_file_ignores.append((pattern, self._strings(path, keys, "rule ids, names or groups")))

    def _bool(self, key: str, value: Any) -> None:  # root
        if not isinstance(value, bool):
            self.fail(key, f"expected true or false, got {_type_name(value)} {value!r}")
        self.config.is_root = value
        self._not_both()

    def _path(self, key: str, value: Any) -> None:  # extend; null: the nearest file above
        if value is None:
            return
        if not isinstance(value, str) or not value.strip():
            self.fail(key, f"expected the path of a configuration file, got {_type_name(value)} {value!r}")
        target = Path(value.strip())
        target = Path(os.path.abspath(self.config.root / target)) if not target.is_absolute() else target
        if not target.is_file():
            self.fail(key, f"configuration file {value!r} not found (relative paths start at {self.config.root})")
        if target.suffix not in (".yaml", ".yml", ".toml"):
            self.fail(key, f"{value!r} is not a configuration file: extend a .yaml, .yml or pyproject.toml file")
        self.config.extend = target
        self._not_both()

    def _not_both(self) -> None:
        if self.config.is_root and self.config.extend is not None:
            self.fail("extend", "root: true and extend contradict each other: extend already replaces the "
                                "search upward; keep one")

    def _globs_rules(self, key: str, value: Any) -> None:  # per-file-rules: glob -> rules
        for path, pattern, table in self._globs(key, value, "rule settings"):
            self.config.per_file_rules.append((pattern, self._rule_table(path, table)))

    def _str(self, key: str, value: Any) -> None:  # default-kind; null: infer it
        if value is None:
            return
        if value not in DOCUMENT_KINDS:
            close = difflib.get_close_matches(str(value), DOCUMENT_KINDS, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            self.fail(key, f"unknown document kind {value!r}; {hint}choose one of {', '.join(DOCUMENT_KINDS)}")
        self.config.default_kind = value

    def _nlp(self, key: str, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, dict):
            self.fail(key, f"expected a mapping like {{model: en_core_web_sm}}, got {_type_name(value)} {value!r}")
        self._no_duplicates(f"{key}.", value)
        for name, setting in value.items():
            path = f"{key}.{name}"
            self.mark(path, value, name)
            if name not in NLP_KEYS:
                self.fail(path, f"unknown nlp setting {name!r}; valid: {', '.join(NLP_KEYS)}")
            if setting is None:  # the default pipeline
                continue
            if not isinstance(setting, str) or not setting.strip():
                self.fail(path, f"expected a pipeline name or path, got {_type_name(setting)} {setting!r}")
            model = setting.strip()
            if is_path(model):  # a pipeline directory: relative to the file
                model = str((self.config.root / model) if not Path(model).is_absolute() else Path(model))
            elif not PACKAGE_NAME.fullmatch(model):
                self.fail(path, f"{model!r} is neither a pipeline package name (like en_core_web_sm) "
                                "nor a directory path (like ./models/mine)")
            self.config.nlp_model = model
