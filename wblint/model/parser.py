"""The markdown-it parser wblint reads drafts with: CommonMark, tables, strikethrough, front
matter and bare URLs, set up for speed and for telling what it left out.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a draft is parsed, not for a cached run or `wblint rules`
    from markdown_it import MarkdownIt


@lru_cache(maxsize=2)
def markdown_parser(inline_links: bool = True) -> MarkdownIt:
    """The CommonMark parser (with tables, strikethrough, front matter and bare URLs as links).

    ``inline_links=False`` leaves bare URLs to the linkify core rule alone: markdown-it-py's
    inline linkify rule can claim a link it does not consume (in "example.com[http://http://",
    while it reads a link label), and the parser then raises RuntimeError; a draft that
    trips it is parsed again without that rule rather than left unlinted.
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"linkify": True})
    md.use(front_matter_plugin).enable(["table", "strikethrough", "linkify"])
    if not inline_links:
        md.inline.ruler.disable("linkify")
    md.linkify.set({"fuzzy_link": False})  # "Amazon.com" in prose is a name, not a link
    # With fuzzy links off, every link linkify-it accepts has "//" (http:, https:, ftp:, //)
    # or "@" (e-mail, mailto:); its own pretest also matches bare host names, and running
    # it on every paragraph was a third of the Markdown parse.
    pretest, test = md.linkify.pretest, md.linkify.test
    md.linkify.pretest = lambda text: ("//" in text or "@" in text) and pretest(text)
    # The same holds for each text token the core linkify rule then tests: test() finds a link
    # only through a schema (http:, https:, ftp: must be followed by "//"; "//"; mailto: needs an
    # "@") or a fuzzy e-mail (found only at an "@"), and it is pure (match() does not reuse it).
    # Most drafts pass the pretest (they have links), and testing each of their text tokens was
    # about 5% of the parse; the few tokens with "//" or "@" are still tested.
    md.linkify.test = lambda text: ("//" in text or "@" in text) and test(text)
    md.disable("text_join")  # keep escapes/entities apart so their source length is known
    md.block.tokenize = _noting_too_deep(md.block.tokenize)
    # A link's URL is kept as written: percent-encoding it (and its text) for HTML parsed each
    # URL twice, two thirds of the parse of a draft full of links, and wblint renders no HTML.
    md.normalizeLink = md.normalizeLinkText = _as_written
    return md


def _as_written(url: str) -> str:
    return url


TOO_DEEP = "wblint_too_deep"  # the parse's env key: [(first, last)] 0-based lines it skipped


def _noting_too_deep(tokenize):
    """markdown-it's block tokenizer, noting the lines it skips: past ``maxNesting`` levels of
    block quotes and lists it drops the rest of the block without a word."""

    def tokenize_noting(state, start_line: int, end_line: int) -> None:
        if state.level >= state.md.options.maxNesting:
            lines = [i for i in range(start_line, end_line) if not state.isEmpty(i)]
            if lines and state.sCount[lines[0]] >= state.blkIndent:
                state.env.setdefault(TOO_DEEP, []).append((lines[0], lines[-1]))
        tokenize(state, start_line, end_line)

    return tokenize_noting
