"""acronym: an acronym is spelled out where it is first used.

An acronym is a word of two to ``max_letters`` capitals, digits allowed ("SKU",
"EC2", "AT&T"), with an optional plural "s" ("APIs"); longer words in capitals
are words (a keyword to text, a name), not acronyms.  It is defined where it follows
its expansion in parentheses ("Amazon Web Services (AWS)") or is followed by it
("SKU (stock keeping unit)"): the expansion's words' initials must spell it
(small words such as "of" may be skipped; "JavaScript" gives J and S), or, more
loosely, its letters appear in order in the expansion starting at the first
word's initial.  The first use of an acronym that is not defined there -- either
used before its definition or never defined -- is reported, once per acronym.

Not acronyms: words on the ``allow`` list (CEO, FAQ, PDF, URL, USB, AM, PM ...), and in a
draft for developers those on ``developer_allow`` too (API, SDK, CLI, JSON ...),
Roman numerals, text matched by a ``skip`` pattern (datelines such as "SEATTLE,
WA --", "City, ST"), runs of capitalised words ("FREE SHIPPING ALL WEEK", "SÃO
PAULO") and all-capital blocks.  With ``skip_headings`` an acronym in a heading is neither a first use
nor flagged (headlines have no room for expansions); its first use in body
text must define it.  Code and URLs are never read.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..userregex import user_patterns
from . import Context, Finding, Kind, Option
from ._acronym_forms import (ROMAN, EarlierWords, defined_here, letters, not_an_acronym, read_as_word,
                             spelled_in)
from ._language import include_quotes_option, readable

# A capitalised run not inside a word: ACRONYM_PLAIN, with its look-behind moved after the
# first capital, so that the regex engine jumps from one capital to the next (3x faster).
ACRONYM_PLAIN = r"(?<![\w&/.\-'’])([A-Z](?:[A-Z0-9]|[&/](?=[A-Z]))*[A-Z0-9])(s?)(?![\w&/\-]|['’](?!s\b)|\.\w)"
ACRONYM = re.compile(r"([A-Z](?<![\w&/.\-'’][A-Z])(?:[A-Z0-9]|[&/](?=[A-Z]))*[A-Z0-9])(s?)(?![\w&/\-]|['’](?!s\b)|\.\w)")
def _allowed(options: dict) -> set[str]:
    return {a.upper() for a in [*options["allow"], *options["extra_allow"]]}


def _all_capitals(text: str) -> bool:
    """More than 12 letters, over 80% of them capitals: shouting, not acronyms."""
    letters = "".join(filter(str.isalpha, text))
    return len(letters) > 12 and sum(map(str.isupper, letters)) > 0.8 * len(letters)


def _developer_allowed(options: dict) -> set[str]:
    return {a.upper() for a in options["developer_allow"]}


DEVELOPER_AUDIENCE = re.compile(r"^\s*(?:developers?|engineers?|technical|devs?|programmers?)\s*$", re.IGNORECASE)


def for_developers(ctx: Context) -> bool:
    """Whether the draft is written for developers: front matter `audience: developers`; what
    developers read (a code block, or three pieces of inline code); a product the summary calls
    a developer's tool ("Acme Bible, a Bible API that ..."); or talk only developers share
    (``developer_terms_min`` distinct words of ``developer_terms``: endpoint, repository, SDK ...)."""
    audience = ctx.document.front_matter.get("audience")
    if isinstance(audience, str):
        return bool(DEVELOPER_AUDIENCE.match(audience))
    return ctx.per_draft(("for-developers", ctx.rule.name), _reads_as_developers, ctx)


# "Acme Bible, a Bible API", "X is an open-source command-line tool": what the summary says the
# product is (in apposition or after "is"), when it is a developer's tool; not "X has an API"
DEVELOPER_PRODUCT = re.compile(
    r"(?:,|\bis|\bare|[:\u2014\u2013])\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,3}?(?:APIs?|SDKs?|CLI|librar(?:y|ies)|frameworks?|"
    r"command[\- ]line\s+(?:tool|interface)s?|developer\s+tools?)\b")


def _reads_as_developers(ctx: Context) -> bool:
    blocks = ctx.document.blocks
    if any(b.kind == "code" for b in blocks):
        return True
    if sum(len(b.prose.opaque) for b in blocks if b.prose is not None) >= 3:
        return True
    anatomy = ctx.anatomy
    if anatomy is not None:
        opening = [b for b in (anatomy.headline, anatomy.summary) if b is not None and b.prose is not None]
        if any(DEVELOPER_PRODUCT.search(b.prose.text) for b in opening):
            return True
    terms = ctx.per_rule(_developer_terms)
    if terms is None:
        return False
    seen = {m.group(0).lower() for b in blocks if b.prose is not None for m in terms.finditer(b.prose.text)}
    return len(seen) >= ctx.options["developer_terms_min"]


def _developer_terms(options: dict) -> re.Pattern[str] | None:
    words = [re.escape(w).replace(r"\ ", r"[\s\-]") for w in options["developer_terms"]]
    if not words:
        return None
    return re.compile(r"(?<![\w\-])(?:%s)(?![\w\-])" % "|".join(sorted(words, key=len, reverse=True)), re.IGNORECASE)


def check(ctx: Context) -> Iterator[Finding]:
    allow = ctx.per_rule(_allowed)
    if for_developers(ctx):
        allow = allow | ctx.per_rule(_developer_allowed)
    skips = user_patterns(tuple(ctx.options["skip"]))
    settled: set[str] = set()
    earlier = EarlierWords()  # the prose read so far, where a long form may have been given
    for block in ctx.blocks():
        if block.kind == "heading" and ctx.options["skip_headings"]:
            continue  # neither a first use nor a finding
        text = block.prose.text
        # The tests on the word alone first: most blocks have no unknown acronym to look at.
        found = [c for m in ACRONYM.finditer(text) for c in _candidates(m, allow, ctx.options["max_letters"])]
        if not found or _all_capitals(text):
            earlier.add(text)
            continue
        skipped = [m.span() for p in skips for m in p.finditer(text)]
        for acronym, start, end in found:
            if acronym in settled:
                continue
            if any(s <= start and end <= e for s, e in skipped) or _shouting(text, start, end):
                continue
            if not readable(ctx, block, start, end) or not_an_acronym(text, start, end, acronym):
                continue
            if acronym in ctx.options["words_in_capitals"] or read_as_word(acronym, _syllables):
                continue
            settled.add(acronym)
            if defined_here(text, start, end, acronym) or spelled_in(acronym, earlier.with_text(text[:start])):
                continue
            yield ctx.report_in(block, start, end, acronym=acronym, text=text[start:end])
        earlier.add(text)


def _candidates(match: re.Match[str], allow: set[str], max_letters: int) -> list[tuple[str, int, int]]:
    """(acronym, start, end) of an unknown acronym in ``match``; in a slash compound not allowed
    as a whole ("HTML/XBRL"), each of its parts."""
    acronym, plural = match.group(1), match.group(2)
    start, end = match.span()
    if "/" not in acronym or acronym in allow or acronym + plural in allow:
        return [(acronym, start, end)] if _unknown(acronym, plural, allow, max_letters) else []
    out, at = [], start
    for part in acronym.split("/"):
        last = at + len(part) == start + len(acronym)
        if _unknown(part, plural if last else "", allow, max_letters):
            out.append((part, at, at + len(part) + (len(plural) if last else 0)))
        at += len(part) + 1
    return out


def _unknown(acronym: str, plural: str, allow: set[str], max_letters: int) -> bool:
    """An acronym readers may not know: not allowed, not a Roman numeral, of a fitting length."""
    if acronym in allow or acronym + plural in allow or ROMAN.match(acronym):
        return False
    return 2 <= len(letters(acronym)) <= max_letters


def _syllables(word: str) -> int | None:
    from .. import syllables  # noqa: PLC0415 - the dictionary is read only when a capitals word needs it

    return syllables.in_dictionary(word)


def _caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _shouting(text: str, start: int, end: int) -> bool:
    """Part of a run of capitalised words that reads as shouting or a name in capitals:
    three or more ("FREE SHIPPING ALL WEEK"), or two with a long one ("SÃO PAULO")."""
    run = [text[start:end]]
    for word in reversed(re.findall(r"\S+", text[max(0, start - 80):start])):
        if not _caps(word.strip(",")) or word.endswith((".", ":", ";")):
            break
        run.append(word)
    for word in re.findall(r"\S+", text[end:end + 80]):
        if not _caps(word.strip(",.:;")):
            break
        run.append(word)
        if word.endswith((",", ".", ":", ";")):
            break
    letters = [sum(c.isalpha() for c in w) for w in run]
    return len(run) >= 3 or (len(run) == 2 and max(letters) >= 6)


KIND = Kind(
    name="acronym",
    summary="Acronyms are spelled out at first use.",
    check=check,
    fields=("acronym", "text"),
    options={
        "allow": Option("str-list", [], "acronyms every reader knows"),
        "extra_allow": Option("str-list", [], "more known acronyms, added in your configuration"),
        "developer_allow": Option("str-list", [], "acronyms every developer knows, allowed in a draft for developers "
                                  "(front matter `audience: developers`, a code block, or three inline code spans)"),
        "developer_terms": Option("str-list", [], "words developers share (endpoint, repository, SDK ...): a draft "
                                  "using `developer_terms_min` different ones is for developers"),
        "developer_terms_min": Option("int", 6, "different `developer_terms` that make a draft one for developers",
                                      min=1),
        "skip": Option("regex-list", [], "patterns of text that holds no acronyms (datelines)"),
        "words_in_capitals": Option("str-list", [], "short words written in capitals for emphasis (AND, NOT, YES): "
                                    "not acronyms"),
        "skip_headings": Option("bool", True, "headings neither use nor define acronyms"),
        "max_letters": Option("int", 5, "longer all-capital words are words in capitals (a keyword to text),"
                                        " not acronyms", min=1),
        "include_quotes": include_quotes_option(True),
    },
)
