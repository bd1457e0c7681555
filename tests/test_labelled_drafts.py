"""The labelled drafts (fixtures/drafts/labels.yaml): every `must` rule fires, no `must_not` rule does.

Each draft is linted with every built-in rule at its defaults; the labels also
give the document kind the anatomy must read.  The counts (expected findings
found, unexpected findings) are printed; run with `-s` to see them.
"""
from __future__ import annotations

from functools import lru_cache

import pytest
import yaml

from conftest import FIXTURES
from wblint import lint_text
from wblint.model import analyse
from wblint.model import parse_document

DRAFTS = FIXTURES / "drafts"
LABELS = yaml.safe_load((DRAFTS / "labels.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def fired(name: str) -> frozenset[str]:
    text = (DRAFTS / name).read_text(encoding="utf-8")
    return frozenset(d.name for d in lint_text(text, name))


def score() -> tuple[int, int, int, list[str]]:
    """(expected findings, of which found, unexpected findings, details of each miss)."""
    expected = found = unexpected = 0
    details = []
    for name, label in LABELS.items():
        got = fired(name)
        for rule in label["must"]:
            expected += 1
            if rule in got:
                found += 1
            else:
                details.append(f"{name}: {rule} did not fire")
        for rule in label["must_not"]:
            if rule in got:
                unexpected += 1
                details.append(f"{name}: {rule} fired")
    return expected, found, unexpected, details


def test_labels_name_existing_drafts_and_rules(ruleset):
    names = {r.name for r in ruleset.rules}
    assert len(LABELS) >= 20
    for draft, label in LABELS.items():
        assert (DRAFTS / draft).is_file(), draft
        assert set(label) <= {"kind", "must", "must_not", "note"}, draft
        unknown = (set(label["must"]) | set(label["must_not"])) - names
        assert not unknown, f"{draft}: unknown rules {unknown}"
        assert not set(label["must"]) & set(label["must_not"]), draft


@pytest.mark.parametrize("draft", sorted(LABELS))
def test_kind_is_read_as_labelled(draft):
    text = (DRAFTS / draft).read_text(encoding="utf-8")
    assert analyse(parse_document(draft, text)).kind == LABELS[draft]["kind"]


@pytest.mark.parametrize("draft", sorted(LABELS))
def test_draft_triggers_what_it_must_and_nothing_it_must_not(draft):
    label, got = LABELS[draft], fired(draft)
    missing = sorted(set(label["must"]) - got)
    unexpected = sorted(set(label["must_not"]) & got)
    assert not missing and not unexpected, f"missing {missing}, unexpected {unexpected}"


def test_counts(capsys):
    expected, found, unexpected, details = score()
    with capsys.disabled():
        print(f"\nlabelled drafts: {len(LABELS)}; expected findings found {found}/{expected}; "
              f"unexpected findings {unexpected}")
        for line in details:
            print("  " + line)
    assert found == expected and unexpected == 0
