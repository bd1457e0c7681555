from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wblint.cli import main
from wblint.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SAMPLES = FIXTURES / "samples"


@pytest.fixture(scope="session")
def ruleset():
    return load_rules()


@pytest.fixture
def run_cli():
    """Run the wblint CLI in-process; returns click's Result (exit_code, stdout, stderr)."""

    def run(*args: str, env: dict | None = None, input: str | None = None):
        runner = CliRunner()
        return runner.invoke(main, list(args), env=env, input=input, catch_exceptions=False)

    return run


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch):
    """Tests lint afresh unless they test the cache (which passes --cache-dir itself)."""
    monkeypatch.setenv("WBLINT_NO_CACHE", "1")
