"""The dateline that opens a press release's lead: city, date and newswire.

`SEATTLE, WA — March 3, 2027 —` and its variants; a release label (`FOR IMMEDIATE
RELEASE`) is no dateline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown import Block

@dataclass
class Dateline:
    """The city and date that open a press release's lead (`SEATTLE, WA — March 3, 2027 —`)."""

    block: Block
    prose_start: int
    prose_end: int  # the dateline's text, separators included
    city: str | None
    date: str | None
    wire: str | None = None
    at_start: bool = True  # opens the summary paragraph (False: found at the start of another paragraph)

    @property
    def text(self) -> str:
        return self.block.prose.text[self.prose_start:self.prose_end].strip()

    @property
    def span(self) -> tuple[int, int]:
        text = self.block.prose.text
        start = self.prose_start + len(text[self.prose_start:self.prose_end]) - len(
            text[self.prose_start:self.prose_end].lstrip())
        end = self.prose_start + len(text[self.prose_start:self.prose_end].rstrip())
        return self.block.prose.source_span(start, end)



_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
         rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|\[[^\]\n]{{1,40}}\])")
_CITY_WORD = r"[^\W\d_](?:[\w.'\u2019]|-(?=\w))*"
_CITY = rf"{_CITY_WORD}(?:\s+{_CITY_WORD}){{0,3}}(?:\s*,\s*{_CITY_WORD}(?:\s+{_CITY_WORD}){{0,2}})?"
_SEP = r"\s*(?:-{1,3}|[\u2013\u2014]|:|/|,)\s*"
_WIRE = (r"\(?\s*(?:Business\s*Wire|PR\s*Newswire|Globe\s*Newswire|Marketwired|ACCESSWIRE|EIN\s*Presswire|PRWeb|"
         r"Reuters|AP)\s*\)?")
_END = r"\s*(?:-{1,3}|[\u2013\u2014]|:)?\s*"
DATELINE = re.compile(
    rf"^\s*(?P<city>{_CITY})(?:{_SEP}|\s+(?=\())(?:(?P<wire>{_WIRE}){_SEP})?\(?(?P<date>{_DATE})\)?{_END}",
    re.IGNORECASE)
DATE_ONLY = re.compile(rf"^\s*\(?(?P<date>{_DATE})\)?\s*(?:-{{1,3}}|[\u2013\u2014]|:)\s*", re.IGNORECASE)
CITY_ONLY = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'\u2019\-]+(?:\s+[A-Z][A-Z.'\u2019\-]+){0,3}(?:\s*,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?)"
    r"\s*(?:-{2,3}|[\u2013\u2014])\s*")


def bare_dateline(block: Block) -> bool:
    """A paragraph that is only a dateline (`**SEATTLE, WA — March 3, 2027**`)."""
    if block.kind != "paragraph" or block.prose is None:
        return False
    dateline = find_dateline(block)
    return dateline is not None and bool(dateline.date) and dateline.prose_end >= len(block.text.rstrip()) - 1


def find_dateline(block: Block) -> Dateline | None:
    """The dateline opening ``block``: city and date, or only one of them."""
    text = block.prose.text
    match = DATELINE.match(text)
    if match and match.group("city")[:1].isupper():
        return Dateline(block, 0, match.end(), match.group("city").strip(" ,"), match.group("date").strip(),
                        (match.group("wire") or "").strip(" ()") or None)
    match = DATE_ONLY.match(text)
    if match:
        return Dateline(block, 0, match.end(), None, match.group("date").strip())
    match = CITY_ONLY.match(text)
    if match:
        return Dateline(block, 0, match.end(), match.group("city").strip(" ,"), None)
    return None


