"""Texts go to spaCy in batches of bounded size, whatever their number and length.

spaCy's memory grows with the tokens of a batch (the tok2vec layers hold about 16 KB per
token while a batch runs): 32 texts of ordinary paragraphs cost a few megabytes, one
paragraph of 150,000 characters cost 430 MiB.  So a text longer than ``MAX_TEXT`` is
cut at white space into parts that are parsed on their own and joined again
(``Doc.from_docs``: one Doc with the text and offsets of the whole, a sentence break
at each cut, far apart in a paragraph no one writes), and the texts of one call are
sent in runs of at most ``MAX_CALL`` characters.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

MAX_TEXT = 10_000  # characters of one text parsed as a whole
MAX_CALL = 30_000  # characters sent in one call (spaCy batches the texts of a call)


def cut(text: str, size: int = MAX_TEXT) -> list[str]:
    """``text`` in parts of at most ``size`` characters (longer only where no white space is
    found), each cut after a white space and before a word, so the parts join back to it."""
    parts, start = [], 0
    while len(text) - start > size:
        end = start + size
        while end > start + 1 and not (text[end - 1].isspace() and not text[end].isspace()):
            end -= 1
        if end <= start + 1:  # no white space in reach: cut at the size
            end = start + size
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts


def pipe_bounded(pipe: Callable[[list[str]], Iterable[Any]], texts: list[str]) -> Iterator[Any]:
    """``pipe(texts)``'s Docs, one per text, with no call and no text past the bounds."""
    pieces: list[str] = []
    owners: list[int] = []  # index of the text each piece belongs to
    for index, text in enumerate(texts):
        parts = cut(text) if len(text) > MAX_TEXT else [text]
        pieces.extend(parts)
        owners.extend([index] * len(parts))
    docs: list[Any] = []
    run: list[str] = []
    size = 0
    for piece in pieces:
        if run and size + len(piece) > MAX_CALL:
            docs.extend(pipe(run))
            run, size = [], 0
        run.append(piece)
        size += len(piece)
    if run:
        docs.extend(pipe(run))
    parts_of: list[Any] = []
    for i, doc in enumerate(docs):
        parts_of.append(doc)
        if i + 1 == len(docs) or owners[i + 1] != owners[i]:
            yield parts_of[0] if len(parts_of) == 1 else type(doc).from_docs(parts_of, ensure_whitespace=False)
            parts_of = []
