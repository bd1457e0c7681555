"""A documentation page per rule, rendered from its YAML, and the one address they live at.

``docs/rules/NAME.md`` is written by ``scripts/rule_docs.py`` and checked by a test to be
what this module renders now.  ``RULE_DOCS`` is where every link to a page starts: SARIF's
``helpUri``, ``wblint explain`` and the pages' index.  Only the built-in rules (and the
codes wblint raises about files and directives) have a page there; a team's own rules
have none.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import BUILTIN_CODES
from .rules import Rule, builtin_rules_dir

HOMEPAGE = "https://github.com/wblint/wblint"  # pyproject.toml's Homepage (a test keeps them equal)
RULE_DOCS = f"{HOMEPAGE}/blob/main/docs/rules/"
SHORT_DEFAULT = 60  # characters of a default shown in the options table; longer ones only in the YAML


def is_builtin(rule: Rule) -> bool:
    return Path(rule.source).resolve().parent == builtin_rules_dir().resolve()


def page_url(name: str) -> str:
    return f"{RULE_DOCS}{name}.md"


def rule_url(rule: Rule) -> str | None:
    """The rule's page, or None for a team's rule (it has no page here)."""
    return page_url(rule.name) if is_builtin(rule) else None


def plain(value: Any) -> Any:
    """YAML's marked containers as plain lists and dicts, for yaml.safe_dump."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _fence(text: str) -> str:
    """A code fence longer than any backtick run in ``text``."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _code_block(text: str, language: str = "markdown") -> list[str]:
    fence = _fence(text)
    return [f"{fence}{language}", text.rstrip("\n"), fence]


def _flow(value: Any) -> str:
    """A value as YAML on one line (what a user would write in .wblint.yaml)."""
    shown = yaml.safe_dump(plain(value), default_flow_style=True, allow_unicode=True, width=10_000)
    return shown.strip().removesuffix("...").strip()


def _inline(value: Any) -> str:
    """A default for the options table: inline code, or a count when it is too long to read there."""
    shown = _flow(value)
    if len(shown) > SHORT_DEFAULT and isinstance(value, (list, dict)):
        return f"{len(value)} {'entries' if isinstance(value, dict) else 'items'} (below)"
    escaped = shown.replace("|", "\\|")
    return f"`{escaped}`" if "`" not in shown else escaped


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def rule_page(rule: Rule) -> str:
    from .language import rule_is_english

    kind = rule.kind_spec
    lines = [
        f"# {rule.name} ({rule.id})",
        "",
        rule.summary,
        "",
        "| | |",
        "|---|---|",
        f"| id | `{rule.id}` |",
        f"| name | `{rule.name}` |",
        f"| severity | {rule.severity} |",
        f"| scope | {rule.scope} |",
        f"| applies to | {', '.join(rule.applies_to)} |",
        f"| pack | {rule.group} |",
        f"| kind | {rule.kind} |",
        "| drafts not in English | " + ("skipped (this rule reads English)" if rule_is_english(rule)
                                        else "still checked") + " |",
        "",
        "## Why",
        "",
        rule.rationale.strip(),
        "",
        "## Examples",
        "",
    ]
    changed = {k: v for k, v in rule.example_options.items() if rule.options.get(k) != v}
    with_options = (f", linted with {', '.join(f'`{k}: {_flow(v)}`' for k, v in changed.items())}"
                    if changed else "")
    lines += [f"Bad, flagged{with_options}:", "", *_code_block(rule.examples["bad"]), "",
              "Good, not flagged:", "", *_code_block(rule.examples["good"]), "", "## Message", "",
              *_code_block(rule.message, "text"), "", "## Options", ""]
    if not rule.options:
        lines += ["None.", ""]
    else:
        lines += ["| option | default | meaning |", "|---|---|---|"]
        for name, value in rule.options.items():
            lines.append(f"| `{name}` | {_inline(value)} | {_cell(kind.options[name].help)} |")
        defaults = yaml.safe_dump({"rules": {rule.name: plain(rule.options)}}, sort_keys=False,
                                  allow_unicode=True, width=100)
        lines += ["", "Set them in `.wblint.yaml` (the defaults shown):", "", *_code_block(defaults, "yaml"), ""]
    lines += [f"Generated from `rules/{Path(rule.source).name}` by `scripts/rule_docs.py`; "
              f"`wblint explain {rule.name}` shows the same.", ""]
    return "\n".join(lines)


def code_page(code: str, name: str, summary: str, detail: str) -> str:
    """A page for a code wblint raises about a file or a directive rather than a rule of a pack."""
    return "\n".join([
        f"# {name} ({code})", "", summary, "",
        "| | |", "|---|---|", f"| id | `{code}` |", f"| name | `{name}` |",
        "| raised by | wblint itself, not a rule pack |", "",
        "## Why", "", detail, "",
        "Generated from the built-in codes by `scripts/rule_docs.py`.", "",
    ])


def index_page(rules: list[Rule], codes: dict[str, tuple[str, str, str]]) -> str:
    lines = ["# wblint rules", "",
             "One page per rule, generated from the rule packs in `rules/` by `scripts/rule_docs.py`;",
             "`wblint explain NAME` shows the same in a terminal.", "",
             "| id | name | severity | summary |", "|---|---|---|---|"]
    for rule in sorted(rules, key=lambda r: r.id):
        lines.append(f"| {rule.id} | [{rule.name}]({rule.name}.md) | {rule.severity} | {_cell(rule.summary)} |")
    lines += ["", "Codes wblint raises about a file or a directive:", "", "| id | name | summary |", "|---|---|---|"]
    for code, (name, summary, _) in sorted(codes.items()):
        lines.append(f"| {code} | [{name}]({name}.md) | {_cell(summary)} |")
    return "\n".join(lines) + "\n"


def all_pages(rules: list[Rule]) -> dict[str, str]:
    """File name -> content of every page under docs/rules/ (the index is README.md)."""

    builtin = [rule for rule in rules if is_builtin(rule)]
    pages = {f"{rule.name}.md": rule_page(rule) for rule in builtin}
    pages.update({f"{name}.md": code_page(code, name, summary, detail)
                  for code, (name, summary, detail) in BUILTIN_CODES.items()})
    pages["README.md"] = index_page(builtin, BUILTIN_CODES)
    return pages
