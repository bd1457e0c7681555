"""Rule packs: YAML files of rules, validated strictly before anything runs."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .diagnostics import Severity
from .model.markdown import DOCUMENT_KINDS
from .kinds import Kind, message_problem, registry
from .scopes import SCOPES
from .yamlfile import ConfigError, MarkedDict, read_yaml

if TYPE_CHECKING:
    from .cache import Store

ID_PATTERN = re.compile(r"^[A-Z]{1,6}[0-9]{2,4}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PACK_KEYS = {"pack": True, "description": False, "rules": True}
RULE_KEYS = {
    "id": True, "name": True, "kind": True, "severity": True, "message": True, "summary": True,
    "rationale": True, "examples": True, "example-options": False, "scope": False, "applies-to": False, "options": False, "group": False,
    "language": False,
}
LANGUAGES = ("english", "any")  # a rule's ``language``: see wblint.language


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    severity: Severity
    message: str
    summary: str
    rationale: str
    examples: dict[str, str]
    scope: str
    applies_to: tuple[str, ...]
    options: dict[str, Any]  # the rule's defaults, kind defaults filled in
    example_options: dict[str, Any]  # options the examples are linted with (to keep them short)
    group: str
    source: str  # file it came from
    line: int
    language: str = ""  # "english", "any", or "": as its kind says (wblint.language.rule_is_english)

    @property
    def kind_spec(self) -> Kind:
        return registry()[self.kind]


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)

    def find(self, key: str) -> Rule | None:
        key_lower = key.lower()
        return next((r for r in self.rules if r.id.lower() == key_lower or r.name == key_lower), None)

    def groups(self) -> set[str]:
        return {r.group for r in self.rules}

    def suggest(self, key: str) -> str:
        words = [r.name for r in self.rules] + [r.id for r in self.rules] + sorted(self.groups())
        close = difflib.get_close_matches(key, words, n=1)
        return f"; did you mean {close[0]!r}?" if close else ""


def builtin_rules_dir() -> Path:
    """The packs shipped in the wheel (wblint/_rules), or the repo's rules/ in a checkout."""
    packaged = Path(__file__).parent / "_rules"  # what importlib.resources gives a package on disk, 5 ms sooner
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def load_rules(extra_dirs: list[Path] = (), store: Store | None = None) -> RuleSet:
    """The built-in packs, then those in ``extra_dirs``; ``store``: see ``yamlfile.load_yaml``."""
    ruleset = RuleSet()
    for directory in [builtin_rules_dir(), *extra_dirs]:
        directory = Path(directory)
        if not directory.is_dir():
            raise ConfigError("rules directory not found; pass an existing directory to --rules-dir", directory)
        for path in sorted(directory.glob("*.y*ml")):
            if path.suffix in (".yaml", ".yml"):
                _add_pack(ruleset, path, store)
    return ruleset


def _add_pack(ruleset: RuleSet, path: Path, store: Store | None = None) -> None:
    data = read_yaml(path, store)
    if not isinstance(data, MarkedDict):
        raise ConfigError("a rule pack is a mapping with 'pack' and 'rules' keys", path, 1)
    _check_keys(data, PACK_KEYS, path, "rule pack")
    if not isinstance(data["rules"], list):
        raise ConfigError("'rules' must be a list of rules", path, data.line_of("rules"))
    for raw in data["rules"]:
        rule = parse_rule(raw, path, str(data["pack"]))
        for other in ruleset.rules:
            if other.id == rule.id or other.name == rule.name:
                raise ConfigError(
                    f"rule {rule.id} {rule.name} clashes with {other.id} {other.name} from {other.source}; "
                    "give it a unique id and name", path, rule.line)
        ruleset.rules.append(rule)


def _check_keys(data: MarkedDict, spec: dict[str, bool], path: Path, what: str) -> None:
    for key in data:
        if key not in spec:
            close = difflib.get_close_matches(str(key), list(spec), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise ConfigError(
                f"unknown {what} key {key!r}; {hint}valid keys: {', '.join(spec)}", path, data.line_of(key))
    for key, required in spec.items():
        if required and key not in data:
            raise ConfigError(f"{what} is missing required key {key!r}", path, data.line)


def parse_rule(raw: Any, path: Path, pack: str) -> Rule:
    if not isinstance(raw, MarkedDict):
        raise ConfigError("each rule must be a mapping", path)
    _check_keys(raw, RULE_KEYS, path, "rule")

    def fail(key: str, message: str) -> None:
        raise ConfigError(f"rule {raw.get('name', raw.get('id'))!s}: {key}: {message}", path, raw.line_of(key))

    for key in ("id", "name", "kind", "severity", "message", "summary", "rationale"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            fail(key, "must be a non-empty string")
    if not ID_PATTERN.match(raw["id"]):
        fail("id", f"{raw['id']!r} is not an id like WB101 (capital letters, then digits)")
    if not NAME_PATTERN.match(raw["name"]):
        fail("name", f"{raw['name']!r} is not kebab-case (like heading-present)")
    if (problem := message_problem(raw["message"])) is not None:
        fail("message", problem)
    kinds = registry()
    if raw["kind"] not in kinds:
        fail("kind", f"unknown kind {raw['kind']!r}; valid kinds: {', '.join(sorted(kinds))}")
    kind = kinds[raw["kind"]]
    try:
        severity = Severity.parse(raw["severity"])
    except ValueError as exc:
        fail("severity", str(exc))
    scope = raw.get("scope", "document")
    if scope not in SCOPES:
        fail("scope", f"unknown scope {scope!r}; valid scopes: {', '.join(SCOPES)}")
    applies = raw.get("applies-to", list(DOCUMENT_KINDS))
    if not isinstance(applies, list) or any(k not in DOCUMENT_KINDS for k in applies):
        fail("applies-to", f"must be a list of document kinds: {', '.join(DOCUMENT_KINDS)}")
    examples = raw["examples"]
    if not isinstance(examples, dict) or set(examples) != {"bad", "good"} or not all(
            isinstance(v, str) for v in examples.values()):
        fail("examples", "must be a mapping with 'bad' and 'good' Markdown strings")
    language = raw.get("language", "")
    if language and language not in LANGUAGES:
        fail("language", f"must be one of {', '.join(LANGUAGES)} (leave it out to follow the kind)")
    options = validate_options(kind, raw.get("options") or {}, lambda key, msg: fail("options", f"{key}: {msg}"))
    example_options = validate_options(kind, raw.get("example-options") or {},
                                       lambda key, msg: fail("example-options", f"{key}: {msg}"), base=options)
    return Rule(
        id=raw["id"], name=raw["name"], kind=raw["kind"], severity=severity, message=raw["message"].strip(),
        summary=raw["summary"].strip(), rationale=raw["rationale"].strip(), examples=dict(examples),
        scope=scope, applies_to=tuple(applies), options=options, example_options=example_options, group=str(raw.get("group", pack)),
        source=str(path), line=raw.line, language=str(language),
    )


def validate_options(kind: Kind, given: Any, fail, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """``base`` (default: the kind's defaults) overlaid with ``given``, each value checked."""
    if not isinstance(given, dict):
        fail("options", "must be a mapping")
    merged = dict(base) if base is not None else {name: option.default for name, option in kind.options.items()}
    for key, value in given.items():
        if key not in kind.options:
            valid = ", ".join(kind.options) or "none"
            fail(key, f"unknown option for kind {kind.name}; valid options: {valid}")
        error = kind.options[key].validate(value)
        if error:
            fail(key, error)
        merged[key] = value
    return merged
