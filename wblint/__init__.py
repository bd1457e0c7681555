"""wblint: a linter for Working Backwards press releases and PR/FAQs."""
from __future__ import annotations

__version__ = "0.1.0"

from .diagnostics import Diagnostic, ExitCode, Severity  # noqa: E402

__all__ = ["Diagnostic", "ExitCode", "Severity", "__version__", "lint_text"]


def lint_text(text: str, path: str = "<text>", select: list[str] | None = None, **config) -> list[Diagnostic]:
    """Lint one draft given as text with the built-in rules (and ``config`` keys of Config)."""
    from .config import Config, activate
    from .engine import Linter
    from .rules import load_rules

    cfg = Config(select=select, **config)
    return Linter(activate(load_rules(cfg.rules_dirs), cfg), cfg).lint_text(text, path)
