"""fluff: a quotation that only expresses sentiment ("we are thrilled") and says nothing concrete.

A speaker's statement (their quotes in one paragraph, or continued in the next) is
fluff when it uses a listed sentiment word and none of its sentences says
something: a sentence says something when it gives a number, or when it keeps more
than ``max_content_words`` words once function words, sentiment words, the listed
filler ("launch", "customers", "journey", …) and the company's and product's names
are set aside.  Reported at the first quotation of the statement.
"""
from __future__ import annotations

import re
from typing import Iterator

from .._words import FUNCTION_WORDS
from . import Context, Finding, Kind, Option
from .density import term_pattern
from .length import WORD

NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                    r"hundred|thousand|million|billion|half|twice|double|triple|quarter)\b", re.IGNORECASE)


SENTENCE = re.compile(r"(?<=[.!?])[\"\u201d\u2019']?\s+")


def _says_something(sentence: str, sentiment, filler, names: set[str], limit: int) -> bool:
    if NUMBER.search(sentence):
        return True
    covered = [m.span() for m in sentiment.finditer(sentence)]
    if filler is not None:
        covered += [m.span() for m in filler.finditer(sentence)]
    content = [m for m in WORD.finditer(sentence)
               if m.group(0).lower() not in FUNCTION_WORDS and m.group(0).lower() not in names
               and not any(s <= m.start() < e for s, e in covered)]
    return len(content) > limit


def statements(quotes):
    """Quotes grouped by speaker and place: one paragraph, or a quote continued in the next one."""
    groups: list[list] = []
    for quote in quotes:
        last = groups[-1][-1] if groups else None
        if last is not None and (quote.speaker or None) == (last.speaker or None) and (
                quote.block is last.block or quote.block.line <= last.block.end_line + 2):
            groups[-1].append(quote)
        else:
            groups.append([quote])
    return groups


def check(ctx: Context) -> Iterator[Finding]:
    sentiment = term_pattern(tuple(ctx.options["sentiment"]))
    filler = term_pattern(tuple(ctx.options["filler"]))
    if sentiment is None:
        return
    names = {w.lower() for name in (ctx.anatomy.product, ctx.anatomy.company) if name
             for w in re.findall(r"[^\W_][\w\-]*", name)}
    for group in statements(ctx.anatomy.quotes):
        text = " ".join(q.text for q in group)
        felt = [m.group(0) for m in sentiment.finditer(text)]
        if not felt:
            continue
        if any(_says_something(sentence, sentiment, filler, names, ctx.options["max_content_words"])
               for quote in group for sentence in SENTENCE.split(quote.text)):
            continue
        first = group[0]
        prose = first.block.prose.text
        start = first.prose_start + len(prose[first.prose_start:first.prose_end]) - len(
            prose[first.prose_start:first.prose_end].lstrip())
        end = first.prose_start + len(prose[first.prose_start:first.prose_end].rstrip())
        yield ctx.report_in(first.block, start, end, sentiment=", ".join(dict.fromkeys(w.lower() for w in felt)),
                            speaker=first.speaker or "the speaker")


KIND = Kind(
    name="fluff",
    summary="A quotation says something concrete, not only how the speaker feels.",
    check=check,
    fields=("sentiment", "speaker"),
    options={
        "sentiment": Option("str-list", [], "words of feeling (matched with inflections)"),
        "filler": Option("str-list", [], "words that carry no benefit on their own (launch, customers, journey …)"),
        "max_content_words": Option("int", 3, "most other content words a statement may have and still be fluff", min=0),
    },
)
