"""substitution: wordy phrases, each with its plain replacement carried as a fix.

``phrases`` maps a phrase to its replacement ("in order to": "to"), or to a
mapping ``{replacement: ..., pos: [VERB]}`` when the phrase is only wordy as some
parts of speech ("purchase" the verb, not the noun; checked with the tagger).
Phrases match whole words, across line breaks, in any capitalisation; the
replacement takes the found text's capitalisation ("In order to" -> "To").  With
``inflect``, a one-word phrase also matches its regular inflections and the
replacement is inflected to match ("utilizes" -> "uses", "utilized" -> "used");
``irregular`` gives past forms that do not end in -ed ({buy: bought}).

The finding carries the replacement, so ``--fix`` can apply it.  Code and URLs
are never read; quotations only with ``include_quotes``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from . import Context, Finding, Kind, Option
from ._language import include_quotes_option, match_case, phrase_pattern, readable


def _entries(options: dict) -> dict[str, tuple[str, list[str]]]:
    entries = {}
    for phrase, value in {**options["phrases"], **options["extra_phrases"]}.items():
        if isinstance(value, dict):
            replacement, pos = str(value.get("replacement", "")), value.get("pos") or []
        else:
            replacement, pos = str(value), []
        entries[" ".join(str(phrase).lower().split())] = (replacement, [pos] if isinstance(pos, str) else list(pos))
    return entries


def _needs(options: dict) -> set[str]:
    return {"tags", "pos"} if any(pos for _, pos in _entries(options).values()) else set()


def inflection(base: str, found: str) -> str:
    """Which form of ``base`` is ``found``: '', 's', 'ed' or 'ing'."""
    base, found = base.lower(), found.lower()
    if found == base:
        return ""
    if found.endswith("ing"):
        return "ing"
    if found.endswith("ed") or found.endswith("ied"):
        return "ed"
    if found.endswith("s"):
        return "s"
    return ""


def inflect(word: str, form: str, irregular: dict[str, str]) -> str:
    """``word`` (a verb, or a phrase led by one) in ``form``: 's', 'ed', 'ing' or ''."""
    if not form or not word:
        return word
    head, _, rest = word.partition(" ")
    tail = f" {rest}" if rest else ""
    if form == "ed" and head.lower() in irregular:
        return irregular[head.lower()] + tail
    if form == "s":
        if re.search(r"(?:s|sh|ch|x|z|o)$", head):
            return head + "es" + tail
        if re.search(r"[^aeiou]y$", head):
            return head[:-1] + "ies" + tail
        return head + "s" + tail
    if head.endswith("e") and not head.endswith("ee"):
        stem = head[:-1]
    elif re.search(r"[^aeiou]y$", head) and form == "ed":
        stem = head[:-1] + "i"
    else:
        stem = head
    return stem + ("ed" if form == "ed" else "ing") + tail


def _one_word(entries: dict) -> list[str]:
    """The one-word phrases: the ones that inflect."""
    return [p for p in entries if " " not in p and "-" not in p]


def _patterns(entries: dict, inflect_on: bool) -> list[tuple[Any, bool]]:
    singles = _one_word(entries)
    multis = [p for p in entries if p not in singles]
    return [(phrase_pattern(tuple(multis)), False), (phrase_pattern(tuple(singles), inflect_on), inflect_on)]


def candidates(options: dict) -> "re.Pattern[str] | None":
    """Prefilter: only phrases with parts of speech need the tagger; a sentence without one
    is never tagged (a phrase never spans two sentence pieces: pieces part at ". X")."""
    tagged = {p: v for p, v in _entries(options).items() if v[1]}
    parts = [p.pattern for p, _ in _patterns(tagged, options["inflect"]) if p is not None]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE) if parts else re.compile(r"(?!)")


@dataclass(frozen=True)
class Phrases:
    """The rule's phrases, ready to match (built once per rule)."""

    entries: dict[str, tuple[str, list[str]]]
    singles: list[str]  # one-word phrases
    patterns: list[tuple[Any, bool]]
    irregular: dict[str, str]
    tagged: bool  # some phrase counts only as some parts of speech


def _phrases(options: dict) -> Phrases:
    entries = _entries(options)
    return Phrases(entries, _one_word(entries), _patterns(entries, options["inflect"]),
                   {str(k).lower(): str(v) for k, v in options["irregular"].items()}, bool(_needs(options)))


def check(ctx: Context) -> Iterator[Finding]:
    phrases = ctx.per_rule(_phrases)
    if not phrases.entries:
        return
    entries = phrases.entries
    # Tagged tokens by (block, prose offset), from the sentences the prefilter let through.
    tagged: dict | None = None  # (id(block), prose offset) -> token, worked out at the first tagged phrase
    blocks = ctx.blocks()
    joined = ctx.joined_blocks()
    texts = joined.texts
    searched = {id(pattern): set(joined.matching(pattern))  # one search per draft
                for pattern, _ in phrases.patterns if pattern is not None}
    for index, block in enumerate(blocks):
        text = texts[index]
        for pattern, inflected in phrases.patterns:
            if pattern is None or index not in searched[id(pattern)]:
                continue
            for match in pattern.finditer(text):
                start, end = match.span()
                if not readable(ctx, block, start, end):
                    continue
                found = match.group(0)
                key = " ".join(found.lower().split())
                if key not in entries and inflected:
                    key = next((p for p in phrases.singles if phrase_pattern((p,), True).fullmatch(found)), key)
                if key not in entries:
                    continue
                replacement, pos = entries[key]
                if pos:
                    if tagged is None:
                        tagged = {(id(s.block), t.idx): t for s in ctx.sentences() for t in s.span}
                    token = tagged.get((id(block), start))
                    if token is None or (token.pos_ not in pos and token.tag_ not in pos):
                        continue
                if inflected:
                    replacement = inflect(replacement, inflection(key, found), phrases.irregular)
                replacement = match_case(found, replacement)
                yield ctx.report_in(block, start, end, replacement, text=found, plain=replacement)


KIND = Kind(
    name="substitution",
    summary="Listed wordy phrases, each reported with its plain replacement as a fix.",
    check=check,
    fields=("plain", "text"),
    options={
        "phrases": Option("map", {}, "phrase -> replacement, or -> {replacement, pos: [parts of speech]}"),
        "extra_phrases": Option("map", {}, "more phrases, added in your configuration"),
        "inflect": Option("bool", True, "one-word phrases also match -s/-ed/-ing forms, and the fix follows"),
        "irregular": Option("map", {}, "past forms of replacement verbs that do not end in -ed (buy: bought)"),
        "include_quotes": include_quotes_option(False),
    },
    needs_for=_needs,
    candidates=candidates,
)
