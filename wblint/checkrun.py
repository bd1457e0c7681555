"""`wblint check` behind its flags: configuration, linting, fixes, output and the exit code.

cli.py declares the flags and hands them over as ``CheckOptions``; this module does the
work in plain steps, so a new flag is one field and one line where it matters.
"""
from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from .diagnostics import ExitCode, Severity
from .display import source_lines, terminal_width, use_color
from .yamlfile import ConfigError, tree_store

FORMAT_NAMES = ("text", "concise", "json", "github", "gitlab", "sarif", "junit")
READABLE = ("text", "concise")  # the formats for people, closed by a summary line
STDIN_NAME = "<stdin>"


@dataclass
class CheckOptions:
    paths: tuple[Path, ...] = ()
    output_format: str | None = None  # None: github under GitHub Actions, else text
    output: Path | None = None
    fail_on: str = "warning"
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    rules_dir: tuple[Path, ...] = ()
    config: Path | None = None
    isolated: bool = False
    stdin_filename: str | None = None
    fix: bool = False
    diff: bool = False
    statistics: bool = False
    report_unused_disables: bool = False
    color: str = "auto"
    quiet: bool = False
    jobs: int | None = None  # processes; None: the number of CPUs
    no_cache: bool = False
    cache_dir: Path | None = None  # None: .wblint_cache at the project root
    all_files: bool = False  # lint every Markdown file, drafts or not (wblint.drafts)
    drafts_only: bool = False  # test files named on the command line too (the pre-commit hook)
    show_files: bool = False  # list the files and whether each is linted, then stop
    show_settings: bool = False  # print the one file's effective settings and their sources, then stop
    exit_zero: bool = False  # exit 0 even when findings are reported


def plural(count: int, noun: str) -> str:
    """"1 file", "2 files"; "1 fix", "2 fixes"."""
    return f"{count} {noun}{'' if count == 1 else 'es' if noun.endswith(('x', 's', 'sh', 'ch')) else 's'}"


def split_list(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class DisplayPaths:
    """How reports name a file: as given when relative; resolved and relative to the
    working directory when absolute and under it, else as given.

    Each directory is resolved once per run: a tree of thousands of files shares a few.
    """

    def __init__(self) -> None:
        self.cwd = Path.cwd().resolve()
        self._directories: dict[str, str | None] = {}

    def __call__(self, path: Path) -> str:
        return printable(self._shown(path))

    def _shown(self, path: Path) -> str:
        if not path.is_absolute():
            return path.as_posix()
        directory, name = os.path.split(str(path))
        if name in ("", ".", "..") or os.path.islink(path):  # the file itself resolves elsewhere
            shown = self._under_cwd(str(path))
            return path.as_posix() if shown is None else shown
        if directory not in self._directories:
            self._directories[directory] = self._under_cwd(directory)
        shown = self._directories[directory]
        if shown is None:
            return path.as_posix()
        return name if shown == "." else f"{shown}/{name}"

    def _under_cwd(self, path: str) -> str | None:
        try:
            return Path(path).resolve().relative_to(self.cwd).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside the cwd, or a symlink loop
            return None


def printable(name: str) -> str:
    """A path as reports can print it: bytes of a file name that are not UTF-8 (held as lone
    surrogates) become ``\\xe9`` escapes, which every format can write."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def repository_root() -> str:
    """Where github, gitlab and sarif paths start: $GITHUB_WORKSPACE, the git top level, or here."""
    import subprocess  # here: only these formats need it

    if os.environ.get("GITHUB_WORKSPACE"):
        return os.environ["GITHUB_WORKSPACE"]
    try:
        out = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=10)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return os.getcwd()


def _usage(message: str) -> ConfigError:
    return ConfigError(message)


def _validate(o: CheckOptions) -> str:
    """The output format to use; raises ConfigError on flags that do not go together."""
    fmt = o.output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if o.config is not None and o.isolated:
        raise _usage("--config and --isolated contradict each other; pass one")
    if "-" in [str(p) for p in o.paths] and len(o.paths) > 1:
        raise _usage("'-' (stdin) cannot be mixed with other paths")
    if o.stdin_filename is not None and o.paths and [str(p) for p in o.paths] != ["-"]:
        raise _usage("--stdin-filename names stdin; pass '-' (or no path) to read it")
    if o.statistics and fmt not in (*READABLE, "json"):
        raise _usage("--statistics prints text or JSON; use it with --format text, concise or json")
    missing = [p for p in o.paths if str(p) != "-" and not p.exists() and not p.is_symlink()]
    if missing:
        raise _usage(f"path not found: {missing[0]}; check the spelling")
    return fmt


# A scan allocates millions of short-lived objects (Markdown tokens, spaCy results, findings)
# and holds a chunk of drafts at a time: at CPython's default thresholds (700, 10, 10) the
# collector ran about 1,600 times per 200 drafts, 0.5 s, a tenth of the work outside spaCy.  Few
# of those objects are in cycles, so collecting rarely keeps memory the same (checked).
GC_THRESHOLDS = (50_000, 20, 20)


def run_check(o: CheckOptions) -> int:
    """Run `wblint check`; returns the exit code."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)  # process pool workers are forked, and inherit it
    try:
        code = _run_check(o)
        # --exit-zero: findings are reported but do not fail the run; usage and internal errors still do
        return ExitCode.OK if o.exit_zero and code == ExitCode.FINDINGS else code
    finally:
        gc.set_threshold(*thresholds)  # in-process callers (tests, the harness) get theirs back


def _run_check(o: CheckOptions) -> int:
    from .cache import default_cache_dir, prune
    from .nlp import ModelError
    from .workspace import Overrides, Workspace

    notices: list[str] = []
    try:
        fmt = _validate(o)
        overrides = Overrides(
            select=split_list(o.select) or None, extend_select=split_list(o.extend_select),
            ignore=split_list(o.ignore), exclude=split_list(o.exclude) or None,
            extend_exclude=split_list(o.extend_exclude), rules_dirs=list(o.rules_dir),
            config_file=o.config, isolated=o.isolated, report_unused=o.report_unused_disables,
        )
        reading_stdin = [str(p) for p in o.paths] == ["-"] or (not o.paths and o.stdin_filename is not None)
        cache_dir = None if o.no_cache or reading_stdin else (o.cache_dir or default_cache_dir())
        workspace = Workspace(overrides, notice=lambda m: notices.append(m) if m not in notices else None,
                              yaml_store=tree_store(cache_dir) if cache_dir is not None else None)
        if o.show_settings:
            return _show_settings(o, fmt, workspace)
        if reading_stdin:
            return _check_stdin(o, fmt, workspace, notices)
        inputs = list(o.paths) or [Path(".")]
        chosen = workspace.drafts(workspace.files(inputs), inputs, all_files=o.all_files, drafts_only=o.drafts_only)
        if o.show_files:
            return _show_files(chosen, DisplayPaths())
        files = [path for path, lint, _ in chosen if lint]
        skipped = len(chosen) - len(files)
        if skipped and not o.quiet and fmt not in READABLE:
            notices.append(skipped_note(skipped))
        from .scan import ScanSettings

        digests: dict[Path, str] = {}
        results = workspace.lint_files(files, display=DisplayPaths(), settings=ScanSettings(
            jobs=o.jobs, use_cache=cache_dir is not None, cache_dir=cache_dir, progress=not o.quiet,
            digests=digests if o.fix or o.diff else None))
        if cache_dir is not None:
            prune(cache_dir)  # entries of configurations and drafts unused for a month; once a day
        if o.fix or o.diff:
            done = _fix_files(workspace, inputs, files, results, write=not o.diff, digests=digests)
            results, fixed, fixed_files = done.results, done.fixed, done.files
            for problem in done.problems:
                click.echo(f"wblint: warning: {problem}", err=True)
            if o.diff:
                _echo_diff("".join(done.diffs), o.color)
                if not o.quiet:
                    click.echo(f"wblint: {plural(fixed, 'fix')} available in {plural(fixed_files, 'file')}"
                               " (--diff wrote nothing)" if fixed else "wblint: nothing to fix", err=True)
                return ExitCode.FINDINGS if done.diffs else ExitCode.OK
            if not o.quiet and fixed:
                notices.append(f"fixed {plural(fixed, 'problem')} in {plural(fixed_files, 'file')}")
        return _report(o, fmt, workspace, results, notices, skipped, source=source_lines(files, results))
    except (ConfigError, ModelError) as exc:
        click.echo("\n".join(f"wblint: error: {line}" for line in str(exc).splitlines()), err=True)  # a line each
        return ExitCode.USAGE


def _fix_files(workspace, inputs: list[Path], files: list[Path], results, write: bool, digests: dict[Path, str]):
    """--fix or --diff over the linted files (wblint.fixfiles): a FixReport."""
    from .fixfiles import FileFixer, FixReport

    report = FixReport(list(results))
    try:
        FileFixer(workspace.lint_text, inputs, write, digests).run(files, report)
    except KeyboardInterrupt:
        if not write:
            raise
        raise Interrupted(f"--fix had already rewritten {report.files} file{'s' * (report.files != 1)}") from None
    return report


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, with what had been done by then (the command line prints it)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _check_stdin(o: CheckOptions, fmt: str, workspace, notices: list[str]) -> int:
    from .fix import RawText, fix_until_stable, unified_diff
    from .model.source import DecodeError, decode, normalise_newlines

    from .engine import MAX_DRAFT_BYTES, stdin_too_large

    data = sys.stdin.buffer.read(MAX_DRAFT_BYTES + 1)  # the limit a file has: a pipe may never end
    shown = o.stdin_filename or STDIN_NAME
    config_path = Path(o.stdin_filename) if o.stdin_filename else Path(STDIN_NAME)
    if len(data) > MAX_DRAFT_BYTES:
        return _report(o, fmt, workspace, [(shown, [stdin_too_large(shown)])], notices)
    try:
        decode(data)  # the same checks a file gets
        raw = RawText.from_bytes(data)
    except (DecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read stdin: {exc}") from None
    diagnostics = workspace.lint_text(raw.text, config_path, shown)
    if o.fix or o.diff:
        outcome = fix_until_stable(raw.text, diagnostics, lambda text: workspace.lint_text(text, config_path, shown))
        if o.diff:
            _echo_diff(unified_diff(shown, raw.text, outcome.text), o.color)
            return ExitCode.FINDINGS if outcome.text != raw.text else ExitCode.OK
        # like ruff: the fixed draft on stdout, what remains on stderr
        sys.stdout.flush()
        sys.stdout.buffer.write(raw.encode(outcome.text))
        sys.stdout.buffer.flush()
        from .formats import FORMATTERS, Report

        color = use_color(o.color, sys.stderr)
        remaining = Report([(shown, outcome.diagnostics)], color=color, width=terminal_width(),
                           source=lambda _: normalise_newlines(outcome.text).split("\n"))
        if outcome.diagnostics:
            click.echo(FORMATTERS["concise" if fmt == "concise" else "text"](remaining), err=True, nl=False,
                       color=color)
        return _exit_code(o, remaining.diagnostics)
    lines = normalise_newlines(raw.text).split("\n")
    return _report(o, fmt, workspace, [(shown, diagnostics)], notices, sources={shown: raw.text},
                   source=lambda name: lines)


def _exit_code(o: CheckOptions, diagnostics) -> int:
    threshold = Severity.parse(o.fail_on)
    return ExitCode.FINDINGS if any(d.severity >= threshold for d in diagnostics) else ExitCode.OK


def skipped_note(count: int) -> str:
    return f"{plural(count, 'file')} skipped: not drafts (use --all-files)"


def _show_files(chosen, display) -> int:
    """--show-files: each file found, whether it is linted and why (wblint.drafts)."""
    for path, lint, reason in chosen:
        click.echo(f"{'lint' if lint else 'skip'}  {display(path)}  ({reason})")
    linted = sum(1 for _, lint, _ in chosen if lint)
    click.echo(f"{linted} of {plural(len(chosen), 'Markdown file')} would be linted", err=True)
    return ExitCode.OK


def _show_settings(o: CheckOptions, fmt: str, workspace) -> int:
    """--show-settings FILE: the configuration one draft runs under, with each value's source."""
    from .showsettings import format_json, format_text, settings_data

    if len(o.paths) != 1 or str(o.paths[0]) == "-" or o.paths[0].is_dir():
        raise _usage("--show-settings takes one draft: wblint check --show-settings docs/launch.md")
    if fmt not in ("text", "json"):
        raise _usage("--show-settings prints text or JSON; use it with --format text or json")
    data = settings_data(workspace, o.paths[0], DisplayPaths()(o.paths[0]))
    _write(format_json(data) if fmt == "json" else format_text(data), o.output, False)
    return ExitCode.OK


def _echo_diff(diff: str, color_choice: str) -> None:
    from .formats.text import colored_diff

    color = use_color(color_choice, sys.stdout)
    click.echo(colored_diff(diff) if color else diff, nl=False, color=color)


def _report(o: CheckOptions, fmt: str, workspace, results, notices: list[str], skipped: int = 0,
            sources: dict[str, str] | None = None, source=None) -> int:
    from .formats import FORMATTERS, Report
    from .formats.github import step_summary
    from .formats.statistics import statistics_json, statistics_text

    to_terminal = o.output is None
    root = repository_root() if fmt in ("github", "sarif", "gitlab") else None
    code = _exit_code(o, [d for _, found in results for d in found])
    if o.exit_zero and code == ExitCode.FINDINGS:
        code = ExitCode.OK
    warnings = []
    if not results:  # like ruff's "No Python files found": a path typo or an include that matches nothing
        why = "none of the Markdown files found read as drafts (--all-files lints them all)" if skipped \
            else "no Markdown files were found"
        warnings.append(f"no file was linted: {why}")
    report = Report(results, color=to_terminal and use_color(o.color, sys.stdout),
                    rules=tuple(workspace.active_rules()), catalog=tuple(workspace.known_rules()), root=root,
                    skipped=skipped, exit_code=int(code), sources=sources or {},
                    notices=tuple([("note", n) for n in notices] + [("warning", w) for w in warnings]),
                    source=source, width=terminal_width())
    if o.statistics:
        output = statistics_json(report) if fmt == "json" else statistics_text(report)
    else:
        output = FORMATTERS[fmt](report)
        if o.quiet and fmt in READABLE:
            findings = output.splitlines()[:-1]  # without the summary line
            while findings and not findings[-1]:
                findings.pop()  # nor the blank line the text format leaves before it
            output = "\n".join(findings) + "\n" if findings else ""
    _write(output, o.output, report.color)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
            handle.write(step_summary(report))
    if not o.quiet:
        for notice in notices:
            click.echo(f"wblint: note: {notice}", err=True)
    for warning in warnings:
        click.echo(f"wblint: warning: {warning}", err=True)
    return code


def _write(output: str, target: Path | None, color: bool) -> None:
    if target is None:
        click.echo(output, nl=False, color=color)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write --output {target}: {exc.strerror or exc}") from None

