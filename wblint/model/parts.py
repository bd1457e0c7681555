"""The press release's parts: problem, solution, getting started, call to action.

Each part is found in one of two ways, and the finding keeps the cue:

- **a heading** that names it (`## Problem`, `## How to Get Started`): every
  block of that section belongs to the part;
- **the content** of a paragraph: each part has a list of cue phrases (problem
  words, solution words, start-up steps, call-to-action verbs), matched as whole
  words with every content word inflected, a point each (a "strong" cue such as
  "to get started" is enough alone), plus signals no word list gives:
  - problem: a negation, a figure ("41 percent", "$1,500", "one in three"), not
    naming the product or company (the domain's "without naming the product"),
    and a point for the first such paragraph after the lead (its usual place);
  - solution: the product or company as the subject of a sentence ("Tidy
    turns …", then "it sends …"), or at least named;
  - getting started: sentences that open in the imperative ("Download the
    app", "To get started, install …": a `VB` from spaCy's tagger, or a listed
    cue verb, which the tagger often reads as a proper noun), and a numbered
    list or code block right after;
  - call to action: a link or web address, an imperative cue verb ("Visit",
    "Sign up"), a point for being the closing paragraph; without a link or an
    imperative it points nowhere and does not count.

A short bold line that names a part (`**The Challenge**`) heads a section like a
heading does.
Sections headed as none of the parts (`## Limitations`, `## About Acme`,
`## Customer Quote`) are not read for cues.

The cue lists and heading patterns are not here: they are the options of the
rules that use them (rules/press-release.yaml), so a team can change them and
`wblint outline` shows the same parts the rules see.

Problem and solution compete (a paragraph is labelled with the stronger of the
two, or both on a tie; a paragraph that names the product reads less as the
problem, one that does not reads more); getting started and the call to action are
often one closing paragraph, so those labels stack.  Quotations, the headline
and the sub-heading are parts of their own and are not labelled; the summary
can carry only a getting-started label (a lead that says "to get started,
visit …" has told the reader how to start, but a link in the lead does not
close the release).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable

from ..caseless import Caseless
from ..userregex import user_patterns
from .cues import NameFinder, cue_pattern
from .evidence import _DASH_LINE, COMPETING, LABEL, NOT_A_PART, PARTS, Evidence, EvidenceReader

if TYPE_CHECKING:
    from .anatomy import Anatomy
    from .markdown import Block

__all__ = ["LABEL", "PARTS", "Evidence", "Part", "PartSpec", "PartsModel", "detect"]


@dataclass(frozen=True)
class PartSpec:
    """How to recognise one part: heading patterns, content cues and the score a paragraph needs."""

    name: str
    headings: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    strong_cues: tuple[str, ...] = ()  # each is enough on its own ("to get started")
    min_score: float = 2.0
    min_words: int = 5

    @classmethod
    def from_options(cls, options: dict) -> "PartSpec":
        return cls(
            name=options["part"],
            headings=tuple(options.get("headings", ())),
            cues=tuple(options.get("cues", ())) + tuple(options.get("extra_cues", ())),
            strong_cues=tuple(options.get("strong_cues", ())),
            min_score=float(options.get("min_score", 2.0)),
            min_words=int(options.get("min_words", 5)),
        )


@dataclass
class Part:
    """One occurrence of a part: a heading's section or a run of paragraphs."""

    name: str
    blocks: list[Block]  # the section heading (if any) and the prose blocks
    cue_kind: str  # heading | content
    cue: str  # what identified it, for people
    heading: Block | None = None
    score: float = 0.0

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b is not self.heading]

    @property
    def line(self) -> int:
        return self.blocks[0].line

    @property
    def end_line(self) -> int:
        return self.blocks[-1].end_line

    @property
    def words(self) -> int:
        return sum(len(b.text.split()) for b in self.body)

    @property
    def has_code(self) -> bool:
        return any(b.kind == "code" for b in self.blocks)


@dataclass
class PartsModel:
    parts: list[Part] = field(default_factory=list)  # in document order
    empty_sections: dict[str, Block] = field(default_factory=dict)  # part -> heading of a section with no text
    labels: dict[int, dict[str, Evidence]] = field(default_factory=dict)  # id(block) -> part -> evidence

    def of(self, name: str) -> list[Part]:
        return [p for p in self.parts if p.name == name]

    def first(self, name: str) -> Part | None:
        return next(iter(self.of(name)), None)

    def last(self, name: str) -> Part | None:
        found = self.of(name)
        return found[-1] if found else None



# -- detection ---------------------------------------------------------------------------


def detect(anatomy: Anatomy, specs: dict[str, PartSpec],
           spacy_doc: Callable[[Block], Any] | None = None) -> PartsModel:
    """The parts of the press release (cached on the anatomy per set of specs)."""
    key = ("parts", tuple(sorted(specs.items())), spacy_doc is not None)
    if key not in anatomy.cache:
        anatomy.cache[key] = _Detector(anatomy, specs, spacy_doc or (lambda block: None)).run()
    return anatomy.cache[key]


@lru_cache(maxsize=16)
def _spec_patterns(specs: tuple[tuple[str, PartSpec], ...]) -> tuple[dict, dict, dict, dict, dict]:
    """Each part's cues, cue pattern, its caseless finder, strong cues and heading patterns.

    Built once per set of specs, not once per draft (read only: every draft's detector shares them).
    """
    all_cues = {name: spec.cues + spec.strong_cues for name, spec in specs}
    cue_patterns = {name: cue_pattern(cues) for name, cues in all_cues.items()}
    cue_finders = {name: Caseless(p) for name, p in cue_patterns.items() if p is not None}
    strong = {name: {c.lower() for c in spec.strong_cues} for name, spec in specs}
    heading_patterns = {name: user_patterns(tuple(spec.headings), True) for name, spec in specs}
    return all_cues, cue_patterns, cue_finders, strong, heading_patterns


class _Detector(EvidenceReader):
    def __init__(self, anatomy: Anatomy, specs: dict[str, PartSpec], spacy_doc) -> None:
        self.anatomy = anatomy
        self.specs = {name: specs[name] for name in PARTS if name in specs}
        self.spacy_doc = spacy_doc
        self.all_cues, self.cue_patterns, self.cue_finders, self.strong, self.heading_patterns = _spec_patterns(
            tuple(self.specs.items()))
        names = [n for n in (anatomy.product, anatomy.company) if n]
        if anatomy.company and len(anatomy.company.split()) > 1:
            names.append(anatomy.company.split()[0])  # "Switchback" for Switchback Parking
        self.names = NameFinder(tuple(sorted(set(names), key=len, reverse=True))) if names else None
        quoted: dict[int, int] = {}
        for q in anatomy.quotes:
            quoted[id(q.block)] = quoted.get(id(q.block), 0) + q.prose_end - q.prose_start
        self.quote_blocks = {q_id for q_id, length in quoted.items()
                             if length >= 0.5 * len(next(q.block for q in anatomy.quotes if id(q.block) == q_id).text.strip())}

    def run(self) -> PartsModel:
        model = PartsModel()
        anatomy = self.anatomy
        skip = {id(anatomy.headline), id(anatomy.subheading)}
        body = [b for b in anatomy.press_release if id(b) not in skip]
        before_summary = anatomy.summary is not None
        self.prior_given = False  # the first problem-like paragraph after the lead gets a point for its place
        section: tuple[str, Block] | None = None  # (part, heading) of the current headed section
        aside: Block | None = None  # heading of a section that is none of the parts
        labelled: list[tuple[Block, dict[str, Evidence]]] = []
        section_has_text: dict[int, bool] = {}
        for block in body:
            if block is anatomy.summary:
                before_summary = False
            if self._is_heading(block):
                named = self._heading_part(block)
                if section is not None and self._level(block) <= self._level(section[1]):
                    section = None
                if aside is not None and self._level(block) <= self._level(aside):
                    aside = None
                if named:
                    section = (named, block)
                    section_has_text[id(block)] = False
                elif NOT_A_PART.match(block.text):
                    aside = block
                continue
            if aside is not None and section is None:
                continue
            if before_summary and block is not anatomy.summary:
                continue  # a disclaimer or note above the lead
            if id(block) in self.quote_blocks or (self._is_attribution(block)):
                continue
            summary = block is anatomy.summary
            first_after_lead = not summary and not block.list_depth
            unread = self._unread(section[0] if section else None, summary, first_after_lead)
            evidence = self._content(block, summary=summary, first_after_lead=first_after_lead, unread=unread)
            if section is not None:
                name, heading = section
                if len(block.text.split()) >= self.specs[name].min_words or block.list_depth:
                    section_has_text[id(heading)] = True
                evidence = {k: v for k, v in evidence.items() if k not in COMPETING and k != name}
                evidence[name] = Evidence(float("inf"), [f"heading \"{heading.text.strip()}\""], heading)
            model.labels[id(block)] = evidence
            labelled.append((block, evidence))
        model.parts = self._runs(labelled, body)
        for heading_id, has_text in section_has_text.items():
            heading = next(b for b in body if id(b) == heading_id)
            name = self._heading_part(heading)
            code = self._section_code(heading)
            part = next((p for p in model.parts if p.heading is heading), None)
            if code:
                if part is None:
                    part = Part(name, [heading], "heading", f"heading \"{heading.text.strip()}\"", heading, float("inf"))
                    model.parts.append(part)
                part.blocks = sorted(part.blocks + code, key=lambda b: b.start)
            elif not has_text:
                model.empty_sections.setdefault(name, heading)
        model.parts.sort(key=lambda p: (p.line, PARTS.index(p.name)))
        return model

    def _section_code(self, heading: Block) -> list[Block]:
        """Code blocks and tables under a heading, up to the next heading of its level or above."""
        doc = self.anatomy.document
        if doc is None:
            return []
        found, inside = [], False
        for block in doc.blocks:
            if block is heading:
                inside = True
                continue
            if not inside:
                continue
            if self._is_heading(block) and self._level(block) <= self._level(heading):
                break
            if block.kind in ("code", "table_cell") and block.end > block.start:
                found.append(block)
        return found

    # -- headings --------------------------------------------------------------------------

    def _is_heading(self, block: Block) -> bool:
        return block.kind == "heading" or self._pseudo_heading(block)

    def _level(self, block: Block) -> int:
        return block.level if block.kind == "heading" else 7  # a bold line sits below every heading

    def _pseudo_heading(self, block: Block) -> bool:
        """A short bold line that names a part or an aside (`**The Challenge**`) heads a section too."""
        if block.kind != "paragraph" or not block.emphasised or block.list_depth or block.quote_depth:
            return False
        text = block.text.strip().rstrip(":")
        if len(text.split()) > 6 or text.endswith((".", "?", "!")):
            return False
        return bool(self._heading_part(block) or NOT_A_PART.match(text))

    def _heading_part(self, block: Block) -> str | None:
        text = block.text.strip().rstrip(":")
        for name, patterns in self.heading_patterns.items():
            if any(p.search(text) for p in patterns):
                return name
        return None

    def _is_attribution(self, block: Block) -> bool:
        text = block.text.strip()
        return bool(_DASH_LINE.match(text)) and len(text.split()) <= 30

    # -- content ---------------------------------------------------------------------------

    def _runs(self, labelled: list[tuple[Block, dict[str, Evidence]]], body: list[Block]) -> list[Part]:
        """A headed section is one part; consecutive paragraphs with the same content label form one part;
        a list right after a labelled paragraph joins it."""
        parts: list[Part] = []
        sections: dict[int, Part] = {}  # id(heading) -> part
        open_runs: dict[str, Part] = {}
        previous: Block | None = None
        order = {id(b): i for i, b in enumerate(body)}
        for block, labels in labelled:
            labels = dict(labels)
            if not labels and previous is not None and block.list_depth and previous.list_depth == 0:
                for name, run in open_runs.items():
                    if run.blocks[-1] is previous:
                        labels[name] = Evidence(0.0, ["list under the paragraph before"])
            adjacent = previous is not None and order[id(block)] == order[id(previous)] + 1
            for name in list(open_runs):
                if name not in labels or not adjacent or labels[name].heading is not None:
                    del open_runs[name]
            for name in sorted(labels, key=PARTS.index):
                evidence = labels[name]
                if evidence.heading is not None:
                    part = sections.get(id(evidence.heading))
                    if part is None or part.name != name:
                        part = Part(name, [evidence.heading], "heading", evidence.cues[0], evidence.heading,
                                    float("inf"))
                        sections[id(evidence.heading)] = part
                        parts.append(part)
                    part.blocks.append(block)
                    continue
                run = open_runs.get(name)
                if run is not None:
                    run.blocks.append(block)
                    run.score += evidence.score
                    continue
                run = Part(name, [block], "content", "content: " + ", ".join(evidence.cues[:6]), None, evidence.score)
                parts.append(run)
                open_runs[name] = run
            previous = block
        parts.sort(key=lambda p: (p.line, PARTS.index(p.name)))
        return parts

