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
from ._language import include_quotes_option, readable

# A capitalised run not inside a word: ACRONYM_PLAIN, with its look-behind moved after the
# first capital, so that the regex engine jumps from one capital to the next (3x faster).
ACRONYM_PLAIN = r"(?<![\w&/.\-'’])([A-Z](?:[A-Z0-9]|[&/](?=[A-Z]))*[A-Z0-9])(s?)(?![\w&/\-]|['’](?!s\b)|\.\w)"
ACRONYM = re.compile(r"([A-Z](?<![\w&/.\-'’][A-Z])(?:[A-Z0-9]|[&/](?=[A-Z]))*[A-Z0-9])(s?)(?![\w&/\-]|['’](?!s\b)|\.\w)")
ROMAN = re.compile(r"^[IVX]+$")
SMALL_WORDS = {"of", "and", "the", "for", "to", "a", "an", "in", "on", "with", "by", "at", "&", "or", "de"}
EXPANSION_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _letters(acronym: str) -> str:
    return "".join(c for c in acronym if c.isalpha()).lower()


def _split_word(word: str) -> list[str]:
    """'JavaScript' -> ['Java', 'Script']; 'multi-factor' -> ['multi', 'factor']."""
    parts = []
    for piece in re.split(r"[\-/]", word):
        parts.extend(re.findall(r"[A-Z]?[a-z'’]+|[A-Z]+(?![a-z])", piece) or ([piece] if piece else []))
    return parts


def spells(acronym: str, words: list[str]) -> bool:
    """Do ``words`` (an expansion, possibly with extra words before it) spell ``acronym``?"""
    target = _letters(acronym)
    if not target or not words:
        return False
    parts = [p for w in words for p in _split_word(w)]
    for k in range(1, min(len(parts), len(target) + 4) + 1):
        window = parts[-k:]
        initials = "".join(p[0].lower() for p in window)
        content = "".join(p[0].lower() for p in window if p.lower() not in SMALL_WORDS)
        if target in (initials, content) and window[0].lower() not in SMALL_WORDS:
            return True
    # loose: the letters in order through the expansion, from its first word's initial
    for k in range(1, min(len(parts), len(target) + 2) + 1):
        window = parts[-k:]
        if window[0][0].lower() != target[0] or window[0].lower() in SMALL_WORDS:
            continue
        letters = iter("".join(window).lower()[1:])
        if all(c in letters for c in target[1:]) and len(window) >= min(2, len(target)):
            return True
    return False


def _words_before(text: str, end: int) -> list[str]:
    return EXPANSION_WORD.findall(text[max(0, end - 200):end])


def _definition_here(text: str, start: int, end: int, acronym: str) -> bool:
    """'Long Form (ACR)' around [start, end), or 'ACR (long form)' after it."""
    before = text[:start].rstrip()
    after = text[end:]
    if before.endswith("(") and re.match(r"\s*\)", after):
        return spells(acronym, _words_before(before[:-1].rstrip(" ,"), len(before[:-1].rstrip(" ,"))))
    inside = re.match(r"\s*\(([^()]{3,120})\)", after)
    if inside:
        words = EXPANSION_WORD.findall(inside.group(1))
        return spells(acronym, words) or spells(acronym, words[: len(_letters(acronym)) + 3])
    return False


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
    """Whether the draft is written for developers: front matter `audience: developers`, or
    what developers read — a code block, or three pieces of inline code."""
    audience = ctx.document.front_matter.get("audience")
    if isinstance(audience, str):
        return bool(DEVELOPER_AUDIENCE.match(audience))
    blocks = ctx.document.blocks
    if any(b.kind == "code" for b in blocks):
        return True
    return sum(len(b.prose.opaque) for b in blocks if b.prose is not None) >= 3


def check(ctx: Context) -> Iterator[Finding]:
    allow = ctx.per_rule(_allowed)
    if for_developers(ctx):
        allow = allow | ctx.per_rule(_developer_allowed)
    skips = user_patterns(tuple(ctx.options["skip"]))
    settled: set[str] = set()
    for block in ctx.blocks():
        if block.kind == "heading" and ctx.options["skip_headings"]:
            continue  # neither a first use nor a finding
        text = block.prose.text
        # The tests on the word alone first: most blocks have no unknown acronym to look at.
        found = [m for m in ACRONYM.finditer(text) if _unknown(m, allow, ctx.options["max_letters"])]
        if not found or _all_capitals(text):
            continue
        skipped = [m.span() for p in skips for m in p.finditer(text)]
        for match in found:
            acronym = match.group(1)
            start, end = match.span()
            if acronym in settled:
                continue
            if any(s <= start and end <= e for s, e in skipped) or _shouting(text, start, end):
                continue
            if not readable(ctx, block, start, end):
                continue
            settled.add(acronym)
            if _definition_here(text, start, end, acronym):
                continue
            yield ctx.report_in(block, start, end, acronym=acronym, text=match.group(0))


def _unknown(match: re.Match[str], allow: set[str], max_letters: int) -> bool:
    """An acronym readers may not know: not allowed, not a Roman numeral, of a fitting length."""
    acronym = match.group(1)
    if acronym in allow or acronym + match.group(2) in allow or ROMAN.match(acronym):
        return False
    return 2 <= len(_letters(acronym)) <= max_letters


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
    options={
        "allow": Option("str-list", [], "acronyms every reader knows"),
        "extra_allow": Option("str-list", [], "more known acronyms, added in your configuration"),
        "developer_allow": Option("str-list", [], "acronyms every developer knows, allowed in a draft for developers "
                                  "(front matter `audience: developers`, a code block, or three inline code spans)"),
        "skip": Option("regex-list", [], "patterns of text that holds no acronyms (datelines)"),
        "skip_headings": Option("bool", True, "headings neither use nor define acronyms"),
        "max_letters": Option("int", 5, "longer all-capital words are words in capitals (a keyword to text),"
                                        " not acronyms"),
        "include_quotes": include_quotes_option(True),
    },
)
