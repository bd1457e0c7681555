"""Regular expressions written by users (team rule packs), run under a time limit.

A pattern like ``^(a|aa)+$`` backtracks catastrophically: Python's ``re`` would
hang the scan, and nothing can interrupt it (the matcher never returns to Python,
so neither a signal handler nor a watchdog thread gets to run).  The ``regex``
package checks a deadline inside its matcher and raises ``TimeoutError``, which
costs nothing on well-behaved patterns and needs no extra process; its default
syntax is compatible with ``re``.  wblint validates and runs user patterns with
it; a pattern that runs out of time on a file is reported for that file (naming
the rule and its pack) and the scan goes on.

Every regular expression a rule's options hold (``regex`` and ``regex-list`` options:
template-text patterns, codename patterns, heading patterns, skip and ignore patterns, and
the pattern lists of ``faq-topics``) is compiled with ``user_patterns`` into a
``TimedPattern``, whose every search has the time limit.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

MATCH_TIMEOUT = 1.0  # seconds for all matches of one pattern over one text


class RegexTimeout(Exception):
    def __init__(self, pattern: str, seconds: float) -> None:
        self.pattern, self.seconds = pattern, seconds
        super().__init__(f"regular expression {pattern!r} ran for more than {seconds:g} s")


def syntax_error(pattern: str) -> str | None:
    """Why ``pattern`` is not a valid regular expression, or None.

    Checked with the standard ``re`` (already loaded, and what most kinds run patterns
    with); ``regex`` accepts what ``re`` does, and is imported only when a pattern runs.
    """
    try:
        re.compile(pattern)
    except (re.error, ValueError, TypeError, OverflowError, RecursionError) as exc:
        return str(exc)
    return None


@lru_cache(maxsize=256)
def compile_pattern(pattern: str, ignore_case: bool = False) -> Any:
    import regex

    try:
        return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)
    except regex.error:  # the rare re-only syntax: run it with re (no time limit)
        return re.compile(pattern, re.IGNORECASE if ignore_case else 0)


class TimedPattern:
    """A user's pattern with ``re.Pattern``'s search methods, each under ``MATCH_TIMEOUT``
    (RegexTimeout past it); ``finditer`` gives a list, found under one limit."""

    __slots__ = ("pattern", "flags", "_compiled", "_timed")

    def __init__(self, pattern: str, ignore_case: bool = False) -> None:
        self.pattern = pattern
        self.flags = re.IGNORECASE if ignore_case else 0
        self._compiled = compile_pattern(pattern, ignore_case)
        self._timed = not isinstance(self._compiled, re.Pattern)

    def _run(self, method: str, *args: Any) -> Any:
        if not self._timed:  # the rare re-only syntax
            return getattr(self._compiled, method)(*args)
        try:
            return getattr(self._compiled, method)(*args, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise RegexTimeout(self.pattern, MATCH_TIMEOUT) from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._run("search", text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._run("match", text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._run("fullmatch", text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        if not self._timed:
            return list(self._compiled.finditer(text, pos, len(text) if endpos is None else endpos))
        try:
            return list(self._compiled.finditer(text, pos, len(text) if endpos is None else endpos,
                                                timeout=MATCH_TIMEOUT))
        except TimeoutError:
            raise RegexTimeout(self.pattern, MATCH_TIMEOUT) from None

    def sub(self, replacement: Any, text: str) -> str:
        return self._run("sub", replacement, text)

    def __repr__(self) -> str:
        return f"TimedPattern({self.pattern!r})"


@lru_cache(maxsize=512)
def user_patterns(patterns: tuple[str, ...], ignore_case: bool = False) -> tuple[TimedPattern, ...]:
    """The rule option's patterns, compiled once per list."""
    return tuple(TimedPattern(p, ignore_case) for p in patterns)


def matching_texts(pattern: TimedPattern, texts: Any) -> list[int]:
    """Indexes of ``texts`` (a wblint.joined.JoinedTexts) where ``pattern`` may match: one timed
    search of the joined text when the pattern reads the joins as it reads a text's edges."""
    from .joined import joinable  # noqa: PLC0415

    try:
        audited = re.compile(pattern.pattern, pattern.flags)
    except (re.error, ValueError, TypeError, OverflowError, RecursionError):
        audited = None
    if audited is None or not joinable(audited):
        return list(range(len(texts.texts)))
    return texts.touched([(m.start(), max(m.end(), m.start() + 1)) for m in pattern.finditer(texts.text)])


def find_all(pattern: str, text: str, ignore_case: bool = False,
             timeout: float | None = None) -> list[tuple[int, int, str]]:
    """(start, end, matched text) of each non-empty match; RegexTimeout past the limit."""
    compiled = compile_pattern(pattern, ignore_case)
    limit = MATCH_TIMEOUT if timeout is None else timeout
    try:
        if isinstance(compiled, re.Pattern):
            return [(m.start(), m.end(), m.group(0)) for m in compiled.finditer(text) if m.end() > m.start()]
        return [(m.start(), m.end(), m.group(0)) for m in compiled.finditer(text, timeout=limit) if m.end() > m.start()]
    except TimeoutError:
        raise RegexTimeout(pattern, limit) from None


def may_match(pattern: str, texts: Any, ignore_case: bool = False) -> bool:
    """False only when ``pattern`` matches in none of ``texts`` (a wblint.joined.JoinedTexts):
    one timed search of the joined text instead of one per text, when the pattern reads the
    joins as it reads a text's edges.  Most drafts hold no match of a mark-like pattern."""
    from .joined import joinable  # noqa: PLC0415

    try:
        audited = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    except (re.error, ValueError, TypeError, OverflowError, RecursionError):
        return True
    if not joinable(audited):
        return True
    compiled = compile_pattern(pattern, ignore_case)
    try:
        if isinstance(compiled, re.Pattern):
            return compiled.search(texts.text) is not None
        return compiled.search(texts.text, timeout=MATCH_TIMEOUT) is not None
    except TimeoutError:
        return True  # searched text by text, where a timeout is reported for the file
