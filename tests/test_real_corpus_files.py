"""The real-draft corpus carries its provenance: every draft sits beside its licence and its
source, under a licence that permits copying, in the split its name assigns it."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

REAL = Path(__file__).parent.parent / "fixtures" / "real"
PERMITTED = {"MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Unlicense", "CC0-1.0", "CC-BY-4.0",
             "CC-BY-SA-4.0", "MPL-2.0"}
DRAFTS = sorted(p for p in REAL.iterdir() if p.is_dir())


def test_there_is_a_corpus_with_both_halves():
    splits = [yaml.safe_load((d / "labels.yaml").read_text(encoding="utf-8"))["split"] for d in DRAFTS]
    assert splits.count("dev") >= 5 and splits.count("held-out") >= 5


@pytest.mark.parametrize("folder", DRAFTS, ids=[d.name for d in DRAFTS])
def test_draft_has_licence_source_and_split(folder):
    assert {p.name for p in folder.iterdir()} == {"draft.md", "LICENSE", "labels.yaml"}
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    source = labels["source"]
    assert source["licence"] in PERMITTED
    assert source["url"].startswith(f"https://github.com/{source['repo']}/blob/{source['commit']}/")
    assert (folder / "LICENSE").read_text(encoding="utf-8").strip()
    held_out = hashlib.sha1(folder.name.encode()).hexdigest()[0] in "89abcdef"
    assert labels["split"] == ("held-out" if held_out else "dev")
