"""readability: a readability formula's figure for the prose in scope stays within its limit.

``formula`` picks one of textstat 0.7.8's (``wblint.readability.formulas``): the
Flesch-Kincaid grade by default, Flesch reading ease (higher is easier, so its limit is
``min_ease``), Gunning fog, SMOG, Coleman-Liau, ARI, Dale-Chall (``max_dale_chall``) or
the consensus grade; the grades share ``max_grade``.  Sentences come from spaCy, so
"Dr." and "U.S." end none; words, syllables and the rest are counted as textstat counts
them, with code and URLs left out.  Prose shorter than ``min_words`` is not judged.

One finding per document, on the hardest sentence, giving the figure and the ``show``
hardest sentences (by their own figure) to simplify first.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import Context, Finding, Kind, Option, shown_above
from ._language import include_quotes_option
from ..readability.formulas import DEFAULT, FORMULAS
from ..readability.measure import measure, prepare


# A web address or e-mail address the Markdown parser left as text ("visit acme.example/start"):
# textstat would read it as one word of a dozen syllables.
ADDRESS = re.compile(r"\S*(?:://|\bwww\.|[\w-]\.[a-z]{2,}/|[\w.+-]@[\w-]+\.)\S*", re.IGNORECASE)


def measured_text(prose, start: int, end: int) -> str:
    """Prose ``text[start:end]`` with code and addresses blanked out (they are no words to read)."""
    text = prose.text[start:end]
    if prose.opaque:
        chars = list(text)
        for low, high in prose.opaque:
            for index in range(max(low, start), min(high, end)):
                chars[index - start] = " "
        text = "".join(chars)
    if "/" in text or "@" in text or "www." in text.lower():
        text = ADDRESS.sub(lambda m: " " * len(m.group(0)), text)
    return text


def check(ctx: Context) -> Iterator[Finding]:
    formula = FORMULAS[ctx.options["formula"]]
    measures, scored = [], []
    for sentence in ctx.sentences():
        prose = sentence.block.prose
        start, end = sentence.span.start_char, sentence.span.end_char
        if not ctx.options["include_quotes"] and ctx.in_quote(sentence.block, start, end):
            continue
        counts = measure(measured_text(prose, start, end), formula.needs)
        measures.append(counts)
        if counts.words:
            scored.append((formula.of([counts]), sentence))
    if sum(m.words for m in measures) < ctx.options["min_words"]:
        return
    figure, limit = formula.of(measures), ctx.options[formula.limit]
    if not formula.too_hard(figure, limit):
        return
    hardest = sorted(scored, key=lambda pair: -formula.hardness(pair[0]))[: max(1, ctx.options["show"])]
    listing = ", ".join(
        f"line {ctx.document.source.position(s.source_span()[0])[0]} ({formula.unit} {g:.0f})" for g, s in hardest)
    worst = hardest[0][1]
    text = worst.text
    lead = len(text) - len(text.lstrip())
    bound = f"limit {limit}" if formula.higher_is_harder else f"lowest allowed {limit}; higher is easier"
    # a figure over its limit is never shown equal to it ("grade 12.0 (limit 12.0)")
    shown = shown_above(figure, limit) if formula.higher_is_harder else -shown_above(-figure, -limit)
    yield ctx.report_in(worst.block, worst.span.start_char + lead, worst.span.start_char + len(text.rstrip()),
                        formula=formula.label, figure=shown, grade=shown, limit=bound,
                        hardest=listing, words=sum(m.words for m in measures), sentences=len(scored))


def warm_up(options: dict) -> None:
    """Build the dictionaries the formula counts with, before a process pool forks."""
    prepare(FORMULAS[options["formula"]].needs)


_GRADES = ", ".join(f.name for f in FORMULAS.values() if f.limit == "max_grade")

KIND = Kind(
    name="readability",
    summary="A readability formula's figure for the prose stays within a limit; the hardest sentences are named.",
    check=check,
    fields=("figure", "formula", "grade", "hardest", "limit", "sentences", "words"),
    options={
        "formula": Option("str", DEFAULT, f"the readability formula, as textstat computes it: {', '.join(FORMULAS)}",
                          choices=tuple(FORMULAS)),
        "max_grade": Option("float", 12.0, f"highest grade allowed ({_GRADES})", min=-1000, max=1000),
        "min_ease": Option("float", 30.0, "lowest Flesch reading ease allowed (flesch-reading-ease: "
                                          "0-100, higher is easier)", min=-1000, max=1000),
        "max_dale_chall": Option("float", 9.0, "highest Dale-Chall score allowed (dale-chall: 9.0 and up "
                                               "reads at college level)", min=-1000, max=1000),
        "min_words": Option("int", 30, "prose shorter than this is not judged", min=0),
        "show": Option("int", 3, "how many of the hardest sentences the finding names", min=0),
        "include_quotes": include_quotes_option(True),
    },
    needs=frozenset({"sentences"}),
    warm_up=warm_up,
)
