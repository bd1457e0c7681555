"""One regex search over all the blocks of a draft instead of one per block or sentence.

Rules that scan every block for a pattern (template text, wordy phrases, jargon), and
the parse prefilter that tests every sentence piece for each rule, made hundreds of
searches per draft, and most found nothing.  Searching the blocks' texts joined by
newlines finds every block, and every piece of a block, that holds a match, provided
the pattern reads the white space around a piece as it reads the edge of a text.
That holds when the pattern's only anchors are word boundaries, its look-arounds
cannot match white space, and it never forbids backtracking (atomic groups,
possessive repeats).  Then a match inside a piece is still a match in the joined
text, so the piece is covered by a joined match.  Any other pattern gets every
block and piece, so the result never misses one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .caseless import folded, lowered

SEPARATOR = "\n"
_SPACES = [code for code in range(0x3001) if chr(code).isspace()]  # none above U+3000


@lru_cache(maxsize=1024)
def joinable(pattern: re.Pattern[str]) -> bool:
    """Whether a match in one text, or in a piece of it bounded by white space, is a match
    in the texts joined by newlines."""
    try:
        from re import _constants as sre, _parser  # noqa: PLC0415 - the stdlib's own parser
        tree = _parser.parse(pattern.pattern, pattern.flags)
        return _Audit(sre).main(tree)
    except Exception:  # noqa: BLE001 - another Python's parser: search block by block
        return False


class _Audit:
    def __init__(self, sre) -> None:
        self.sre = sre
        self.boundaries = {sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY, sre.AT_UNI_BOUNDARY,
                           sre.AT_UNI_NON_BOUNDARY, sre.AT_LOC_BOUNDARY, sre.AT_LOC_NON_BOUNDARY}
        self.no_space = {sre.CATEGORY_WORD, sre.CATEGORY_DIGIT, sre.CATEGORY_NOT_SPACE, sre.CATEGORY_UNI_WORD,
                         sre.CATEGORY_UNI_DIGIT, sre.CATEGORY_UNI_NOT_SPACE, sre.CATEGORY_LOC_WORD}

    def main(self, items) -> bool:
        """Outside look-arounds: any character may be read, but not every anchor."""
        sre = self.sre
        for op, av in items:
            if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.ATOMIC_GROUP, sre.POSSESSIVE_REPEAT):
                if not self.look([(op, av)]):
                    return False
                continue
            inside = self._inside(op, av)
            if op is sre.SUBPATTERN and inside is None:
                return False
            if inside is not None and not all(self.main(part) for part in inside):
                return False
        return True

    def look(self, items) -> bool:
        """What a look-around holds (and any anchor or atomic group outside one): nothing may
        match white space, so none reaches past a piece; an anchor must be a word boundary
        (^ $ \\A \\Z: a piece's edge is not a line's); nothing may forbid backtracking."""
        sre = self.sre
        for op, av in items:
            if op is sre.LITERAL:
                if chr(av).isspace():
                    return False
            elif op is sre.IN:
                if not all(self._class_item(kind, value) for kind, value in av):
                    return False
            elif op is sre.AT:
                if av not in self.boundaries:
                    return False
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                if not self.look(av[1]):
                    return False
            elif op is sre.GROUPREF_EXISTS:
                return False
            else:  # ANY, NOT_LITERAL, GROUPREF, atomic groups ...: could read white space
                inside = self._inside(op, av)
                if inside is None or not all(self.look(part) for part in inside):
                    return False
        return True

    def _inside(self, op, av) -> list | None:
        """The item lists a group, branch or repeat holds; None for anything else, and for a
        group with inline flags (they change what the audit assumed)."""
        sre = self.sre
        if op is sre.SUBPATTERN:
            return None if av[1] or av[2] else [av[3]]
        if op is sre.BRANCH:
            return av[1]
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            return [av[2]]
        if op is sre.GROUPREF_EXISTS:
            return [branch for branch in av[1:] if branch is not None]
        return None

    def _class_item(self, kind, value) -> bool:
        sre = self.sre
        if kind is sre.LITERAL:
            return not chr(value).isspace()
        if kind is sre.RANGE:
            return not any(value[0] <= code <= value[1] for code in _SPACES)
        if kind is sre.CATEGORY:
            return value in self.no_space
        return False  # NEGATE and anything else


class JoinedTexts:
    """Texts (a draft's blocks) joined once, to be searched by several patterns."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.text = SEPARATOR.join(texts)
        self.starts, at = [], 0
        for text in texts:
            self.starts.append(at)
            at += len(text) + len(SEPARATOR)
        self._lowered: str | None | bool = False  # not yet worked out

    def lowered(self) -> str | None:
        if self._lowered is False:
            self._lowered = lowered(self.text)
        return self._lowered

    def spans(self, pattern: re.Pattern[str]) -> list[tuple[int, int]] | None:
        """(start, end) in ``text`` of the joined search's matches, or None when ``pattern``
        must be searched text by text.  An empty match spans its one position."""
        if not joinable(pattern):
            return None
        fast = folded(pattern)
        low = self.lowered() if fast is not None else None
        scanner, target = (fast, low) if fast is not None and low is not None else (pattern, self.text)
        start, quick = 0, _quick(scanner)
        if quick is not None:
            first = quick.search(target)  # at the regex engine's fast-scan speed
            if first is None:
                return []  # the usual answer for a list of rare phrases
            start = first.start()  # no match of the pattern starts before this
        return [(m.start(), max(m.end(), m.start() + 1)) for m in scanner.finditer(target, start)]

    def matching(self, pattern: re.Pattern[str]) -> list[int]:
        """Indexes of the texts where ``pattern`` may match (a superset of those where it
        does), in order."""
        found = self.spans(pattern)
        return list(range(len(self.texts))) if found is None else self.touched(found)

    def touched(self, spans: list[tuple[int, int]]) -> list[int]:
        """Indexes of the texts that joined-search ``spans`` touch (``may_match``), in order."""
        found: list[int] = []
        starts = self.starts
        for start, end in spans:
            index = max(0, bisect_right(starts, start) - 1)  # the text it starts in, or the one before its gap
            if found and index <= found[-1]:
                index = found[-1] + 1
            while index < len(starts) and starts[index] < end:
                found.append(index)
                index += 1
        return found

    def may_match(self, spans: list[tuple[int, int]] | None, index: int, start: int = 0, end: int | None = None) -> bool:
        """Whether text ``index`` (its ``[start, end)``: a piece of it bounded by white space)
        may hold a match, given the joined search's ``spans`` (None: it may)."""
        if spans is None:
            return True
        at = self.starts[index]
        return covered(spans, at + start, at + (len(self.texts[index]) if end is None else end))


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of the sorted, disjoint ``spans`` touches ``[start, end]`` (ends included: a
    match may end a text or start right after it, in the newline or white space that follows)."""
    index = bisect_right(spans, (end, float("inf"))) - 1
    return index >= 0 and spans[index][1] > start


_LEADING = re.compile(r"(?:\(\?[aiLmsu]+\))?(?:\(\?:)*")  # inline flags, then groups opening
_FEW_FIRST_CHARACTERS = 8  # past this, dropping a look-behind costs more than it saves


@lru_cache(maxsize=1024)
def _quick(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without its leading ``\\b`` or look-behind, or None.

    It matches wherever ``pattern`` does (an assertion less), so its first match is where
    a search for ``pattern`` can start, and where it finds nothing ``pattern`` finds
    nothing either.  The regex engine can skip ahead to its first characters, which it
    cannot behind an assertion.  A look-behind is only dropped before a few literal first
    characters: "(?<![\\w-])(?:the|...)" tries one letter in a word, the alternation alone
    every letter, and a list of phrases starting with most of the alphabet scans slower.
    """
    source = pattern.pattern
    if pattern.flags & re.VERBOSE:
        return None
    head = _LEADING.match(source).group(0)
    rest = source[len(head):]
    behind = rest.startswith(("(?<!", "(?<="))
    if rest.startswith("\\b"):
        after = 2
    elif behind and not pattern.flags & re.IGNORECASE:  # (a case-blind class has no fast scan)
        after = _group_end(rest)
    else:
        return None
    if after is None or rest[after:after + 1] in ("", "*", "+", "?", "{", "|", ")"):
        return None
    try:
        quick = re.compile(head + rest[after:], pattern.flags)
    except re.error:
        return None
    if behind:
        first = _first_characters(quick)
        if first is None or len(first) > _FEW_FIRST_CHARACTERS:
            return None
    return quick


def _group_end(source: str) -> int | None:
    """The index after the group that opens ``source`` (escapes and classes skipped)."""
    depth, at = 0, 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at += 1
            at += source[at:at + 1] == "^"
            at += source[at:at + 1] == "]"  # a "]" first in a class is a member
            while at < len(source) and source[at] != "]":
                at += 2 if source[at] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    return None


def _first_characters(pattern: re.Pattern[str]) -> set[int] | None:
    """The characters a match of ``pattern`` can start with, when they are literals (None:
    anything else, such as a category like \\w, an assertion or an optional first item)."""
    try:
        from re import _constants as sre, _parser  # noqa: PLC0415 - as in joinable()

        return _first_of(_parser.parse(pattern.pattern, pattern.flags), sre)
    except Exception:  # noqa: BLE001
        return None


def _first_of(items, sre) -> set[int] | None:
    if not len(items):
        return None
    op, av = items[0]
    if op is sre.LITERAL:
        return {av}
    if op is sre.IN:
        found: set[int] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                found.add(value)
            elif kind is sre.RANGE:
                found.update(range(value[0], value[1] + 1))
            else:
                return None
        return found
    if op is sre.BRANCH:
        found = set()
        for branch in av[1]:
            first = _first_of(branch, sre)
            if first is None:
                return None
            found |= first
        return found
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return _first_of(av[3], sre)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
        return _first_of(av[2], sre)
    return None
