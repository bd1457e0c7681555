"""placeholder: leftover template text (`[NAME]`, `TBD`, `$XXX`, `lorem ipsum`) anywhere in the prose.

Every match of the ``patterns`` in the prose a reader sees is reported, quotes
included; the front matter `title:` counts when it is the headline.  Code, URLs
and HTML comments are never searched: a `TODO` in a code sample or an editor's
note in a comment is not text the reader sees.  One exception: an inline code span
that holds nothing but a bracketed blank in capitals (`` `[TARGET GA DATE]` ``) is
a blank the writer formatted, and is reported.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..joined import JoinedTexts
from ..userregex import matching_texts, user_patterns
from . import Context, Finding, Kind, Option


# a bracketed blank in capitals, the whole of an inline code span: `[TARGET GA DATE]`
CODE_BLANK = re.compile(r"\[[A-Z][A-Z0-9 ,._/&\-]{1,40}\]")


def check(ctx: Context) -> Iterator[Finding]:
    patterns = user_patterns(tuple(ctx.options["patterns"]), not ctx.options["case_sensitive"])
    blocks = list(ctx.blocks())
    headline = ctx.anatomy.headline
    joined = ctx.joined_blocks()
    if headline is not None and headline not in blocks and ctx.rule.scope in ("document", "all"):
        blocks.insert(0, headline)  # the front matter title
        joined = JoinedTexts([block.prose.text for block in blocks])
    spans: list[dict[tuple[int, int], str]] = [{} for _ in blocks]
    for pattern in patterns:
        for index in matching_texts(pattern, joined):  # one search per draft; most find nothing
            prose = blocks[index].prose
            for m in pattern.finditer(joined.texts[index]):
                if m.end() > m.start() and not prose.is_opaque(m.start(), m.end()):
                    spans[index].setdefault(m.span(), m.group(0))
    for index, block in enumerate(blocks):  # `[TARGET GA DATE]` in inline code is a blank still
        for start, end in block.prose.opaque:
            src_start, src_end = block.prose.source_span(start, end)
            if CODE_BLANK.fullmatch(ctx.document.text[src_start:src_end].strip("` ")):
                spans[index].setdefault((start, end), ctx.document.text[src_start:src_end].strip("` "))
    for block, found in zip(blocks, spans):
        matches = sorted(found.items(), key=lambda item: (item[0][0], -item[0][1]))
        last_end = -1
        for (start, end), text in matches:
            if start < last_end:  # overlaps a longer match already reported ($XXX and XXX)
                continue
            last_end = end
            yield ctx.report_in(block, start, end, text=text)


KIND = Kind(
    name="placeholder",
    summary="Leftover template text in the prose is flagged where it is.",
    check=check,
    fields=("text",),
    options={
        "patterns": Option("regex-list", [], "patterns of template text"),
        "case_sensitive": Option("bool", True, "match case exactly (TODO, not 'todo list'); use (?i) for one pattern"),
    },
)
