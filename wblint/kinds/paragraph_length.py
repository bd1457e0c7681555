"""paragraph-length: paragraphs with more than ``max_sentences`` sentences.

Sentences come from spaCy (abbreviations such as "Dr.", "U.S." and decimals do not
end one) and count only when they hold a word.  Only paragraphs are judged
(list items count as paragraphs; headings and table cells do not).  With
``include_quotes`` off, sentences inside quotations are not counted.  The
finding runs from the first sentence past the limit to the paragraph's end:
where to split or cut.
"""
from __future__ import annotations

from typing import Iterator

from . import Context, Finding, Kind, Option
from ._language import include_quotes_option


def check(ctx: Context) -> Iterator[Finding]:
    limit = ctx.options["max_sentences"]
    for block in ctx.blocks():
        if block.kind != "paragraph":
            continue
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
        yield ctx.report_in(block, start, len(text.rstrip()), count=len(counted))


KIND = Kind(
    name="paragraph-length",
    summary="Paragraphs stay under a sentence limit.",
    check=check,
    fields=("count",),
    options={
        "max_sentences": Option("int", 4, "most sentences allowed in one paragraph", min=1),
        "include_quotes": include_quotes_option(True),
    },
    needs=frozenset({"sentences"}),
)
