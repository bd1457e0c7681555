"""The spaCy layer: components chosen from what the rules need; a blank fallback that says so."""
from __future__ import annotations

import pytest

from conftest import SAMPLES
from wblint import nlp
from wblint.config import Config, activate
from wblint.engine import Linter
from wblint.rules import load_rules


@pytest.fixture
def fresh_pipelines():
    saved = dict(nlp._loaded)
    nlp._loaded.clear()
    yield
    nlp._loaded.clear()
    nlp._loaded.update(saved)


def test_components_follow_capabilities():
    assert nlp.components_for({"sentences"}) == ["senter"]
    assert "parser" in nlp.components_for({"parse", "sentences"})
    assert "senter" not in nlp.components_for({"parse", "sentences"})
    assert nlp.components_for({"entities"}) == ["ner"]


def test_only_needed_components_are_loaded(fresh_pipelines):
    pipeline = nlp.load({"sentences"})
    assert pipeline.trained
    # the senter, and wblint's own rule-based hint for company suffixes (no model weights)
    assert pipeline.nlp.pipe_names == ["wblint_suffix_boundaries", "senter"]


def test_blank_fallback_skips_rules_that_need_more_and_says_so_once(monkeypatch, fresh_pipelines):
    monkeypatch.setattr(nlp, "find_model", lambda configured: None)
    notices = []
    ruleset = load_rules()
    linter = Linter(activate(ruleset, Config(select=["subheading-one-sentence", "customer-quote"])),
                    notice=notices.append)
    results = dict(linter.lint_paths([SAMPLES / "bad-subheading.md", SAMPLES / "bad-no-customer-quote.md"]))
    names = {d.name for found in results.values() for d in found}
    assert names == {"subheading-one-sentence"}  # sentences still work with the sentencizer
    assert len(notices) == 1 and "customer-quote" in notices[0] and "pip install" in notices[0]


def test_configured_model_that_is_missing_is_a_usage_error(fresh_pipelines):
    with pytest.raises(nlp.ModelError, match="no_such_pipeline"):
        nlp.load({"sentences"}, "no_such_pipeline")


@pytest.mark.parametrize("needs", [{"sentences"}, {"sentences", "parse", "tags"}], ids=["senter", "parser"])
def test_a_company_suffix_ends_a_sentence_before_a_new_quote(needs):
    pipeline = nlp.load(frozenset(needs), None)
    text = ('"Reviews take a day now," said Sarah Chen, a manager at TechStart Inc. "They took a week." '
            "She works at Acme Inc. and likes it.")
    sentences = [s.text for s in next(pipeline.pipe([text])).sents]
    assert sentences == ['"Reviews take a day now," said Sarah Chen, a manager at TechStart Inc.',
                         '"They took a week."', "She works at Acme Inc. and likes it."]
