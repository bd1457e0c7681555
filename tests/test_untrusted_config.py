"""Configuration and rule packs come from the linted repository: they are data, never code,
and nothing in them can make wblint run for minutes, fill memory or crash."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, write

DRAFT = "# Acme Ledger Closes the Books for Small Shops\n\nAcme Ledger closes the books. It is fast.\n"


def run_module(cwd, *args: str) -> subprocess.CompletedProcess:
    """``python -m wblint`` from ``cwd``, as a CI job runs it from the repository it lints."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "wblint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("module, model", [
    ("evil.py", "evil"),
    ("evil.py", "evil.pipeline"),  # a dotted name imports its parent to find the child
    ("evil_pkg/__init__.py", "evil-pkg"),  # a package that looks like a pipeline: meta.json beside it
])
def test_nlp_model_never_imports_a_module_the_repository_holds(tmp_path, module, model):
    marker = tmp_path / "imported"
    write(tmp_path / module, f"open({str(marker)!r}, 'w').write('ran')\n")
    write((tmp_path / module).parent / "meta.json", '{"name": "core_web_sm", "version": "3.8.0"}')
    write(tmp_path / ".wblint.yaml", f"nlp: {{model: {model}}}\n")
    write(tmp_path / "draft.md", DRAFT)
    result = run_module(tmp_path, "check", "--no-cache", "draft.md")
    assert not marker.exists(), "a module named by the configuration was imported"
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wblint: error:") and "nlp.model" in lines[0], result.stderr
