"""Markdown -> Document: blocks with exact source spans, and the prose inside them.

markdown-it-py gives line ranges for blocks only, so each inline token's content
is aligned back onto its source lines, and each inline child onto the content.
Code, HTML, front matter and URLs never become prose.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .parser import TOO_DEEP, markdown_parser
from .prose import Link, Prose
from .source import SourceText

if TYPE_CHECKING:  # imported when a draft is parsed, not for a cached run or `wblint rules`
    from markdown_it.token import Token

DOCUMENT_KINDS = ("press-release", "prfaq", "faq", "dear-customer-letter")


@dataclass
class Block:
    """A leaf block: heading, paragraph, table cell, code, html or rule."""

    kind: str
    start: int  # source offsets covering the block's lines
    end: int
    line: int  # 1-based first and last line
    end_line: int
    level: int = 0  # heading level
    prose: Prose | None = None
    list_depth: int = 0
    quote_depth: int = 0
    list_item_start: bool = False  # first block of a list item
    emphasised: bool = False  # the whole inline content is *em* or **strong**
    info: str = ""  # fence info string

    @property
    def text(self) -> str:
        return self.prose.text if self.prose else ""


@dataclass(frozen=True)
class Comment:
    start: int
    end: int
    text: str  # inside <!-- -->, stripped
    line: int
    end_line: int
    own_line: bool  # an html block (the comment stands on its own lines)


@dataclass
class Document:
    path: str
    source: SourceText
    blocks: list[Block] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_error: str | None = None
    front_matter_line: int = 0  # 1-based line of the front matter's error, or 0
    comments: list[Comment] = field(default_factory=list)
    too_deep: list[tuple[int, int]] = field(default_factory=list)  # 1-based lines nested past the parser's limit

    @property
    def text(self) -> str:
        return self.source.text

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def declared_kind(self) -> str | None:
        value = self.front_matter.get("type")
        return value if isinstance(value, str) and value in DOCUMENT_KINDS else None


def parse_document(path: str, text: str) -> Document:
    source = SourceText(text)
    doc = Document(path=path, source=source)
    env: dict[str, Any] = {}
    try:
        tokens = markdown_parser().parse(source.text, env)
    except RuntimeError:  # markdown-it-py's own check: "inline rule didn't increment state.pos"
        env = {}
        tokens = markdown_parser(inline_links=False).parse(source.text, env)
    for first, last in sorted(env.get(TOO_DEEP, [])):  # merged, 1-based
        if doc.too_deep and first + 1 <= doc.too_deep[-1][1] + 1:
            doc.too_deep[-1] = (doc.too_deep[-1][0], max(doc.too_deep[-1][1], last + 1))
        else:
            doc.too_deep.append((first + 1, last + 1))
    _Builder(doc).build(tokens)
    return doc


# Tokens the builder has nothing to do for (every other kind ends in one of the branches of ``build``).
_NOTHING_TO_DO = frozenset({"paragraph_close", "heading_close", "list_item_close", "td_close", "th_close",
                            "tr_open", "tr_close", "table_open", "table_close", "thead_open", "thead_close",
                            "tbody_open", "tbody_close"})


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.source = doc.source
        self.line_cursor: dict[int, int] = {}
        self.lines = self.source.text.split("\n")  # the text of each source line, split once per draft
        self.list_depth = 0
        self.quote_depth = 0
        self.item_pending = False

    def build(self, tokens: list[Token]) -> None:
        pending: Block | None = None
        for token in tokens:
            kind = token.type
            if kind in _NOTHING_TO_DO:  # a third of the tokens: skip the chain of tests below
                continue
            if kind == "inline":
                block = pending or self._block("table_cell", token)
                self._inline(block, token)
                self.doc.blocks.append(block)
                pending = None
            elif kind == "paragraph_open":
                pending = self._block("paragraph", token)
            elif kind == "front_matter":
                self._front_matter(token)
            elif kind == "blockquote_open":
                self.quote_depth += 1
            elif kind == "blockquote_close":
                self.quote_depth -= 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.list_depth += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.list_depth -= 1
            elif kind == "list_item_open":
                self.item_pending = True
            elif kind == "heading_open":
                pending = self._block("heading", token, level=int(token.tag[1:]))
            elif kind in ("th_open", "td_open"):
                pending = None  # cells have no map; their inline token does
            elif kind in ("fence", "code_block"):
                self.doc.blocks.append(self._block("code", token, info=token.info.strip()))
            elif kind == "html_block":
                self.doc.blocks.append(self._block("html", token))
                self._comments(token.content, self._line_offset(token.map[0]), own_line=True)
            elif kind == "hr":
                self.doc.blocks.append(self._block("hr", token))

    # -- blocks ---------------------------------------------------------------------------

    def _line_offset(self, line_index: int) -> int:
        return self.source.line_start(line_index)

    def _block(self, kind: str, token: Token, **extra: Any) -> Block:
        first, last = (token.map or [0, 1])
        last = max(last, first + 1)
        end = self._line_offset(last) if last < self.source.line_count else len(self.source.text)
        if end > 0 and self.source.text[end - 1 : end] == "\n":
            end -= 1
        block = Block(
            kind=kind,
            start=self._line_offset(first),
            end=end,
            line=first + 1,
            end_line=last,
            list_depth=self.list_depth,
            quote_depth=self.quote_depth,
            list_item_start=self.item_pending,
            **extra,
        )
        self.item_pending = False
        return block

    def _front_matter(self, token: Token) -> None:
        block = self._block("front-matter", token)
        self.doc.blocks.append(block)
        try:
            import yaml  # noqa: PLC0415 - only drafts with front matter need it (warm runs import none)

            data = _load_front_matter(yaml, token.content) if token.content.strip() else {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = block.line + 1 + (mark.line if mark else 0)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            self.doc.front_matter_error = f"front matter is not valid YAML ({problem}); fix it or remove it"
            self.doc.front_matter_line = line
            return
        if isinstance(data, dict):
            self.doc.front_matter = data
        else:
            self.doc.front_matter_error = "front matter is not a YAML mapping (key: value lines)"
            self.doc.front_matter_line = block.line + 1

    def _comments(self, html: str, base: int, own_line: bool) -> None:
        start = html.find("<!--")
        while start != -1:
            end = html.find("-->", start + 4)
            stop = len(html) if end == -1 else end + 3
            s, e = base + start, base + stop
            self.doc.comments.append(
                Comment(s, e, html[start + 4 : end if end != -1 else len(html)].strip(),
                        self.source.position(s)[0], self.source.position(max(e - 1, s))[0], own_line)
            )
            start = html.find("<!--", stop)

    # -- inline ---------------------------------------------------------------------------

    def _align_lines(self, token: Token) -> list[tuple[int, int]]:
        """(content offset, source offset) at the start of each content line."""
        first, last = token.map or [0, 1]
        pairs = []
        content_pos = 0
        line = first
        for content_line in token.content.split("\n"):
            found = None
            lead = 0  # content characters before the one found at ``col``
            for candidate in range(line, max(last, line + 1)):
                src_line = self._line_text(candidate)
                col = src_line.find(content_line, self.line_cursor.get(candidate, 0)) if content_line else -1
                if col == -1 and content_line.strip():
                    # a tab expanded into spaces: the text after them is found, not the spaces
                    stripped = content_line.lstrip()
                    lead = len(content_line) - len(stripped)
                    col = src_line.find(stripped.rstrip(), self.line_cursor.get(candidate, 0))
                if col != -1:
                    found = (candidate, col)
                    break
                lead = 0
            if found is None and "|" in content_line:  # a table cell: its "\\|" reached the content as "|"
                at = self._find_escaped_pipes(content_line, line, last)
                if at is not None:
                    line, col = at
                    base = self._line_offset(line) + col
                    pipes = [k for k, c in enumerate(content_line) if c == "|"]
                    pairs.append((content_pos, base))  # and past each pipe, one backslash more
                    pairs.extend((content_pos + k, base + k + i + 1) for i, k in enumerate(pipes))
                    self.line_cursor[line] = col + len(content_line) + len(pipes)
                    content_pos += len(content_line) + 1
                    line += 1
                    continue
            if found is None:  # tab expansion or other rewriting: assume the line ends alike
                src_line = self._line_text(line)
                found = (line, max(0, len(src_line.rstrip()) - len(content_line)))
            line, col = found
            self.line_cursor[line] = col + len(content_line) - lead
            pairs.append((content_pos + lead, self._line_offset(line) + col))
            content_pos += len(content_line) + 1
            line += 1
        return pairs

    def _find_escaped_pipes(self, content_line: str, line: int, last: int) -> tuple[int, int] | None:
        """(line, column) where ``content_line`` stands with each "|" written "\\|", or None."""
        escaped = content_line.replace("|", "\\|")
        for candidate in range(line, max(last, line + 1)):
            col = self._line_text(candidate).find(escaped, self.line_cursor.get(candidate, 0))
            if col != -1:
                return candidate, col
        return None

    def _line_text(self, line_index: int) -> str:
        """``SourceText.line_text``, from the lines split once."""
        return self.lines[line_index] if line_index < len(self.lines) else ""

    def _inline(self, block: Block, token: Token) -> None:
        content = token.content
        lines = self._align_lines(token)
        if len(lines) == 1:  # most blocks are one line: a content offset is the line's source offset plus itself
            shift = lines[0][1] - lines[0][0]

            def to_source(ci: int) -> int:
                return ci + shift
        else:
            line_content_starts = [c for c, _ in lines]

            def to_source(ci: int) -> int:
                i = max(0, bisect.bisect_right(line_content_starts, ci) - 1)
                c0, s0 = lines[i]
                return s0 + (ci - c0)

        prose = Prose()
        cursor = 0
        link_stack: list[tuple[int, str, bool, int]] = []  # (content start, href, auto, prose start)
        links: list[tuple[int, int, str, int, int, bool]] = []  # prose start, end, href, source start, end, auto
        children = [c for c in token.children or [] if not (c.type == "text" and not c.content)]
        if children and children[0].type in ("em_open", "strong_open"):
            closing = children[0].type.replace("_open", "_close")
            depth = 0
            for i, child in enumerate(children):
                depth += child.type == children[0].type
                depth -= child.type == closing
                if depth == 0:
                    block.emphasised = i == len(children) - 1
                    break
        for child in children:
            ctype = child.type
            if ctype == "text" and link_stack and link_stack[-1][2]:  # URL text of an autolink: not prose
                pos = content.find(child.content, cursor)
                cursor = pos + len(child.content) if pos != -1 else cursor
            elif ctype in ("text", "text_special"):
                raw = child.content if ctype == "text" else child.markup  # an escape's source is its markup
                pos = _find_from(content, raw, cursor)
                src = to_source(pos)
                if ctype == "text" and len(raw) > 1 and to_source(pos + len(raw) - 1) != src + len(raw) - 1:
                    for i, char in enumerate(raw):  # a table cell's "\\|" became "|": map it char by char
                        prose.append(char, to_source(pos + i), to_source(pos + i) + 1)
                else:
                    prose.append(child.content, src, src + len(raw))
                cursor = pos + len(raw)
            elif ctype == "code_inline":
                pos = _find_from(content, child.markup, cursor)
                close = content.find(child.markup, pos + len(child.markup))
                end = close + len(child.markup) if close != -1 else len(content)
                self._space_before(prose, pos, to_source)
                prose.append_opaque(to_source(pos), to_source(end - 1) + 1)
                cursor = end
            elif ctype in ("softbreak", "hardbreak"):
                pos = _find_from(content, "\n", cursor)
                src = to_source(pos)
                prose.append(" ", src, src + 1)
                cursor = pos + 1
            elif ctype == "html_inline":
                pos = content.find(child.content, cursor)
                if pos != -1:
                    self._comments(child.content, to_source(pos), own_line=False)
                    cursor = pos + len(child.content)
            elif ctype == "link_open":
                auto = child.markup in ("autolink", "linkify")
                pos = _find_from(content, "<" if child.markup == "autolink" else ("[" if not auto else ""), cursor)
                link_stack.append((pos, str(child.attrs.get("href", "")), auto, prose.length))
                if child.markup == "autolink" or not auto:
                    cursor = pos + 1
            elif ctype == "link_close" and link_stack:
                start, href, auto, prose_start = link_stack.pop()
                cursor = self._skip_link_tail(content, cursor, child.markup)
                if auto:
                    self._space_before(prose, start, to_source)
                    prose.append("link", to_source(start), to_source(max(cursor - 1, start)) + 1)
                    prose.opaque.append((prose.length - 4, prose.length))
                links.append((prose_start, prose.length, href, to_source(start),
                              to_source(max(cursor - 1, start)) + 1, auto))
            elif ctype == "image":
                pos = content.find("![", cursor)
                if pos != -1:
                    cursor = self._skip_link_tail(content, pos + 2 + len(child.content), "")
        text = prose.text  # joined once, now it is complete
        prose.links = [Link(text[p0:p1], href, s0, s1, auto) for p0, p1, href, s0, s1, auto in links]
        block.prose = prose

    @staticmethod
    def _space_before(prose: Prose, pos: int, to_source) -> None:
        """Keep a word boundary before a placeholder glued to the previous text."""
        if prose.length and not prose.last_char.isspace():
            src = to_source(pos)
            prose.append(" ", src, src)

    @staticmethod
    def _skip_link_tail(content: str, cursor: int, markup: str) -> int:
        """Move past `](url "title")`, `][ref]` or `>` that closes a link."""
        if markup == "autolink":
            close = content.find(">", cursor)
            return close + 1 if close != -1 else cursor
        if markup == "linkify":
            return cursor
        close = content.find("]", cursor)
        if close == -1:
            return cursor
        cursor = close + 1
        if content.startswith("(", cursor):
            depth = 0
            for i in range(cursor, len(content)):
                depth += content[i] == "("
                depth -= content[i] == ")"
                if depth == 0:
                    return i + 1
            return len(content)
        if content.startswith("[", cursor):
            close = content.find("]", cursor)
            return close + 1 if close != -1 else cursor
        return cursor


def _find_from(content: str, raw: str, cursor: int) -> int:
    """Where ``raw`` next occurs in ``content`` from ``cursor``; the cursor itself when it does not."""
    pos = content.find(raw, cursor)
    return cursor if pos == -1 else pos


def _load_front_matter(yaml, text: str):
    """The front matter's data, read by libyaml when PyYAML is built with it (ten times faster);
    where that fails, PyYAML's own parser reads it again, for its fuller error message."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)
