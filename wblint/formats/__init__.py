"""Output formats: pure functions from findings to text, in a registry keyed by name."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..diagnostics import Diagnostic


@dataclass(frozen=True)
class Report:
    """Everything a formatter may show: findings per file, in scan order."""

    files: list[tuple[str, list[Diagnostic]]]
    color: bool = False
    rules: tuple = ()  # the active rules, for formats that describe them

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for _, found in self.files for d in found]


Formatter = Callable[[Report], str]
FORMATTERS: dict[str, Formatter] = {}


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    def register(function: Formatter) -> Formatter:
        FORMATTERS[name] = function
        return function

    return register


from . import json_format, text  # noqa: E402,F401  (register the built-in formats)
