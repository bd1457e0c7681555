"""Work the rule checks share: done once per draft or per rule, with the results of doing it each time."""
from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, SAMPLES
from wblint.model import analyse
from wblint.config import Config, activate
from wblint.model import parse_document
from wblint.engine import Linter
from wblint.kinds import Context, Kind, _language, per_options
from wblint.kinds._language import grouped_alternation, phrase_pattern
from wblint.kinds.length import WORD, word_count, word_spans
from wblint.kinds.repeated import DOUBLED
from wblint.prefilter import fixed, pieces
from wblint.rules import load_rules

DRAFTS = sorted((FIXTURES / "drafts").glob("*.md")) + sorted(SAMPLES.glob("*.md"))

# Letters that match an ASCII letter in another case under re.IGNORECASE, and some that match none.
TRICKY = ("In ORDER to \u017fee \u0131t, the Kelvin \u212a and \u0130 dotted; in\u00a0order to; in-order-to; "
          "Prior to: utilizes, UTILISED, utilizing; at least; e-mail; ing; emails; n\u00e4ive na\u00efve; #1 and 1st")


@pytest.mark.parametrize("phrases,inflect", [
    (["in order to", "prior to", "at least", "at all times", "utilize", "in spite of", "i", "e-mail"], False),
    (["utilize", "utilise", "interface", "email", "ascertain"], True),
    (["e", "y", "ing", "in"], True),  # "e" inflects to "ing": its regex does not start with "e", so flat
    (["\u00e4ble", "able", "na\u00efve", "#1", "1st", "-fold"], False),  # non-ASCII first letter: flat
])
def test_grouped_alternation_finds_what_the_flat_one_finds(phrases, inflect, monkeypatch):
    grouped = phrase_pattern.__wrapped__(tuple(phrases), inflect)
    monkeypatch.setattr(_language, "grouped_alternation", lambda parts: "|".join(regex for _, regex in parts))
    flat = phrase_pattern.__wrapped__(tuple(phrases), inflect)
    text = " ".join([TRICKY, *phrases, *(p.upper() for p in phrases)])
    text += "".join(draft.read_text(encoding="utf-8") for draft in DRAFTS[:10])
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


@pytest.mark.parametrize("phrases", [
    ["in order to", "prior to", "at least", "utilize", "e-mail", "world's first", "state-of-the-art", "1st"],
    ["na\u00efve", "\u00e4ble", "in", "I"],
    ["#1", "in order to"],  # one does not start a word: no shared "\\b"
])
def test_phrases_after_a_shared_boundary_match_where_the_phrase_pattern_does(phrases):
    after = _language.phrases_after_boundary(phrases)
    if any(not p[:1].isalnum() for p in phrases):
        assert after is None
        return
    shared = re.compile(r"\b(?:" + after + ")", re.IGNORECASE)
    text = " ".join([TRICKY, *phrases, *(p.upper() for p in phrases), "x-in order to", "'at least", "ain order to"])
    text += "".join(draft.read_text(encoding="utf-8") for draft in DRAFTS[:10])
    expected = [m.span() for m in phrase_pattern.__wrapped__(tuple(phrases)).finditer(text)]
    assert expected and [m.span() for m in shared.finditer(text)] == expected


def test_grouped_alternation_groups_only_when_safe():
    assert grouped_alternation([("at least", "at least"), ("in order to", "in order to"), ("as is", "as is")]) \
        == "(?:at least|as is)|(?:in order to)"
    unsafe = [("\u00e4ble", "\u00e4ble"), ("able", "able")]
    assert grouped_alternation(unsafe) == "\u00e4ble|able"
    inflected = [("e", "(?:e|es|ed|ing)"), ("in", "in")]
    assert grouped_alternation(inflected) == "(?:e|es|ed|ing)|in"


def test_per_options_builds_once_per_options_dict():
    calls = []

    def build(options):
        calls.append(options["n"])
        return options["n"] * 2

    first, second = {"n": 1}, {"n": 1}
    assert per_options(first, build) == 2 and per_options(first, build) == 2
    assert per_options(second, build) == 2
    assert calls == [1, 1]  # once for each dict, however often asked


def test_capabilities_follow_the_options():
    rules = {r.name: r for r in load_rules().rules}
    existence = rules["weasel-words"].kind_spec
    options = dict(rules["weasel-words"].options)
    assert existence.capabilities(options) == frozenset(existence.needs_for(options))
    plain = {**options, "terms": {"nearly": ["ADV"]}}
    assert existence.capabilities(plain) == frozenset({"sentences", "tags", "pos"})  # no clause skipping: no parse


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_word_counts_match_the_word_positions(draft):
    document = parse_document(str(draft), draft.read_text(encoding="utf-8"))
    context = Context(document, analyse(document), None, {}, {})
    for block in document.blocks:
        if block.prose is None:
            continue
        prose = block.prose
        expected = [m.span() for m in WORD.finditer(prose.text) if not prose.is_opaque(m.start(), m.end())]
        assert word_spans(prose) == expected
        assert word_count(context, block) == len(expected)


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_doubled_words_never_straddle_two_pieces(draft):
    """repeated-words searches only the pieces the prefilter let through: this must find them all."""
    document = parse_document(str(draft), draft.read_text(encoding="utf-8") + "\n\nThe the end. End end. It is is.\n")
    for block in document.blocks:
        if block.prose is None:
            continue
        text = block.prose.text
        in_pieces = [m.span() for start, end in pieces(text) for m in DOUBLED.finditer(text, start, end)]
        assert in_pieces == [m.span() for m in DOUBLED.finditer(text)]


# -- sentences, shared by every rule that reads them ---------------------------------------

SEEN: list[tuple[str, list]] = []


def _record(ctx):
    SEEN.append((ctx.rule.name, list(ctx.sentences())))
    return iter(())


RECORDERS = {
    "test-record": Kind("test-record", "records sentences (test)", _record, needs=frozenset({"sentences"})),
    "test-record-pieces": Kind("test-record-pieces", "records piece sentences (test)", _record,
                               needs=frozenset({"sentences"}), candidates=fixed(r"\b(?:the|will)\b")),
}
PACK = {"pack": "test", "rules": [
    {"id": f"TS00{i}", "name": name, "kind": kind, "severity": "warning", "message": "m", "scope": scope,
     "summary": "s", "rationale": "r", "examples": {"bad": "x", "good": "y"}}
    for i, (name, kind, scope) in enumerate([
        ("record-document", "test-record", "document"), ("record-release", "test-record", "press-release"),
        ("record-pieces", "test-record-pieces", "document"),
        ("record-pieces-too", "test-record-pieces", "press-release")], 1)
]}


@pytest.fixture
def recorders(install_kinds):
    SEEN.clear()
    return install_kinds(RECORDERS, PACK)


@pytest.mark.parametrize("prefilter", [True, False])
def test_rules_share_sentences_whose_text_is_spacys(recorders, prefilter):
    config = Config(select=[r["name"] for r in PACK["rules"]], rules_dirs=[recorders])
    linter = Linter(activate(load_rules(config.rules_dirs), config), config, prefilter=prefilter)
    list(linter.lint_paths(DRAFTS[:8]))
    by_rule: dict[str, list] = {}
    for name, sentences in SEEN:
        by_rule.setdefault(name, []).extend(sentences)
    assert all(by_rule.get(r["name"]) for r in PACK["rules"])
    for sentences in by_rule.values():
        for sentence in sentences:
            assert sentence.text == sentence.span.text and sentence.text.strip()
    # A sentence two rules read is one object, built once (a front matter title is a
    # headline outside the document's blocks: only the press release scope has it).
    for wide, narrow in (("record-document", "record-release"), ("record-pieces", "record-pieces-too")):
        built = {_where(s): s for s in by_rule[wide]}
        shared = [s for s in by_rule[narrow] if _where(s) in built]
        assert len(shared) > 0.9 * len(by_rule[narrow])
        assert all(built[_where(s)] is s for s in shared)


def _where(sentence) -> tuple[int, int, int]:
    return id(sentence.block), sentence.span.start_char, sentence.span.end_char
