"""Part detection skips work whose result is thrown away: it must find what reading everything finds."""
from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import FIXTURES, SAMPLES
from wblint.model import parts
from wblint.model import analyse
from wblint.model import parse_document
from wblint.kinds.part import default_specs
from wblint.model import detect

DRAFTS = sorted((FIXTURES / "drafts").glob("*.md")) + sorted(SAMPLES.glob("*.md"))


def summary(model: parts.PartsModel, blocks) -> list:
    """Everything a model says, with blocks by line (ids differ between anatomies)."""
    line = {id(b): b.line for b in blocks}
    return [[(p.name, [b.line for b in p.blocks], p.cue_kind, p.cue, p.score) for p in model.parts],
            sorted((k, v.line) for k, v in model.empty_sections.items()),
            sorted((line[k], [(n, e.score, e.cues) for n, e in v.items()]) for k, v in model.labels.items())]


def spec_sets():
    specs = default_specs()
    cta = specs["call-to-action"]
    yield specs
    yield dict(specs, **{"call-to-action": replace(cta, min_score=1.0)})  # the closing paragraph alone counts
    yield dict(specs, **{"call-to-action": replace(cta, min_score=0.0)})


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_skipping_unread_parts_changes_nothing(draft, monkeypatch):
    text = draft.read_text(encoding="utf-8")
    for specs in spec_sets():
        fast = analyse(parse_document(draft.name, text), "press-release")
        found = summary(detect(fast, specs), fast.press_release)
        with monkeypatch.context() as patched:
            patched.setattr(parts._Detector, "_unread", lambda self, *args: frozenset())
            patched.setattr(parts._Detector, "_may_call_to_action", lambda self, *args: True)
            full = analyse(parse_document(draft.name, text), "press-release")
            assert found == summary(detect(full, specs), full.press_release)


def test_a_headed_paragraph_still_takes_the_point_for_the_first_problem_after_the_lead():
    draft = ("# Acme Frobs Ship Today\n\nSEATTLE, WA — May 4, 2027 — Acme today launched Frob, a frob for teams.\n\n"
             "## How to Get Started\n\nTeams struggle and waste hours every week without a way to share notes.\n\n"
             "## More\n\nTeams struggle and lose work without a way to share notes and they waste days.\n")
    anatomy = analyse(parse_document("a.md", draft), "press-release")
    model = detect(anatomy, default_specs())
    later = next(b for b in anatomy.press_release if b.text.startswith("Teams struggle and lose"))
    assert "first such paragraph after the lead" not in model.labels[id(later)]["problem"].cues
