"""Prose: the readable text of one Markdown block, mapped back to the source.

Rules and spaCy see ``Prose.text``: the words a reader sees, with inline code
replaced by a neutral placeholder, URLs and HTML left out, and line breaks as
spaces.  ``Prose.source_span`` turns any slice of that text back into source
offsets, so every finding points at the exact characters in the file.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

CODE_PLACEHOLDER = "code"


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    start: int  # source offsets of the whole link
    end: int
    auto: bool  # bare URL or <autolink>: the text is the URL itself


@dataclass
class Prose:
    # Segments map prose ranges to source ranges: (prose_start, prose_end, src_start, src_end).
    # Equal lengths map char by char; otherwise the whole prose range maps to the whole source range.
    segments: list[tuple[int, int, int, int]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    opaque: list[tuple[int, int]] = field(default_factory=list)  # prose ranges standing for code
    _starts: list[int] = field(default_factory=list, repr=False)
    # The text is built from pieces and joined once, when first read: adding to a string held
    # in an attribute copies it, and a paragraph of 100,000 links took minutes.
    _pieces: list[str] = field(default_factory=list, repr=False)
    _text: str | None = field(default="", repr=False)
    length: int = 0  # len(text), without joining it

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._pieces)
            self._pieces = [self._text]
        return self._text

    @property
    def last_char(self) -> str:
        return self._pieces[-1][-1] if self._pieces else ""

    def append(self, piece: str, src_start: int, src_end: int) -> None:
        if not piece:
            return
        start = self.length
        self.length += len(piece)
        self._pieces.append(piece)
        self._text = None
        self.segments.append((start, self.length, src_start, src_end))
        self._starts.append(start)

    def append_opaque(self, src_start: int, src_end: int) -> None:
        start = self.length
        self.append(CODE_PLACEHOLDER, src_start, src_end)
        self.opaque.append((start, self.length))

    def _segment(self, index: int) -> tuple[int, int, int, int]:
        i = max(0, bisect.bisect_right(self._starts, index) - 1)
        return self.segments[i]

    def source_start(self, index: int) -> int:
        p0, p1, s0, s1 = self._segment(index)
        if p1 - p0 == s1 - s0:
            return s0 + min(index - p0, p1 - p0)
        return s0

    def source_end(self, index: int) -> int:
        """Source offset just past prose character ``index - 1``."""
        p0, p1, s0, s1 = self._segment(max(index - 1, 0))
        if p1 - p0 == s1 - s0:
            return s0 + min(index - p0, p1 - p0)
        return s1

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) offsets, end exclusive, of prose ``text[start:end]``."""
        if not self.segments:
            return 0, 0
        end = max(end, start + 1)
        return self.source_start(start), self.source_end(end)

    def is_opaque(self, start: int, end: int) -> bool:
        """Whether prose ``text[start:end]`` overlaps a code placeholder."""
        if not self.opaque:  # most prose has none: rules ask for every word
            return False
        # Ranges are appended in reading order and never overlap: the first that ends
        # after ``start`` is the only one that can overlap (a scan of all would make
        # long drafts quadratic).
        i = bisect.bisect_right(self.opaque, start, key=lambda r: r[1])
        return i < len(self.opaque) and self.opaque[i][0] < end

    def visible_range(self) -> tuple[int, int] | None:
        """Prose (start, end) from the first to the last character a reader sees as text: white
        space and code or URL placeholders at either end left out; None when there is none."""
        text, ranges = self.text, self.opaque
        start, end = 0, len(text)
        i = 0
        while start < end:
            if text[start].isspace():
                start += 1
                continue
            while i < len(ranges) and ranges[i][1] <= start:
                i += 1
            if i < len(ranges) and ranges[i][0] <= start:
                start = ranges[i][1]
                continue
            break
        j = len(ranges) - 1
        while end > start:
            if text[end - 1].isspace():
                end -= 1
                continue
            while j >= 0 and ranges[j][0] >= end:
                j -= 1
            if j >= 0 and ranges[j][1] >= end:
                end = ranges[j][0]
                continue
            break
        return (start, end) if start < end else None
