"""hype: puffery, and superlative claims made without a number or evidence in the sentence.

Three things are flagged:

- ``terms``: puffery that no evidence makes concrete (revolutionary, game-changing,
  world-class).  Matched as the listed parts of speech, outside proper names
  ("World Class Tours Ltd").
- ``claims``: rank claims (industry-leading, market-leading, #1), and superlative
  adjectives from the tagger (JJS: best, fastest, easiest; RBS + adjective: most
  reliable), and "first" / "only" where they claim a rank: in the predicate
  ("X is the first app that ...") or as an object defined by a relative clause
  or "to" infinitive ("offers the only planner that adapts") -- not the ordinal
  in "the first payment is due" or the adverb in "only costs $5".  A claim is let
  through when its sentence gives a figure that can measure it or an ``evidence``
  word (survey, tested, according to); a year ("founded in 1987") or a model's
  name ("the X2 blender") measures nothing.
- Not claims: neutral superlatives of place and time (``neutral``: nearest,
  latest, oldest); the quantifier "most"/"least" ("most people"); superlatives
  that set the scene rather than sit where claims are made -- a claim is in the
  predicate ("X is the fastest way") or is what the product offers (the object of
  ``offer_verbs``: "delivers the most reliable builds"), or names its comparison
  domain (``claim_scopes``: "the lowest fees in the industry"), so "on the coldest
  mornings", "avoid the busiest hours" and "Rotterdam's busiest stations" are not
  (but ``claim_possessors`` such as "the world's fastest" claim); "first"
  and "only" as the subject ("the first colleague to accept gets the swap"); fixed
  phrases (``exceptions``: best practices, at least), hyphenated compounds
  ("best-before") and capitalised names ("Best Buy").

Prefilter: ``candidates`` matches every sentence holding a term, a claim, a word
ending in -est or -most, best/worst/least, first or only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from . import Context, Finding, Kind, Option
from ._language import (NameParts, WordList, include_quotes_option, inside, is_measure, label_ids, phrase_pattern,
                        phrases_after_boundary, readable, report_tokens, sentences, spans, terms_option, tokens_in,
                        word_list)

RANK_WORDS = {"first", "only"}


def candidates(options: dict) -> re.Pattern[str]:
    words = list(terms_option({**options["terms"], **options["claims"]}))
    inflect = options.get("inflect", False)  # the claims' own inflections are none: a superset is fine here
    # Only searched (a yes or no per sentence), so "a word ending in -est" needs no \w* before it.
    ranks = r"(?:best|worst|least|first|only)\b"
    at_word = phrases_after_boundary(words, inflect)  # the words and the ranks share one "\b"
    if at_word is not None:
        return re.compile(rf"(?:est|most)\b|\b(?:{at_word}|{ranks})", re.IGNORECASE)
    listed = phrase_pattern(tuple(words), inflect)
    return re.compile((listed.pattern + "|" if listed else "") + rf"(?:est|most)\b|\b{ranks}", re.IGNORECASE)


def _listed(ctx: Context, sentence, words: WordList, excepted, name_part: NameParts) -> Iterator[tuple[list, str]]:
    if words.pattern is None:
        return
    for match in words.pattern.finditer(sentence.block.prose.text, sentence.span.start_char,
                                        sentence.span.end_char):
        start, end = match.span()
        if not readable(ctx, sentence.block, start, end) or inside(excepted, start, end):
            continue
        tokens = tokens_in(sentence, start, end)
        if not tokens or any(name_part(t) for t in tokens):
            continue
        term = words.term_of(match.group(0), "")
        if term in words.terms and not words.terms[term].fits(tokens[0]):
            continue
        if "-" in term and "-" not in match.group(0):
            continue  # "cutting-edge" praises; "the cutting edge" of a knife, "the next generation" are things
        yield tokens, term


def _in_compound(token: Any) -> bool:
    """Part of a hyphenated word ('best-before', 'first-time')."""
    doc = token.doc
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return after or before


def _setting(noun: Any, claim_possessors: set[str], offer_verbs: set[str], scopes: Any = None) -> bool:
    """A superlative that describes the scene rather than claims a rank.  Claims sit in
    the predicate ('X is the fastest way', 'X is fastest') or are what the product offers
    ('delivers the most reliable builds': the object of an ``offer_verbs`` verb).  Scene:
    anywhere else ('on the coldest mornings', 'avoid the busiest hours', 'the hardest work
    is done early'), or relative to a named owner ('Rotterdam's busiest stations', 'your
    best customers') -- but 'the world's fastest' claims."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lemma_.lower() not in claim_possessors:
            return True
    if scopes is not None:
        phrase = noun.doc[noun.left_edge.i:noun.right_edge.i + 1].text
        if scopes.search(phrase):
            return False  # "the lowest fees in the industry": a comparison domain makes it a claim
    if noun.dep_ in ("attr", "acomp", "appos", "ROOT", "oprd"):
        return False
    if noun.dep_ in ("dobj", "dative") and noun.head.lemma_.lower() in offer_verbs:
        return False
    if noun.dep_ == "conj":
        return _setting(noun.head, claim_possessors, offer_verbs, scopes)
    return True


DEGREE_WORDS = ("most", "least")


def _superlative_tokens(sentence, lowered: str, neutral: set[str]) -> Iterator[tuple[Any, bool]]:
    """(token, degree) for each RBS token or "most"/"least" (degree), and each JJS token that
    is not ``neutral``.  Tags are compared as ids, and the words are read only in a sentence
    whose ``lowered`` text holds them (a token's lowered text is part of it)."""
    rbs, jjs = (label_ids(sentence.span.vocab.strings, (tag,)) for tag in ("RBS", "JJS"))
    words = any(word in lowered for word in DEGREE_WORDS)
    for token in sentence.span:
        tag = token.tag
        if tag in rbs or (words and token.text.lower() in DEGREE_WORDS):
            yield token, True
        elif tag in jjs and token.text.lower() not in neutral and token.lemma_.lower() not in neutral:
            yield token, False


def _superlatives(ctx: Context, sentence, lowered: str, neutral: set[str], excepted, name_part: NameParts,
                  claim_possessors: set[str], offer_verbs: set[str], scopes: Any) -> Iterator[list]:
    for token, degree in _superlative_tokens(sentence, lowered, neutral):
        start, end = token.idx, token.idx + len(token.text)
        if not readable(ctx, sentence.block, start, end) or inside(excepted, start, end) or name_part(token) \
                or _in_compound(token):
            continue
        if degree:
            # "most reliable" is a superlative; "most people" is a quantity
            following = token.doc[token.i + 1] if token.i + 1 < sentence.span.end else None
            if following is not None and token.head.i == following.i and token.dep_ == "advmod" \
                    and following.pos_ in ("ADJ", "ADV") and following.text.lower() not in neutral \
                    and not _setting(following.head if following.dep_ == "amod" else following, claim_possessors,
                                 offer_verbs, scopes):
                yield [token, following]
        else:
            noun = token.head if token.dep_ == "amod" else token
            if not _setting(noun, claim_possessors, offer_verbs, scopes):
                yield [token]


def _rank_claims(ctx: Context, sentence, lowered: str, excepted, name_part: NameParts) -> Iterator[list]:
    """'X is the first app that ...', 'the only planner that adapts': first/only as a rank."""
    if not any(word in lowered for word in RANK_WORDS):
        return  # no token's lowered text can be one (each is part of the sentence's)
    for token in sentence.span:
        if token.text.lower() not in RANK_WORDS or token.pos_ not in ("ADJ", "NOUN", "PRON"):
            continue
        start, end = token.idx, token.idx + len(token.text)
        if not readable(ctx, sentence.block, start, end) or inside(excepted, start, end) or name_part(token) \
                or _in_compound(token):
            continue
        noun = token.head if token.dep_ == "amod" else token
        defined = any(c.dep_ in ("relcl", "acl", "xcomp") for c in noun.children) or any(
            c.dep_ in ("relcl", "acl", "xcomp") for c in token.children)
        if noun.dep_ in ("attr", "appos") or (noun.dep_ == "dobj" and defined):
            yield [token]


def _proven(sentence, evidence: re.Pattern[str] | None, claims: list[list]) -> bool:
    """The sentence gives a figure that can measure a claim (not the claim's own "one" in
    "number one"), or cites evidence: its claims stand."""
    own = {t.i for tokens in claims for t in tokens}
    return any(is_measure(t) and not _in_opening(t) and not _in_name(t) for t in sentence.span if t.i not in own) \
        or bool(evidence and evidence.search(sentence.text))


UNITS = {"percent", "%", "gram", "grams", "g", "kg", "kilograms", "pound", "pounds", "lb", "lbs", "ounce", "ounces",
         "oz", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "mile", "miles",
         "km", "kilometres", "kilometers", "metres", "meters", "feet", "inches", "dollars", "cents", "times", "x",
         "degrees", "mph", "watts", "volts", "mah", "gb", "tb", "decibels", "db", "points", "stars"}


def _in_opening(token: Any) -> bool:
    """A count in an opening phrase set off by a comma ("Offered in 9 sizes, X is the most
    comfortable ..."): it describes the product, it does not measure the claim the main
    clause makes. A measure there does ("At 980 grams, X is the lightest")."""
    counted = token.head if token.dep_ == "nummod" else None
    if counted is None or counted.tag_ != "NNS" or counted.text.lower() in UNITS:
        return False
    phrase = token
    while phrase.head is not phrase and phrase.head.dep_ != "ROOT":
        phrase = phrase.head
    if phrase.dep_ not in ("advcl", "prep", "npadvmod", "advmod", "acl") or phrase.head.dep_ != "ROOT":
        return False
    end = phrase.right_edge.i
    doc = token.doc
    return end + 1 < len(doc) and doc[end + 1].text == "," and end < phrase.head.i


def _in_name(token: Any) -> bool:
    """A number that ends a product's name ("the Vega 5", "Series 7")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and token.text.isdigit() \
        and len(token.text) <= 2


@dataclass(frozen=True)
class Lists:
    """The rule's word lists, ready to match (built once per rule)."""

    terms: WordList
    claims: WordList
    neutral: set[str]
    claim_possessors: set[str]
    offer_verbs: set[str]
    scopes: re.Pattern[str] | None
    evidence: re.Pattern[str] | None
    exceptions: re.Pattern[str] | None
    candidates: re.Pattern[str]


def _lists(options: dict) -> Lists:
    return Lists(word_list(options["terms"], options["inflect"]), word_list(options["claims"]),
                 {w.lower() for w in options["neutral"]}, {w.lower() for w in options["claim_possessors"]},
                 {w.lower() for w in options["offer_verbs"]}, phrase_pattern(tuple(options["claim_scopes"])),
                 phrase_pattern(tuple(options["evidence"])), phrase_pattern(tuple(options["exceptions"])),
                 candidates(options))


def check(ctx: Context) -> Iterator[Finding]:
    lists = ctx.per_rule(_lists)
    for sentence in sentences(ctx, lists.candidates):
        if ctx.options["skip_questions"] and sentence.text.rstrip().endswith("?"):
            continue
        excepted = spans(ctx, lists.exceptions, sentence.block)
        found: list[tuple[list, str]] = []
        covered: set[int] = set()

        def add(tokens: list, what: str) -> None:
            if not any(t.i in covered for t in tokens):
                found.append((tokens, what))
                covered.update(t.i for t in tokens)

        name_part = NameParts()  # title case worked out once per sentence
        for tokens, _ in _listed(ctx, sentence, lists.terms, excepted, name_part):
            add(tokens, "hype")
        claims = [tokens for tokens, _ in _listed(ctx, sentence, lists.claims, excepted, name_part)]
        lowered = sentence.text.lower()
        claims += _superlatives(ctx, sentence, lowered, lists.neutral, excepted, name_part, lists.claim_possessors,
                                lists.offer_verbs, lists.scopes)
        claims += _rank_claims(ctx, sentence, lowered, excepted, name_part)
        if claims and not _proven(sentence, lists.evidence, claims):
            for tokens in claims:
                add(tokens, "claim")
        for tokens, what in sorted(found, key=lambda f: f[0][0].i):
            if what == "hype":
                label, hint = "Hype", "say what the product does instead"
            else:
                label, hint = "Unproven claim", "back it with a number or a source in the sentence, or cut it"
            yield report_tokens(ctx, sentence, tokens[0], tokens[-1], label=label, hint=hint)


KIND = Kind(
    name="hype",
    summary="Puffery, and superlative or rank claims with no number or evidence in their sentence.",
    check=check,
    fields=("hint", "label", "text"),
    options={
        "terms": Option("map", {}, "puffery -> parts of speech ([] = any) or {pos, deps}; always flagged"),
        "inflect": Option("bool", False, "puffery also matches its inflections (revolutionize: revolutionizing,"
                                         " revolutionized)"),
        "claims": Option("map", {}, "rank claims -> parts of speech or {pos, deps}; let through with evidence"),
        "neutral": Option("str-list", [], "superlatives of place, time or quantity that claim nothing"),
        "claim_possessors": Option("str-list", [], "owners that make a superlative a claim ('the world's fastest')"),
        "claim_scopes": Option("str-list", [], "comparison domains that make a superlative a claim wherever it"
                                               " stands ('in the industry', 'on the market')"),
        "offer_verbs": Option("str-list", [], "verbs whose object is what the product offers ('delivers the most"
                                              " reliable builds')"),
        "evidence": Option("str-list", [], "words that cite evidence; they, like a number, excuse a claim"),
        "exceptions": Option("str-list", [], "fixed phrases that are not claims (best practices, at least)"),
        "skip_questions": Option("bool", True, "ignore sentences that are questions"),
        "include_quotes": include_quotes_option(False),
    },
    needs=frozenset({"sentences", "tags", "pos", "lemmas", "parse"}),
    candidates=candidates,
)
