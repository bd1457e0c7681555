"""Run control: `wblint clean`, cache pruning, `--version`, `explain` wrapping, shell completion."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from conftest import ROOT, write

from wblint import cache as cache_module

DAY = 24 * 3600


def _age(path, days: float) -> None:
    then = time.time() - days * DAY
    os.utime(path, (then, then))


def _entries(root) -> list:
    return list(root.rglob("*.json"))


@pytest.fixture(autouse=True)
def _with_cache(monkeypatch):
    monkeypatch.delenv("WBLINT_NO_CACHE", raising=False)  # these tests are about the cache


def _check(run_cli, cache, *paths):
    result = run_cli("check", "--isolated", "--select", "heading-present", "--cache-dir", str(cache), *map(str, paths))
    assert result.exit_code in (0, 1), result.output
    return result


# -- wblint clean ------------------------------------------------------------------------


def test_clean_removes_the_cache_and_only_a_cache(run_cli, in_tmp):
    write(in_tmp / "a.md", "# Acme\n\nText.\n")
    _check(run_cli, in_tmp / "cache", in_tmp / "a.md")
    assert _entries(in_tmp / "cache")
    result = run_cli("clean", "--cache-dir", "cache")
    assert result.exit_code == 0 and result.stdout.startswith("removed cache (")
    assert not (in_tmp / "cache").exists()
    assert run_cli("clean", "--cache-dir", "cache").stdout == "no cache at cache\n"
    write(in_tmp / "docs" / "keep.md", "mine\n")  # a directory wblint did not create is never removed
    refused = run_cli("clean", "--cache-dir", "docs")
    assert refused.exit_code == 2 and "not a wblint cache directory" in refused.stderr
    assert (in_tmp / "docs" / "keep.md").exists()


def test_clean_finds_the_default_cache_at_the_project_root(run_cli, in_tmp, monkeypatch):
    (in_tmp / ".git").mkdir()
    write(in_tmp / "docs" / "a.md", "# Acme\n\nText.\n")
    monkeypatch.chdir(in_tmp / "docs")
    assert run_cli("check", "--isolated", "a.md").exit_code in (0, 1)
    assert (in_tmp / ".wblint_cache").is_dir()
    assert run_cli("clean").exit_code == 0 and not (in_tmp / ".wblint_cache").exists()


# -- pruning -----------------------------------------------------------------------------


def _entry_of(cache, draft):
    found = cache_module.digest(draft.read_bytes())
    [entry] = cache.glob(f"*/{found[:2]}/{found[2:]}.json")
    return entry


def test_entries_unused_for_a_month_are_pruned_at_the_end_of_a_run(run_cli, in_tmp):
    cache = in_tmp / "cache"
    old, kept = write(in_tmp / "old.md", "# Old\n\nText.\n"), write(in_tmp / "kept.md", "# Kept\n\nText.\n")
    _check(run_cli, cache, old, kept)
    old_entry, kept_entry = _entry_of(cache, old), _entry_of(cache, kept)
    stale_config = cache / "0123456789abcdef01234567" / "ab"  # a configuration no longer used
    write(stale_config / "cdef.json", "[]")
    for entry in [*cache.rglob("*.json")]:
        _age(entry, 40)
    _age(cache / cache_module.PRUNED_MARKER, 2)  # the last sweep was two days ago
    _check(run_cli, cache, kept)  # reads kept.md's entry (a hit refreshes it), not old.md's
    assert kept_entry.exists() and not old_entry.exists()
    assert not stale_config.parent.exists()  # its directory went with its last entry
    assert (cache / "CACHEDIR.TAG").exists() and (cache / ".gitignore").exists()


def test_pruning_sweeps_at_most_once_a_day_and_a_hit_keeps_an_entry(run_cli, in_tmp):
    cache = in_tmp / "cache"
    draft = write(in_tmp / "a.md", "# Acme\n\nText.\n")
    _check(run_cli, cache, draft)
    [entry] = cache.rglob("*.json")
    _age(entry, 40)
    assert cache_module.prune(cache) == 0  # swept minutes ago, at the end of the first run
    assert entry.exists()
    _check(run_cli, cache, draft)  # a hit on an entry last touched 40 days ago touches it again
    assert time.time() - entry.stat().st_mtime < 60
    _age(cache / cache_module.PRUNED_MARKER, 2)
    assert cache_module.prune(cache) == 0 and entry.exists()  # in use: kept


def test_pruning_leaves_a_directory_wblint_did_not_create_alone(tmp_path):
    write(tmp_path / "mine" / "x" / "data.json", "{}")
    _age(tmp_path / "mine" / "x" / "data.json", 400)
    assert cache_module.prune(tmp_path / "mine") == 0
    assert (tmp_path / "mine" / "x" / "data.json").exists()


# -- --version, explain ------------------------------------------------------------------


def test_version_names_spacy_and_the_pipeline_without_importing_spacy():
    import wblint
    from wblint import nlp

    code = ("import runpy, sys; sys.argv = ['wblint', '--version']\n"
            "try:\n    runpy.run_module('wblint', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print('spacy imported' if 'spacy' in sys.modules else 'spacy not imported')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.splitlines()
    name = nlp.find_model(None)
    assert out[0] == f"wblint, version {wblint.__version__}"
    assert out[1] == f"spaCy {nlp._spacy_version()}; pipeline {name} {nlp.pipeline_meta(name)['version']}"
    assert out[2] == "spacy not imported"


def test_explain_wraps_its_prose_to_the_terminal(run_cli):
    narrow = run_cli("explain", "heading-length", env={"COLUMNS": "50"}).stdout
    wide = run_cli("explain", "heading-length", env={"COLUMNS": "100"}).stdout
    why = narrow.split("\nWhy\n", 1)[1].split("\nOptions", 1)[0]
    assert max(map(len, why.splitlines())) <= 50
    assert all(line.startswith("  ") for line in why.splitlines() if line)
    assert " ".join(why.split()) == " ".join(wide.split("\nWhy\n", 1)[1].split("\nOptions", 1)[0].split())
    assert len(wide.splitlines()) < len(narrow.splitlines())
    assert "\nBad\n  | # Project Kestrel\n" in narrow  # examples are shown as written


# -- shell completion ----------------------------------------------------------------------


def _complete(words: str) -> list[str]:
    """What bash completion offers for the last word of ``words`` (click's bash protocol)."""
    from click.testing import CliRunner

    from wblint.cli import main

    parts = words.split(" ")
    result = CliRunner().invoke(main, [], prog_name="wblint", env={
        "_WBLINT_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)})
    return [line.split(",", 1)[1] for line in result.stdout.splitlines()]


def test_rule_names_complete_for_explain_select_and_ignore(in_tmp, team):
    assert _complete("wblint explain heading-p") == ["heading-present"]
    assert _complete("wblint explain WB30") == [f"WB30{n}" for n in range(1, 10)]
    assert _complete("wblint check --select style,jarg") == ["style,jargon-density"]
    assert "press-release" in _complete("wblint check --ignore press")
    assert _complete("wblint check --extend-select AL") == ["ALL"]
    assert _complete(f"wblint check --rules-dir {team} --select plain") == ["plain-words"]


def test_the_completion_script_is_what_the_readme_says():
    from click.testing import CliRunner

    from wblint.cli import main

    result = CliRunner().invoke(main, [], prog_name="wblint", env={"_WBLINT_COMPLETE": "bash_source"})
    assert "_wblint_completion()" in result.stdout and "complete " in result.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'eval "$(_WBLINT_COMPLETE=bash_source wblint)"' in readme
