"""comparison: a comparative with nothing to compare against ("faster than what?").

The tagger finds comparatives (JJR, RBR: faster, cheaper, better, fewer, more,
less; "more accurate" is reported as one).  A comparative is anchored, and not
flagged, when its sentence names what it is compared with after it (``anchors``:
than, compared, versus, instead of, down from) or a number sits right before it
or inside it ("30% cheaper", "40 minutes less", "2 days sooner", "by 20%"), or
it picks among alternatives (``choice_words``: "whichever is cheaper").
Comparatives that compare nothing (``neutral``: older, later, earlier, further,
former), idioms (``exceptions``: no longer, more or less, learn more, feel better),
"more" as an extra amount someone adds or needs (``additional_verbs``: "add more
seats"), a contrast pair ("less paperwork, more selling") and a place named with
"the" (``positions``: "the lower deck") are not flagged, nor are words inside
capitalised names.  Comparatives the tagger misreads (``misread``: "runs quieter")
are found all the same.

Prefilter: ``candidates`` matches every sentence with a word ending in -er or
with more, less or worse; only those can hold a comparative.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from . import Context, Finding, Kind, Option
from ._language import (NameParts, has_measure, include_quotes_option, inside, is_measure, label_ids,
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


def _comparatives(sentence: Any, neutral: set[str], misread: set[str]) -> list[Any]:
    """The sentence's comparatives that are not ``neutral``: tagged JJR or RBR, "more",
    "less", "fewer" as a quantity, or a comparative the tagger misreads (``misread``:
    "runs quieter" as a noun, "fixed sooner" as a plain adverb).  Found cheaply: the tag as
    an id (an int compare), and the word only in a sentence whose lowered text holds one of
    ``QUANTITY_WORDS`` (a token's lowered text is part of it)."""
    tags = label_ids(sentence.span.vocab.strings, COMPARATIVE_TAGS)
    lowered = sentence.text.lower()
    words = any(word in lowered for word in QUANTITY_WORDS)
    found = []
    for token in sentence.span:
        lower = token.text.lower()
        if token.tag in tags or (words and lower in QUANTITY_WORDS and token.pos_ in QUANTITY_POS) or (
                lower in misread and token.pos_ in ("ADJ", "ADV", "NOUN")):
            if lower not in neutral and token.lemma_.lower() not in neutral:
                found.append(token)
    return found


def _additional(token: Any, verbs: set[str]) -> bool:
    """'add more seats', 'need more time': "more" as an extra amount someone adds or needs,
    not a comparison (its noun is the object of one of ``verbs``)."""
    if token.text.lower() not in QUANTITY_WORDS or token.dep_ not in ("amod", "dobj", "det"):
        return False
    noun = token.head if token.dep_ in ("amod", "det") else token
    verb = noun.head if noun.dep_ in ("dobj", "pobj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    return verb is not None and verb.pos_ == "VERB" and (verb.lemma_.lower() in verbs or verb.text.lower() in verbs)


def _contrast_pair(token: Any, comparatives: list[Any]) -> bool:
    """'Less paperwork, more selling': "less" and "more" set against each other, a trade
    the sentence states, not a claim with a missing reference."""
    lower = token.text.lower()
    opposite = {"more": ("less", "fewer"), "less": ("more",), "fewer": ("more",)}.get(lower)
    if not opposite:
        return False
    return any(o.text.lower() in opposite and abs(o.i - token.i) <= 4 for o in comparatives)


def _position(token: Any, positions: set[str]) -> bool:
    """'the lower deck', 'the upper floor': a place, named with "the", not a comparison."""
    if token.text.lower() not in positions or token.dep_ != "amod":
        return False
    return any(c.dep_ == "det" and c.text.lower() == "the" for c in token.head.children)


def _quantified(token: Any, sentence_span: Any, window: int) -> bool:
    """A number just before the comparative, inside its phrase, or in a 'by' phrase on it (not a
    year or a model's name: "the 2026 model charges faster")."""
    start = max(sentence_span.start, token.i - window)
    before = [t for t in token.doc[start:token.i]]
    if any(is_measure(t) or t.text.lower() in MULTIPLIERS for t in before):
        return True
    if has_measure(t for t in token.subtree if t.i != token.i):
        return True
    for holder in (token, token.head):
        for child in holder.children:
            if child.dep_ == "prep" and child.text.lower() == "by" and has_measure(child.subtree):
                return True
    return False


def check(ctx: Context) -> Iterator[Finding]:
    neutral = {w.lower() for w in ctx.options["neutral"]}
    anchors = phrase_pattern(tuple(ctx.options["anchors"]))
    exceptions = phrase_pattern(tuple(ctx.options["exceptions"]))
    window = ctx.options["number_window"]
    choices = {w.lower() for w in ctx.options["choice_words"]}
    misread = {w.lower() for w in ctx.options["misread"]}
    adding = {w.lower() for w in ctx.options["additional_verbs"]}
    positions = {w.lower() for w in ctx.options["positions"]}
    for sentence in sentences(ctx, candidates(ctx.options)):
        if ctx.options["skip_questions"] and sentence.text.rstrip().endswith("?"):
            continue
        comparatives = _comparatives(sentence, neutral, misread)
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
            if _additional(token, adding) or _contrast_pair(token, comparatives) or _position(token, positions):
                continue
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
        "misread": Option("str-list", [], "comparatives the tagger may read as nouns or plain adverbs (quieter,"
                                         " sooner)"),
        "additional_verbs": Option("str-list", [], "verbs after which \"more\" is an extra amount, not a comparison"
                                                  " ('add more seats', 'need more time')"),
        "positions": Option("str-list", [], "comparatives that name a place after \"the\" ('the lower deck')"),
        "skip_questions": Option("bool", True, "ignore sentences that are questions"),
        "include_quotes": include_quotes_option(False),
    },
    needs=frozenset({"sentences", "tags", "pos", "lemmas", "parse"}),
    candidates=candidates,
)
