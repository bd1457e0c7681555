"""What reads as an acronym, and where it is spelled out (the acronym kind's language).

Not acronyms, though written in capitals: a word or a name the reader says as a word
("FREE", "STOP", "LEGO": the pronouncing dictionary reads it in fewer syllables than it has
letters, where an acronym said letter by letter has at least one per letter); a label with
digits (FY2025, a code such as SAVE20, "Form DEF 14A"); a model after a brand ("iPhone SE");
a Roman numeral after a name ("Super Bowl LX"); initials before a surname ("CJ Okafor, who").

Spelled out: "Long Form (LF)", "LF (long form)", "LF, a long form", and a long form anywhere
earlier in the draft ("the learning management system ... the LMS").
"""
from __future__ import annotations

import re

SMALL_WORDS = {"of", "and", "the", "for", "to", "a", "an", "in", "on", "with", "by", "at", "&", "or", "de"}
EXPANSION_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*")
ROMAN = re.compile(r"^[IVX]+$")
FULL_ROMAN = re.compile(r"^(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
# after the capitals: a code with digits ("DEF 14A", "XC 90") names a form or a model
CODE_AFTER = re.compile(r"[ \u00a0]+\d[\w]*\b")
YEAR_LABEL = re.compile(r"^[A-Z]{1,6}\d{2,}$")  # FY2025, a promo code SAVE20: a label, not an acronym
BRAND_BEFORE = re.compile(r"\b[a-z]+[A-Z]\w*[ \u00a0]+$|\b[A-Z][a-z]+[A-Z]\w*[ \u00a0]+$")  # iPhone, eBay, PlayStation
INITIALS = re.compile(r"^[A-Z]{2}$")
SURNAME_AFTER = re.compile(r"[ \u00a0]+[A-Z][a-z]+(?:[\-'’][A-Z]?[a-z]+)?\s*(?:,|\bsaid\b|\bsays\b|$)")  # "CJ Okafor, who"
NAME_BEFORE = re.compile(r"\b(?!(?:The|A|An|This|That|These|Our|Your|Its|Their|My|His|Her|New|Every|Each)\b)"
                         r"[A-Z][a-z]+[ \u00a0]+$")  # "Super Bowl LX", not "The CLI"


def letters(acronym: str) -> str:
    return "".join(c for c in acronym if c.isalpha()).lower()


def split_word(word: str) -> list[str]:
    """'JavaScript' -> ['Java', 'Script']; 'multi-factor' -> ['multi', 'factor']."""
    parts = []
    for piece in re.split(r"[\-/]", word):
        parts.extend(re.findall(r"[A-Z]?[a-z'’]+|[A-Z]+(?![a-z])", piece) or ([piece] if piece else []))
    return parts


def spells(acronym: str, words: list[str]) -> bool:
    """Do ``words`` (an expansion, possibly with extra words before it) spell ``acronym``?"""
    target = letters(acronym)
    if not target or not words:
        return False
    parts = [p for w in words for p in split_word(w)]
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
        rest = iter("".join(window).lower()[1:])
        if all(c in rest for c in target[1:]) and len(window) >= min(2, len(target)):
            return True
    return False


def word_parts(text: str) -> list[str]:
    """The lowercased words of ``text``, compounds split ("JavaScript", "multi-factor")."""
    return [p.lower() for w in EXPANSION_WORD.findall(text) for p in split_word(w)]


class EarlierWords:
    """The words of the prose read so far, split once per block and only when a look-up needs
    them (most drafts have no acronym to look a long form up for)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._pending: list[str] = []

    def add(self, text: str) -> None:
        self._pending.append(text)

    def with_text(self, text: str) -> list[str]:
        for pending in self._pending:
            self.parts.extend(word_parts(pending))
        self._pending.clear()
        return self.parts + word_parts(text)


def spelled_in(acronym: str, parts: list[str]) -> bool:
    """Whether consecutive words (``word_parts``) have the acronym's letters as initials
    ("learning management system" for LMS): a long form the draft gave before this use. Three
    letters at least, and a word for each letter, so that chance initials do not count."""
    target = letters(acronym)
    if len(target) < 3:
        return False
    n = len(target)
    for i in range(len(parts) - n + 1):
        if parts[i][0] == target[0] and "".join(p[0] for p in parts[i:i + n]) == target:
            if parts[i] not in SMALL_WORDS:
                return True
    return False


def defined_here(text: str, start: int, end: int, acronym: str) -> bool:
    """'Long Form (ACR)' around [start, end), 'ACR (long form)' or 'ACR, a long form' after it."""
    before = text[:start].rstrip()
    after = text[end:]
    if before.endswith("(") and re.match(r"\s*\)", after):
        lead = before[:-1].rstrip(" ,")
        return spells(acronym, EXPANSION_WORD.findall(lead[max(0, len(lead) - 200):]))
    inside = re.match(r"\s*\(([^()]{3,120})\)", after)
    if inside:
        words = EXPANSION_WORD.findall(inside.group(1))
        return spells(acronym, words) or spells(acronym, words[: len(letters(acronym)) + 3])
    apposed = re.match(r"\s*(?:,|[\u2014\u2013]|--)\s*(?:an?|the)\s+([^,.;:()\u2014\u2013]{3,120})", after)
    if apposed:
        words = EXPANSION_WORD.findall(apposed.group(1))[: len(letters(acronym)) + 3]
        return any(spells(acronym, words[:k]) for k in range(len(letters(acronym)), len(words) + 1))
    return False


def read_as_word(acronym: str, syllables) -> bool:
    """Said as a word, not letter by letter: four letters or more and, in the pronouncing
    dictionary, fewer syllables than letters (FREE 1, LEGO 2, NASA 2; FBI 3, USB 3).
    ``syllables(word)`` gives the dictionary's count, or None for a word it lacks."""
    word = letters(acronym)
    if len(word) < 4 or len(word) != len(acronym.rstrip("s")):
        return False
    found = syllables(word)
    return found is not None and found < len(word)


def not_an_acronym(text: str, start: int, end: int, acronym: str) -> bool:
    """A label, a model or a numeral written in capitals, by what stands around it."""
    if YEAR_LABEL.match(acronym) or CODE_AFTER.match(text, end):
        return True
    before = text[max(0, start - 40):start]
    if BRAND_BEFORE.search(before) or INITIALS.match(acronym) and SURNAME_AFTER.match(text, end):
        return True
    return bool(FULL_ROMAN.match(acronym) and NAME_BEFORE.search(before))
