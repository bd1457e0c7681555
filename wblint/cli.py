"""The command line: thin click commands that parse flags, call the engine and print."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .diagnostics import ExitCode, Severity
from .yamlfile import ConfigError

FORMAT_NAMES = ("text", "json")


def _fail_usage(error: Exception) -> None:
    click.echo(f"wblint: error: {error}", err=True)
    sys.exit(ExitCode.USAGE)


def _use_color(choice: str, stream) -> bool:
    if choice != "auto":
        return choice == "always"
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def _display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return path.as_posix()


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="wblint")
def main() -> None:
    """Lint Working Backwards press releases and PR/FAQs written in Markdown."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(FORMAT_NAMES), default="text", show_default=True,
              help="Output format.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Exit 1 when a finding at or above this severity is found.")
@click.option("--select", multiple=True, help="Only these rules (ids, names or groups; comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (ids, names or groups; comma-separated).")
@click.option("--rules-dir", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="A directory of your own rule packs (repeatable).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary line or notices.")
def check(paths, output_format, fail_on, select, ignore, rules_dir, color, quiet) -> None:
    """Lint Markdown drafts (files, or directories scanned recursively)."""
    from .config import Config, activate
    from .discover import discover
    from .engine import Linter
    from .formats import FORMATTERS, Report
    from .nlp import ModelError
    from .rules import load_rules

    config = Config(select=_split(select) or None, ignore=_split(ignore), rules_dirs=list(rules_dir))
    try:
        ruleset = load_rules(config.rules_dirs)
        active = activate(ruleset, config)
    except ConfigError as exc:
        _fail_usage(exc)
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        _fail_usage(ConfigError(f"path not found: {missing[0]}; check the spelling"))
    notices = []
    linter = Linter(active, config, notice=notices.append)
    try:
        files = list(linter.lint_paths(discover(list(paths) or [Path(".")]), display=_display_path))
    except ModelError as exc:
        _fail_usage(exc)
    report = Report(files, color=_use_color(color, sys.stdout), rules=tuple(active))
    output = FORMATTERS[output_format](report)
    if quiet and output_format == "text":
        output = "".join(line + "\n" for line in output.splitlines()[:-1])
    click.echo(output, nl=False, color=report.color)
    if not quiet:
        for notice in notices:
            click.echo(f"wblint: note: {notice}", err=True)
    threshold = Severity.parse(fail_on)
    failed = any(d.severity >= threshold for d in report.diagnostics)
    sys.exit(ExitCode.FINDINGS if failed else ExitCode.OK)


@main.command("rules")
@click.option("--rules-dir", multiple=True, type=click.Path(path_type=Path, file_okay=False))
def list_rules(rules_dir) -> None:
    """List every rule: id, name, default severity and summary."""
    from .rules import load_rules

    try:
        ruleset = load_rules(list(rules_dir))
    except ConfigError as exc:
        _fail_usage(exc)
    width = max((len(r.name) for r in ruleset.rules), default=4)
    click.echo(f"{'ID':<7} {'NAME':<{width}} {'SEVERITY':<8} SUMMARY")
    for rule in ruleset.rules:
        click.echo(f"{rule.id:<7} {rule.name:<{width}} {str(rule.severity):<8} {rule.summary}")


@main.command()
@click.argument("rule")
@click.option("--rules-dir", multiple=True, type=click.Path(path_type=Path, file_okay=False))
def explain(rule, rules_dir) -> None:
    """Show a rule's rationale, options and examples."""
    from .explain import explain_page
    from .rules import load_rules

    try:
        ruleset = load_rules(list(rules_dir))
    except ConfigError as exc:
        _fail_usage(exc)
    found = ruleset.find(rule)
    if found is None:
        _fail_usage(ConfigError(f"unknown rule {rule!r}{ruleset.suggest(rule)}; 'wblint rules' lists them"))
    click.echo(explain_page(found))


@main.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(FORMAT_NAMES), default="text", show_default=True,
              help="Output format.")
@click.option("--kind", "default_kind", type=click.Choice(["press-release", "prfaq", "faq", "dear-customer-letter"]),
              help="Document kind when the draft does not declare one.")
@click.option("--rules-dir", multiple=True, type=click.Path(path_type=Path, file_okay=False))
def outline(file, output_format, default_kind, rules_dir) -> None:
    """Show how wblint reads a draft: kind, headline, parts, quotes and FAQ."""
    import json

    from .config import Config
    from .outline import build, format_text
    from .source import DecodeError, decode

    try:
        text = decode(file.read_bytes())
    except (OSError, DecodeError) as exc:
        _fail_usage(ConfigError(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}"))
    try:
        data = build(_display_path(file), text, Config(default_kind=default_kind, rules_dirs=list(rules_dir)))
    except ConfigError as exc:
        _fail_usage(exc)
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) if output_format == "json" else format_text(data),
               nl=output_format == "json")


if __name__ == "__main__":  # pragma: no cover
    main()
