"""textstat 0.7.8's readability formulas over a draft's sentence counts.

Each figure is computed from the counts the way textstat computes it from a text, in the
same order of operations (so the same floating-point value, and the consensus rounds the
same way); only the sentence count comes from spaCy's sentences (``Measure.counted``).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from .measure import CHARACTERS, DIFFICULT, LETTERS, LINSEAR, SYLLABLES, Measure

DEFAULT = "flesch-kincaid"


@dataclass(frozen=True, slots=True)
class Totals:
    """A run of sentences' counts added up; ``sentences`` as textstat's ``sentence_count``."""

    sentences: int
    words: int
    syllables: int
    polysyllables: int
    letters: int
    characters: int
    pieces: int
    hard: int
    unfamiliar: int

    @classmethod
    def of(cls, measures: Sequence[Measure]) -> "Totals":
        counted = sum(m.counted for m in measures)
        anything = any(m.pieces or m.words for m in measures)
        return cls(
            sentences=max(1, counted) if anything else 0,
            words=sum(m.words for m in measures), syllables=sum(m.syllables for m in measures),
            polysyllables=sum(m.polysyllables for m in measures), letters=sum(m.letters for m in measures),
            characters=sum(m.characters for m in measures), pieces=sum(m.pieces for m in measures),
            hard=sum(m.hard for m in measures), unfamiliar=sum(m.unfamiliar for m in measures))

    def per(self, count: int, of: int) -> float:
        return count / of if of else 0.0

    @property
    def words_per_sentence(self) -> float:
        return self.per(self.words, self.sentences)


def flesch_kincaid(t: Totals) -> float:
    length, syllables = t.words_per_sentence, t.per(t.syllables, t.words)
    if length == 0 or syllables == 0:
        return 0.0
    return (0.39 * length) + (11.8 * syllables) - 15.59


def flesch_reading_ease(t: Totals) -> float:
    length, syllables = t.words_per_sentence, t.per(t.syllables, t.words)
    if length == 0 or syllables == 0:
        return 0.0
    return 206.835 - 1.015 * length - 84.6 * syllables


def gunning_fog(t: Totals) -> float:
    if not t.words:
        return 0.0
    return 0.4 * (t.words_per_sentence + 100 * t.hard / t.words)


def smog(t: Totals) -> float:
    if not t.sentences:
        return 0.0
    return (1.043 * (30 * (t.polysyllables / t.sentences)) ** 0.5) + 3.1291


def coleman_liau(t: Totals) -> float:
    letters, sentences = t.per(t.letters, t.words) * 100, t.per(t.sentences, t.words) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def automated_readability(t: Totals) -> float:
    characters, length = t.per(t.characters, t.pieces), t.words_per_sentence
    if characters == 0 or length == 0:
        return 0.0
    return (4.71 * characters) + (0.5 * length) - 21.43


def dale_chall(t: Totals) -> float:
    if not t.words:
        return 0.0
    unfamiliar = 100 * t.unfamiliar / t.words
    score = (0.1579 * unfamiliar) + (0.0496 * t.words_per_sentence)
    return score + 3.6365 if unfamiliar > 5 else score


def linsear_write(measures: Sequence[Measure]) -> float:
    """Linsear Write on the first hundred words, as textstat's consensus takes it: easy words
    (one or two syllables) count 1, the others 3, over the sentences those words reach."""
    if sum(m.pieces for m in measures) > 100:
        easy = difficult = sentences = taken = 0
        for m in measures:
            in_sentence = 0
            for count in m.piece_syllables:
                if count is None:
                    continue
                in_sentence += 1
                taken += 1
                difficult += count >= 3
                easy += 0 < count < 3
                if taken == 100:
                    break
            sentences += in_sentence > 2
            if taken == 100:
                break
        sentences = max(1, sentences)
    else:
        counts = [c for m in measures for c in m.piece_syllables if c is not None]
        easy, difficult = sum(1 for c in counts if 0 < c < 3), sum(1 for c in counts if c >= 3)
        sentences = Totals.of(measures).sentences
    if not sentences:
        return 0.0
    number = float((easy * 1 + difficult * 3) / sentences)
    if number <= 20:
        number -= 2
    return number / 2


def _ease_grade(ease: float) -> list[int]:
    """textstat's grade for a reading ease (13 for anything outside 30-100)."""
    for floor, grades in ((90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11]), (30, [12])):
        if floor <= ease < floor + 10:
            return grades
    return [13]


def consensus(measures: Sequence[Measure]) -> float:
    """textstat's ``text_standard``: the grade most of its formulas land on (floor, ceiling and
    nearest of each; reading ease by its band), the first one listed on a tie."""
    t = Totals.of(measures)

    def near(score: float) -> list[int]:
        return [math.floor(score), math.ceil(score), round(score)]

    grades = [*near(flesch_kincaid(t)), *_ease_grade(flesch_reading_ease(t)), *near(smog(t)),
              *near(coleman_liau(t)), *near(automated_readability(t)), *near(dale_chall(t)),
              *near(linsear_write(measures)), *near(gunning_fog(t))]
    return float(Counter(grades).most_common(1)[0][0])


@dataclass(frozen=True)
class Formula:
    name: str  # the value of the `formula` option
    label: str  # names the figure in the message
    unit: str  # names a sentence's figure ("line 4 (grade 15)")
    figure: Callable[[Sequence[Measure]], float]
    needs: frozenset[str]  # what it counts (wblint.readability.measure)
    limit: str  # the option that holds its limit
    higher_is_harder: bool = True
    textstat: str = ""  # textstat's function for the same figure

    def of(self, measures: Sequence[Measure]) -> float:
        return self.figure(measures)

    def too_hard(self, figure: float, limit: float) -> bool:
        return figure > limit if self.higher_is_harder else figure < limit

    def hardness(self, figure: float) -> float:
        """Sorts sentences hardest first, whichever way the figure runs."""
        return figure if self.higher_is_harder else -figure


def _on_totals(formula: Callable[[Totals], float]) -> Callable[[Sequence[Measure]], float]:
    def figure(measures: Sequence[Measure]) -> float:
        return formula(Totals.of(measures))

    figure.__name__ = formula.__name__
    return figure


_ALL = frozenset({SYLLABLES, LETTERS, CHARACTERS, DIFFICULT, LINSEAR})
FORMULAS: dict[str, Formula] = {f.name: f for f in (
    Formula("flesch-kincaid", "Flesch-Kincaid grade", "grade", _on_totals(flesch_kincaid), frozenset({SYLLABLES}),
            "max_grade", textstat="flesch_kincaid_grade"),
    Formula("flesch-reading-ease", "Flesch reading ease", "ease", _on_totals(flesch_reading_ease),
            frozenset({SYLLABLES}), "min_ease", higher_is_harder=False, textstat="flesch_reading_ease"),
    Formula("gunning-fog", "Gunning fog index", "grade", _on_totals(gunning_fog), frozenset({DIFFICULT}),
            "max_grade", textstat="gunning_fog"),
    Formula("smog", "SMOG grade", "grade", _on_totals(smog), frozenset({SYLLABLES}), "max_grade",
            textstat="smog_index"),
    Formula("coleman-liau", "Coleman-Liau index", "grade", _on_totals(coleman_liau), frozenset({LETTERS}),
            "max_grade", textstat="coleman_liau_index"),
    Formula("ari", "automated readability index", "grade", _on_totals(automated_readability),
            frozenset({CHARACTERS}), "max_grade", textstat="automated_readability_index"),
    Formula("dale-chall", "Dale-Chall score", "score", _on_totals(dale_chall), frozenset({DIFFICULT}),
            "max_dale_chall", textstat="dale_chall_readability_score"),
    Formula("consensus", "consensus grade", "grade", consensus, _ALL, "max_grade", textstat="text_standard"),
)}
