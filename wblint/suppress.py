"""Inline suppressions: HTML comments (invisible in rendered Markdown) that silence rules.

    <!-- wblint-disable weasel-words, WB102 -->   ... until <!-- wblint-enable --> (or the end)
    <!-- wblint-enable weasel-words -->           re-enables only the rules listed
    <!-- wblint-disable-next-line length -->      the line after the comment
    <!-- wblint-disable-line hype -->             the comment's own line
    <!-- wblint-disable-file readability -->      the whole file, wherever the comment stands

Rules are named by id, name or group; no list means every rule.  Text after ``--`` is a
reason for the reader.  A finding is silenced when it *starts* inside the directive's
reach.  Applied per document after every rule has run; findings about the file itself
(read, parse and internal errors) are never silenced.  Unknown rules or directives are
reported (invalid-suppression); with ``report_unused`` so is every rule a directive
names that silenced nothing (unused-suppression).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable

from .diagnostics import Diagnostic, Severity
from .model.markdown import Comment, Document
from .rules import RuleSet

UNUSED_SUPPRESSION = ("WB004", "unused-suppression")
INVALID_SUPPRESSION = ("WB005", "invalid-suppression")
ACTIONS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
_DIRECTIVE = re.compile(r"^wblint-(?P<action>[a-z-]*)(?P<rest>(?:\s.*)?)$", re.S)
ALL = "*"

Position = tuple[int, int]  # 1-based (line, column)


@dataclass
class Directive:
    action: str
    keys: dict[str, frozenset[str]]  # each key as written -> the rule ids it names; empty: every rule
    comment: Comment
    start: Position
    end: Position  # of the comment's last character
    used: set[str] = field(default_factory=set)  # keys (or ALL) that silenced something

    def names(self, rule_id: str) -> list[str]:
        """The keys of this directive that name ``rule_id`` (ALL when it names every rule)."""
        if not self.keys:
            return [ALL]
        return [key for key, ids in self.keys.items() if rule_id in ids]


@dataclass
class _Region:
    directive: Directive
    start: Position
    end: Position | None  # None: to the end of the file
    ids: frozenset[str] | None  # None: every rule
    excepted: frozenset[str] = frozenset()

    def covers(self, position: Position, rule_id: str) -> bool:
        if position < self.start or (self.end is not None and position >= self.end):
            return False
        return rule_id not in self.excepted and (self.ids is None or rule_id in self.ids)


class Suppressor:
    """Applies a document's directives to its findings; one per set of active rules."""

    def __init__(self, ruleset: RuleSet, active_ids: Iterable[str], report_unused: bool = False) -> None:
        self.ruleset = ruleset
        self.by_id = {rule.id: rule for rule in ruleset.rules}
        self.active_ids = frozenset(active_ids)
        self.report_unused = report_unused

    def __call__(self, document: Document | None, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        if document is None:
            return diagnostics
        directives, problems = self.directives(document)
        if not directives:
            return diagnostics + problems
        regions = _regions(directives)
        kept = []
        for diagnostic in diagnostics:
            if diagnostic.rule not in self.by_id or not self._suppressed(diagnostic, directives, regions):
                kept.append(diagnostic)
        if self.report_unused:
            problems.extend(self._unused(document, directives))
        return kept + problems

    # -- parsing --------------------------------------------------------------------------

    def directives(self, document: Document) -> tuple[list[Directive], list[Diagnostic]]:
        directives, problems = [], []
        source = document.source
        for comment in document.comments:
            match = _DIRECTIVE.match(comment.text)
            if not match:
                continue
            start = source.position(comment.start)
            end = source.position(max(comment.start, comment.end - 1))
            action, rest = match["action"], match["rest"].split("--", 1)[0]
            if action not in ACTIONS:
                close = difflib.get_close_matches(action, ACTIONS, n=1)
                hint = f"; did you mean 'wblint-{close[0]}'?" if close else f"; use one of wblint-{', wblint-'.join(ACTIONS)}"
                problems.append(_at(document.path, start, end, INVALID_SUPPRESSION,
                                    f"unknown directive 'wblint-{action}'{hint}"))
                continue
            keys: dict[str, frozenset[str]] = {}
            for key in (k for k in re.split(r"[\s,]+", rest.strip()) if k):
                ids = self._resolve(key)
                if ids:
                    keys[key] = ids
                else:
                    problems.append(_at(document.path, start, end, INVALID_SUPPRESSION,
                                        f"unknown rule {key!r} in wblint-{action}{self.ruleset.suggest(key)}; "
                                        "it silences nothing"))
            if rest.strip() and not keys:
                continue  # every rule named was unknown: silencing all instead would surprise
            directives.append(Directive(action, keys, comment, start, end))
        return directives, problems

    def _resolve(self, key: str) -> frozenset[str]:
        lower = key.lower()
        return frozenset(r.id for r in self.ruleset.rules
                         if r.id.lower() == lower or r.name == lower or r.group == lower)

    # -- applying -------------------------------------------------------------------------

    def _suppressed(self, diagnostic: Diagnostic, directives: list[Directive], regions: list[_Region]) -> bool:
        position = (diagnostic.line, diagnostic.column)
        rule_id = diagnostic.rule
        hit = False
        for directive in directives:
            names = directive.names(rule_id)
            if not names or directive.action in ("disable", "enable"):
                continue
            comment = directive.comment
            if (directive.action == "disable-file"
                    or (directive.action == "disable-line" and comment.line <= diagnostic.line <= comment.end_line)
                    or (directive.action == "disable-next-line" and diagnostic.line == comment.end_line + 1)):
                directive.used.update(names)
                hit = True
        for region in regions:
            if region.covers(position, rule_id):
                region.directive.used.update(region.directive.names(rule_id))
                hit = True
        return hit

    def _unused(self, document: Document, directives: list[Directive]) -> list[Diagnostic]:
        found = []
        for directive in directives:
            label = f"wblint-{directive.action}"
            if directive.action == "enable":
                if ALL not in directive.used:
                    found.append(_at(document.path, directive.start, directive.end, UNUSED_SUPPRESSION,
                                     f"{label} re-enables nothing: no wblint-disable above it covers these rules; "
                                     "remove it"))
                continue
            if not directive.keys:
                if ALL not in directive.used:
                    found.append(_at(document.path, directive.start, directive.end, UNUSED_SUPPRESSION,
                                     f"{label} silenced nothing; remove it"))
                continue
            for key, ids in directive.keys.items():
                if key not in directive.used and ids & self.active_ids:
                    found.append(_at(document.path, directive.start, directive.end, UNUSED_SUPPRESSION,
                                     f"{label} {key} silenced nothing; remove {key!r} from it"))
        return found


def _regions(directives: list[Directive]) -> list[_Region]:
    """disable ... enable ranges, in document order; enable with rules narrows open ranges."""
    regions: list[_Region] = []
    open_regions: list[_Region] = []
    for directive in directives:
        if directive.action == "disable":
            ids = frozenset().union(*directive.keys.values()) if directive.keys else None
            region = _Region(directive, directive.start, None, ids)
            regions.append(region)
            open_regions.append(region)
        elif directive.action == "enable":
            enabling = frozenset().union(*directive.keys.values()) if directive.keys else None
            still_open = []
            for region in open_regions:
                if enabling is None:
                    region.end = directive.start
                    directive.used.add(ALL)
                    continue
                names = enabling if region.ids is None else region.ids & enabling
                names -= region.excepted
                if not names:
                    still_open.append(region)
                    continue
                directive.used.add(ALL)
                region.end = directive.start
                if region.ids is None:
                    rest = _Region(region.directive, directive.start, None, None, region.excepted | names)
                else:
                    rest = _Region(region.directive, directive.start, None, region.ids - names, region.excepted)
                if rest.ids is None or rest.ids:
                    regions.append(rest)
                    still_open.append(rest)
            open_regions = still_open
    return regions


def _at(path: str, start: Position, end: Position, code: tuple[str, str], message: str) -> Diagnostic:
    return Diagnostic(path, start[0], start[1], end[0], end[1], code[0], code[1], Severity.WARNING, message)
