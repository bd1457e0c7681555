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

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable

from ._words import FUNCTION_WORDS
from .caseless import Caseless, lowered

if TYPE_CHECKING:
    from .anatomy import Anatomy
    from .document import Block

PARTS = ("problem", "solution", "getting-started", "call-to-action")
LABEL = {"problem": "problem", "solution": "solution", "getting-started": "getting started",
         "call-to-action": "call to action"}
COMPETING = ("problem", "solution")
NEGATION = re.compile(r"\b(?:not|never|no|nobody|nothing|none|cannot|without)\b|n['\u2019]t\b", re.IGNORECASE)
_NUMBER = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|hundreds|thousands|millions)"
# A quantity: money, a share, "one in three", a count of two or more digits (not a year), or a spelled
# number of hours, days … (a problem "ideally quantified").
FIGURE = re.compile(
    rf"[$€£¥]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:%|percent\b|per\s?cent\b)|\b{_NUMBER}\s+in\s+{_NUMBER}\b|"
    r"\b(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})+\b|\b(?!(?:19|20)\d\d\b)\d{2,}(?![:.]\d)\b|"
    rf"\b{_NUMBER}\s+(?:hours?|days?|weeks?|months?|years?|minutes?|times)\b",
    re.IGNORECASE)
IT_SUBJECT = re.compile(r"\b(?:it|It)\s+(?:\w+ly\s+|also\s+|then\s+|now\s+)?(?!is\b|was\b|has\b|does\b)[a-z]+s\b")
URL_AFTER_VERB = re.compile(
    r"\b(?:at|visit|via|go\s+to)\s+(?:https?://)?(?:www\.)?[a-z0-9][\w\-]*(?:\.[\w\-]+)*\.[a-z]{2,}(?:/\S*)?",
    re.IGNORECASE)
BARE_URL = re.compile(r"(?:https?://|www\.)\S+|\b[a-z0-9][\w\-]*(?:\.[\w\-]+)*\.[a-z]{2,}/\S*", re.IGNORECASE)
# Sections that are none of the parts: their paragraphs are not read for cues (a limitation is not the problem).
NOT_A_PART = re.compile(
    r"^\W*(?:limitations?|known\s+(?:issues|limitations)|caveats?|non-?goals|out\s+of\s+scope|roadmap|appendix|"
    r"about\b|notes?\b|references?|disclaimers?|(?:spokesperson|customer|leader(?:ship)?)\s+quotes?|quotes?\b)",
    re.IGNORECASE)
# The same patterns without IGNORECASE, run on the lowercased text when that finds the same spans.
_NEGATION, _FIGURE = Caseless(NEGATION), Caseless(FIGURE)
_URL_AFTER_VERB, _BARE_URL = Caseless(URL_AFTER_VERB), Caseless(BARE_URL)


_DOT_AND_TWO_LETTERS = Caseless(re.compile(r"\.[a-z]{2}", re.IGNORECASE))  # ".co": a cheap literal search


def _web_address(text: str, low: str | None) -> str | None:
    """The first web address after "visit", "at" …, else the first bare one (``low``: ``lowered(text)``)."""
    # An address after a verb ends in a dot and two letters or more; most paragraphs have none.
    found = _URL_AFTER_VERB.first(text, low) if _DOT_AND_TWO_LETTERS.search(text, low) else None
    # A bare address has "//", "www." or a "/" after its host: most paragraphs have none of them.
    if found is None and ("/" in text or "www." in (low if low is not None else text.lower())):
        found = _BARE_URL.first(text, low)
    return text[found[0]:found[1]] if found else None


_DASH_LINE = re.compile(r"^[\u2014\u2013\-~]+\s*\S")  # "— Jane Doe, CEO": an attribution line
SENTENCE_END = {".", "!", "?", ":", ";"}
OPENERS = re.compile(r"(?:to\s+(?:get\s+started|start|begin|sign\s+up|try\s+it)|first|then|next|finally|"
                     r"once\s+\w+|after\s+that)\b[^,]{0,30},\s*", re.IGNORECASE)


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
class Evidence:
    score: float = 0.0
    cues: list[str] = field(default_factory=list)
    heading: Block | None = None  # the section heading that names the part, when that is the cue

    def add(self, points: float, cue: str) -> None:
        self.score += points
        self.cues.append(cue)


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


# -- cue phrases ------------------------------------------------------------------------


def _inflected(word: str) -> str:
    """A regex for a word and its regular inflections (plural or 3rd person, -ed, -ing)."""
    if not word.isalpha() or len(word) < 3 or word.lower() in FUNCTION_WORDS:
        return re.escape(word)
    if word.endswith("e"):
        return re.escape(word[:-1]) + r"(?:e|es|ed|ing)"
    if word.endswith("y") and len(word) > 3:
        return re.escape(word[:-1]) + r"(?:y|ies|ied|ying)"
    return re.escape(word) + r"(?:s|es|ed|ing)?"


@lru_cache(maxsize=256)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole-word matches of the cue phrases, every content word inflected ("creates an account").

    The phrases are tried longest first.  Phrases that open with the same character share
    one branch (``c(?:reate…|ost…)``), so at each word the regex tries one character per
    branch instead of every phrase: a third to half the time for a long list.  Phrases that
    open with different ASCII characters never match at the same place, so the grouping
    finds what the flat list finds; with a non-ASCII first character (IGNORECASE folds
    some of those onto others: ſ and s) the list stays flat.
    """
    phrases = sorted({c.strip().lower() for c in cues if c.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    regexes = [r"\s+".join(_inflected(w) for w in re.split(r"\s+", phrase)) for phrase in phrases]
    if all(phrase[0].isascii() for phrase in phrases):
        groups: dict[str, list[str]] = {}
        for phrase, regex in zip(phrases, regexes):
            first = re.escape(phrase[0])
            groups.setdefault(first, []).append(regex[len(first):])  # every regex opens with its escaped first character
        alternation = "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())
    else:
        alternation = "|".join(regexes)
    return re.compile(r"(?<![\w\-])(?:" + alternation + r")(?![\w\-])", re.IGNORECASE)


_NOT_AFTER_NAME = re.compile(r"[\w\-]")  # a name is a whole word: no letter or hyphen either side
# What follows the product as a sentence's subject: "Tidy turns", "Tidy's app sends", "Tidy also finds".
_SUBJECT_VERB = re.compile(r"(?:['\u2019]s\s+\w+)?\s+(?:\w+ly\s+|also\s+|then\s+|now\s+)?"
                           r"(?!is\b|was\b|has\b|does\b)[a-z]+s\b")


class NameFinder:
    """Where a draft names its product or company: exact case, whole words, a name may wrap lines.

    Names differ from draft to draft, and compiling a regex of them for each draft cost
    more than finding them; this finds what that regex would (the names tried in the
    order given, longest first), with plain string search.
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = [name.split() for name in names if name.split()]
        self.firsts = sorted({words[0] for words in self.names})

    def _end(self, text: str, start: int, words: list[str]) -> int:
        """Where ``words`` (white space between them) end when they start at ``start``, or -1."""
        at = start
        for i, word in enumerate(words):
            if i:
                gap = at
                while gap < len(text) and text[gap].isspace():
                    gap += 1
                if gap == at:
                    return -1
                at = gap
            if not text.startswith(word, at):
                return -1
            at += len(word)
        return at

    def _starts(self, text: str) -> list[int]:
        found = set()
        for first in self.firsts:
            at = text.find(first)
            while at >= 0:
                if at == 0 or not _NOT_AFTER_NAME.match(text, at - 1):
                    found.add(at)
                at = text.find(first, at + 1)
        return sorted(found)

    def spans(self, text: str, after: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
        """(start, end) of each match, left to right, not overlapping; with ``after``, a name
        counts only where ``after`` matches right behind it, and the match takes that in."""
        spans, resume = [], 0
        for start in self._starts(text):
            if start < resume:
                continue
            for words in self.names:
                end = self._end(text, start, words)
                if end < 0:
                    continue
                if after is None:
                    if _NOT_AFTER_NAME.match(text, end):
                        continue
                else:
                    tail = after.match(text, end)
                    if tail is None:
                        continue
                    end = tail.end()
                spans.append((start, end))
                resume = end
                break
        return spans

    def named(self, text: str) -> bool:
        return bool(self.spans(text))

    def subjects(self, text: str) -> list[str]:
        """The product as a sentence's subject, with its verb ("Tidy turns")."""
        return [text[start:end] for start, end in self.spans(text, _SUBJECT_VERB)]


@lru_cache(maxsize=4096)
def _which_cue(cues: tuple[str, ...], matched: str) -> str:
    """The listed cue a match of the combined cue pattern came from (the match itself if none)."""
    return next((cue for cue in cues if cue.strip() and cue_pattern((cue,)).fullmatch(matched)), matched)


def _token_starts_and_tags(doc, text: str) -> tuple[list[int], dict[int, str]]:
    """Where sentences may start (0 and after each end-punctuation token), and the text of
    each base-form verb (tag ``VB``) by its offset, in ``text`` (the Doc's text).  Read from
    one array: creating a Token object per word costs more than the rest of part detection."""
    from spacy.attrs import IDX, LENGTH, TAG  # noqa: PLC0415 - spaCy is loaded when there is a Doc

    verb = doc.vocab.strings["VB"]
    starts, verbs = [0], {}
    rows = doc.to_array([IDX, LENGTH, TAG])
    # Only one-character tokens can end a sentence (SENTENCE_END): numpy picks those and the verbs,
    # so Python reads a few rows instead of every word's.
    for start, length, tag in rows[(rows[:, 1] == 1) | (rows[:, 2] == verb)].tolist():
        word = text[start:start + length]
        if word in SENTENCE_END:
            starts.append(start + length)
        elif tag == verb:
            verbs[start] = word
    return starts, verbs


# -- specs from rules --------------------------------------------------------------------


@lru_cache(maxsize=1)
def default_specs() -> dict[str, PartSpec]:
    """The part specs of the built-in rules, for parts whose rule is not active."""
    from .rules import load_rules

    return {r.options["part"]: PartSpec.from_options(r.options) for r in load_rules().rules if r.kind == "part"}


def specs_for(active: Iterable[Any] = ()) -> dict[str, PartSpec]:
    """Built-in part specs overlaid with the active (configured) `part` rules."""
    specs = dict(default_specs())
    for rule in active:
        if rule.rule.kind == "part":
            specs[rule.options["part"]] = PartSpec.from_options(rule.options)
    return specs


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
    heading_patterns = {name: [re.compile(p, re.IGNORECASE) for p in spec.headings] for name, spec in specs}
    return all_cues, cue_patterns, cue_finders, strong, heading_patterns


class _Detector:
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

    def _unread(self, section: str | None, summary: bool, first_after_lead: bool) -> frozenset[str]:
        """Parts whose content evidence for a paragraph would be thrown away, so need not be read.

        The lead keeps only a getting-started label; a headed section's paragraph drops problem,
        solution and the section's own part (the heading names it).  The problem is still read
        where it can take the point for the first problem paragraph after the lead, which later
        paragraphs depend on.
        """
        if summary:
            return frozenset(name for name in PARTS if name != "getting-started")
        if section is None:
            return frozenset()
        unread = {"solution", section}
        if not first_after_lead or self.prior_given:
            unread.add("problem")
        return frozenset(unread)

    def _content(self, block: Block, summary: bool, first_after_lead: bool = False,
                 unread: frozenset[str] = frozenset()) -> dict[str, Evidence]:
        prose = block.prose
        text = prose.text
        low = lowered(text)
        wanted = [name for name in self.cue_patterns if name not in unread]
        opened = self._imperatives(block) if {"getting-started", "call-to-action"} & set(wanted) else []
        if "call-to-action" in wanted:
            pointers = self._pointers(block, text, low, opened)
            if not self._may_call_to_action(block, pointers):
                wanted.remove("call-to-action")
        found = {name: self._cue_evidence(name, prose, low) for name in wanted}
        if "problem" in found or "solution" in found:
            self._add_naming(found, block, text, low, first_after_lead)
        if "getting-started" in found:
            self._add_steps(found["getting-started"], block, opened)
        if "call-to-action" in found:
            self._add_pointers(found["call-to-action"], block, pointers)
        return self._labels(found, summary)

    def _cue_evidence(self, name: str, prose, low: str | None) -> Evidence:
        """A point for each different cue phrase of the part (a strong cue scores the part's minimum)."""
        evidence = Evidence()
        finder = self.cue_finders.get(name)
        if finder is None:
            return evidence
        text = prose.text
        seen: set[str] = set()
        for start, end in finder.spans(text, low):
            if prose.is_opaque(start, end):
                continue
            cue = _which_cue(self.all_cues[name], text[start:end])
            if cue.lower() not in seen:
                seen.add(cue.lower())
                strong = cue.lower() in self.strong[name]
                evidence.add(self.specs[name].min_score if strong else 1, f"\"{text[start:end]}\"")
        return evidence

    def _add_naming(self, found: dict[str, Evidence], block: Block, text: str, low: str | None,
                    first_after_lead: bool) -> None:
        """Solution: the product as a sentence's subject, or named; problem: a negation, a figure, not
        naming the product, and a point for the first such paragraph after the lead."""
        named = self._names_product(block)
        label = self.anatomy.product or self.anatomy.company
        if "solution" in found and named:
            subjects = self.names.subjects(text)
            subjects += [m.group(0) for m in IT_SUBJECT.finditer(text)] if subjects else []
            if subjects:
                found["solution"].add(min(1 + len(subjects), 4), f"{label} as the subject (\"{subjects[0]}\")")
            else:
                found["solution"].add(1, f"names {label}")
        if "problem" in found:
            problem = found["problem"]
            negation = _NEGATION.first(text, low)
            if negation:
                problem.add(1, f"negation (\"{text[negation[0]:negation[1]]}\")")
            if label and not named:
                figure = _FIGURE.first(text, low)
                if figure:
                    problem.add(1, f"a figure (\"{text[figure[0]:figure[1]]}\")")
                problem.add(1, f"does not name {label}")
                if first_after_lead and problem.score >= 2 and not self.prior_given:
                    # the domain's order: the problem comes right after the lead
                    self.prior_given = True
                    problem.add(1, "first such paragraph after the lead")

    def _add_steps(self, evidence: Evidence, block: Block, opened: list[tuple[str, bool]]) -> None:
        verbs = [verb for verb, _ in opened]
        if verbs:
            evidence.add(min(len(verbs), 2), "imperative " + ", ".join(f"\"{v}\"" for v in verbs[:3]))
        if self._steps_follow(block):
            evidence.add(1, "steps follow (a list or code block)")

    def _pointers(self, block: Block, text: str, low: str | None,
                  opened: list[tuple[str, bool]]) -> tuple[list, str | None, list[str]]:
        """What points the reader somewhere: links, else a web address, and opening cue verbs."""
        links = [link for link in block.prose.links if link.href.startswith(("http", "www", "mailto"))]
        url = None if links else _web_address(text, low)  # with a link, the address adds nothing
        pattern = self.cue_patterns.get("call-to-action")
        # "To get started, download …" is a first step; "Download … today" points the reader somewhere
        pointing = [v for v, after in opened if not after and pattern is not None and pattern.fullmatch(v)]
        return links, url, pointing

    def _may_call_to_action(self, block: Block, pointers: tuple[list, str | None, list[str]]) -> bool:
        """Whether the paragraph can reach the call to action's score: one that points nowhere scores
        at most the point for closing the release, so its cue phrases need not be read."""
        if any(pointers):
            return True
        return (1 if block is self._last_prose() else 0) >= self.specs["call-to-action"].min_score

    def _add_pointers(self, cta: Evidence, block: Block, pointers: tuple[list, str | None, list[str]]) -> None:
        links, url, pointing = pointers
        if links or url:
            cta.add(1, "a link" if links else f"a web address (\"{url.strip().rstrip('.')}\")")
        if pointing:
            cta.add(1, "imperative " + ", ".join(f"\"{v}\"" for v in pointing[:2]))
        if not (links or url or pointing):  # "available today" or "orders" alone point nowhere
            cta.score = 0
        if block is self._last_prose():
            cta.add(1, "the closing paragraph")

    def _labels(self, found: dict[str, Evidence], summary: bool) -> dict[str, Evidence]:
        """The parts whose evidence reaches their score; of problem and solution, the stronger."""
        labels: dict[str, Evidence] = {}
        for name, evidence in found.items():
            if summary and name != "getting-started":
                continue  # the lead summarises the parts; a link in it does not close the release
            if evidence.score >= self.specs[name].min_score:
                labels[name] = evidence
        competing = {n: labels[n].score for n in COMPETING if n in labels}
        if len(competing) == 2:  # the stronger reading wins; a tie keeps both
            best = max(competing.values())
            for name, score in competing.items():
                if score < best:
                    del labels[name]
        return labels

    def _names_product(self, block: Block) -> bool:
        """Whether the block names the product or the company (in its source: a name may be in code)."""
        if self.names is None or self.anatomy.document is None:
            return False
        return self.names.named(self.anatomy.document.text[block.start:block.end])

    def _last_prose(self) -> Block | None:
        if not hasattr(self, "_closing"):
            body = [b for b in self.anatomy.press_release if not self._is_heading(b)
                    and id(b) not in self.quote_blocks and not self._is_attribution(b)]
            self._closing = body[-1] if body else None
        return self._closing

    def _imperatives(self, block: Block) -> list[tuple[str, bool]]:
        """Verbs that open a sentence in the imperative ("Download the app", "To get started, install Quill").

        spaCy's tagger recognises any verb (`VB` at the start of a sentence); a listed getting-started or
        call-to-action cue at the start of a sentence counts too, since the tagger often reads a
        capitalised first word ("Download") as a proper noun.
        """
        text = block.prose.text
        doc = self.spacy_doc(block)
        if doc is not None:
            starts, tags = _token_starts_and_tags(doc, text)
        else:
            starts = [0] + [m.end() for m in re.finditer(r"[.!?:;]\s+", text)]
            tags = {}
        verbs = []
        for start in sorted(set(starts)):
            while start < len(text) and text[start].isspace():
                start += 1
            if start >= len(text):
                continue
            opener = OPENERS.match(text, start)
            at = opener.end() if opener else start
            word = tags.get(at)
            if word is not None and (opener or word[:1].isupper()):
                verbs.append((word, bool(opener)))
                continue
            for name in ("getting-started", "call-to-action"):
                pattern = self.cue_patterns.get(name)
                match = pattern.match(text, at) if pattern is not None else None
                first = match.group(0).split()[0].lower() if match else ""
                if match and (opener or text[at:at + 1].isupper()) and not first.endswith(("ing", "ed", "s")):
                    verbs.append((match.group(0), bool(opener)))
                    break
        return verbs

    def _steps_follow(self, block: Block) -> bool:
        """A code block or a numbered list right after the paragraph."""
        doc = self.anatomy.document
        if doc is None or block.list_depth:
            return False
        if not hasattr(self, "_next_block"):
            self._next_block = {id(a): b for a, b in zip(doc.blocks, doc.blocks[1:])}
        following = self._next_block.get(id(block))
        if following is None:
            return False
        if following.kind == "code":
            return True
        source = doc.text[following.start:following.start + 4].lstrip()
        return following.list_depth > 0 and bool(re.match(r"\d+[.)]", source))

    # -- runs --------------------------------------------------------------------------------

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
