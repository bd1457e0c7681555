"""What one draft may cost: a budget counted from the text, so that no file under the size
limit keeps a scan busy for minutes or takes gigabytes.

Two counts, both worked out before the work they bound, and both deterministic (the same
file is treated the same way on every machine, so results can be cached):

* markup: lines, and characters that open a Markdown construct (table cells, links,
  images, HTML tags, URLs, e-mail addresses, emphasis, code spans, entities, escapes),
  counted before the Markdown parse.  Every block and construct costs parser tokens and
  objects; a draft with more than ``MAX_MARKUP`` of them (a table of 400,000 cells,
  100,000 links, 60,000 headings) is not linted.
* language: the prose sent to spaCy, in characters (plus a fixed cost per text, and a
  tenth of the rate for sentence boundaries alone, which skip the tagger and parser).
  Past ``MAX_NLP_COST`` the language rules read the draft only up to where the budget ran
  out; the other rules read all of it.

A Working Backwards draft of 30 KB counts a few hundred to 2,000 markup characters and
at most about 50,000 units of language work, inside both.
"""
from __future__ import annotations

import re
from typing import Any

from .diagnostics import Diagnostic, Severity

BUDGET = ("WB008", "lint-budget")
MAX_MARKUP = 20_000
MAX_NLP_COST = 100_000
NLP_TEXT_COST = 20  # per text sent to spaCy: a Doc and a batch slot cost something however short
SENTENCES_ONLY_RATE = 0.1  # the senter alone costs a tenth of the tagger (and less of the parser)

_MARKUP_CHARS = "|[<`*_&\\~@"
_URL = re.compile(r"://|www\.", re.IGNORECASE)


def markup_count(text: str) -> int:
    """Lines of ``text`` and characters that may open a Markdown construct (an upper bound
    of the blocks and inline constructs; ordinary prose has a few per paragraph)."""
    return text.count("\n") + sum(text.count(c) for c in _MARKUP_CHARS) + len(_URL.findall(text))


def markup_problem(text: str) -> str | None:
    """Why the draft is too costly to parse, or None."""
    count = markup_count(text)
    if count <= MAX_MARKUP:
        return None
    return (f"not linted: the draft has {count:,} lines and characters of Markdown markup (table cells, links, "
            f"URLs, HTML tags, emphasis); the budget is {MAX_MARKUP:,} per file, and a draft has a few thousand; "
            "split it or exclude it")


def nlp_cost(text_length: int, sentences_only: bool) -> float:
    """The budget units one text sent to spaCy costs."""
    return NLP_TEXT_COST + _rate(sentences_only) * text_length


def _rate(sentences_only: bool) -> float:
    return SENTENCES_ONLY_RATE if sentences_only else 1.0


Text = tuple[int, int, bool]  # a text's prose start and end in its block, and whether it is for sentences only


def _read_cost(texts: list[Text], upto: int) -> float:
    """What the texts of one block cost read up to prose offset ``upto``."""
    return sum(NLP_TEXT_COST + _rate(only) * (min(upto, end) - start) for start, end, only in texts if upto > start)


def stop_at(blocks: list[tuple[str, list[Text]]], limit: float | None = None) -> tuple[int, int, float, float] | None:
    """Where the language rules stop reading a draft: (block index, prose offset, units read,
    units in all), or None when everything fits.  ``blocks`` are (prose text, its texts for
    spaCy) in reading order; the cut falls at white space, the same place for every text."""
    limit = MAX_NLP_COST if limit is None else limit
    totals = [_read_cost(texts, len(prose)) for prose, texts in blocks]
    total = sum(totals)
    if total <= limit:
        return None
    spent = 0.0
    for index, (prose, texts) in enumerate(blocks):
        if spent + totals[index] <= limit:
            spent += totals[index]
            continue
        low, high = 0, len(prose)  # the longest prefix that fits: cost grows with it
        while low < high:
            middle = (low + high + 1) // 2
            if spent + _read_cost(texts, middle) <= limit:
                low = middle
            else:
                high = middle - 1
        space = max(prose.rfind(" ", 0, low + 1), prose.rfind("\n", 0, low + 1))
        upto = space if space > 0 else low
        return index, upto, spent + _read_cost(texts, upto), total
    return None


def nlp_message(line: int, column: int, read: float, total: float) -> str:
    return (f"partly linted: the draft's prose is too long for the language rules (passive voice, hype, sentence "
            f"length and the like), which read it only up to line {line}, column {column} ({read:,.0f} of "
            f"{total:,.0f} units of language work; the budget is {MAX_NLP_COST:,} per file); split the draft")


def too_deep_message(ranges: list[tuple[int, int]]) -> str:
    """``ranges``: the 1-based (first, last) lines the Markdown parser skipped."""
    lines = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in ranges)
    several = len(ranges) > 1 or ranges[0][0] != ranges[0][1]
    return (f"partly linted: {'lines' if several else 'line'} {lines} {'are' if several else 'is'} nested deeper "
            "than the Markdown parser reads (20 block quotes or lists inside one another), so no rule read "
            f"{'them' if several else 'it'}; flatten the nesting")


def keep_to_budget(texts: dict[tuple[int, int], str], needs: dict[tuple[int, int], set[str]],
                   owners: dict[tuple[int, int], tuple[Any, Any]]) -> dict[int, Diagnostic]:
    """Cut the texts for spaCy of each draft where its language budget runs out, in reading
    order (``texts``: (id(prose), piece start or -1) -> text, padded to its place; ``owners``:
    the same keys -> (the engine's Parsed draft, its block)).  Returns, per id(Parsed) of a
    draft that was cut, the finding that says where its language rules stopped reading."""
    by_draft: dict[int, dict[int, list[tuple[int, int]]]] = {}  # id(Parsed) -> id(block) -> keys
    for key, (parsed, block) in owners.items():
        by_draft.setdefault(id(parsed), {}).setdefault(id(block), []).append(key)
    notes = {}
    for draft, blocks in by_draft.items():
        ordered = sorted(blocks.values(), key=lambda keys: owners[keys[0]][1].start)
        spans = [(owners[keys[0]][1].prose.text,
                  [(max(k[1], 0), len(texts[k]), needs[k] <= {"sentences"}) for k in keys]) for keys in ordered]
        stop = stop_at(spans)
        if stop is None:
            continue
        index, upto, read, total = stop
        for later in ordered[index + 1:]:
            for key in later:
                del texts[key]
        for key in ordered[index]:
            if upto <= max(key[1], 0):
                del texts[key]
            else:
                texts[key] = texts[key][:upto]  # a piece's text is padded: its offsets are prose offsets
        parsed, block = owners[ordered[index][0]]
        offset = block.prose.source_start(min(upto, max(len(block.prose.text) - 1, 0)))
        line, column = parsed.document.source.position(offset)
        notes[draft] = Diagnostic(parsed.path, line, column, line, column, *BUDGET, Severity.WARNING,
                                  nlp_message(line, column, read, total))
    return notes
