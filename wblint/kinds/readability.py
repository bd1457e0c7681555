"""readability: the Flesch-Kincaid grade of the prose in scope stays under ``max_grade``.

    grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59

Sentences come from spaCy (so "Dr." and "U.S." do not end one); words are runs of
letters (numbers, code and URLs are left out); syllables are counted as textstat
0.7.8 counts them (``wblint.syllables``): from the CMU pronouncing dictionary, with
hyphenation rules for unknown words -- both ship with their packages, nothing is
downloaded.  Prose
shorter than ``min_words`` is not judged (the grade of a few words is noise).

One finding per document, on the hardest sentence, giving the grade and the
``show`` hardest sentences (by their own grade) to simplify first.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import Context, Finding, Kind, Option, shown_above
from ._language import include_quotes_option

LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


_COUNTED: dict[str, int] = {}  # lowercased word -> syllables: words repeat, each is counted once
_COUNTED_MAX = 1 << 17


def syllables(word: str) -> int:
    """Syllables of a lowercased word (at least one)."""
    found = _COUNTED.get(word)
    if found is None:
        from .. import syllables as counting  # noqa: PLC0415 - its dictionary loads when a readability rule runs

        if len(_COUNTED) >= _COUNTED_MAX:
            _COUNTED.clear()
        found = _COUNTED[word] = max(1, counting.count(word))
    return found


def syllables_of(words: list[str]) -> int:
    """Syllables of ``words``: one lowercasing for them all, and the dictionary's own look-up
    for every word counted before (most of them, after the first drafts)."""
    lowered = " ".join(words).lower().split(" ")
    try:
        return sum(map(_COUNTED.__getitem__, lowered))
    except KeyError:
        return sum(map(syllables, lowered))


def _words(prose, start: int, end: int) -> list[str]:
    """The words of prose ``text[start:end]``, outside code."""
    if not prose.opaque:
        return LETTERS.findall(prose.text, start, end)
    return [m.group(0) for m in LETTERS.finditer(prose.text, start, end) if not prose.is_opaque(m.start(), m.end())]


def grade(words: int, sentences: int, syllable_count: int) -> float:
    if not words or not sentences:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllable_count / words - 15.59


def check(ctx: Context) -> Iterator[Finding]:
    total_words = total_sentences = total_syllables = 0
    scored = []
    for sentence in ctx.sentences():
        prose = sentence.block.prose
        start, end = sentence.span.start_char, sentence.span.end_char
        if not ctx.options["include_quotes"] and ctx.in_quote(sentence.block, start, end):
            continue
        found = _words(prose, start, end)
        if not found:
            continue
        count = syllables_of(found)
        total_words += len(found)
        total_sentences += 1
        total_syllables += count
        scored.append((grade(len(found), 1, count), sentence))
    if total_words < ctx.options["min_words"]:
        return
    overall = grade(total_words, total_sentences, total_syllables)
    if overall <= ctx.options["max_grade"]:
        return
    hardest = sorted(scored, key=lambda pair: -pair[0])[: max(1, ctx.options["show"])]
    listing = ", ".join(
        f"line {ctx.document.source.position(s.source_span()[0])[0]} (grade {g:.0f})" for g, s in hardest)
    worst = hardest[0][1]
    text = worst.text
    lead = len(text) - len(text.lstrip())
    yield ctx.report_in(worst.block, worst.span.start_char + lead, worst.span.start_char + len(text.rstrip()),
                        grade=shown_above(overall, ctx.options["max_grade"]), hardest=listing, words=total_words, sentences=total_sentences)


KIND = Kind(
    name="readability",
    summary="The Flesch-Kincaid grade of the prose stays under a limit; the hardest sentences are named.",
    check=check,
    fields=("grade", "hardest", "sentences", "words"),
    options={
        "max_grade": Option("float", 12.0, "highest Flesch-Kincaid grade allowed", min=0),
        "min_words": Option("int", 30, "prose shorter than this is not judged", min=0),
        "show": Option("int", 3, "how many of the hardest sentences the finding names", min=0),
        "include_quotes": include_quotes_option(True),
    },
    needs=frozenset({"sentences"}),
)
