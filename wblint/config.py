"""Effective configuration: which rules run, with what severity and options.

``Config`` is one configuration file's settings (see ``configfile``), or -- composed
from several with ``compose`` -- what one linted file runs under: the files it builds on,
outermost first, then the command line.  Each is a *layer*: rule selection is worked out
layer by layer (``select`` starts over, ``extend-select`` adds, ``ignore`` removes), rule
options merge per rule and per option, and every file's ``per-file-*`` entries apply to
the files their globs match.  Errors name the file, the line (YAML) or key path (TOML)
of the setting that is wrong; ``resolve`` also says where each value came from.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Iterable, Sequence

from .diagnostics import Severity
from .rules import Rule, RuleSet, validate_options
from .yamlfile import ConfigError

DEFAULT = "default"  # where a value nobody set comes from


@dataclass
class Config:
    select: list[str] | None = None  # None: every rule (or, in a layer, what the layers before chose)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # name/id -> {severity, option: value}
    rules_dirs: list[Path] = field(default_factory=list)
    default_kind: str | None = None
    nlp_model: str | None = None
    source: str | None = None  # the file it came from, for error messages
    # Globs (gitignore syntax) relative to ``root``: per-file-ignores maps a glob to rule keys,
    # per-file-rules a glob to {rule: {severity, option: value}} like ``rules``.
    per_file_ignores: list[tuple[str, list[str]]] = field(default_factory=list)
    per_file_rules: list[tuple[str, dict[str, dict[str, Any]]]] = field(default_factory=list)
    exclude: list[str] | None = None  # None: the default excludes
    extend_exclude: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)  # globs always linted as drafts (wblint.drafts)
    root: Path | None = None  # the configuration file's directory
    is_root: bool = False  # `root: true`: no configuration file above this one is read
    extend: Path | None = None  # `extend: PATH`: the file this one builds on, instead of the one above
    lines: dict[str, int] = field(default_factory=dict)  # key path ("rules.length.max_pages") -> line
    key_prefix: str = ""  # "tool.wblint." for pyproject.toml, where errors name key paths
    cli_keys: dict[str, str] = field(default_factory=dict)  # key -> flag, for settings the command line gave
    layers: tuple["Config", ...] = ()  # composed: the layers it was built from; empty: itself alone

    def each_layer(self) -> tuple["Config", ...]:
        return self.layers or (self,)

    def error(self, key: str, message: str) -> ConfigError:
        """A ConfigError for the setting at ``key`` (a path like ``rules.length.max_pages``)."""
        top = key.split(".")[0].split("[")[0]
        if top in self.cli_keys:
            return ConfigError(f"{self.cli_keys[top]}: {message}")
        return ConfigError(f"{self.key_prefix}{key}: {message}", self.source, self._line(key))

    def where(self, key: str) -> str:
        """Where the setting at ``key`` was given: ``file:line``, ``file (key path)`` or a flag."""
        top = key.split(".")[0].split("[")[0]
        if top in self.cli_keys:
            return self.cli_keys[top]
        line = self._line(key)
        return f"{self.source}:{line}" if line else f"{self.source} ({self.key_prefix}{key})"

    def _line(self, key: str) -> int | None:
        while key:
            if key in self.lines:
                return self.lines[key]
            cut = max(key.rfind("."), key.rfind("["))
            key = key[:cut] if cut > 0 else ""
        return None


def compose(layers: Sequence[Config]) -> Config:
    """One configuration from ``layers`` (outermost first): the nearest file's ``root`` and
    ``source``, the nearest ``default-kind`` and ``nlp.model`` given, every layer's rule
    packs; the rest is read layer by layer where it is used."""
    files = [layer for layer in layers if layer.source is not None]
    inner = files[-1] if files else Config()
    dirs = list(dict.fromkeys(d for layer in layers for d in layer.rules_dirs))

    def nearest(name: str) -> Any:
        return next((getattr(layer, name) for layer in reversed(layers) if getattr(layer, name)), None)

    return Config(rules_dirs=dirs, default_kind=nearest("default_kind"), nlp_model=nearest("nlp_model"),
                  source=inner.source, root=inner.root, lines=inner.lines, key_prefix=inner.key_prefix,
                  layers=tuple(layers))


@dataclass(frozen=True)
class ActiveRule:
    """A rule as it runs: configured severity and options."""

    rule: Rule
    severity: Severity
    options: dict[str, Any]

    def __post_init__(self) -> None:
        # id, name, scope, message, ... are the rule's: copied once, as the engine reads them
        # for every draft and rule (a __getattr__ call each time, before)
        for name in _RULE_FIELDS:
            object.__setattr__(self, name, getattr(self.rule, name))

    def __getattr__(self, name: str) -> Any:  # what is not copied (kind_spec ...) comes from the rule
        return getattr(self.rule, name)


_RULE_FIELDS = tuple(f.name for f in fields(Rule) if f.name not in {f.name for f in fields(ActiveRule)})


def matches(rule: Rule, key: str) -> bool:
    """Whether a selector (id, name, group or ALL) names ``rule``."""
    key = key.strip()
    return key.upper() == "ALL" or key.upper() == rule.id or key.lower() == rule.name or key.lower() == rule.group


_matches = matches  # the name this module used before


def check_known(ruleset: RuleSet, keys: list[str], what: str, config: Config) -> None:
    for index, key in enumerate(keys):
        if not isinstance(key, str) or (key.upper() != "ALL" and not any(matches(r, key) for r in ruleset.rules)):
            raise config.error(f"{what}[{index}]", f"unknown rule or group {key!r}{ruleset.suggest(str(key))}")


def _names(rule: Rule, key: str) -> bool:
    return key.upper() == rule.id or key.lower() == rule.name


def _first(rule: Rule, keys: list[str]) -> int | None:
    return next((index for index, key in enumerate(keys) if matches(rule, key)), None)


@dataclass(frozen=True)
class RuleSettings:
    """One rule as a configuration leaves it, and where each of its values came from."""

    rule: Rule
    active: bool
    why: str  # what decided ``active``: "default", "select at .wblint.yaml:1", "--ignore" ...
    severity: Severity
    options: dict[str, Any]
    origins: dict[str, str]  # "severity" or option name -> where it was set (DEFAULT when not)


def validate(ruleset: RuleSet, config: Config) -> None:
    """Every layer's rule names and rule options, against ``ruleset``: errors name the layer's
    file and line, whichever files they would apply to."""
    for layer in config.each_layer():
        check_known(ruleset, list(layer.select or []), "select", layer)
        check_known(ruleset, layer.ignore, "ignore", layer)
        check_known(ruleset, layer.extend_select, "extend-select", layer)
        for pattern, keys in layer.per_file_ignores:
            check_known(ruleset, keys, f"per-file-ignores.{pattern}", layer)
        for prefix, table in _rule_tables(layer):
            for key, overrides in table.items():
                rule = ruleset.find(key) if isinstance(key, str) else None
                if rule is None:
                    raise layer.error(f"{prefix}.{key}", f"unknown rule {key!r}{ruleset.suggest(str(key))}")
                _apply(rule, layer, f"{prefix}.{key}", overrides, [rule.severity, dict(rule.options), {}])


def _rule_tables(layer: Config, matched: Iterable[int] | None = None) -> list[tuple[str, dict]]:
    """(key prefix, {rule: settings}) of a layer: its ``rules``, then its per-file-rules
    entries (those in ``matched``, or all)."""
    entries = [(f"per-file-rules.{pattern}", table) for index, (pattern, table) in enumerate(layer.per_file_rules)
               if matched is None or index in matched]
    return [("rules", layer.rules), *entries]


def _apply(rule: Rule, layer: Config, path: str, overrides: Any, state: list) -> None:
    """Lay ``overrides`` (severity and options given at ``path`` of ``layer``) over ``state``,
    [severity, options, origins], checking each value against the rule's kind."""
    if overrides is not None and not isinstance(overrides, dict):
        raise layer.error(path, f"expected a mapping of severity and options, got {type(overrides).__name__} "
                                f"{overrides!r}")
    overrides = dict(overrides or {})
    if "severity" in overrides:
        try:
            state[0] = Severity.parse(str(overrides.pop("severity")))
        except ValueError as exc:
            raise layer.error(f"{path}.severity", str(exc)) from None
        state[2]["severity"] = layer.where(f"{path}.severity")

    def fail(option: str, message: str) -> None:
        if option == "options":  # not a mapping at all
            raise layer.error(path, message)
        valid = ["severity", *rule.kind_spec.options]
        if message.startswith("unknown option"):
            close = difflib.get_close_matches(option, valid, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            message = f"unknown option for rule {rule.name}; {hint}valid: {', '.join(valid)}"
        raise layer.error(f"{path}.{option}", message)

    state[1] = validate_options(rule.kind_spec, overrides, fail, base=state[1])
    for option in overrides:
        state[2][option] = layer.where(f"{path}.{option}")


def resolve(ruleset: RuleSet, config: Config, matched: Iterable[tuple[int, str, int]] = ()) -> list[RuleSettings]:
    """Every rule of ``ruleset`` as ``config`` leaves it, in pack order, after ``validate``.

    ``matched``: the per-file entries whose globs match the file, as (layer index,
    "per-file-ignores" or "per-file-rules", entry index).  Selection runs layer by layer;
    per-file-ignores come last, after the command line.
    """
    validate(ruleset, config)
    layers = config.each_layer()
    matched = set(matched)
    ignored_here = [(layer, f"per-file-ignores.{pattern}", keys) for i, layer in enumerate(layers)
                    for j, (pattern, keys) in enumerate(layer.per_file_ignores) if (i, "per-file-ignores", j) in matched]
    settings = []
    for rule in ruleset.rules:
        active, why = True, DEFAULT
        state: list = [rule.severity, dict(rule.options), {}]
        for i, layer in enumerate(layers):
            if layer.select is not None:
                index = _first(rule, layer.select)
                active = index is not None
                why = _said(layer, "select", index) if active else "not in " + _said(layer, "select")
            for name, keys in (("extend-select", layer.extend_select), ("ignore", layer.ignore)):
                index = _first(rule, keys)
                if index is not None:
                    active, why = name != "ignore", _said(layer, name, index)
            here = {j for (k, what, j) in matched if k == i and what == "per-file-rules"}
            for prefix, table in _rule_tables(layer, here):
                for key, overrides in table.items():
                    if _names(rule, key):
                        _apply(rule, layer, f"{prefix}.{key}", overrides, state)
        for layer, path, keys in ignored_here:
            index = _first(rule, keys)
            if index is not None:
                active, why = False, _said(layer, path, index)
        origins = {name: state[2].get(name, DEFAULT) for name in ("severity", *state[1])}
        settings.append(RuleSettings(rule, active, why, state[0], state[1], origins))
    return settings


def _said(layer: Config, key: str, index: int | None = None) -> str:
    """What decided a rule: "select at .wblint.yaml:2", or the flag ("--ignore")."""
    where = layer.where(key if index is None else f"{key}[{index}]")
    return where if layer.cli_keys else f"{key.split('.')[0]} at {where}"


def activate(ruleset: RuleSet, config: Config, matched: Iterable[tuple[int, str, int]] = ()) -> list[ActiveRule]:
    """The rules to run, in pack order, with every layer's settings validated against each kind.

    ``matched``: the per-file entries that apply (see ``resolve``).
    """
    return [ActiveRule(s.rule, s.severity, s.options) for s in resolve(ruleset, config, matched) if s.active]
