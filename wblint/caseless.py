"""Case-insensitive matching at case-sensitive speed.

Python's ``re`` with IGNORECASE compares both cases of every literal at every position,
and a leading look-behind keeps it from skipping ahead to possible first letters: a
word-list pattern runs two to three times slower than the same pattern without the
flag.  When a pattern's letters are all lowercase ASCII, running it without the flag
over the lowercased text finds the same spans.  Checked over every code point: the
only characters where "lowercase, then compare" and IGNORECASE disagree about an
ASCII letter are "İ", "ı" and "ſ" ("İ" also changes the text's length); texts holding
one keep the flag.
"""
from __future__ import annotations

import re
from functools import lru_cache

_GLOBAL_FLAGS = re.compile(r"\(\?([aimsux]+)\)")
_ESCAPES = re.compile(r"\\N\{[^}]*\}|\\.", re.DOTALL)  # \W, \S, \B ... are not letters to fold


@lru_cache(maxsize=1024)
def folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without IGNORECASE, for lowercased text; None when that would not be the same."""
    if not pattern.flags & re.IGNORECASE or "(?-" in pattern.pattern:
        return None
    if any(ch.isupper() or (ch.isalpha() and not ch.isascii()) for ch in _ESCAPES.sub("", pattern.pattern)):
        return None
    source = pattern.pattern
    flags = _GLOBAL_FLAGS.match(source)  # "(?i)lorem": the flag is in the text too
    if flags and "i" in flags.group(1):
        letters = flags.group(1).replace("i", "")
        source = (f"(?{letters})" if letters else "") + source[flags.end():]
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


_UNFOLDABLE = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ


def lowered(text: str) -> str | None:
    """``text`` in lowercase, or None when a folded pattern could read it differently."""
    if _UNFOLDABLE.search(text):
        return None
    return text.lower()


class Caseless:
    """A case-insensitive pattern and the lowercased text it runs on, found once per text."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.fast = folded(pattern)

    def spans(self, text: str, low: str | None) -> list[tuple[int, int]]:
        """(start, end) of each match in ``text``; ``low`` is ``lowered(text)``."""
        if self.fast is not None and low is not None:
            return [m.span() for m in self.fast.finditer(low)]
        return [m.span() for m in self.pattern.finditer(text)]

    def first(self, text: str, low: str | None) -> tuple[int, int] | None:
        """(start, end) of the first match in ``text``, or None; ``low`` is ``lowered(text)``."""
        if self.fast is not None and low is not None:
            match = self.fast.search(low)
        else:
            match = self.pattern.search(text)
        return match.span() if match else None

    def search(self, text: str, low: str | None) -> bool:
        if self.fast is not None and low is not None:
            return self.fast.search(low) is not None
        return self.pattern.search(text) is not None
