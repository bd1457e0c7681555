"""What the engine works out once per Linter (the rule table) gives what working it out per
draft and rule gave."""
from __future__ import annotations

from dataclasses import fields

from conftest import SAMPLES
from wblint.config import ActiveRule, Config, activate
from wblint.diagnostics import Severity
from wblint.engine import Linter
from wblint.rules import Rule, load_rules

DRAFTS = sorted(SAMPLES.glob("*.md"))


def test_an_active_rule_reads_its_rules_fields_and_keeps_its_own_severity_and_options():
    rule = next(r for r in load_rules().rules if r.options)
    active = ActiveRule(rule, Severity.ERROR if rule.severity != Severity.ERROR else Severity.INFO, {"x": 1})
    for name in (f.name for f in fields(Rule)):
        if name not in ("severity", "options"):
            assert getattr(active, name) == getattr(rule, name)
    assert active.severity != rule.severity and active.options == {"x": 1}
    assert active.kind_spec is rule.kind_spec
    assert repr(active).startswith("ActiveRule(rule=Rule(") and active == ActiveRule(rule, active.severity, {"x": 1})


def _as_kind(text: str, kind: str) -> str:
    return f"---\ntype: {kind}\n---\n{text}"


def test_drafts_of_different_kinds_in_one_chunk_get_their_own_kinds_rules():
    config = Config()
    rules = activate(load_rules(), config)
    text = DRAFTS[0].read_text(encoding="utf-8")
    drafts = [(f"{kind}.md", _as_kind(text, kind).encode()) for kind in ("prfaq", "faq", "press-release", "prfaq")]
    together = Linter(rules, config).lint_blobs(drafts)
    alone = [Linter(rules, config).lint_blobs([draft])[0] for draft in drafts]
    assert together == alone
    names = [{d.rule for d in found} for _, found in together]
    assert names[0] == names[3] and names[0] != names[2]


def test_a_doc_without_sentence_boundaries_is_one_sentence():
    import spacy

    from wblint.kinds import _sents

    nlp = spacy.blank("en")
    doc = nlp("One sentence. Then another one.")
    assert not doc.has_annotation("SENT_START")
    assert [s.text for s in _sents(doc)] == [doc.text]
    assert _sents(nlp("")) == [] and [s.text for s in _sents(nlp("word"))] == ["word"]
    nlp.add_pipe("sentencizer")
    assert [s.text for s in _sents(nlp("One sentence. Then another one."))] == ["One sentence.", "Then another one."]
