"""benchmarks/real_corpus.py: scoring wblint against a labelled corpus.

A two-draft corpus is written in tmp_path.  End-to-end runs score only `exclamation` (WB314
flags every "!" in a press release, so its findings are stable while other rules change); the
matching rules themselves are checked on made-up findings, and the model comparison on
made-up readings.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import ROOT

SPEC = importlib.util.spec_from_file_location("real_corpus", ROOT / "benchmarks" / "real_corpus.py")
real_corpus = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(real_corpus)

DRAFT_A = """\
# Acme Notes Lets Home Nurses Finish Visit Notes in Five Minutes

Home health nurses can now write their visit notes from the car in minutes.

SEATTLE, March 3, 2026 — Acme today launched Acme Notes, an app that lets nurses write visit notes by voice!

Today a typical nurse spends two hours each evening typing visit notes into a laptop.

Acme Notes listens while the nurse talks, fills in the visit form, and files it with the agency.

"I get my evenings back," said Maria Lopez, a home health nurse in Tacoma.

"We built Acme Notes with forty nurses over a year," said Sam Lee, CEO of Acme.

To get started, download Acme Notes from the App Store and sign in with your agency email.

Learn more at acme.example/notes!
"""
LABELS_A = """\
split: dev
model:
  headline: 1
  dateline: 5
  faq: null
  faq_questions: 0
  quotes:
    - {line: 11, speaker: Maria Lopez, role: customer}
    - {line: 13, speaker: Sam Lee, role: company}
expect:
  - {rule: exclamation, line: 5, why: "launch sentence ends with !"}
  - {rule: exclamation, line: 16, why: "closing line, off by one"}
  - {rule: exclamation, line: 9, why: "nothing there: a miss"}
reject:
  - {rule: heading-present, why: "headline at line 1"}
"""
DRAFT_B = """\
# Pay Rent Faster

Landlords collect rent!

Try it today!
"""
LABELS_B = """\
split: held-out
model:
  headline: 1
expect: []
reject:
  - {rule: style, lines: [3, 3], why: "a trap: this '!' is fine"}
either: []
"""


def write_corpus(root: Path, labels_b: str = LABELS_B) -> Path:
    for slug, draft, labels in (("a-draft", DRAFT_A, LABELS_A), ("b-draft", DRAFT_B, labels_b)):
        (root / slug).mkdir(parents=True)
        (root / slug / "draft.md").write_text(draft, encoding="utf-8")
        (root / slug / "LICENSE").write_text("MIT\n", encoding="utf-8")
        (root / slug / "labels.yaml").write_text(labels, encoding="utf-8")
    return root


def run_json(capsys, *args: str) -> dict:
    assert real_corpus.main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_counts_and_precision_over_all_splits(tmp_path, capsys):
    result = run_json(capsys, "--corpus", str(write_corpus(tmp_path)), "--split", "all", "--rule", "exclamation")
    row = result["rules"]["exclamation"]
    # a: "!" at 5 and 17 match the expects at 5 and 16 (tolerance 2); the one at 9 is missed.
    # b: "!" at 3 is rejected (style range); the one at 5 has no label.
    assert (row["tp"], row["fp"], row["fn"], row["unjudged"]) == (2, 1, 1, 1)
    assert row["precision"] == pytest.approx(0.667) and row["recall"] == pytest.approx(0.667)
    assert result["totals"]["style"]["tp"] == 2 and result["totals"]["structural"]["tp"] == 0
    assert result["totals"]["overall"]["fp"] == 1
    assert result["false_positives"] == [{"slug": "b-draft", "line": 3, "rule": "exclamation",
                                          "why": "a trap: this '!' is fine"}]
    assert [(e["slug"], e["line"]) for e in result["false_negatives"]] == [("a-draft", 9)]


def test_split_filter_and_tolerance(tmp_path, capsys):
    corpus = str(write_corpus(tmp_path))
    dev = run_json(capsys, "--corpus", corpus, "--rule", "exclamation")  # dev is the default
    assert dev["drafts"] == 1 and dev["split"] == "dev"
    assert (dev["rules"]["exclamation"]["tp"], dev["rules"]["exclamation"]["fp"]) == (2, 0)
    assert dev["rules"]["exclamation"]["precision"] == 1.0
    held = run_json(capsys, "--corpus", corpus, "--split", "held-out", "--rule", "exclamation")
    assert held["drafts"] == 1 and held["rules"]["exclamation"]["fp"] == 1
    strict = run_json(capsys, "--corpus", corpus, "--rule", "exclamation", "--tolerance", "0")
    assert (strict["rules"]["exclamation"]["tp"], strict["rules"]["exclamation"]["fn"]) == (1, 2)


def test_json_shape_and_model_fields(tmp_path, capsys):
    result = run_json(capsys, "--corpus", str(write_corpus(tmp_path)))
    assert set(result) >= {"drafts", "split", "tolerance", "rules", "totals", "model",
                           "false_positives", "false_negatives", "model_mismatches"}
    assert set(result["totals"]) == {"structural", "style", "overall"}
    for row in [*result["rules"].values(), *result["totals"].values()]:
        assert set(row) == {"tp", "fp", "fn", "ignored", "unjudged", "precision", "recall"}
    assert set(result["model"]) == set(real_corpus.MODEL_FIELDS)
    model = result["model"]
    assert model["headline"] == {"correct": 1, "total": 1, "unjudged": 0}
    assert model["quotes"]["total"] == 1 and model["title"] == {"correct": 0, "total": 0, "unjudged": 1}
    assert result["rules"].get("heading-present", {}).get("fp", 0) == 0


def test_text_report_lists_misses_unless_quiet(tmp_path, capsys):
    corpus = str(write_corpus(tmp_path))
    assert real_corpus.main(["--corpus", corpus, "--rule", "exclamation"]) == 0
    out = capsys.readouterr().out
    assert "precision" in out and "structural" in out and "model accuracy" in out
    assert "a-draft:9 exclamation  nothing there: a miss" in out
    assert real_corpus.main(["--corpus", corpus, "--rule", "exclamation", "--quiet"]) == 0
    assert "a-draft:9" not in capsys.readouterr().out


@pytest.mark.parametrize("labels", ["split: maybe\n", "split: dev\nexpect: [{rule: no-such-rule}]\n",
                                    "split: dev\nexpect: [unclosed\n", "- just a list\n"])
def test_bad_labels_exit_2_naming_the_file(tmp_path, capsys, labels):
    assert real_corpus.main(["--corpus", str(write_corpus(tmp_path, labels)), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert str(tmp_path / "b-draft" / "labels.yaml") in captured.err


def test_judge_buckets():
    labels = {"expect": [{"rule": "dateline", "line": 5}, {"rule": "customer-quote"},
                         {"rule": "hype", "line": 20}],
              "reject": [{"rule": "style", "lines": [30, 40]}, {"rule": "length"}],
              "either": [{"rule": "hype", "line": 22}]}
    findings = [("dateline", False, 7), ("dateline", False, 8), ("customer-quote", False, 1),
                ("hype", True, 22), ("hype", True, 35), ("length", False, 1), ("passive-voice", True, 50)]
    out = real_corpus.judge(findings, labels, tolerance=2)
    assert [(r, line) for r, line, _ in out["tp"]] == [("customer-quote", 1), ("dateline", 7), ("hype", 22)]
    assert [(r, line) for r, line, _ in out["fp"]] == [("length", 1), ("hype", 35)]
    assert [(r, line) for r, line, _ in out["unjudged"]] == [("dateline", 8), ("passive-voice", 50)]
    assert out["fn"] == [] and out["ignored"] == []
    # Without tolerance the hype finding at 22 misses line 20 and falls to `either`.
    strict = real_corpus.judge(findings, labels, tolerance=0)
    assert [(r, line) for r, line, _ in strict["ignored"]] == [("hype", 22)]
    assert {r for r, _, _ in strict["fn"]} == {"dateline", "hype"}


def test_model_agreement():
    agrees = real_corpus.model_agrees
    assert agrees("headline", 5, 5, 2) and not agrees("headline", 5, 6, 2) and agrees("dateline", None, None, 2)
    assert agrees("problem", 12, [10, 13], 2) and not agrees("problem", 14, [10, 13], 2)
    assert not agrees("problem", None, [10, 13], 2) and agrees("problem", None, None, 2)
    assert agrees("release", [5, 60], [5, 59], 2) and not agrees("release", [5, 60], None, 2)
    assert agrees("other", [], [], 2) and not agrees("other", [[1, 3]], [], 2)
    read = [(11, 11, "customer"), (13, 14, "spokesperson")]
    assert agrees("quotes", [{"line": 11, "role": "customer"}, {"line": 14, "role": "company"}], read, 2)
    assert not agrees("quotes", [{"line": 11, "role": "company"}, {"line": 13, "role": "company"}], read, 2)
    assert not agrees("quotes", [{"line": 11, "role": "customer"}], read, 2)
