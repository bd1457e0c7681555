"""What a paragraph says about each part: cue phrases, figures, negations, the product as
subject, imperatives, links; scored per part (see wblint.model.parts for the walk).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..caseless import Caseless, lowered
from .cues import _which_cue

if TYPE_CHECKING:
    from .markdown import Block

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



@dataclass
class Evidence:
    score: float = 0.0
    cues: list[str] = field(default_factory=list)
    heading: Block | None = None  # the section heading that names the part, when that is the cue

    def add(self, points: float, cue: str) -> None:
        self.score += points
        self.cues.append(cue)



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



class EvidenceReader:
    """Reads one paragraph's evidence for each part.

    The part detector (wblint.model.parts) subclasses it and provides ``anatomy``, ``specs``,
    ``cue_patterns``, ``cue_finders``, ``all_cues``, ``strong``, ``names``, ``quote_blocks``,
    ``spacy_doc``, ``prior_given`` and ``_is_heading`` / ``_is_attribution``.
    """

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

