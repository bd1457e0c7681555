"""existence: listed words are flagged where they are used as the listed part of speech.

``terms`` maps each word or phrase to the parts of speech it is flagged as
(Universal POS such as ADV, AUX, DET, or Penn tags such as MD); an empty list
means any.  So ``may: [AUX]`` flags the hedge "may" but not the month May, and
``many: [ADJ, DET, PRON]`` flags "many teachers" but not the noun in a name.
A term may instead map to ``{pos: [...], deps: [...], skip_clauses: [relcl],
skip_in_past: true}``: only with those dependency labels, not inside clauses
with those labels ("those who could take it"), nor in sentences told in the
past tense ("nobody could collect them" is past ability, not a hedge).
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
                        spans, tokens_in, word_list)


def _words(options: dict) -> WordList:
    return word_list({**options["terms"], **options["extra_terms"]}, options["inflect"])


def _needs(options: dict) -> set[str]:
    """Tags and parts of speech always; the dependency parse only when a term skips clauses."""
    needs = {"sentences", "tags", "pos"}
    if any(term.skip_clauses or term.deps for term in _words(options).terms.values()):
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
            if term in words.terms and not words.terms[term].fits(tokens[0]):
                continue
            if ctx.options["skip_names"] and any(name_part(t) for t in tokens):
                continue
            yield ctx.report_in(sentence.block, start, end, text=match.group(0), term=term)


KIND = Kind(
    name="existence",
    summary="Listed words, as the listed part of speech, outside names, code and (optionally) quotes.",
    check=check,
    fields=("term", "text"),
    options={
        "terms": Option("map", {}, "word or phrase -> parts of speech it is flagged as (UPOS or Penn tags; [] = any),"
                                   " or -> {pos, deps, skip_clauses, skip_in_past}"),
        "extra_terms": Option("map", {}, "more terms, added in your configuration"),
        "exceptions": Option("str-list", [], "phrases in which a term is fine (\"generally available\")"),
        "inflect": Option("bool", False, "also match a term's regular inflections (-s, -ed, -ing)"),
        "skip_names": Option("bool", True, "ignore terms inside capitalised proper names"),
        "skip_questions": Option("bool", True, "ignore sentences that are questions"),
        "include_quotes": include_quotes_option(False),
    },
    needs=frozenset({"sentences", "tags", "pos"}),
    needs_for=_needs,
    candidates=candidates,
)
