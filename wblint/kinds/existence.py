"""existence: listed words are flagged where they are used as the listed part of speech.

``terms`` maps each word or phrase to the parts of speech it is flagged as
(Universal POS such as ADV, AUX, DET, or Penn tags such as MD); an empty list
means any.  So ``may: [AUX]`` flags the hedge "may" but not the month May, and
``many: [ADJ, DET, PRON]`` flags "many teachers" but not the noun in a name.
A term may instead map to ``{pos: [...], deps: [...], skip_clauses: [relcl],
skip_in_past: true, heads: [...], skip_before_number: true, permission: true}``:
only with those dependency labels, not inside clauses with those labels ("those
who could take it"), nor in sentences told in the past tense ("nobody could
collect them" is past ability, not a hedge); only modifying a word of those parts
of speech ("virtually free", not "meet virtually"); not before a figure ("nearly
4,000"); and not as a modal granting or advising (``people`` as the subject of a
verb not on ``hedge_verbs``: "members may bring a guest"); and, with ``after``,
only right after one of those words ("cuts bills by up to 30 percent", not "seats
up to eight").
Words inside proper names the writer capitalised ("Many Hands Pantry"), inside
``exceptions`` ("generally available", "how many", "as soon as"), inside
hyphenated compounds ("many-to-many"), in questions (when ``skip_questions``),
in code, URLs and (unless ``include_quotes``) quotations are not flagged.

Prefilter: ``candidates`` is the regex of the terms themselves; a sentence it does
not match cannot yield a finding.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import Context, Finding, Kind, Option
from ._language import (NameParts, WordList, include_quotes_option, inside, phrase_pattern, readable, sentences,
                        spans, tokens_in, word_forms, word_list)


def _words(options: dict) -> WordList:
    return word_list({**options["terms"], **options["extra_terms"]}, options["inflect"])


def _needs(options: dict) -> set[str]:
    """Tags and parts of speech always; the dependency parse only when a term skips clauses."""
    needs = {"sentences", "tags", "pos"}
    if any(term.skip_clauses or term.deps or term.heads or term.permission for term in _words(options).terms.values()):
        needs.add("parse")
    return needs


def candidates(options: dict) -> re.Pattern[str] | None:
    return _words(options).pattern


def check(ctx: Context) -> Iterator[Finding]:
    words = ctx.per_rule(_words)
    if words.pattern is None:
        return
    exceptions = phrase_pattern(tuple(ctx.options["exceptions"]))
    for sentence in sentences(ctx, words.pattern):
        if ctx.options["skip_questions"] and sentence.text.rstrip().endswith("?"):
            continue
        text = sentence.block.prose.text
        excepted = spans(ctx, exceptions, sentence.block)
        name_part = NameParts()  # title case worked out once per sentence
        for match in words.pattern.finditer(text, sentence.span.start_char, sentence.span.end_char):
            start, end = match.span()
            if not readable(ctx, sentence.block, start, end) or inside(excepted, start, end):
                continue
            tokens = tokens_in(sentence, start, end)
            if not tokens:
                continue
            term = words.term_of(match.group(0), match.group(0).lower())
            spec = words.terms.get(term)
            if spec is not None and not (spec.fits(tokens[0]) and spec.fits_after(tokens[-1])):
                continue
            if spec is not None and spec.permission and grants(tokens[0], ctx.per_rule(_people), ctx.per_rule(_hedge_verbs)):
                continue
            if ctx.options["skip_names"] and any(name_part(t) for t in tokens):
                continue
            yield ctx.report_in(sentence.block, start, end, text=match.group(0), term=term)


def _people(options: dict) -> frozenset[str]:
    return frozenset(w.lower() for w in options["people"])


def _hedge_verbs(options: dict) -> frozenset[str]:
    return frozenset(w.lower() for w in options["hedge_verbs"])


def grants(modal, people: frozenset[str], hedge_verbs: frozenset[str]) -> bool:
    """A modal granting or advising, not hedging: its verb is something a person does ("members
    may bring a guest", "you should charge it nightly", "riders may not bring bikes"), its
    subject a person (``people``: you, members, riders ...), and the verb not one that tells
    what may happen to them (``hedge_verbs``: "you may see lower bills", "you may save")."""
    verb = modal.head
    if verb is modal or verb.pos_ not in ("VERB", "AUX") or not word_forms(verb).isdisjoint(hedge_verbs):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(not word_forms(s).isdisjoint(people) for s in subjects)


KIND = Kind(
    name="existence",
    summary="Listed words, as the listed part of speech, outside names, code and (optionally) quotes.",
    check=check,
    fields=("term", "text"),
    options={
        "terms": Option("map", {}, "word or phrase -> parts of speech it is flagged as (UPOS or Penn tags; [] = any),"
                                   " or -> {pos, deps, heads, skip_clauses, skip_in_past, skip_before_number,"
                                   " permission, after, skip_inverted}"),
        "extra_terms": Option("map", {}, "more terms, added in your configuration"),
        "exceptions": Option("str-list", [], "phrases in which a term is fine (\"generally available\")"),
        "people": Option("str-list", [], "subjects that are people (you, members, riders): a `permission` modal "
                                         "with one grants or advises (\"members may bring a guest\")"),
        "hedge_verbs": Option("str-list", [], "verbs that tell what may happen to people, so a modal before them "
                                              "still hedges (\"you may save\", \"you may see\")"),
        "inflect": Option("bool", False, "also match a term's regular inflections (-s, -ed, -ing)"),
        "skip_names": Option("bool", True, "ignore terms inside capitalised proper names"),
        "skip_questions": Option("bool", True, "ignore sentences that are questions"),
        "include_quotes": include_quotes_option(False),
    },
    needs=frozenset({"sentences", "tags", "pos"}),
    needs_for=_needs,
    candidates=candidates,
)
