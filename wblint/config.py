"""Effective configuration: which rules run, with what severity and options.

``Config`` is what one linted file runs under: a configuration file's settings
(see ``configfile``) merged with the command line's.  Errors name the file, the
line (YAML) or key path (TOML) of the setting that is wrong.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .diagnostics import Severity
from .rules import Rule, RuleSet, validate_options
from .yamlfile import ConfigError


@dataclass
class Config:
    select: list[str] | None = None  # None: every rule
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # name/id -> {severity, option: value}
    rules_dirs: list[Path] = field(default_factory=list)
    default_kind: str | None = None
    nlp_model: str | None = None
    source: str | None = None  # the file it came from, for error messages
    # Globs (gitignore syntax) relative to ``root``: per-file-ignores maps a glob to rule keys.
    per_file_ignores: list[tuple[str, list[str]]] = field(default_factory=list)
    exclude: list[str] | None = None  # None: the default excludes
    extend_exclude: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)  # globs always linted as drafts (wblint.drafts)
    root: Path | None = None  # the configuration file's directory
    lines: dict[str, int] = field(default_factory=dict)  # key path ("rules.length.max_pages") -> line
    key_prefix: str = ""  # "tool.wblint." for pyproject.toml, where errors name key paths
    cli_keys: dict[str, str] = field(default_factory=dict)  # key -> flag, for settings the command line gave

    def error(self, key: str, message: str) -> ConfigError:
        """A ConfigError for the setting at ``key`` (a path like ``rules.length.max_pages``)."""
        top = key.split(".")[0].split("[")[0]
        if top in self.cli_keys:
            return ConfigError(f"{self.cli_keys[top]}: {message}")
        return ConfigError(f"{self.key_prefix}{key}: {message}", self.source, self._line(key))

    def _line(self, key: str) -> int | None:
        while key:
            if key in self.lines:
                return self.lines[key]
            cut = max(key.rfind("."), key.rfind("["))
            key = key[:cut] if cut > 0 else ""
        return None


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


def activate(ruleset: RuleSet, config: Config, extra_ignore: list[str] = ()) -> list[ActiveRule]:
    """The rules to run, in pack order, with config overrides validated against each kind.

    ``extra_ignore``: more rules to leave out (per-file-ignores), already validated.
    """
    check_known(ruleset, list(config.select or []), "select", config)
    check_known(ruleset, config.ignore, "ignore", config)
    check_known(ruleset, config.extend_select, "extend-select", config)
    for key in config.rules:
        if not isinstance(key, str) or ruleset.find(key) is None:
            raise config.error(f"rules.{key}", f"unknown rule {key!r}{ruleset.suggest(key)}")
    for pattern, keys in config.per_file_ignores:
        check_known(ruleset, keys, f"per-file-ignores.{pattern}", config)
    ignore = [*config.ignore, *extra_ignore]
    active = []
    for rule in ruleset.rules:
        selected = config.select is None or any(matches(rule, k) for k in config.select)
        selected = selected or any(matches(rule, k) for k in config.extend_select)
        if not selected or any(matches(rule, k) for k in ignore):
            continue
        severity, options = rule.severity, dict(rule.options)
        for key, overrides in config.rules.items():
            if key.upper() != rule.id and key.lower() != rule.name:
                continue
            if overrides is not None and not isinstance(overrides, dict):
                raise config.error(f"rules.{key}", "expected a mapping of severity and options, "
                                                   f"got {type(overrides).__name__} {overrides!r}")
            overrides = dict(overrides or {})
            if "severity" in overrides:
                try:
                    severity = Severity.parse(str(overrides.pop("severity")))
                except ValueError as exc:
                    raise config.error(f"rules.{key}.severity", str(exc)) from None

            def fail(option: str, message: str, key: str = key) -> None:
                if option == "options":  # not a mapping at all
                    raise config.error(f"rules.{key}", message)
                valid = ["severity", *rule.kind_spec.options]
                if message.startswith("unknown option"):
                    close = difflib.get_close_matches(option, valid, n=1)
                    hint = f"did you mean {close[0]!r}? " if close else ""
                    message = f"unknown option for rule {rule.name}; {hint}valid: {', '.join(valid)}"
                raise config.error(f"rules.{key}.{option}", message)

            options = validate_options(rule.kind_spec, overrides, fail, base=options)
        active.append(ActiveRule(rule, severity, options))
    return active
