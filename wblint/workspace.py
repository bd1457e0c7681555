"""A run over many files, each under its own configuration.

Every file is linted under the nearest configuration file above it (or ``--config``, or
none with ``--isolated``), merged with the command line's flags.  Files are grouped by
their effective settings — the configuration plus the per-file-ignores that match them —
and each group gets one ``Linter`` (built once, cached); the spaCy pipeline is shared
across them by ``nlp.load``.  Results come back in the order the files were found.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

import pathspec

from .cache import Store
from .config import ActiveRule, Config, activate, check_known
from .configfile import DEFAULT_EXCLUDE, find_config, load_config
from .diagnostics import Diagnostic
from .discover import discover, gitignore_spec
from .engine import Linter
from .rules import RuleSet, load_rules
from .suppress import Suppressor

CLI_FLAGS = {"select": "--select", "ignore": "--ignore", "extend-select": "--extend-select"}


@dataclass
class Overrides:
    """What the command line says, on top of (or instead of) the configuration files."""

    select: list[str] | None = None  # replaces the file's select, extend-select and ignore
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] | None = None  # replaces the file's exclude (globs relative to cwd)
    extend_exclude: list[str] = field(default_factory=list)
    rules_dirs: list[Path] = field(default_factory=list)
    config_file: Path | None = None  # --config: one file for everything
    isolated: bool = False  # --isolated: no configuration files at all
    report_unused: bool = False  # --report-unused-disables


def _spec(patterns: Iterable[str]) -> pathspec.PathSpec:
    return gitignore_spec(list(patterns))


def _relative(path: str, base: str) -> str | None:
    """``path`` relative to ``base`` (both absolute and normalised; posix), or None when it
    is outside; globs match this.  String work: it runs for every file of a tree."""
    if path == base:
        return "."
    prefix = base if base.endswith(os.sep) else base + os.sep
    return path[len(prefix):].replace(os.sep, "/") if path.startswith(prefix) else None


def _posix(path: str) -> str:
    return path.replace(os.sep, "/")


class Workspace:
    def __init__(self, overrides: Overrides | None = None, cwd: Path | None = None,
                 notice: Callable[[str], None] | None = None, yaml_store: Store | None = None) -> None:
        """``yaml_store``: where parsed YAML is kept between runs (``yamlfile.tree_store``)."""
        self.overrides = overrides or Overrides()
        self.yaml_store = yaml_store
        self.cwd = Path(os.path.abspath(cwd or Path.cwd()))
        self.notice = notice or (lambda message: None)
        self._cwd = str(self.cwd)
        self._found: dict[str, Path | None] = {}  # directory -> its configuration file
        self._configs: dict[Path | None, Config] = {}  # configuration file -> merged Config
        self._excludes: dict[int, list[tuple[str, pathspec.PathSpec]]] = {}
        self._per_file: dict[int, list[tuple[pathspec.PathSpec, list[str]]]] = {}
        self._rulesets: dict[tuple[Path, ...], RuleSet] = {}
        self._linters: dict[tuple[int, tuple[str, ...]], Linter] = {}
        self._cli_checked: set[int] = set()
        self._includes: dict[tuple[str, int], pathspec.PathSpec] = {}
        cli = Config(cli_keys=dict(CLI_FLAGS))
        self._cli = cli
        if self.overrides.config_file is not None:
            self._single = self._merge(load_config(self.overrides.config_file, yaml_store))
        elif self.overrides.isolated:
            self._single = self._merge(Config())
        else:
            self._single = None

    # -- configuration --------------------------------------------------------------------

    def _abs(self, path: str | Path) -> str:
        return os.path.normpath(os.path.join(self._cwd, path))

    def config_for(self, path: str | Path) -> Config:
        """The merged configuration a file (or, for a directory, its entries) runs under."""
        return self._config_in(os.path.dirname(self._abs(path)))

    def _config_in(self, directory: str) -> Config:
        if self._single is not None:
            return self._single
        if directory not in self._found:
            self._found[directory] = find_config(Path(directory))
        source = self._found[directory]
        if source not in self._configs:
            self._configs[source] = self._merge(load_config(source, self.yaml_store) if source else Config())
        return self._configs[source]

    def _merge(self, config: Config) -> Config:
        o = self.overrides
        merged = replace(config, rules_dirs=[*config.rules_dirs, *o.rules_dirs])
        if o.select is not None:
            merged.select, merged.extend_select, merged.ignore = list(o.select), list(o.extend_select), list(o.ignore)
        else:
            merged.extend_select = [*config.extend_select, *o.extend_select]
            merged.ignore = [*config.ignore, *o.ignore]
        return merged

    def ruleset(self, config: Config) -> RuleSet:
        key = tuple(config.rules_dirs)
        if key not in self._rulesets:
            self._rulesets[key] = load_rules(list(key), self.yaml_store)
        return self._rulesets[key]

    # -- which files ----------------------------------------------------------------------

    def excluded(self, path: str | Path, is_dir: bool = False) -> bool:
        """Whether the configuration (or --exclude) governing ``path`` leaves it out."""
        absolute = self._abs(path)
        config = self._config_in(os.path.dirname(absolute))
        if id(config) not in self._excludes:
            o = self.overrides
            root = str(config.root or self.cwd)
            patterns = [(self._cwd, o.exclude) if o.exclude is not None else
                        (root, config.exclude if config.exclude is not None else DEFAULT_EXCLUDE),
                        (root, config.extend_exclude), (self._cwd, o.extend_exclude)]
            self._excludes[id(config)] = [(base, _spec(globs)) for base, globs in patterns if globs]
        suffix = "/" if is_dir else ""
        for base, spec in self._excludes[id(config)]:
            if spec.match_file((_relative(absolute, base) or _posix(absolute)) + suffix):
                return True
        return False

    def files(self, inputs: list[Path]) -> list[Path]:
        """The Markdown files to lint: directories walked, explicit files kept unless excluded.

        The configuration and rule packs governing each input are loaded and validated
        first, so a bad setting stops the run even where there is nothing to lint.
        """
        for path in inputs:
            self.linter_for(path / "-" if path.is_dir() else path)
        found = []
        for path in inputs:
            if path.is_dir():
                found.extend(discover([path], is_excluded=self.excluded))
            elif self.excluded(path):
                self.notice(f"{path} is excluded by the configuration; not linted")
            else:
                found.append(path)
        seen, unique = set(), []
        for path in found:
            key = self._abs(path)
            if key not in seen:
                seen.add(key)
                unique.append(path)
        return unique

    def included(self, path: str | Path) -> bool:
        """Whether the configuration governing ``path`` names it in ``include`` (always a draft)."""
        absolute = self._abs(path)
        config = self._config_in(os.path.dirname(absolute))
        if not config.include:
            return False
        key = ("include", id(config))
        if key not in self._includes:
            self._includes[key] = _spec(config.include)
        relative = _relative(absolute, str(config.root or self.cwd)) or _posix(absolute)
        return self._includes[key].match_file(relative)

    def drafts(self, files: list[Path], inputs: list[Path], all_files: bool = False, drafts_only: bool = False
               ) -> list[tuple[Path, bool, str]]:
        """(file, lint it?, why) per file: the drafts of ``files`` (wblint.drafts).

        Files named in ``inputs`` are linted as given unless ``drafts_only``; ``all_files``
        lints everything; the configuration's ``include`` globs force files in.
        """
        from .drafts import draft_verdict

        named = {self._abs(p) for p in inputs if not p.is_dir()}
        found = []
        for path in files:
            if all_files:
                found.append((path, True, "--all-files"))
            elif not drafts_only and self._abs(path) in named:
                found.append((path, True, "named on the command line"))
            elif self.included(path):
                found.append((path, True, "include glob in the configuration"))
            else:
                verdict = draft_verdict(path)
                found.append((path, verdict.draft, verdict.reason))
        return found

    # -- linting --------------------------------------------------------------------------

    def _ignored_here(self, config: Config, absolute: str) -> tuple[str, ...]:
        if not config.per_file_ignores:
            return ()
        if id(config) not in self._per_file:
            self._per_file[id(config)] = [(_spec([pattern]), keys) for pattern, keys in config.per_file_ignores]
        relative = _relative(absolute, str(config.root or self.cwd)) or _posix(absolute)
        keys: list[str] = []
        for spec, names in self._per_file[id(config)]:
            if spec.match_file(relative):
                keys.extend(names)
        return tuple(sorted(set(keys)))

    def linter_for(self, path: str | Path) -> Linter:
        absolute = self._abs(path)
        config = self._config_in(os.path.dirname(absolute))
        key = (id(config), self._ignored_here(config, absolute))
        if key not in self._linters:
            ruleset = self.ruleset(config)
            if id(config) not in self._cli_checked:  # the command line's rule names, against these packs
                o = self.overrides
                check_known(ruleset, list(o.select or []), "select", self._cli)
                check_known(ruleset, o.extend_select, "extend-select", self._cli)
                check_known(ruleset, o.ignore, "ignore", self._cli)
                self._cli_checked.add(id(config))
            active = activate(ruleset, config, extra_ignore=list(key[1]))
            suppressor = Suppressor(ruleset, (r.id for r in active), self.overrides.report_unused)
            self._linters[key] = Linter(active, config, notice=self.notice, postprocess=suppressor)
        return self._linters[key]

    def active_rules(self) -> list[ActiveRule]:
        """Every rule any linter of this run ran (first configuration wins), for formats."""
        seen: dict[str, ActiveRule] = {}
        for linter in self._linters.values():
            for rule in linter.rules:
                seen.setdefault(rule.id, rule)
        return list(seen.values())

    def known_rules(self) -> list:
        """Every rule of every rule set this run loaded, active or not."""
        seen: dict[str, object] = {}
        for ruleset in self._rulesets.values():
            for rule in ruleset.rules:
                seen.setdefault(rule.id, rule)
        return list(seen.values())

    def lint_files(self, files: list[Path], display: Callable[[Path], str] = str, settings=None
                   ) -> list[tuple[str, list[Diagnostic]]]:
        """(display path, diagnostics) per file, in the order given.

        ``settings`` (wblint.scan.ScanSettings): the result cache, processes and progress
        bar; without them, every file is linted in this process with no cache.
        """
        from .scan import ScanSettings, scan_groups

        groups: dict[int, list[tuple[int, Path]]] = {}
        linters: dict[int, Linter] = {}
        for index, path in enumerate(files):  # every configuration is read and checked before any linting
            linter = self.linter_for(path)
            linters[id(linter)] = linter
            groups.setdefault(id(linter), []).append((index, path))
        results: list[tuple[str, list[Diagnostic]]] = [("", [])] * len(files)
        work = [(linters[key], members) for key, members in groups.items()]
        for index, output in scan_groups(work, display, settings or ScanSettings(jobs=1, use_cache=False,
                                                                                 progress=False)):
            results[index] = output
        return results

    def lint_text(self, text: str, path: Path, display: str) -> list[Diagnostic]:
        """Lint text (stdin, or a fixed draft) as if it were the file at ``path``."""
        return self.linter_for(path).lint_text(text, display)
