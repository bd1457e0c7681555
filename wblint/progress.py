"""A progress bar on the terminal for scans of more than a few files.

Shown on standard error only when both standard output and standard error are
terminals and the ``CI`` environment variable is not set: never in pipes, files or
CI logs.  It counts files and the findings so far.
"""
from __future__ import annotations

import os
import sys
from typing import Callable, Iterator, TypeVar

MIN_FILES = 5  # scans of this many files or fewer finish before a bar would help

T = TypeVar("T")


def wanted(total: int, stdout=None, stderr=None, environ=None) -> bool:
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    environ = environ if environ is not None else os.environ
    if total <= MIN_FILES or environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    return all(hasattr(stream, "isatty") and stream.isatty() for stream in (stdout, stderr))


def track(results: Iterator[T], total: int, stream=None,
          findings: Callable[[T], int] = lambda item: len(item[1])) -> Iterator[T]:
    """Pass ``results`` through, drawing a bar of files done and findings so far."""
    import click

    count_of = findings
    findings = 0

    def describe(_item) -> str:
        return f"{findings} finding{'' if findings == 1 else 's'}"

    with click.progressbar(length=total, label="Linting", file=stream or sys.stderr, show_pos=True,
                           show_percent=False, item_show_func=describe, width=24) as bar:
        for item in results:
            findings += count_of(item)
            bar.update(1, item)
            yield item
