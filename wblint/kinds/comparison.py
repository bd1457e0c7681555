"""comparison: a comparative with nothing to compare against ("faster than what?").

The tagger finds comparatives (JJR, RBR: faster, cheaper, better, fewer, more,
less; "more accurate" is reported as one).  A comparative is anchored, and not
flagged, when its sentence names what it is compared with after it (``anchors``:
than, compared, versus, instead of, down from) or a number sits right before it
or inside it ("30% cheaper", "40 minutes less", "2 days sooner", "by 20%"), or
it picks among alternatives (``choice_words``: "whichever is cheaper").
Comparatives that compare nothing (``neutral``: older, later, further, former)
and idioms (``exceptions``: no longer, more or less, better known as, learn more)
are not flagged, nor are words inside capitalised names.

Prefilter: ``candidates`` matches every sentence with a word ending in -er or
with more, less or worse; only those can hold a comparative.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from . import Context, Finding, Kind, Option
from ._language import (NameParts, has_number, include_quotes_option, inside, is_number, label_ids,
                        phrase_pattern, readable, report_tokens, sentences, spans)

# A word ending in -er, or more, less, worse: r"\b\w+er\b|\b(?:more|less|worse)\b", written so
# that every alternative starts with a letter and the look-behinds come after it.  The regex
# engine then jumps from one e, m, l or w to the next instead of trying every position
# (4x faster); the sentences it matches are the same.
CANDIDATES = re.compile(r"(?:er(?<=\wer)|m(?<!\wm)ore|l(?<!\wl)ess|w(?<!\ww)orse)\b", re.IGNORECASE)
MULTIPLIERS = {"twice", "half", "double", "triple", "times"}


def candidates(options: dict) -> re.Pattern[str]:
    return CANDIDATES


COMPARATIVE_TAGS = ("JJR", "RBR")
QUANTITY_WORDS = ("more", "less", "fewer")
QUANTITY_POS = ("ADJ", "ADV", "DET", "PRON", "NOUN")


def _comparatives(sentence: Any, neutral: set[str]) -> list[Any]:
    """The sentence's comparatives that are not ``neutral``: tagged JJR or RBR, or "more",
    "less", "fewer" as a quantity.  Found cheaply: the tag as an id (an int compare), and the
    word only in a sentence whose lowered text holds one of ``QUANTITY_WORDS`` (a token's
    lowered text is part of it)."""
    tags = label_ids(sentence.span.vocab.strings, COMPARATIVE_TAGS)
    lowered = sentence.text.lower()
    words = any(word in lowered for word in QUANTITY_WORDS)
    found = []
    for token in sentence.span:
        if token.tag in tags or (words and token.text.lower() in QUANTITY_WORDS and token.pos_ in QUANTITY_POS):
            if token.text.lower() not in neutral and token.lemma_.lower() not in neutral:
                found.append(token)
    return found


def _quantified(token: Any, sentence_span: Any, window: int) -> bool:
    """A number just before the comparative, inside its phrase, or in a 'by' phrase on it."""
    start = max(sentence_span.start, token.i - window)
    before = [t for t in token.doc[start:token.i]]
    if any(is_number(t) or t.text.lower() in MULTIPLIERS for t in before):
        return True
    if has_number(t for t in token.subtree if t.i != token.i):
        return True
    for holder in (token, token.head):
        for child in holder.children:
            if child.dep_ == "prep" and child.text.lower() == "by" and has_number(child.subtree):
                return True
    return False


def check(ctx: Context) -> Iterator[Finding]:
    neutral = {w.lower() for w in ctx.options["neutral"]}
    anchors = phrase_pattern(tuple(ctx.options["anchors"]))
    exceptions = phrase_pattern(tuple(ctx.options["exceptions"]))
    window = ctx.options["number_window"]
    choices = {w.lower() for w in ctx.options["choice_words"]}
    for sentence in sentences(ctx, candidates(ctx.options)):
        if ctx.options["skip_questions"] and sentence.text.rstrip().endswith("?"):
            continue
        comparatives = _comparatives(sentence, neutral)
        if not comparatives:
            continue
        excepted = spans(ctx, exceptions, sentence.block)
        anchored_from = [s for s, _ in spans(ctx, anchors, sentence.block)
                         if sentence.span.start_char <= s < sentence.span.end_char]
        used: set[int] = set()
        name_part = NameParts()  # title case worked out once per sentence
        for token in comparatives:
            if token.i in used:
                continue
            lower = token.text.lower()
            start, end = token.idx, token.idx + len(token.text)
            if not readable(ctx, sentence.block, start, end) or inside(excepted, start, end) or name_part(token):
                continue
            if any(s >= end for s in anchored_from) or _quantified(token, sentence.span, window):
                continue
            if any(t.text.lower() in choices for t in token.doc[max(sentence.span.start, token.i - 3):token.i]):
                continue  # "whichever is cheaper: the pass or the fares"
            last = token
            following = token.doc[token.i + 1] if token.i + 1 < sentence.span.end else None
            if lower in ("more", "less") and following is not None and following.pos_ in ("ADJ", "ADV") \
                    and following.tag_ not in ("JJR", "RBR"):
                last = following  # "more accurate"
            used.update(range(token.i, last.i + 1))
            yield report_tokens(ctx, sentence, token, last)


KIND = Kind(
    name="comparison",
    summary="Comparatives with no number and no reference to compare against.",
    check=check,
    fields=("text",),
    options={
        "anchors": Option("str-list", ["than"], "words after a comparative that name what it is compared with"),
        "neutral": Option("str-list", [], "comparatives that compare nothing (older, later, further)"),
        "exceptions": Option("str-list", [], "idioms in which a comparative is fine (no longer, more or less)"),
        "number_window": Option("int", 3, "a number this many words before a comparative quantifies it", min=0),
        "choice_words": Option("str-list", ["whichever", "whatever"],
                               "words that pick among named alternatives ('whichever is cheaper')"),
        "skip_questions": Option("bool", True, "ignore sentences that are questions"),
        "include_quotes": include_quotes_option(False),
    },
    needs=frozenset({"sentences", "tags", "pos", "lemmas", "parse"}),
    candidates=candidates,
)
