"""The parse prefilter: cut prose into sentence pieces cheaply, and let a kind say which
pieces could hold a finding, so that only those go through the tagger and parser.

A kind declares ``candidates`` (see ``wblint.kinds.Kind``): given a rule's options, a
regex that matches every piece where the kind could fire, and may match elsewhere too
(over-select, never under-select).  Pieces no active rule selects are never parsed;
the pieces that are go to spaCy padded to their place in the block, so offsets are
the same as in a whole-block Doc.

The splitter is deliberately conservative: it cuts only at ``.``, ``!`` or ``?``
followed by white space and a capital, digit or opening quote, and never after a
known abbreviation or an initial.  A missed cut costs nothing but a longer piece
(the parser still finds the sentences inside it); a wrong cut could change a parse.
Pieces are the unit whether the prefilter is on or off, so turning it off changes
which pieces are parsed, never how a piece is parsed.
"""
from __future__ import annotations

import re
from typing import Callable

_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.\-]+)[.!?]+[\"'\u201d\u2019)\]]*\s+$")
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft inc ltd co corp llc plc bros vs etc al approx dept est fig no nos vol
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
e.g i.e u.s u.k u.s.a a.m p.m ph.d m.d b.a m.a d.c n.y l.a gen gov sen rep rev hon capt col lt sgt
""".split())


def pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence-like piece of ``text``, white space trimmed, in order."""
    spans = []
    start = 0
    for match in _END.finditer(text):
        cut = match.end()
        word = _LAST_WORD.search(text, max(start, match.start() - 40), cut)
        if word is not None:
            last = word.group(1).lower().rstrip(".")
            if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or ("." in last and len(last) <= 5):
                continue
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def fixed(pattern: str, flags: int = re.IGNORECASE) -> Callable[[dict], "re.Pattern[str]"]:
    """A ``Kind.candidates`` that ignores the options: the same regex for every rule."""
    compiled = re.compile(pattern, flags)
    return lambda options: compiled
