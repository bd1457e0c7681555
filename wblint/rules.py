"""Rule packs: YAML files of rules, validated strictly before anything runs.

Every problem in every pack is reported at once, each with its file and line (a pack
author fixes five mistakes in one go, not over five runs): ``load_rules`` raises
``RulePackErrors`` holding them all.  A rule's message may name only what its kind
provides (its options and ``Kind.fields``).
"""
from __future__ import annotations

import difflib
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .diagnostics import Severity
from .model.markdown import DOCUMENT_KINDS
from .kinds import Kind, message_problem, registry
from .scopes import SCOPES
from .yamlfile import ConfigError, MarkedDict, MarkedList, read_yaml

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


class RulePackErrors(ConfigError):
    """Every problem found in a run's rule packs, one ``file:line: message`` line each."""

    def __init__(self, errors: list[ConfigError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def builtin_rules_dir() -> Path:
    """The packs shipped in the wheel (wblint/_rules), or the repo's rules/ in a checkout."""
    packaged = Path(__file__).parent / "_rules"  # what importlib.resources gives a package on disk, 5 ms sooner
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def load_rules(extra_dirs: list[Path] = (), store: Store | None = None) -> RuleSet:
    """The built-in packs, then those in ``extra_dirs``; ``store``: see ``yamlfile.load_yaml``.

    Raises ``RulePackErrors`` with every problem of every pack, in file and line order.
    """
    ruleset = RuleSet()
    problems: list[ConfigError] = []
    for directory in [builtin_rules_dir(), *extra_dirs]:
        directory = Path(directory)
        if not directory.is_dir():
            raise ConfigError("rules directory not found; pass an existing directory to --rules-dir", directory)
        for path in sorted(directory.glob("*.y*ml")):
            if path.suffix in (".yaml", ".yml"):
                _add_pack(ruleset, path, store, problems)
    if problems:
        raise RulePackErrors(problems)
    return ruleset


def _add_pack(ruleset: RuleSet, path: Path, store: Store | None, problems: list[ConfigError]) -> None:
    found: list[ConfigError] = []
    try:
        data = read_yaml(path, store)
    except ConfigError as exc:
        problems.append(exc)
        return
    if not isinstance(data, MarkedDict):
        problems.append(ConfigError("a rule pack is a mapping with 'pack' and 'rules' keys", path, 1))
        return
    _check_keys(data, PACK_KEYS, path, "rule pack", found)
    rules = data.get("rules", [])
    if not isinstance(rules, list):
        found.append(ConfigError("'rules' must be a list of rules", path, data.line_of("rules")))
        rules = []
    for index, raw in enumerate(rules):
        line = rules.line_of(index) if isinstance(rules, MarkedList) else data.line_of("rules")
        rule = parse_rule(raw, path, str(data.get("pack", "")), found, line)
        if rule is None:
            continue
        for other in ruleset.rules:
            if other.id == rule.id or other.name == rule.name:
                found.append(ConfigError(
                    f"rule {rule.id} {rule.name} clashes with {other.id} {other.name} from {other.source}; "
                    "give it a unique id and name", path, rule.line))
                break
        else:
            ruleset.rules.append(rule)
    problems.extend(sorted(found, key=lambda error: error.line or 0))


def _hint(word: Any, choices) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f"did you mean {close[0]!r}? " if close else ""


def _check_keys(data: MarkedDict, spec: dict[str, bool], path: Path, what: str, found: list[ConfigError],
                label: Any = None) -> None:
    named = f"{what} {label}" if label else what
    for key in data:
        if key not in spec:
            unknown = f"{named}: unknown key {key!r}" if label else f"unknown {what} key {key!r}"
            found.append(ConfigError(f"{unknown}; {_hint(key, spec)}valid keys: {', '.join(spec)}",
                                     path, data.line_of(key)))
    for key, required in spec.items():
        if required and key not in data:
            found.append(ConfigError(f"{named} is missing required key {key!r}", path, data.line))


def parse_rule(raw: Any, path: Path, pack: str, found: list[ConfigError] | None = None,
               line: int | None = None) -> Rule | None:
    """The rule ``raw`` describes, or None when it has problems (each added to ``found``;
    without ``found``, the first is raised)."""
    problems: list[ConfigError] = [] if found is None else found
    before = len(problems)
    if not isinstance(raw, MarkedDict):
        problems.append(ConfigError(f"each rule must be a mapping of {', '.join(RULE_KEYS)}", path, line))
        return _done(problems, before, found)
    label = raw.get("name", raw.get("id"))
    _check_keys(raw, RULE_KEYS, path, "rule", problems, label)

    def fail(key: str, message: str, where: int | None = None) -> None:
        problems.append(ConfigError(f"rule {label!s}: {key}: {message}", path, where or raw.line_of(key)))

    for key in ("id", "name", "kind", "severity", "message", "summary", "rationale"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
            fail(key, f"must be a non-empty string, got {raw[key]!r}")

    def text(key: str) -> str | None:  # a string setting that is there and not blank
        return raw[key] if isinstance(raw.get(key), str) and raw[key].strip() else None

    if text("id") and not ID_PATTERN.match(raw["id"]):
        fail("id", f"{raw['id']!r} is not an id like WB101 (capital letters, then digits)")
    if text("name") and not NAME_PATTERN.match(raw["name"]):
        fail("name", f"{raw['name']!r} is not kebab-case (like heading-present)")
    if (problem := message_problem(raw["message"])) is not None:
        fail("message", problem)
    kinds = registry()
    kind = kinds.get(text("kind")) if text("kind") else None
    if text("kind") and kind is None:
        fail("kind", f"unknown kind {raw['kind']!r}; {_hint(raw['kind'], kinds)}valid kinds: {', '.join(sorted(kinds))}")
    severity = None
    if text("severity"):
        try:
            severity = Severity.parse(raw["severity"])
        except ValueError as exc:
            fail("severity", str(exc))
    scope = raw.get("scope", "document")
    if scope not in SCOPES:
        fail("scope", f"unknown scope {scope!r}; {_hint(scope, SCOPES)}valid scopes: {', '.join(SCOPES)}")
    applies = raw.get("applies-to", list(DOCUMENT_KINDS))
    if not isinstance(applies, list) or not all(isinstance(k, str) for k in applies):
        fail("applies-to", f"must be a list of document kinds: {', '.join(DOCUMENT_KINDS)}")
    else:
        for item in applies:
            if item not in DOCUMENT_KINDS:
                fail("applies-to", f"unknown document kind {item!r}; {_hint(item, DOCUMENT_KINDS)}"
                                   f"valid: {', '.join(DOCUMENT_KINDS)}")
    examples = raw.get("examples", {})
    if "examples" in raw and (not isinstance(examples, dict) or set(examples) != {"bad", "good"} or not all(
            isinstance(v, str) for v in examples.values())):
        fail("examples", "must be a mapping with 'bad' and 'good' Markdown strings")
    language = raw.get("language", "")
    if language and language not in LANGUAGES:
        fail("language", f"must be one of {', '.join(LANGUAGES)} (leave it out to follow the kind)")
    options = example_options = {}
    if kind is not None:
        options = _options(kind, raw, "options", None, fail)
        example_options = _options(kind, raw, "example-options", options, fail)
        if text("message"):
            for problem in message_problems(raw["message"], kind):
                fail("message", problem)
    if len(problems) > before:
        return _done(problems, before, found)
    return Rule(
        id=raw["id"], name=raw["name"], kind=raw["kind"], severity=severity, message=raw["message"].strip(),
        summary=raw["summary"].strip(), rationale=raw["rationale"].strip(), examples=dict(examples),
        scope=scope, applies_to=tuple(applies), options=options, example_options=example_options, group=str(raw.get("group", pack)),
        source=str(path), line=raw.line, language=str(language),
    )


def _done(problems: list[ConfigError], before: int, found: list[ConfigError] | None) -> None:
    if found is None and len(problems) > before:
        raise problems[before]
    return None


def _options(kind: Kind, raw: MarkedDict, key: str, base: dict[str, Any] | None, fail) -> dict[str, Any]:
    """``raw[key]`` (options or example-options) checked against ``kind``, each problem at its line."""
    given = raw.get(key) or {}
    lines = given if isinstance(given, MarkedDict) else None
    return validate_options(kind, given, lambda option, message: fail(
        key, message if option == "options" else f"{option}: {message}",
        lines.line_of(option) if lines is not None and option in given else None), base=base)


def message_problems(message: str, kind: Kind) -> list[str]:
    """What is wrong with a rule's message template: a placeholder its kind does not provide
    (neither an option nor one of ``kind.fields``), a positional one, or broken braces."""
    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as exc:
        return [f"is not a valid template ({exc}); write a literal brace as {{{{ or }}}}"]
    provided = [*kind.options, *kind.fields]
    problems = []
    for _, name, _, _ in parsed:
        if name is None:
            continue
        base = re.split(r"[.\[]", name, maxsplit=1)[0]
        if not base or base.isdigit():
            problems.append(f"placeholder {{{name}}} is positional; name one of: {', '.join(provided) or 'none'}")
        elif base not in provided:
            close = difflib.get_close_matches(base, provided, n=1)
            hint = f"did you mean {{{close[0]}}}? " if close else ""
            problems.append(f"placeholder {{{base}}} is not provided by kind {kind.name}; {hint}"
                            f"it provides: {', '.join(provided) or 'none'}")
    return problems


def validate_options(kind: Kind, given: Any, fail, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """``base`` (default: the kind's defaults) overlaid with ``given``, each value checked;
    ``fail(option, message)`` hears of each problem (and may raise)."""
    merged = dict(base) if base is not None else {name: option.default for name, option in kind.options.items()}
    if not isinstance(given, dict):
        fail("options", "must be a mapping")
        return merged
    for key, value in given.items():
        if key not in kind.options:
            valid = ", ".join(kind.options) or "none"
            fail(key, f"unknown option for kind {kind.name}; {_hint(key, kind.options)}valid options: {valid}")
            continue
        error = kind.options[key].validate(value)
        if error:
            fail(key, error)
            continue
        merged[key] = value
    return merged
