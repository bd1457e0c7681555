"""Helpers the language kinds share: what a rule may read, names, numbers, phrase lists.

Not a kind (it defines no ``KIND``), so the registry passes it by.

Every language kind reads prose the same way: code and URL placeholders are never
read, quotations only when the rule's ``include_quotes`` option says so, and a
word list entry never matches inside a proper name the writer capitalised
("Best Buy", "Many Glacier", "May Okafor", "Will Smith").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator

from . import Context, Option, Sentence

INCLUDE_QUOTES_HELP = "also read text inside quotations (customer and spokesperson quotes)"


def include_quotes_option(default: bool) -> Option:
    return Option("bool", default, INCLUDE_QUOTES_HELP)


# -- what a rule may read ---------------------------------------------------------------


def readable(ctx: Context, block: Any, start: int, end: int) -> bool:
    """Prose ``[start, end)`` is neither a code/URL placeholder nor, unless the rule's
    ``include_quotes`` option is on, inside a quotation."""
    if block.prose.is_opaque(start, end):
        return False
    if not ctx.options.get("include_quotes", True) and ctx.in_quote(block, start, end):
        return False
    return True


def sentences(ctx: Context, candidates: re.Pattern[str] | None = None) -> Iterator[Sentence]:
    """The rule's sentences; with ``candidates``, only those its text matches."""
    for sentence in ctx.sentences():
        if candidates is None or candidates.search(sentence.text):
            yield sentence


def report_tokens(ctx: Context, sentence: Sentence, first: Any, last: Any, replacement: str | None = None,
                  **fields: Any):
    """A finding from token ``first`` to token ``last`` (inclusive)."""
    start, end = first.idx, last.idx + len(last.text)
    text = sentence.block.prose.text[start:end]
    return ctx.report_in(sentence.block, start, end, replacement, text=text, **fields)


# -- labels as ids ------------------------------------------------------------------------


@lru_cache(maxsize=64)
def label_ids(strings: Any, labels: tuple[str, ...]) -> frozenset[int]:
    """The ids a spaCy StringStore gives ``labels``: ``token.tag in label_ids(...)`` is an int
    compare, where ``token.tag_ in labels`` looks up a string for every token."""
    return frozenset(strings[label] for label in labels)


# -- word lists with grammar -----------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """How a listed word must be used to count (a word list entry in a rule's options).

    Written in YAML as a list of parts of speech (``[ADV]``; empty: any), or as a
    mapping ``{pos: [...], deps: [...], heads: [...], skip_clauses: [...], skip_in_past: bool,
    skip_before_number: bool, permission: bool, after: [...], skip_inverted: bool}``.
    """

    pos: tuple[str, ...] = ()  # Universal POS or Penn tags it must have
    deps: frozenset[str] = frozenset()  # dependency labels it must have (needs the parse)
    skip_clauses: frozenset[str] = frozenset()  # not when it or its head has these labels (needs the parse)
    skip_in_past: bool = False  # not in a sentence told in the past tense, nor before "have" + participle
    heads: frozenset[str] = frozenset()  # the POS of the word it modifies ("virtually free", not "meet virtually")
    skip_before_number: bool = False  # not before a figure ("nearly 4,000 teachers" gives the number)
    permission: bool = False  # a modal that may grant or advise ("members may bring a guest"): the kind decides
    after: frozenset[str] = frozenset()  # only right after one of these words ("cuts bills by up to 30%")
    skip_inverted: bool = False  # not opening an inverted condition ("Should your card go missing, ...")

    def fits(self, token: Any) -> bool:
        if self.pos and token.pos_ not in self.pos and token.tag_ not in self.pos:
            return False
        if self.deps and token.dep_ not in self.deps:
            return False
        if self.heads and token.head.pos_ not in self.heads and not _next_in(token, self.heads):
            return False
        if self.after and not _after(token, self.after):
            return False
        if self.skip_clauses and (token.dep_ in self.skip_clauses or token.head.dep_ in self.skip_clauses):
            return False
        if self.skip_in_past and (any(t.tag_ == "VBD" for t in token.sent) or _perfect_after(token)
                                  or PAST_TIME.search(token.sent.text)):
            return False
        if self.skip_inverted and _opens_condition(token):
            return False
        return True

    def fits_after(self, last: Any) -> bool:
        """What follows the term's last token: no figure, for ``skip_before_number``."""
        if not self.skip_before_number:
            return True
        following = last.doc[last.i + 1:min(last.i + 3, last.sent.end)]
        return not any(t.like_num or t.pos_ == "NUM" for t in following[:1]) and not (
            len(following) == 2 and following[0].text in "$£€" and following[1].like_num)


# "Last winter, parents could pay only at the office": a time in the past, though no verb is
PAST_TIME = re.compile(r"\b(?:last\s+(?:year|month|week|winter|spring|summer|fall|autumn|season|term|time)|"
                       r"\w+\s+ago|until\s+(?:now|recently|this\s+year)|in\s+the\s+past|back\s+then|"
                       r"before\s+(?:the|this|our|we)\b|previously|used\s+to)\b", re.IGNORECASE)


def _next_in(token: Any, tags: frozenset[str]) -> bool:
    """The word right after has one of ``tags`` ("virtually no wait", the parser hanging
    "virtually" on the verb)."""
    following = token.doc[token.i + 1] if token.i + 1 < token.sent.end else None
    return following is not None and following.pos_ in tags


def _after(token: Any, words: frozenset[str]) -> bool:
    """Right after one of ``words``, or inside a phrase one of them governs ("cuts bills by
    up to 30%", "saves growers up to 40 percent")."""
    if token.i > token.sent.start and token.doc[token.i - 1].lower_ in words:
        return True
    head = token.head
    for _ in range(4):
        if head.lower_ in words or head.lemma_.lower() in words:
            return True
        if head.head is head:
            break
        head = head.head
    return False


def _opens_condition(token: Any) -> bool:
    """'Should your card go missing, freeze it': a modal opening an inverted condition."""
    start = token.sent.start
    before = token.doc[token.i - 1] if token.i > start else None
    if before is not None and before.text not in (",", ";", "\u2014", "\u2013", "-"):
        return False
    return not token.sent.text.rstrip().endswith("?") and "," in token.sent.text[token.idx - token.sent.start_char:]


def _perfect_after(token: Any) -> bool:
    """'could (safely) have waited': a modal with the perfect looks back, it does not hedge."""
    following = [t for t in token.doc[token.i + 1:min(token.i + 5, token.sent.end)] if t.pos_ != "ADV"
                 and t.tag_ != "RB"]
    return len(following) >= 2 and following[0].lower_ == "have" and following[1].tag_ == "VBN"


def _listed(value: Any) -> tuple[str, ...]:
    if value is None or value in ("", "any"):
        return ()
    return (value,) if isinstance(value, str) else tuple(str(v) for v in value)


def term(value: Any) -> Term:
    if isinstance(value, dict):
        return Term(_listed(value.get("pos")), frozenset(_listed(value.get("deps"))),
                    frozenset(_listed(value.get("skip_clauses"))), bool(value.get("skip_in_past", False)),
                    frozenset(_listed(value.get("heads"))), bool(value.get("skip_before_number", False)),
                    bool(value.get("permission", False)), frozenset(w.lower() for w in _listed(value.get("after"))),
                    bool(value.get("skip_inverted", False)))
    return Term(_listed(value))


def terms_option(value: dict) -> dict[str, Term]:
    return {str(word).lower(): term(spec) for word, spec in value.items()}


@dataclass(frozen=True)
class WordList:
    """A word list option ready to match: its terms, one regex for them all and one per term.
    Built once per rule (``ctx.per_rule``), not per draft."""

    terms: dict[str, Term]
    pattern: re.Pattern[str] | None
    singles: dict[str, re.Pattern[str]]

    def term_of(self, found: str, default: str) -> str:
        """The listed term that ``found`` (a match of ``pattern``) is, else ``default``."""
        return next((term for term, single in self.singles.items() if single.fullmatch(found)), default)


def word_list(value: dict, inflect: bool = False) -> WordList:
    terms = terms_option(value)
    return WordList(terms, phrase_pattern(tuple(terms), inflect),
                    {word: phrase_pattern((word,), inflect) for word in terms})


# -- names, sentence starts, numbers ---------------------------------------------------

OPENERS = {'"', "\u201c", "\u2018", "'", "(", "[", ":", "\u2014", "\u2013", "-", "*", "\u2022", ";"}


def is_sentence_start(token: Any) -> bool:
    """The token opens its sentence or a clause that is capitalised by convention."""
    sent_start = token.sent.start
    for i in range(token.i - 1, sent_start - 1, -1):
        previous = token.doc[i]
        if previous.text in OPENERS:
            return True
        if not previous.is_punct:
            return False
    return True


def title_case(span: Any) -> bool:
    """A heading-style span: most of its longer words are capitalised, so capitals say nothing."""
    words = [t for t in span if t.is_alpha and len(t.text) > 3]
    if len(words) < 3:
        return False
    return sum(1 for t in words if t.text[:1].isupper()) >= 0.8 * len(words)


def is_name_part(token: Any, headline: bool | None = None) -> bool:
    """The token is part of a proper name: tagged so, or a common word the writer capitalised
    mid-sentence ("Many Hands Pantry", "Best Western"), or a capitalised sentence opener
    joined to a following name ("Best Buy lets ...").  In title-case spans (headlines)
    capitals carry no signal and the tagger calls most words names, so there no word
    counts as a name: a listed word in a headline is read as the word.  ``headline``, when
    given, is ``title_case(token.sent)`` worked out already (see ``NameParts``)."""
    if title_case(token.sent) if headline is None else headline:
        return False
    if token.tag_ in ("NNP", "NNPS") or token.pos_ == "PROPN":
        return True
    text = token.text
    if not text[:1].isupper() or (text.isupper() and len(text) > 1):
        return False
    if not is_sentence_start(token):
        return True
    if token.i + 1 < token.sent.end:
        following = token.doc[token.i + 1]
        return following.text[:1].isupper() and following.pos_ == "PROPN"
    return False


class NameParts:
    """``is_name_part`` for the tokens of one sentence, with ``title_case`` worked out once:
    it reads the token's spaCy sentence, the same for every token of a sentence."""

    def __init__(self) -> None:
        self.headline: bool | None = None

    def __call__(self, token: Any) -> bool:
        if self.headline is None:
            self.headline = title_case(token.sent)
        return is_name_part(token, self.headline)


ORDINAL = re.compile(r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                     r"\w+teenth|\w+tieth|hundredth|thousandth|millionth|\d+(?:st|nd|rd|th))$", re.IGNORECASE)
NUMBER_SYMBOLS = {"%", "$", "\u20ac", "\u00a3", "\u00a5", "percent"}


def is_number(token: Any) -> bool:
    """A cardinal number or an amount: 40, 3,000, 1.9, ten, 30%, $5 (not an ordinal)."""
    if ORDINAL.match(token.text):
        return False
    if token.like_num or token.tag_ == "CD" or any(c.isdigit() for c in token.text):
        return True
    return token.text.lower() in NUMBER_SYMBOLS


def has_number(tokens: Iterable[Any]) -> bool:
    return any(is_number(t) for t in tokens)


YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
MODEL_CODE = re.compile(r"^[A-Za-z]+\d")  # X2, S23: a model's name, not a figure


def is_measure(token: Any) -> bool:
    """A number that can measure a claim or a difference: not a year ("founded in 1987",
    "the 2026 model") nor a model's name ("the X2 blender")."""
    if not is_number(token) or MODEL_CODE.match(token.text):
        return False
    if YEAR.match(token.text):
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is not None and following.tag_ == "NNS"  # "2000 families" counts them
    return True


def has_measure(tokens: Iterable[Any]) -> bool:
    return any(is_measure(t) for t in tokens)


def word_forms(token: Any) -> set[str]:
    """The word and the base forms it may have (the pipeline may run without a lemmatizer):
    "members" -> member, "families" -> family, "saves" -> save."""
    word = token.lower_
    forms = {word, token.lemma_.lower()}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    if word == "children":
        forms.add("child")
    return forms


# -- phrase lists ------------------------------------------------------------------------


@lru_cache(maxsize=256)
def phrase_pattern(phrases: tuple[str, ...], inflect: bool = False) -> re.Pattern[str] | None:
    """A case-insensitive regex for whole-word ``phrases``; spaces also match line breaks and
    hyphens match spaces.  With ``inflect``, a phrase's last word also matches its regular
    inflections (-s, -es, -ed, -ing)."""
    body = phrase_alternation(phrases, inflect)
    if body is None:
        return None
    return re.compile(r"(?<![\w\-'’])(?:" + body + r")(?![\w'’]|-\w)", re.IGNORECASE)


def phrases_after_boundary(phrases: Iterable[str], inflect: bool = False) -> str | None:
    """``phrase_pattern`` to follow a ``\\b``, or None (no phrases, or one that does not start
    with a word character, where a ``\\b`` means something else).  Alternatives that all
    start at a word can share one ``\\b``: the regex engine then tests one assertion at each
    position instead of one per alternative."""
    phrases = [p.strip() for p in phrases if p.strip()]
    body = phrase_alternation(phrases, inflect)
    if body is None or not all(p[:1].isalnum() for p in phrases):
        return None
    return r"(?<![\-'’])(?:" + body + r")(?![\w'’]|-\w)"


def phrase_alternation(phrases: Iterable[str], inflect: bool = False) -> str | None:
    """The alternation of ``phrase_pattern``, without its word boundaries (None: no phrases)."""
    parts = []
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        words = re.split(r"[\s]+", phrase)
        pieces = [_word(w) for w in words[:-1]] + [_inflected(words[-1]) if inflect else _word(words[-1])]
        parts.append((phrase, r"[\s\-]+".join(pieces)))
    return grouped_alternation(parts) if parts else None


def grouped_alternation(parts: Iterable[tuple[str, str]]) -> str:
    """A regex alternation of (phrase, its regex) ``parts``, in the order given, with the phrases
    grouped by first letter: at each word the engine then tries the phrases of one letter, not
    all of them (a flat list of fifty phrases costs several times the scan).

    A group is tried before the next, so the first phrase that matches stays the same only when
    phrases of different groups can never match at the same place: when each regex starts with
    its phrase's first character and that is ASCII (no two ASCII characters are one letter in
    two cases).  Any other list stays flat."""
    parts = list(parts)
    if not all(phrase[:1].isascii() and regex.startswith(re.escape(phrase[:1])) for phrase, regex in parts):
        return "|".join(regex for _, regex in parts)
    groups: dict[str, list[str]] = {}
    for phrase, regex in parts:
        groups.setdefault(phrase[:1].lower(), []).append(regex)
    return "|".join(f"(?:{'|'.join(group)})" for group in groups.values())


def _word(word: str) -> str:
    return r"[\s\-]*".join(re.escape(piece) for piece in word.split("-")) if "-" in word[1:] else re.escape(word)


def _inflected(word: str) -> str:
    if not word[-1:].isalpha():
        return _word(word)
    if word.endswith("e"):
        return re.escape(word[:-1]) + r"(?:e|es|ed|ing)"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + r"(?:y|ies|ied|ying)"
    return re.escape(word) + r"(?:s|es|ed|ing)?"


def spans(ctx: Context, pattern: re.Pattern[str] | None, block: Any) -> list[tuple[int, int]]:
    """Where ``pattern`` matches in the block's prose: found once per draft, for every
    sentence of the block and every rule with the same pattern."""
    if pattern is None:
        return []
    return ctx.per_draft(("spans", pattern, id(block.prose)),
                         lambda: [m.span() for m in pattern.finditer(block.prose.text)])


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def tokens_in(sentence: Sentence, start: int, end: int) -> list[Any]:
    """The sentence's tokens overlapping prose chars ``[start, end)``: found by bisection, as a
    scan of the sentence for every match made a long sentence quadratic."""
    starts, ends = sentence.token_bounds()
    span = sentence.span
    return [span[i] for i in range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end))]


def match_case(found: str, replacement: str) -> str:
    """``replacement`` in the capitalisation of ``found``: "In order to" -> "To", "UTILIZE" -> "USE"."""
    if not replacement:
        return replacement
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def alternation(words: Iterable[str]) -> str:
    return grouped_alternation((w, re.escape(w)) for w in sorted({w for w in words if w}, key=len, reverse=True))
