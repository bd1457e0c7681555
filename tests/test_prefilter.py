"""The parse prefilter: only candidate sentences are tagged and parsed, and results never change.

Kinds declare ``candidates``; this file checks the mechanism with two test kinds that
need the tagger and parser (a passive and a future-tense detector), and every built-in
kind that declares a test, over the labelled sentences and the drafts in fixtures/.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, SAMPLES
from wblint import nlp
from wblint.config import Config, activate
from wblint.engine import Linter
from wblint.kinds import Kind
from wblint.prefilter import fixed, pieces
from wblint.rules import load_rules

# -- the splitter -------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
    ("Dr. Lena Park runs a clinic in St. Paul. Her patients fax cards.",
     ["Dr. Lena Park runs a clinic in St. Paul.", "Her patients fax cards."]),
    ("Parents in the U.S. and Canada track buses. They get texts.",
     ["Parents in the U.S. and Canada track buses.", "They get texts."]),
    ('"It works," said J. R. Smith. "Really."', ['"It works," said J. R. Smith.', '"Really."']),
    ("Growth was 3.5 percent. Costs fell.", ["Growth was 3.5 percent.", "Costs fell."]),
    ("lower case. after a period stays", ["lower case. after a period stays"]),
    ("  padded  ", ["padded"]),
    ("", []),
])
def test_pieces(text, expected):
    assert [text[s:e] for s, e in pieces(text)] == expected


def test_pieces_cover_every_word():
    text = (FIXTURES / "drafts" / "02-headed-clean.md").read_text(encoding="utf-8")
    spans = pieces(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()


def test_candidate_helper():
    kind = Kind("k", "s", lambda ctx: iter(()), needs=frozenset({"tags"}), candidates=fixed(r"\bwill\b"))
    assert kind.is_candidate("It will ship.", {}) and not kind.is_candidate("Goodwill ships.", {})
    anything = Kind("k", "s", lambda ctx: iter(()), candidates=lambda options: None)
    assert anything.is_candidate("no pattern: any sentence", {})


# -- test kinds that need the parse -------------------------------------------------------

BE_OR_GET = r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)\b|['\u2019](?:s|re|m)\b"


PASSIVE_AUX = re.compile(BE_OR_GET.replace(r"\b", ""), re.IGNORECASE)


def _passive(ctx):
    for sentence in ctx.sentences():
        for token in sentence.span:
            # The candidate test must cover every case the check reports: the parser also
            # calls a stray "reads" auxpass, so the check keeps to forms of be and get.
            if token.dep_ == "auxpass" and PASSIVE_AUX.fullmatch(token.text):
                lo, hi = sorted((token.i, token.head.i))
                doc = sentence.span.doc
                start, end = sentence.source_span(doc[lo].idx, doc[hi].idx + len(doc[hi]))
                yield ctx.report(start, end, text=doc[lo:hi + 1].text)


def _future(ctx):
    for sentence in ctx.sentences():
        for token in sentence.span:
            if token.tag_ == "MD" and token.lower_ in ("will", "shall", "'ll", "\u2019ll", "wo"):
                yield ctx.report(*sentence.source_span(token.idx, token.idx + len(token)), text=token.text)


def _every_sentence(ctx):  # no candidates: sees every sentence of whole-block Docs
    for sentence in ctx.sentences():
        assert sentence.offset == 0 and sentence.span.doc is ctx.spacy_doc(sentence.block)
        if len(sentence.span) > 40:
            yield ctx.report(*sentence.source_span(), text="long")


TEST_KINDS = {
    "test-passive": Kind("test-passive", "passive (test)", _passive, needs=frozenset({"parse"}),
                         candidates=fixed(BE_OR_GET), fields=("text",)),
    "test-future": Kind("test-future", "future (test)", _future, needs=frozenset({"tags"}),
                        candidates=fixed(r"\b(?:will|shall|wo)\b|['\u2019]ll\b"), fields=("text",)),
    "test-long": Kind("test-long", "long sentences (test)", _every_sentence, needs=frozenset({"parse"}),
                      fields=("text",)),
}
PACK = {"pack": "test", "rules": [
    {"id": f"TS00{i}", "name": name, "kind": name, "severity": "warning", "message": "{text}",
     "summary": "s", "rationale": "r", "examples": {"bad": "x", "good": "y"}}
    for i, name in enumerate(TEST_KINDS, 1)
]}


@pytest.fixture
def test_rules(install_kinds):
    return install_kinds(TEST_KINDS, PACK)


def _sentence_texts() -> list[str]:
    texts = []
    for path in sorted((FIXTURES / "sentences").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [item["text"] for key in ("flag", "pass") for item in data.get(key) or []]
    return texts


def _drafts() -> list[Path]:
    return sorted((FIXTURES / "drafts").glob("*.md")) + sorted(SAMPLES.glob("*.md"))


class _Counter:
    """Counts the texts and characters sent through each group of components."""

    def __init__(self, monkeypatch):
        self.texts: list[tuple[tuple[str, ...], str]] = []
        original = nlp.Pipeline.pipe

        def pipe(pipeline, texts, needs=None):
            texts = list(texts)
            self.texts += [(tuple(sorted(needs or ())), t) for t in texts]
            return original(pipeline, texts, needs)

        monkeypatch.setattr(nlp.Pipeline, "pipe", pipe)

    def chars(self, capability: str) -> int:
        return sum(len(t) for needs, t in self.texts if capability in needs)


def _results(linter: Linter, texts: list[str], drafts: list[Path]):
    found = [linter.lint_text(text, f"sentence-{i}") for i, text in enumerate(texts)]
    found += [result for _, result in linter.lint_paths(drafts)]
    return found


def _linters(rules_dir: Path | None, select: list[str] | None):
    config = Config(select=select, rules_dirs=[rules_dir] if rules_dir else [])
    active = activate(load_rules(config.rules_dirs), config)
    return Linter(active, config, prefilter=True), Linter(active, config, prefilter=False)


def test_prefilter_changes_no_result_and_parses_less(test_rules, monkeypatch):
    texts, drafts = _sentence_texts(), _drafts()
    assert len(texts) > 500 and len(drafts) > 30
    with_prefilter, without = _linters(test_rules, ["test-passive", "test-future", "test-long"])
    counter = _Counter(monkeypatch)
    filtered = _results(with_prefilter, texts, drafts)
    parsed_with = counter.chars("parse")
    counter.texts.clear()
    unfiltered = _results(without, texts, drafts)
    parsed_without = counter.chars("parse")
    assert filtered == unfiltered
    names = {d.name for found in filtered for d in found}
    assert {"test-passive", "test-future", "test-long"} <= names  # the kinds really fire
    assert parsed_with < parsed_without


def test_pieces_that_fail_every_test_are_never_parsed(test_rules, monkeypatch):
    with_prefilter, _ = _linters(test_rules, ["test-passive", "test-future"])
    counter = _Counter(monkeypatch)
    found = with_prefilter.lint_text(
        "# Headline\n\nShoppers return items at any store. The refund was sent by the bank. Clerks smile.\n")
    assert [d.message for d in found] == ["was sent"]
    assert [t.strip() for _, t in counter.texts] == ["The refund was sent by the bank."]


def test_components_follow_each_texts_readers(test_rules, monkeypatch):
    with_prefilter, _ = _linters(test_rules, ["test-future", "subheading-one-sentence"])
    counter = _Counter(monkeypatch)
    with_prefilter.lint_text("# Headline\n\n## A sub-heading. Two.\n\nIt will ship. It ships.\n")
    assert sorted(counter.texts) == [(("sentences",), "A sub-heading. Two."), (("tags",), "It will ship.")]


def test_builtin_kinds_with_candidate_tests_keep_their_results():
    """Every built-in rule whose kind declares a candidate test: same results with and without."""
    ruleset = load_rules()
    names = [r.name for r in ruleset.rules if r.kind_spec.candidates is not None]
    with_prefilter, without = _linters(None, names + ["subheading-one-sentence"])
    texts, drafts = _sentence_texts(), _drafts()
    assert _results(with_prefilter, texts, drafts) == _results(without, texts, drafts)


def test_unknown_kinds_see_every_sentence():
    kind = Kind("plain", "s", lambda ctx: iter(()), needs=frozenset({"parse"}))
    assert kind.candidates is None and kind.is_candidate("anything at all", {})
