"""One regex search over all the blocks of a draft instead of one per block.

Rules that scan every block for a pattern (template text, wordy phrases, jargon) made
hundreds of ``finditer`` calls per draft, and most found nothing.  Searching the
blocks' texts joined by newlines finds every block that holds a match, provided the
pattern reads the newline between two blocks as it reads the edge of one block's
text.  That holds when the pattern's only anchors are word boundaries (or ``^``/``$``
under MULTILINE), its look-arounds cannot match a newline, and it never forbids
backtracking (atomic groups, possessive repeats).  Then a match inside a block is
still a match in the joined text, so every such block is covered by a joined match.
Any other pattern gets every block, so the result never misses one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .caseless import folded, lowered

SEPARATOR = "\n"


@lru_cache(maxsize=1024)
def joinable(pattern: re.Pattern[str]) -> bool:
    """Whether a match in one block's text is a match in the blocks' joined text."""
    try:
        from re import _constants as sre, _parser  # noqa: PLC0415 - the stdlib's own parser
        tree = _parser.parse(pattern.pattern, pattern.flags)
        return _Audit(sre, pattern.flags).main(tree)
    except Exception:  # noqa: BLE001 - another Python's parser: search block by block
        return False


class _Audit:
    def __init__(self, sre, flags: int) -> None:
        self.sre = sre
        self.multiline = bool(flags & re.MULTILINE)
        self.dotall = bool(flags & re.DOTALL)
        self.boundaries = {sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY, sre.AT_UNI_BOUNDARY,
                           sre.AT_UNI_NON_BOUNDARY, sre.AT_LOC_BOUNDARY, sre.AT_LOC_NON_BOUNDARY}
        self.no_newline = {sre.CATEGORY_WORD, sre.CATEGORY_DIGIT, sre.CATEGORY_NOT_SPACE,
                           sre.CATEGORY_UNI_WORD, sre.CATEGORY_UNI_DIGIT, sre.CATEGORY_UNI_NOT_SPACE,
                           sre.CATEGORY_LOC_WORD, sre.CATEGORY_NOT_LINEBREAK, sre.CATEGORY_UNI_NOT_LINEBREAK}

    def main(self, items) -> bool:
        """Outside look-arounds: any character may be read, but not every anchor."""
        sre = self.sre
        for op, av in items:
            if op in (sre.ATOMIC_GROUP, sre.POSSESSIVE_REPEAT):
                return False
            if op is sre.AT and av not in self.boundaries:
                if not (self.multiline and av in (sre.AT_BEGINNING, sre.AT_END)):
                    return False
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                if not self.look(av[1]):
                    return False
            elif op is sre.SUBPATTERN:
                if av[1] or av[2]:  # inline flags change what the audit assumed
                    return False
                if not self.main(av[3]):
                    return False
            elif op is sre.BRANCH:
                if not all(self.main(branch) for branch in av[1]):
                    return False
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                if not self.main(av[2]):
                    return False
            elif op is sre.GROUPREF_EXISTS:
                if not all(self.main(branch) for branch in av[1:] if branch is not None):
                    return False
        return True

    def look(self, items) -> bool:
        """Inside a look-around: nothing may match a newline, so none reaches past a block."""
        sre = self.sre
        for op, av in items:
            if op is sre.LITERAL:
                if av == 10:
                    return False
            elif op is sre.IN:
                if not all(self._class_item(kind, value) for kind, value in av):
                    return False
            elif op is sre.ANY:
                if self.dotall:
                    return False
            elif op is sre.AT:
                if av not in self.boundaries:
                    return False
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                if not self.look(av[1]):
                    return False
            elif op is sre.SUBPATTERN:
                if av[1] or av[2] or not self.look(av[3]):
                    return False
            elif op is sre.BRANCH:
                if not all(self.look(branch) for branch in av[1]):
                    return False
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                if not self.look(av[2]):
                    return False
            else:  # NOT_LITERAL, GROUPREF, atomic groups ...: could read a newline
                return False
        return True

    def _class_item(self, kind, value) -> bool:
        sre = self.sre
        if kind is sre.LITERAL:
            return value != 10
        if kind is sre.RANGE:
            return not value[0] <= 10 <= value[1]
        if kind is sre.CATEGORY:
            return value in self.no_newline
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

    def matching(self, pattern: re.Pattern[str]) -> list[int]:
        """Indexes of the texts where ``pattern`` may match (a superset of those where it
        does), in order; from one search over the joined texts when the pattern allows it."""
        if not self.texts:
            return []
        if not joinable(pattern):
            return list(range(len(self.texts)))
        fast = folded(pattern)
        low = self.lowered() if fast is not None else None
        scanner, target = (fast, low) if fast is not None and low is not None else (pattern, self.text)
        quick = _without_leading_boundary(scanner)
        if quick is not None and quick.search(target) is None:
            return []  # the usual answer, found at the regex engine's fast-scan speed
        found: list[int] = []
        starts = self.starts
        for match in scanner.finditer(target):
            start, end = match.start(), max(match.end(), match.start() + 1)
            index = max(0, bisect_right(starts, start) - 1)
            if found and index <= found[-1]:
                index = found[-1] + 1
            while index < len(starts) and starts[index] < end:
                found.append(index)
                index += 1
        return found


def blocks_with_matches(pattern: re.Pattern[str], texts: list[str]) -> list[int]:
    """``JoinedTexts(texts).matching(pattern)``, for one pattern."""
    return JoinedTexts(texts).matching(pattern)


_LEADING_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


@lru_cache(maxsize=1024)
def _without_leading_boundary(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without a leading ``\\b``: it matches wherever ``pattern`` does, and the regex
    engine can skip ahead to its first characters, which it cannot behind an assertion."""
    source = pattern.pattern
    flags = _LEADING_FLAGS.match(source)
    head = flags.group(0) if flags else ""
    rest = source[len(head):]
    if not rest.startswith("\\b") or rest[2:3] in ("*", "+", "?", "{"):
        return None
    try:
        return re.compile(head + rest[2:], pattern.flags)
    except re.error:
        return None
