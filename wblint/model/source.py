"""Source text: decoding, newline normalisation and offset -> (line, column).

Everything downstream works on the normalised text (``\\n`` line ends only).  A
CRLF or lone CR becomes one ``\\n``, so line numbers and columns computed on the
normalised text are the same as in the original file.
"""
from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass, field


class DecodeError(ValueError):
    """The bytes are not text wblint can read; the message says why and what to do."""


def decode(data: bytes) -> str:
    """Decode a draft: UTF-8 (BOM stripped) or UTF-16/32 with a BOM; refuse binary."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} at byte {exc.start}; re-save the file as UTF-8") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary content (NUL bytes); this is not a Markdown text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8") from None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class SourceText:
    """Normalised text of one draft with a line index for position lookups."""

    text: str
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.text = normalise_newlines(self.text)
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_start(self, line_index: int) -> int:
        """Offset of the first character of 0-based line ``line_index``."""
        if line_index >= len(self._line_starts):
            return len(self.text)
        return self._line_starts[line_index]

    def line_text(self, line_index: int) -> str:
        start = self.line_start(line_index)
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of the character at ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1
