"""Shell completion of rule selectors: `explain NAME`, `--select`, `--extend-select`, `--ignore`.

click drives completion (``_WBLINT_COMPLETE=bash_source wblint`` prints the script); these
callbacks offer the rules of the built-in packs and of the configuration's and the command
line's ``--rules-dir`` packs: names, ids, pack names and ``ALL``.  In a comma-separated value
only the last selector is completed.  A broken configuration completes nothing rather than
printing an error into the shell.
"""
from __future__ import annotations

from pathlib import Path

from click.shell_completion import CompletionItem


def _ruleset(ctx):
    from .workspace import Overrides, Workspace
    from .yamlfile import ConfigError

    params = ctx.params
    try:
        workspace = Workspace(Overrides(rules_dirs=[Path(p) for p in params.get("rules_dir") or ()],
                                        isolated=bool(params.get("isolated"))))
        return workspace.ruleset(workspace.config_for(Path.cwd() / "-"))
    except (ConfigError, OSError):
        return None


def _candidates(ruleset, with_groups: bool) -> list[tuple[str, str]]:
    """(selector, help) for each rule's name and id, then each pack."""
    found = []
    for rule in sorted(ruleset.rules, key=lambda r: r.id):
        found += [(rule.name, f"{rule.id}: {rule.summary}"), (rule.id, rule.name)]
    if with_groups:
        found += [(group, "every rule of this pack") for group in sorted(ruleset.groups())]
        found.append(("ALL", "every rule"))
    return found


def _complete(ctx, incomplete: str, with_groups: bool) -> list[CompletionItem]:
    ruleset = _ruleset(ctx)
    if ruleset is None:
        return []
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    key = last.strip().lower()
    return [CompletionItem(prefix + selector, help=about) for selector, about in _candidates(ruleset, with_groups)
            if selector.lower().startswith(key)]


def complete_selectors(ctx, param, incomplete: str) -> list[CompletionItem]:
    """For --select, --extend-select and --ignore: rules, packs and ALL."""
    return _complete(ctx, incomplete, with_groups=True)


def complete_rule(ctx, param, incomplete: str) -> list[CompletionItem]:
    """For `explain NAME`: one rule, by name or id."""
    return _complete(ctx, incomplete, with_groups=False)
