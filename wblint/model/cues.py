"""Cue phrases and names, matched as whole words (every content word inflected).

Shared by the parts and the anatomy: how "creates an account" matches the cue "create
account", and where a draft names its product or company.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .._words import FUNCTION_WORDS


def _inflected(word: str) -> str:
    """A regex for a word and its regular inflections (plural or 3rd person, -ed, -ing)."""
    if not word.isalpha() or len(word) < 3 or word.lower() in FUNCTION_WORDS:
        return re.escape(word)
    if word.endswith("e"):
        return re.escape(word[:-1]) + r"(?:e|es|ed|ing)"
    if word.endswith("y") and len(word) > 3:
        return re.escape(word[:-1]) + r"(?:y|ies|ied|ying)"
    return re.escape(word) + r"(?:s|es|ed|ing)?"


@lru_cache(maxsize=256)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole-word matches of the cue phrases, every content word inflected ("creates an account").

    The phrases are tried longest first.  Phrases that open with the same character share
    one branch (``c(?:reate…|ost…)``), so at each word the regex tries one character per
    branch instead of every phrase: a third to half the time for a long list.  Phrases that
    open with different ASCII characters never match at the same place, so the grouping
    finds what the flat list finds; with a non-ASCII first character (IGNORECASE folds
    some of those onto others: ſ and s) the list stays flat.
    """
    phrases = sorted({c.strip().lower() for c in cues if c.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    regexes = [r"\s+".join(_inflected(w) for w in re.split(r"\s+", phrase)) for phrase in phrases]
    if all(phrase[0].isascii() for phrase in phrases):
        groups: dict[str, list[str]] = {}
        for phrase, regex in zip(phrases, regexes):
            first = re.escape(phrase[0])
            groups.setdefault(first, []).append(regex[len(first):])  # every regex opens with its escaped first character
        alternation = "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())
    else:
        alternation = "|".join(regexes)
    return re.compile(r"(?<![\w\-])(?:" + alternation + r")(?![\w\-])", re.IGNORECASE)


_NOT_AFTER_NAME = re.compile(r"[\w\-]")  # a name is a whole word: no letter or hyphen either side
# What follows the product as a sentence's subject: "Tidy turns", "Tidy's app sends", "Tidy also finds".
_SUBJECT_VERB = re.compile(r"(?:['\u2019]s\s+\w+)?\s+(?:\w+ly\s+|also\s+|then\s+|now\s+)?"
                           r"(?!is\b|was\b|has\b|does\b)[a-z]+s\b")


class NameFinder:
    """Where a draft names its product or company: exact case, whole words, a name may wrap lines.

    Names differ from draft to draft, and compiling a regex of them for each draft cost
    more than finding them; this finds what that regex would (the names tried in the
    order given, longest first), with plain string search.
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = [name.split() for name in names if name.split()]
        self.firsts = sorted({words[0] for words in self.names})

    def _end(self, text: str, start: int, words: list[str]) -> int:
        """Where ``words`` (white space between them) end when they start at ``start``, or -1."""
        at = start
        for i, word in enumerate(words):
            if i:
                gap = at
                while gap < len(text) and text[gap].isspace():
                    gap += 1
                if gap == at:
                    return -1
                at = gap
            if not text.startswith(word, at):
                return -1
            at += len(word)
        return at

    def _starts(self, text: str) -> list[int]:
        found = set()
        for first in self.firsts:
            at = text.find(first)
            while at >= 0:
                if at == 0 or not _NOT_AFTER_NAME.match(text, at - 1):
                    found.add(at)
                at = text.find(first, at + 1)
        return sorted(found)

    def spans(self, text: str, after: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
        """(start, end) of each match, left to right, not overlapping; with ``after``, a name
        counts only where ``after`` matches right behind it, and the match takes that in."""
        spans, resume = [], 0
        for start in self._starts(text):
            if start < resume:
                continue
            for words in self.names:
                end = self._end(text, start, words)
                if end < 0:
                    continue
                if after is None:
                    if _NOT_AFTER_NAME.match(text, end):
                        continue
                else:
                    tail = after.match(text, end)
                    if tail is None:
                        continue
                    end = tail.end()
                spans.append((start, end))
                resume = end
                break
        return spans

    def named(self, text: str) -> bool:
        return bool(self.spans(text))

    def subjects(self, text: str) -> list[str]:
        """The product as a sentence's subject, with its verb ("Tidy turns")."""
        return [text[start:end] for start, end in self.spans(text, _SUBJECT_VERB)]


@lru_cache(maxsize=4096)
def _which_cue(cues: tuple[str, ...], matched: str) -> str:
    """The listed cue a match of the combined cue pattern came from (the match itself if none)."""
    return next((cue for cue in cues if cue.strip() and cue_pattern((cue,)).fullmatch(matched)), matched)

