"""Effective configuration: which rules run, with what severity and options."""
from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class ActiveRule:
    """A rule as it runs: configured severity and options."""

    rule: Rule
    severity: Severity
    options: dict[str, Any]

    def __getattr__(self, name: str) -> Any:  # id, name, scope, message, ... come from the rule
        return getattr(self.rule, name)


def _matches(rule: Rule, key: str) -> bool:
    key = key.strip()
    return key.upper() == "ALL" or key.upper() == rule.id or key.lower() == rule.name or key.lower() == rule.group


def _check_known(ruleset: RuleSet, keys: list[str], what: str, source: str | None) -> None:
    for key in keys:
        if key.upper() != "ALL" and not any(_matches(r, key) for r in ruleset.rules):
            raise ConfigError(f"{what}: unknown rule or group {key!r}{ruleset.suggest(key)}", source)


def activate(ruleset: RuleSet, config: Config) -> list[ActiveRule]:
    """The rules to run, in pack order, with config overrides validated against each kind."""
    _check_known(ruleset, list(config.select or []), "select", config.source)
    _check_known(ruleset, config.ignore, "ignore", config.source)
    _check_known(ruleset, config.extend_select, "extend-select", config.source)
    _check_known(ruleset, list(config.rules), "rules", config.source)
    active = []
    for rule in ruleset.rules:
        selected = config.select is None or any(_matches(rule, k) for k in config.select)
        selected = selected or any(_matches(rule, k) for k in config.extend_select)
        if not selected or any(_matches(rule, k) for k in config.ignore):
            continue
        severity, options = rule.severity, dict(rule.options)
        for key, overrides in config.rules.items():
            if key.upper() != rule.id and key.lower() != rule.name:
                continue
            overrides = dict(overrides or {})
            if "severity" in overrides:
                try:
                    severity = Severity.parse(str(overrides.pop("severity")))
                except ValueError as exc:
                    raise ConfigError(f"rules.{key}.severity: {exc}", config.source) from None

            def fail(option: str, message: str) -> None:
                raise ConfigError(f"rules.{key}.{option}: {message}", config.source)

            options = validate_options(rule.kind_spec, overrides, fail, base=options)
        active.append(ActiveRule(rule, severity, options))
    return active
