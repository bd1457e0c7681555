"""The command line: thin click commands that parse flags, call the engine and print."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .checkrun import FORMAT_NAMES, CheckOptions, run_check
from .diagnostics import ExitCode
from .yamlfile import ConfigError


def _fail_usage(error: Exception) -> None:
    click.echo("\n".join(f"wblint: error: {line}" for line in str(error).splitlines()), err=True)  # a line each
    sys.exit(ExitCode.USAGE)


def _ruleset(rules_dir, isolated: bool = False):
    """Built-in packs, the nearest configuration's rules-dirs (unless isolated) and --rules-dir."""
    from .workspace import Overrides, Workspace

    try:
        workspace = Workspace(Overrides(rules_dirs=list(rules_dir), isolated=isolated))
        return workspace.ruleset(workspace.config_for(Path.cwd() / "-"))
    except ConfigError as exc:
        _fail_usage(exc)


def _complete_selectors(ctx, param, incomplete):
    from .completion import complete_selectors  # only when the shell asks

    return complete_selectors(ctx, param, incomplete)


def _complete_rule(ctx, param, incomplete):
    from .completion import complete_rule

    return complete_rule(ctx, param, incomplete)


def _show_version(ctx, param, value) -> None:
    """wblint's version, then spaCy's and the default pipeline's, read from their files."""
    if not value or ctx.resilient_parsing:
        return
    from .nlp import versions

    click.echo(f"wblint, version {__version__}\n{versions()}")
    ctx.exit()


TRACEBACK_ENV = "WBLINT_TRACEBACK"  # "1": an internal error prints its traceback too


class _Main(click.Group):
    """The command group, with wblint's own exit codes for what click would report as 1:
    Ctrl-C exits 130 with one line (click says "Aborted!" and exits 1), and an internal error
    (a bug) exits 2 with one line, so CI never reads either as "findings"."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            detail = getattr(exc, "detail", "")
            click.echo(f"wblint: interrupted{'; ' + detail if detail else ''}", err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # `wblint check | head`: the reader has what it wanted
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit either
            except (OSError, ValueError):
                pass
            ctx.exit(ExitCode.BROKEN_PIPE)
        except Exception as exc:  # noqa: BLE001 - a bug: say so in one line, exit 2
            if os.environ.get(TRACEBACK_ENV) == "1":
                import traceback

                traceback.print_exc()
            message = str(exc).splitlines()[0] if str(exc) else ""
            click.echo(f"wblint: internal error: {type(exc).__name__}: {message}; please report this "
                       f"(set {TRACEBACK_ENV}=1 to see where)", err=True)
            ctx.exit(ExitCode.USAGE)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-V", "--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help="Show wblint's, spaCy's and the pipeline's versions and exit.")
def main() -> None:
    """Lint Working Backwards press releases and PR/FAQs written in Markdown."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "--output-format", "output_format", type=click.Choice(FORMAT_NAMES), default=None,
              help="Output format  [default: github when GITHUB_ACTIONS=true, else text]")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the report to this file instead of stdout.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Exit 1 when a finding at or above this severity is found.")
@click.option("--select", multiple=True, shell_complete=_complete_selectors,
              help="Only these rules (ids, names or groups; comma-separated).")
@click.option("--extend-select", multiple=True, shell_complete=_complete_selectors,
              help="These rules on top of the configured selection.")
@click.option("--ignore", multiple=True, shell_complete=_complete_selectors,
              help="Skip these rules (ids, names or groups; comma-separated).")
@click.option("--exclude", multiple=True, help="Globs not to lint, replacing the configured exclude.")
@click.option("--extend-exclude", multiple=True, help="Globs not to lint, on top of the configured ones.")
@click.option("--rules-dir", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="A directory of your own rule packs (repeatable).")
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Use this configuration file for every draft (.wblint.yaml or pyproject.toml).")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--stdin-filename", help="The name of the draft read from stdin ('-'), for configuration and output.")
@click.option("--fix", is_flag=True, help="Apply the fixes rules offer, in place.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule raised, most first.")
@click.option("--report-unused-disables", is_flag=True, help="Report wblint-disable comments that silence nothing.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary line or notices.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to lint with (default: the number of CPUs).")
@click.option("--no-cache", is_flag=True, envvar="WBLINT_NO_CACHE",
              help="Lint every file again; neither read nor write the cache.")
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), default=None, envvar="WBLINT_CACHE_DIR",
              help="Where results are cached (default: .wblint_cache at the project root).")
@click.option("--all-files", is_flag=True, envvar="WBLINT_ALL_FILES",
              help="Lint every Markdown file found, not only those that read as drafts.")
@click.option("--drafts-only", is_flag=True,
              help="Skip files that do not read as drafts even when named on the command line (pre-commit).")
@click.option("--show-files", is_flag=True, help="List each Markdown file found, whether it is linted and why; lint nothing.")
@click.option("--show-settings", is_flag=True,
              help="Print the settings one file runs under and where each came from; lint nothing.")
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even when findings are reported (2 still means a usage or internal error).")
def check(**options) -> None:
    """Lint Markdown drafts (files, or directories scanned recursively; '-' reads stdin)."""
    sys.exit(run_check(CheckOptions(**options)))


@main.command("rules")
@click.option("--rules-dir", multiple=True, type=click.Path(path_type=Path, file_okay=False))
@click.option("--isolated", is_flag=True, help="Ignore configuration files (and their rules-dirs).")
def list_rules(rules_dir, isolated) -> None:
    """List every rule: id, name, default severity and summary."""
    ruleset = _ruleset(rules_dir, isolated)
    width = max((len(r.name) for r in ruleset.rules), default=4)
    click.echo(f"{'ID':<7} {'NAME':<{width}} {'SEVERITY':<8} SUMMARY")
    for rule in sorted(ruleset.rules, key=lambda r: r.id):
        click.echo(f"{rule.id:<7} {rule.name:<{width}} {str(rule.severity):<8} {rule.summary}")


@main.command()
@click.argument("rule", shell_complete=_complete_rule)
@click.option("--rules-dir", multiple=True, type=click.Path(path_type=Path, file_okay=False))
@click.option("--isolated", is_flag=True, help="Ignore configuration files (and their rules-dirs).")
def explain(rule, rules_dir, isolated) -> None:
    """Show a rule's rationale, options and examples, wrapped to the terminal."""
    from .display import terminal_width
    from .explain import explain_page

    ruleset = _ruleset(rules_dir, isolated)
    found = ruleset.find(rule)
    if found is None:
        _fail_usage(ConfigError(f"unknown rule {rule!r}{ruleset.suggest(rule)}; 'wblint rules' lists them"))
    click.echo(explain_page(found, width=terminal_width()))


@main.command()
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), default=None, envvar="WBLINT_CACHE_DIR",
              help="The cache to remove (default: .wblint_cache at the project root).")
def clean(cache_dir) -> None:
    """Remove the result cache; the next check lints every draft afresh."""
    from .cache import clean as remove_cache
    from .cache import default_cache_dir

    root = cache_dir or default_cache_dir()
    try:
        held = remove_cache(root)
    except ValueError as exc:
        _fail_usage(exc)
    except OSError as exc:
        _fail_usage(ConfigError(f"cannot remove {root}: {exc.strerror or exc}"))
    if held is None:
        click.echo(f"no cache at {root}")
    else:
        click.echo(f"removed {root} ({held} cached file{'' if held == 1 else 's'})")


@main.command("test-rules")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False, exists=True))
def test_rules(directory) -> None:
    """Test a rule pack: DIRECTORY holds the pack and cases/*.yaml; the rules' examples run too."""
    from .testing import run_directory

    sys.exit(run_directory(directory, click.echo))


@main.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False), default=".wblint.yaml")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.option("--rules-dir", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="Also list the rules of these packs.")
def init(path, force, rules_dir) -> None:
    """Write a commented starter .wblint.yaml listing every setting and rule option."""
    from .rules import load_rules
    from .starter import starter_config

    if path.exists() and not force:
        _fail_usage(ConfigError(f"{path} already exists; pass --force to overwrite it"))
    try:
        ruleset = load_rules(list(rules_dir))
    except ConfigError as exc:
        _fail_usage(exc)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(starter_config(ruleset), encoding="utf-8")
    click.echo(f"wrote {path}: every setting and the options of {len(ruleset.rules)} rules, commented out")


@main.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--kind", "default_kind", type=click.Choice(["press-release", "prfaq", "faq", "dear-customer-letter"]),
              help="Document kind when the draft does not declare one (instead of the configured default-kind).")
@click.option("--rules-dir", multiple=True, type=click.Path(path_type=Path, file_okay=False))
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Use this configuration file (.wblint.yaml or pyproject.toml).")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
def outline(file, output_format, default_kind, rules_dir, config, isolated) -> None:
    """Show how wblint reads a draft: kind, headline, parts, quotes and FAQ."""
    import json
    from dataclasses import replace

    from .outline import build, format_text
    from .userregex import RegexTimeout
    from .model.source import DecodeError, decode
    from .workspace import Overrides, Workspace

    try:
        text = decode(file.read_bytes())
    except (OSError, DecodeError) as exc:
        _fail_usage(ConfigError(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}"))
    try:
        workspace = Workspace(Overrides(rules_dirs=list(rules_dir), config_file=config,
                                        isolated=isolated))
        settings, matched = workspace.settings_for(file)
        if default_kind:
            settings = replace(settings, default_kind=default_kind)
        data = build(file.as_posix(), text, settings, workspace.ruleset(settings), matched)
    except (ConfigError, RegexTimeout) as exc:
        _fail_usage(exc)
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) if output_format == "json" else format_text(data),
               nl=output_format == "json")


if __name__ == "__main__":  # pragma: no cover
    main()
