"""sentence-length: sentences longer than ``max_words`` words.

Words are what a reader counts: pieces between spaces or dashes with a letter or
digit ("U.S.", "3,000" and "re-run" are one word each; a code span or URL is one
word; "fast—and" is two).
Sentences come from spaCy, so "Dr." and "U.S." do not end one.  Without
``include_quotes`` the words inside quotation marks are not counted.  Text matched by an
``ignore`` pattern (the dateline "SEATTLE, WA — March 3, 2027 —") is not counted.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..userregex import user_patterns
from . import Context, Finding, Kind, Option
from ._language import include_quotes_option

RUN = re.compile(r"[^\s\u2014\u2013]+")
LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def words(text: str) -> int:
    """Runs between spaces and dashes that hold a letter or digit.  (One regex for a run
    with a letter in it backtracks quadratically on a long run with none, like "&#&#&#".)"""
    return sum(1 for run in RUN.findall(text) if LETTER_OR_DIGIT.search(run))


def _blank(ctx: Context, sentence, patterns) -> str:
    """The sentence with ignored text (and, without ``include_quotes``, quotations) blanked."""
    text = sentence.text
    for pattern in patterns:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    if not ctx.options["include_quotes"]:
        base = sentence.span.start_char
        for start, end in ctx.anatomy.quote_ranges(sentence.block):
            s, e = max(start - base, 0), min(end - base, len(text))
            if s < e:
                text = text[:s] + " " * (e - s) + text[e:]
    return text


def check(ctx: Context) -> Iterator[Finding]:
    limit = ctx.options["max_words"]
    ignore = user_patterns(tuple(ctx.options["ignore"]))
    for sentence in ctx.sentences():
        text = sentence.text
        if len(text.split()) + text.count("\u2014") + text.count("\u2013") <= limit:
            continue  # at least as many as the runs, each word is one: few, few words (the cheap test first)
        count = words(text)
        if count <= limit:
            continue
        start = sentence.span.start_char + (len(text) - len(text.lstrip()))
        end = sentence.span.start_char + len(text.rstrip())
        if ignore or not ctx.options["include_quotes"]:
            count = words(_blank(ctx, sentence, ignore))
            if count <= limit:
                continue
        yield ctx.report_in(sentence.block, start, end, count=count, over=count - limit)


KIND = Kind(
    name="sentence-length",
    summary="Sentences stay under a word limit.",
    check=check,
    fields=("count", "over"),
    options={
        "max_words": Option("int", 30, "most words allowed in one sentence", min=1),
        "ignore": Option("regex-list", [], "text that does not count as words (a dateline)"),
        "include_quotes": include_quotes_option(True),
    },
    needs=frozenset({"sentences"}),
)
