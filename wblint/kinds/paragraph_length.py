"""paragraph-length: paragraphs with more than ``max_sentences`` sentences.

Sentences come from spaCy (abbreviations such as "Dr.", "U.S." and decimals do not
end one) and count only when they hold a word.  Only paragraphs are judged
(list items count as paragraphs; headings and table cells do not).  With
``include_quotes`` off, sentences inside quotations are not counted.  The
finding runs from the first sentence past the limit to the paragraph's end:
where to split or cut.  FAQ answers get their own limit (``faq_max_sentences``: an
answer may explain more than a release paragraph).  A paragraph whose sentences are
mostly fragments (``fragment_words`` words or fewer) reads as a list, and the message
says so: make it a list or join the fragments.
"""
from __future__ import annotations

from typing import Iterator

from . import Context, Finding, Kind, Option
from ._language import include_quotes_option


def check(ctx: Context) -> Iterator[Finding]:
    faq = {id(b) for b in ctx.anatomy.faq} if ctx.anatomy is not None else set()
    for block in ctx.blocks():
        if block.kind != "paragraph":
            continue
        limit = ctx.options["faq_max_sentences" if id(block) in faq else "max_sentences"]
        counted = []
        for sentence in ctx.block_sentences(block):
            span = sentence.span
            if not any(t.is_alpha for t in span):
                continue
            if not ctx.options["include_quotes"] and ctx.in_quote(block, span.start_char, span.end_char):
                continue
            counted.append(span)
        if len(counted) <= limit:
            continue
        text = block.prose.text
        start = counted[limit].start_char
        short = sum(1 for span in counted if sum(t.is_alpha for t in span) <= ctx.options["fragment_words"])
        hint = "its short sentences read as a list: make it one, or join them" if short * 4 >= len(counted) * 3 \
            else "split it here or cut"
        yield ctx.report_in(block, start, len(text.rstrip()), count=len(counted), limit=limit, hint=hint)


KIND = Kind(
    name="paragraph-length",
    summary="Paragraphs stay under a sentence limit.",
    check=check,
    fields=("count", "hint", "limit"),
    options={
        "max_sentences": Option("int", 4, "most sentences allowed in one paragraph", min=1),
        "faq_max_sentences": Option("int", 6, "most sentences allowed in a paragraph of an FAQ answer", min=1),
        "fragment_words": Option("int", 5, "a sentence of at most this many words is a fragment; a paragraph of"
                                           " mostly fragments reads as a list", min=1, max=100),
        "include_quotes": include_quotes_option(True),
    },
    needs=frozenset({"sentences"}),
)
