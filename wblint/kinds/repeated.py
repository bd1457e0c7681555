"""repeated: a word written twice in a row ("the the"), across line breaks too.

Only words separated by white space count ("Tap, tap, done" and "ready. Ready"
do not), in the source too: markup between them ("the [the](url)", "*so* so") is the
writer's, so the span is always the two words the message quotes.  The tagger tells a typo from grammar: the pair is fine when its two
words play different parts ("had had", "that that", "log in in two seconds", where
the first "in" is a particle right after its verb) or
both belong to a name ("Walla Walla"); ``allow`` lists pairs that are always
fine.  The fix keeps one of the two words.

Prefilter: ``candidates`` is the doubled-word regex itself.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import Context, Finding, Kind, Option
from ._language import include_quotes_option, readable

DOUBLED = re.compile(r"(?<![\w\-'’])([^\W\d_]+)(\s+)(\1)(?![\w\-'’])", re.IGNORECASE)


def candidates(options: dict) -> re.Pattern[str]:
    return DOUBLED


def check(ctx: Context) -> Iterator[Finding]:
    allow = {" ".join(a.lower().split()) for a in ctx.options["allow"]}
    # Tagged tokens by (block, prose offset), from the pieces the prefilter let through.
    tagged = {(id(s.block), t.idx): t for s in ctx.sentences() for t in s.span}
    for block in ctx.blocks():
        text = block.prose.text
        for match in _doubled(ctx, block):
            start, end = match.span()
            first, second = match.group(1), match.group(3)
            if f"{first.lower()} {second.lower()}" in allow or not readable(ctx, block, start, end) \
                    or not _written_together(ctx, block, match):
                continue
            one = tagged.get((id(block), start))
            two = tagged.get((id(block), match.start(3)))
            if one is not None and two is not None:
                particle_after_verb = one.i > 0 and one.doc[one.i - 1].pos_ in ("VERB", "AUX")
                if one.tag_ != two.tag_ and (one.tag_ != "RP" or particle_after_verb):
                    continue  # different parts: "had had", "log in in" (a particle right after its verb)
                if one.pos_ == "PROPN" and first[:1].isupper() and second[:1].isupper():
                    continue  # a name: "Walla Walla"
            yield ctx.report_in(block, start, end, first, text=match.group(0).replace("\n", " "), word=first)


# What may stand between the two words in the source: white space, and the ">" of a block
# quote's next line.
_BETWEEN = re.compile(r"[\s>]*")


def _written_together(ctx: Context, block, match: re.Match[str]) -> bool:
    """The two words stand side by side in the source, as the message quotes them: markup
    between them (a link and its URL, an image, an HTML tag or comment, emphasis, an escaped
    line break) is the writer's, and sets them apart."""
    text, prose = ctx.document.text, block.prose
    first_start, first_end = prose.source_span(match.start(1), match.end(1))
    second_start, second_end = prose.source_span(match.start(3), match.end(3))
    return (text[first_start:first_end] == match.group(1) and text[second_start:second_end] == match.group(3)
            and _BETWEEN.fullmatch(text, first_end, second_start) is not None)


def _doubled(ctx: Context, block) -> Iterator[re.Match[str]]:
    """The block's doubled words, searched only in the sentence pieces the prefilter let
    through: the same regex chose them, and a pair never straddles two (only white space
    parts it, never a sentence end)."""
    for start, end in ctx.piece_ranges(block):
        yield from DOUBLED.finditer(block.prose.text, start, end)


KIND = Kind(
    name="repeated",
    summary="A word written twice in a row.",
    check=check,
    fields=("text", "word"),
    options={
        "allow": Option("str-list", [], "pairs that are always fine (had had)"),
        "include_quotes": include_quotes_option(True),
    },
    needs=frozenset({"tags", "pos"}),
    candidates=candidates,
)
