"""The result cache is data from disk, not truth: it lives in the linted repository, where a
pull request can put anything.  Only regular files of bounded size are read, every entry is
checked before it is believed, and a fix it holds is applied only where the text still is
what the rule flagged."""
from __future__ import annotations

import json
import os
import threading

import pytest

from conftest import SAMPLES, write
from wblint import cache as cache_module, scan
from wblint.cache import Cache, linter_fingerprint
from wblint.config import Config, activate
from wblint.engine import Linter
from wblint.rules import load_rules

FAKE = [1, 1, 1, 2, "WB999", "planted", "error", "a finding nobody made", None]


def _linter() -> Linter:
    config = Config(select=["heading-present", "subheading-present", "placeholder-text"])
    return Linter(activate(load_rules(), config), config)


def _scan(linter, draft, root):
    """One scan of ``draft`` through a fresh Cache over ``root``: (results, the cache)."""
    cache = Cache(root, linter_fingerprint(linter))
    done = [None]
    worker = threading.Thread(target=lambda: done.__setitem__(0, list(scan.scan(linter, [draft], str, cache=cache))),
                              daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "reading the cache hung"
    return done[0], cache


@pytest.fixture
def primed(tmp_path):
    """A draft linted once: (linter, draft, cache root, the one entry's path, the cold results)."""
    linter = _linter()
    draft = write(tmp_path / "draft.md", (SAMPLES / "bad-subheading.md").read_text(encoding="utf-8") + "\nTBD\n")
    root = tmp_path / "cache"
    cold, _ = _scan(linter, draft, root)
    assert cold[0][1], "the draft has findings to cache"
    [entry] = [p for p in root.rglob("*.json") if "yaml-" not in str(p)]
    return linter, draft, root, entry, cold


@pytest.mark.parametrize("plant", ["symlink", "fifo", "oversized"])
def test_only_regular_files_of_bounded_size_are_read(primed, tmp_path, plant):
    linter, draft, root, entry, cold = primed
    planted = tmp_path / "elsewhere.json"
    entry.unlink()
    if plant == "symlink":  # a well-formed entry, reached through a link
        planted.write_text(json.dumps([FAKE]), encoding="utf-8")
        entry.symlink_to(planted)
    elif plant == "fifo":  # opening it for reading would wait for a writer for ever
        os.mkfifo(entry)
    else:
        entry.write_text(json.dumps([FAKE]) + " " * (cache_module.MAX_ENTRY_BYTES + 1), encoding="utf-8")
    warm, cache = _scan(linter, draft, root)
    assert warm == cold and cache.misses == 1
    assert "WB999" not in {d.rule for d in warm[0][1]}


@pytest.mark.parametrize("row", [
    ["1", 1, 1, 2, "WB101", "heading-present", "error", "text", None],  # a line that is not a number
    [0, 1, 1, 2, "WB101", "heading-present", "error", "text", None],  # line 0
    [1, 1, 999, 2, "WB101", "heading-present", "error", "text", None],  # past the end of the draft
    [3, 5, 2, 1, "WB101", "heading-present", "error", "text", None],  # ends before it starts
    [1, 1, 1, 2, "WB101", "heading-present", "fatal", "text", None],  # no such severity
    [1, 1, 1, 2, "WB101", "heading-present", "error", 7, None],  # a message that is not text
    [1, 1, 1, 2, "WB101", "heading-present", "error", "text", [5, 2, "x", "y"]],  # a fix that ends first
    [1, 1, 1, 2, "WB101", "heading-present", "error", "text", [0, 10 ** 9, "x", "y"]],  # past the end
    [True, 1, 1, 2, "WB101", "heading-present", "error", "text", None],  # a boolean
    {"line": 1},  # not a row
], ids=range(10))
def test_an_entry_is_checked_before_it_is_believed(primed, row):
    linter, draft, root, entry, cold = primed
    entry.write_text(json.dumps([row]), encoding="utf-8")
    warm, cache = _scan(linter, draft, root)
    assert warm == cold and cache.misses == 1  # linted again, not crashed


TEXT = "# Acme Ledger\n\nWe utilize receipts in order to close the books.\n\nNothing else to do.\n"
FIXED = "# Acme Ledger\n\nWe use receipts to close the books.\n\nNothing else to do.\n"


@pytest.mark.parametrize("where", ["headline", "same length"])
def test_a_cached_fix_applies_only_where_the_text_is_what_the_rule_flagged(in_tmp, team, run_cli, monkeypatch, where):
    monkeypatch.delenv("WBLINT_NO_CACHE")
    write(in_tmp / ".wblint.yaml", "rules-dirs: [team]\nselect: [team, heading-present]\n")
    draft = write(in_tmp / "a.md", TEXT)
    assert run_cli("check", "--diff", "--cache-dir", "cache", "a.md").exit_code == 1
    [entry] = [p for p in (in_tmp / "cache").rglob("*.json") if "yaml-" not in str(p)]
    rows = json.loads(entry.read_text(encoding="utf-8"))
    moved = {"headline": (0, len("# Acme Ledger")), "same length": (TEXT.index("receipt"), TEXT.index("receipt") + 7)}
    for row in rows:
        if row[8] is not None and row[8][2] == "use":  # "utilize" -> "use", moved elsewhere
            row[8][0], row[8][1] = moved[where]
    entry.write_text(json.dumps(rows), encoding="utf-8")
    assert run_cli("check", "--fix", "--cache-dir", "cache", "a.md").exit_code == 0
    assert draft.read_text(encoding="utf-8") == FIXED  # nothing else lost; "utilize" fixed once re-linted
