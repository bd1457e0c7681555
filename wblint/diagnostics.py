"""The one finding type every stage passes along, its severities and exit codes."""
from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; choose error, warning or info") from None


class ExitCode(enum.IntEnum):
    OK = 0  # nothing at or above the failing level
    FINDINGS = 1
    USAGE = 2  # bad option, rule file or configuration; an internal error
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)
    BROKEN_PIPE = 141  # the reader of the output went away (128 + SIGPIPE)


@dataclass(frozen=True)
class Fix:
    """Replace source ``[start, end)`` (character offsets in the normalised text) with ``replacement``.

    ``original`` is the text the rule flagged there: a fix is applied only where it still is
    (a fix read back from the cache, or a draft edited since it was linted)."""

    start: int
    end: int
    replacement: str
    original: str | None = None


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int  # 1-based; end position is inclusive of the flagged text
    column: int
    end_line: int
    end_column: int
    rule: str  # id, e.g. WB101
    name: str  # kebab-case rule name
    severity: Severity
    message: str
    fix: Fix | None = None

    @classmethod
    def of(cls, path: str, line: int, column: int, end_line: int, end_column: int, rule: str, name: str,
           severity: Severity, message: str, fix: Fix | None = None) -> "Diagnostic":
        """``Diagnostic(...)`` at half the cost, for the thousands a warm run reads from the
        cache: a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``."""
        self = object.__new__(cls)
        self.__dict__.update(path=path, line=line, column=column, end_line=end_line, end_column=end_column,
                             rule=rule, name=name, severity=severity, message=message, fix=fix)
        return self

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict:
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
        }
        if self.fix is not None:
            data["fix"] = {"start": self.fix.start, "end": self.fix.end, "replacement": self.fix.replacement}
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Diagnostic":
        fix = data.get("fix")
        return cls(
            path=data["path"], line=data["line"], column=data["column"],
            end_line=data["end_line"], end_column=data["end_column"], rule=data["rule"],
            name=data["name"], severity=Severity.parse(data["severity"]), message=data["message"],
            fix=Fix(**fix) if fix and "start" in fix else None,
        )


# Findings about the file itself rather than its writing.
READ_ERROR = ("WB001", "read-error")
PARSE_ERROR = ("WB002", "parse-error")


# Findings about the file or the directives themselves rather than a rule of a pack.
BUILTIN_CODES = {
    "WB001": ("read-error", "The file could not be read as text.",
              "wblint reads UTF-8 (or UTF-16/32 with a byte-order mark); re-save the file as UTF-8."),
    "WB002": ("parse-error", "The file could not be parsed.",
              "The Markdown or its front matter could not be parsed; the message says where."),
    "WB003": ("internal-error", "A rule failed while checking this file.",
              "A bug in a rule; the other rules still ran. Please report it with the draft."),
    "WB004": ("unused-suppression", "An inline suppression silenced nothing.",
              "A <!-- wblint-disable … --> comment whose rules raised nothing where it reaches; remove it "
              "(reported with --report-unused-disables)."),
    "WB005": ("invalid-suppression", "An inline suppression names an unknown rule or directive.",
              "Directives are wblint-disable, wblint-enable, wblint-disable-next-line, wblint-disable-line and "
              "wblint-disable-file, followed by rule ids, names or groups."),
    "WB006": ("rule-timeout", "A rule's regular expression ran out of time on this file.",
              "A team rule's pattern backtracks too much on this text; the other rules still ran. Simplify "
              "the pattern (avoid nested quantifiers such as (a+)+)."),
    "WB008": ("lint-budget", "The draft costs more than wblint's budget for one file.",
              "Too much Markdown markup (tables of tens of thousands of cells, tens of thousands of links or "
              "lines): not linted. Or too much prose for the language rules: they read it only up to the place "
              "named. Split the draft."),
}
