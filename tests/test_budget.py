"""No input under the size limit costs minutes or gigabytes."""
from __future__ import annotations

import io
import json

from click.testing import CliRunner

from wblint.cli import main
from wblint.config import Config, activate
from wblint.engine import MAX_DRAFT_BYTES, Linter
from wblint.rules import load_rules

HEAD = "# Acme Ledger Closes the Books for Small Bakeries Every Night\n\n"
_linter = Linter(activate(load_rules(), Config()), Config())


def _names(found) -> list[str]:
    return [d["name"] if isinstance(d, dict) else d.name for d in found]


class _EndlessInput(io.RawIOBase):
    """Standard input that does not end (a pipe from a program that keeps writing); it gives up
    after 8 MB, so a reader that wants all of it still finishes."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        size = min(len(buffer), 8 * MAX_DRAFT_BYTES - self.given)
        buffer[:size] = b"a " * (size // 2) + b"a" * (size % 2)
        self.given += size
        return size


def test_stdin_is_read_only_up_to_the_size_limit():
    stdin = _EndlessInput()
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "-"], input=stdin,
                                catch_exceptions=False)
    found = json.loads(result.stdout)
    assert result.exit_code == 1
    assert _names(found) == ["read-error"] and "too large" in found[0]["message"]
    assert found[0]["path"] == "<stdin>"
    assert stdin.given < 2 * MAX_DRAFT_BYTES  # not the 8 MB it would have given


def test_stdin_under_the_limit_is_linted_whole():
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "-"],
                                input=HEAD + "We will leverage synergy. " * 20, catch_exceptions=False)
    assert "jargon-density" in _names(json.loads(result.stdout))
