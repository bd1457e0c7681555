"""density: listed terms (jargon, buzzwords) per 100 words of prose stay under a limit.

Terms are matched as whole words with their inflections (leverage, leverages,
leveraged, leveraging; seamless, seamlessly), outside code and URLs.  With
``max_per_100_words: 0`` every term is reported: a reviewer marks each one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from . import Context, Finding, Kind, Option, shown_above
from ._language import grouped_alternation
from .length import word_count


def _inflected(word: str) -> str:
    """A regex for ``word`` and its regular inflections (plural, -ed, -ing) and its adverb (-ly)."""
    if not word[-1:].isalpha():
        return re.escape(word)
    if word.endswith("e"):
        return re.escape(word[:-1]) + r"(?:e|es|ed|ing|ely)"
    if word.endswith("y"):
        return re.escape(word[:-1]) + r"(?:y|ies|ied|ying|ily)"
    return re.escape(word) + r"(?:s|es|ed|ing|ly)?"


@lru_cache(maxsize=64)
def term_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = []
    for term in sorted({t.strip().lower() for t in terms if t.strip()}, key=len, reverse=True):
        words = re.split(r"[\s\-]+", term)
        parts.append((term, r"[\s\-]+".join([re.escape(w) for w in words[:-1]] + [_inflected(words[-1])])))
    if not parts:
        return None
    return re.compile(r"(?<![\w\-])(?:" + grouped_alternation(parts) + r")(?![\w\-])", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Finding]:
    pattern = term_pattern(tuple(ctx.options["terms"]) + tuple(ctx.options["extra_terms"]))
    if pattern is None:
        return
    total, hits = 0, []
    blocks = ctx.blocks()
    for block in blocks:
        total += word_count(ctx, block)
    for index in ctx.joined_blocks().matching(pattern):  # one search per draft
        prose = blocks[index].prose
        hits.extend((blocks[index], m) for m in pattern.finditer(prose.text) if not prose.is_opaque(m.start(), m.end()))
    if not hits or total < ctx.options["min_words"]:
        return
    density = 100.0 * len(hits) / total
    if density <= ctx.options["max_per_100_words"]:
        return
    for block, match in hits:
        yield ctx.report_in(block, match.start(), match.end(), term=match.group(0),
                            density=shown_above(density, ctx.options["max_per_100_words"]), count=len(hits), words=total)


KIND = Kind(
    name="density",
    summary="Listed terms per 100 words of prose stay under a limit; each term is located.",
    check=check,
    fields=("count", "density", "term", "words"),
    options={
        "terms": Option("str-list", [], "terms to count (matched with their inflections)"),
        "extra_terms": Option("str-list", [], "more terms, added in your configuration"),
        "max_per_100_words": Option("float", 1.5, "most terms allowed per 100 words (0: report every term)", min=0),
        "min_words": Option("int", 20, "prose shorter than this is not judged", min=0),
    },
)
