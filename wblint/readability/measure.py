"""What a readability formula counts in one sentence, counted as textstat 0.7.8 counts it.

Words are textstat's (``wblint.syllables.words``).  Syllables come from
``wblint.syllables``, which gives textstat's count without building its dictionary (a
test holds the two equal on every word of the CMU dictionary).  The rest is asked of
textstat's public functions: letters and characters (``letter_count``, ``char_count``),
and whether a word is off the Dale-Chall list of easy words (``is_difficult_word``).
That last one builds textstat's whole CMU dictionary on first use, about a second: only
the formulas that need it (Gunning fog, Dale-Chall, the consensus) ask for it, and
``prepare`` pays it before a process pool forks.  Each count is asked for only when the
formula needs it: a formula names what it reads with the constants below.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .. import syllables as counting

SYLLABLES = "syllables"  # syllables and words of three or more (Flesch, SMOG)
LETTERS = "letters"  # Coleman-Liau
CHARACTERS = "characters"  # characters and white-space pieces, punctuation included (ARI)
DIFFICULT = "difficult"  # words off the easy-word list (Gunning fog, Dale-Chall): textstat's dictionary
LINSEAR = "linsear"  # each piece's syllables, for Linsear Write's first hundred words (the consensus)

_CACHE_MAX = 1 << 17  # words remembered per count: words repeat, each is counted once


@dataclass(frozen=True, slots=True)
class Measure:
    """One sentence's counts (those the formula did not ask for stay 0)."""

    words: int
    syllables: int = 0
    polysyllables: int = 0  # words of three syllables or more
    letters: int = 0  # letters and digits (textstat's letter_count)
    characters: int = 0  # characters but white space, punctuation included (char_count)
    pieces: int = 0  # white-space separated pieces, punctuation alone included
    hard: int = 0  # Gunning fog's: off the easy-word list, three syllables or more
    unfamiliar: int = 0  # Dale-Chall's: off the easy-word list
    piece_syllables: tuple[int | None, ...] = ()  # per piece, its word's syllables (None: no word)

    @property
    def counted(self) -> int:
        """1 when textstat would count this as a sentence: it leaves out pieces of two words or fewer."""
        return 1 if self.words > 2 else 0


def measure(text: str, needs: Iterable[str]) -> Measure:
    """The counts of ``text`` (one sentence) that ``needs`` names."""
    needs = frozenset(needs)
    found = counting.words(text)
    fields: dict = {"words": len(found)}
    lowered = " ".join(found).lower().split(" ") if found else []
    if SYLLABLES in needs or LINSEAR in needs:
        per_word = syllables_of(lowered)
        fields["syllables"] = sum(per_word)
        fields["polysyllables"] = sum(1 for n in per_word if n >= 3)
    if LETTERS in needs or CHARACTERS in needs:
        textstat = _textstat()
        fields["letters"] = textstat.letter_count(text)
        fields["characters"] = textstat.char_count(text)
        fields["pieces"] = textstat.lexicon_count(text, removepunct=False)
    if DIFFICULT in needs:
        flags = [_difficulty(word) for word in lowered]
        fields["hard"] = sum(1 for hard, _ in flags if hard)
        fields["unfamiliar"] = sum(1 for _, unfamiliar in flags if unfamiliar)
    if LINSEAR in needs:
        fields["piece_syllables"] = tuple(_piece_syllables(piece) for piece in text.split())
    return Measure(**fields)


def prepare(needs: Iterable[str]) -> None:
    """Build now what counting ``needs`` builds on first use (the dictionaries), so that forked
    workers share it instead of each building its own."""
    needs = frozenset(needs)
    if SYLLABLES in needs or LINSEAR in needs:
        syllables_of(["readability"])
    if DIFFICULT in needs:
        _difficulty("readability")


# -- per word, remembered -------------------------------------------------------------------

_SYLLABLES: dict[str, int] = {}
_DIFFICULTY: dict[str, tuple[bool, bool]] = {}


def syllables(word: str) -> int:
    """Syllables of a lowercased word, as textstat's ``syllable_count`` gives them."""
    found = _SYLLABLES.get(word)
    if found is None:
        if len(_SYLLABLES) >= _CACHE_MAX:
            _SYLLABLES.clear()
        found = _SYLLABLES[word] = counting.count(word)
    return found


def syllables_of(lowered: list[str]) -> list[int]:
    """Syllables of each lowercased word: the dictionary's own look-up for every word counted
    before (most of them, after the first drafts)."""
    try:
        return list(map(_SYLLABLES.__getitem__, lowered))
    except KeyError:
        return list(map(syllables, lowered))


def _difficulty(word: str) -> tuple[bool, bool]:
    """(Gunning fog's complex word, Dale-Chall's difficult word) for a lowercased word."""
    found = _DIFFICULTY.get(word)
    if found is None:
        textstat = _textstat()
        if len(_DIFFICULTY) >= _CACHE_MAX:
            _DIFFICULTY.clear()
        # textstat's thresholds: 3 syllables for the fog index (its English setting), none for Dale-Chall
        found = _DIFFICULTY[word] = (textstat.is_difficult_word(word, syllable_threshold=3),
                                     textstat.is_difficult_word(word, syllable_threshold=0))
    return found


def _piece_syllables(piece: str) -> int | None:
    found = counting.words(piece)
    return syllables(found[0].lower()) if found else None


def _textstat():
    import textstat  # noqa: PLC0415 - only formulas beyond the default grade need it

    return textstat
