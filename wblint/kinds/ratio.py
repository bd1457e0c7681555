"""ratio: one list of words must not outnumber another (company words vs customer words).

Counts whole words of ``terms`` (we, our, us ...) and of ``versus_terms`` (you,
your, customers ...) in the prose in scope.  With ``count_company_name`` the
announcing company's name counts as a term: the front matter's ``company`` (or
``organization``) and the subject of "X today announced/launched ..." in the
summary.  Matching ignores case, except that a word written in capitals ("US",
the country) only matches a term written in capitals.  Quotations and their
attributions ("said Jo Park, CEO of Acme") are left out unless
``include_quotes`` (a quote speaks for someone; it is not the writer's voice).  Code and URLs are never read.

It fires when there are at least ``min_count`` terms, at least
``min_per_100_words`` of them per 100 words read (a long text that names the
company twice is about something else, whatever its pronouns), and more than
``max_ratio`` times as many terms as versus-terms.  The finding sits on the
paragraph with the largest surplus, where rewriting helps most.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..model import SPEECH
from ..caseless import Caseless, lowered
from . import Context, Finding, Kind, Option
from ._language import alternation, include_quotes_option, readable
from .length import word_spans

ANNOUNCES = re.compile(
    r"(?:^|[\u2014\u2013\-]\s*|\.\s+)((?:[A-Z][\w&.\-]*[\w&]|[A-Z])(?:\s+[A-Z][\w&.\-]*[\w&])*)\s+(?:today\s+|now\s+)?"
    r"(?:announced|announces|launched|launches|introduced|introduces|unveiled|unveils|released|releases)\b")


def company_names(ctx: Context) -> list[str]:
    names = []
    for key in ("company", "organization", "organisation"):
        value = ctx.document.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            names.append(value.strip())
    summary = ctx.anatomy.summary
    if summary is not None:
        match = ANNOUNCES.search(summary.text)
        if match and match.group(1).lower() not in ("we", "today"):
            names.append(match.group(1))
    return names


def _pattern(words: list[str]) -> Caseless | None:
    if not words:
        return None
    return Caseless(re.compile(rf"(?<![\w\-'’])(?:{alternation(words)})(?![\w\-])", re.IGNORECASE))


def attributions(ctx: Context, block) -> list[tuple[int, int]]:
    """Prose ranges of the attributions next to the block's quotes: the rest of the sentence
    after a quote (', said Jo Park, CEO of Acme.') or the lead-in before it ('Jo Park, CEO
    of Acme, said'), when it holds a speech verb."""
    text = block.prose.text
    ranges = []
    for quote in ctx.anatomy.quotes:
        if quote.block is not block:
            continue
        after = re.match(r"[^.!?\u201c\"]*[.!?]?", text[quote.prose_end:])
        if after and SPEECH.search(after.group(0)):
            ranges.append((quote.prose_end, quote.prose_end + after.end()))
        before = re.search(r"[^.!?\u201d\"]*$", text[:quote.prose_start])
        if before and SPEECH.search(before.group(0)):
            ranges.append((before.start(), quote.prose_start))
    return ranges


def _count(ctx: Context, block, pattern: Caseless | None, low: str | None, capitals: set[str],
           skipped: list[tuple[int, int]]) -> int:
    """Matches of ``pattern`` the rule may read, outside the ``skipped`` ranges; a word in
    capitals counts only if listed so (``low``: the block's text lowercased, or None)."""
    if pattern is None:
        return 0
    total = 0
    text = block.prose.text
    for start, end in pattern.spans(text, low):
        found = text[start:end]
        if len(found) > 1 and found.isupper() and found not in capitals:
            continue  # "US" the country is not "us"
        if any(s <= start and end <= e for s, e in skipped):
            continue
        if readable(ctx, block, start, end):
            total += 1
    return total


def _words(ctx: Context, block) -> int:
    return sum(1 for start, end in word_spans(block.prose) if readable(ctx, block, start, end))


def check(ctx: Context) -> Iterator[Finding]:
    terms = list(ctx.options["terms"])
    if ctx.options["count_company_name"]:
        terms += company_names(ctx)
    versus_terms = list(ctx.options["versus_terms"])
    capitals = {w for w in terms + versus_terms if len(w) > 1 and w.isupper()}
    ours, theirs = _pattern(terms), _pattern(versus_terms)
    per_block = []
    for block in ctx.blocks():
        # Without include_quotes, quotations and their attributions are not read.
        skipped = [] if ctx.options["include_quotes"] else attributions(ctx, block)
        low = lowered(block.prose.text)  # both lists run case-blind on it, at case-sensitive speed
        per_block.append((block, _count(ctx, block, ours, low, capitals, skipped),
                          _count(ctx, block, theirs, low, capitals, skipped)))
    count = sum(c for _, c, _ in per_block)
    versus = sum(v for _, _, v in per_block)
    if count < ctx.options["min_count"] or count <= ctx.options["max_ratio"] * versus:
        return
    words = sum(_words(ctx, block) for block, _, _ in per_block)
    if words and 100.0 * count / words < ctx.options["min_per_100_words"]:
        return  # the company is barely mentioned: the text is about someone else
    block = max(per_block, key=lambda item: (item[1] - item[2], item[1]))[0]
    yield ctx.report_block(block, count=count, versus=versus)


KIND = Kind(
    name="ratio",
    summary="Words of one list do not outnumber words of another (company words vs customer words).",
    check=check,
    fields=("count", "versus"),
    options={
        "terms": Option("str-list", [], "words that must not dominate (we, our)"),
        "versus_terms": Option("str-list", [], "words they are weighed against (you, customers)"),
        "count_company_name": Option("bool", False, "count the announcing company's name as a term"),
        "max_ratio": Option("float", 1.0, "most terms allowed per versus-term", min=0),
        "min_count": Option("int", 3, "fewer terms than this is never a finding", min=0),
        "min_per_100_words": Option("float", 0.0, "terms per 100 words below which the text is not about them", min=0),
        "include_quotes": include_quotes_option(False),
    },
)
