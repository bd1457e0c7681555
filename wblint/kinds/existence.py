"""existence: listed words are flagged where they are used as the listed part of speech.

``terms`` maps each word or phrase to the parts of speech it is flagged as
(Universal POS such as ADV, AUX, DET, or Penn tags such as MD); an empty list
means any.  So ``may: [AUX]`` flags the hedge "may" but not the month May, and
``many: [ADJ, DET, PRON]`` flags "many teachers" but not the noun in a name.
A term may instead map to ``{pos: [...], skip_clauses: [relcl], skip_in_past:
true}``: not flagged inside clauses with those dependency labels ("those who
could take it"), nor in sentences told in the past tense ("nobody could collect
them" is past ability, not a hedge).
Words inside proper names the writer capitalised ("Many Hands Pantry"), inside
``exceptions`` ("generally available", "how many", "as soon as"), inside
hyphenated compounds ("many-to-many"), in questions (when ``skip_questions``),
in code, URLs and (unless ``include_quotes``) quotations are not flagged.

Prefilter: ``candidates`` is the regex of the terms themselves; a sentence it does
not match cannot yield a finding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from . import Context, Finding, Kind, Option
from ._language import (include_quotes_option, inside, is_name_part, phrase_pattern, readable, sentences, spans,
                        tokens_in)


@dataclass(frozen=True)
class Term:
    pos: tuple[str, ...] = ()  # flagged only as these parts of speech (empty: any)
    skip_clauses: frozenset[str] = frozenset()  # not in clauses with these dependency labels
    skip_in_past: bool = False  # not in a sentence told in the past tense


def _term(value: object) -> Term:
    if isinstance(value, dict):
        pos = value.get("pos") or []
        return Term(tuple([pos] if isinstance(pos, str) else pos), frozenset(value.get("skip_clauses") or []),
                    bool(value.get("skip_in_past", False)))
    if value is None or value in ("", "any"):
        return Term()
    return Term(tuple([value] if isinstance(value, str) else [str(v) for v in value]))


def _terms(options: dict) -> dict[str, Term]:
    merged = {**options["terms"], **options["extra_terms"]}
    return {str(term).lower(): _term(value) for term, value in merged.items()}


def _fits(token: Any, term: Term) -> bool:
    """The token is used the way the term is a weasel word."""
    if term.pos and token.pos_ not in term.pos and token.tag_ not in term.pos:
        return False
    if term.skip_clauses and (token.dep_ in term.skip_clauses or token.head.dep_ in term.skip_clauses):
        return False
    if term.skip_in_past and any(t.tag_ == "VBD" for t in token.sent):
        return False
    return True


def candidates(options: dict) -> re.Pattern[str] | None:
    return phrase_pattern(tuple(_terms(options)), options["inflect"])


def check(ctx: Context) -> Iterator[Finding]:
    terms = _terms(ctx.options)
    pattern = candidates(ctx.options)
    if pattern is None:
        return
    singles = {term: phrase_pattern((term,), ctx.options["inflect"]) for term in terms}
    exceptions = phrase_pattern(tuple(ctx.options["exceptions"]))
    for sentence in sentences(ctx, pattern):
        if ctx.options["skip_questions"] and sentence.text.rstrip().endswith("?"):
            continue
        text = sentence.block.prose.text
        excepted = spans(exceptions, text)
        for match in pattern.finditer(text, sentence.span.start_char, sentence.span.end_char):
            start, end = match.span()
            if not readable(ctx, sentence.block, start, end) or inside(excepted, start, end):
                continue
            tokens = tokens_in(sentence, start, end)
            if not tokens:
                continue
            term = next((t for t, p in singles.items() if p.fullmatch(match.group(0))), match.group(0).lower())
            if term in terms and not _fits(tokens[0], terms[term]):
                continue
            if ctx.options["skip_names"] and any(is_name_part(t) for t in tokens):
                continue
            yield ctx.report_in(sentence.block, start, end, text=match.group(0), term=term)


KIND = Kind(
    name="existence",
    summary="Listed words, as the listed part of speech, outside names, code and (optionally) quotes.",
    check=check,
    options={
        "terms": Option("map", {}, "word or phrase -> parts of speech it is flagged as (UPOS or Penn tags; [] = any),"
                                   " or -> {pos, skip_clauses, skip_in_past}"),
        "extra_terms": Option("map", {}, "more terms, added in your configuration"),
        "exceptions": Option("str-list", [], "phrases in which a term is fine (\"generally available\")"),
        "inflect": Option("bool", False, "also match a term's regular inflections (-s, -ed, -ing)"),
        "skip_names": Option("bool", True, "ignore terms inside capitalised proper names"),
        "skip_questions": Option("bool", True, "ignore sentences that are questions"),
        "include_quotes": include_quotes_option(False),
    },
    needs=frozenset({"sentences", "tags"}),
    candidates=candidates,
)
