"""A run over many files, each under its own configuration.

Every file is linted under the nearest configuration file above it and the files that one
extends (``configfile.load_chain``; or ``--config`` and what it extends, or none with
``--isolated``), with the command line's flags as the last layer (``config.compose``).
Files are grouped by their effective settings — the composed configuration plus the
per-file entries whose globs match them — and each group gets one ``Linter`` (built
once, cached); the spaCy pipeline is shared across them by ``nlp.load``.  Results come
back in the order the files were found.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pathspec

from .cache import Store
from .config import ActiveRule, Config, activate, compose
from .configfile import DEFAULT_EXCLUDE, find_config, load_chain, load_config
from .diagnostics import Diagnostic
from .discover import discover, gitignore_spec
from .engine import Linter
from .rules import RuleSet, load_rules
from .suppress import Suppressor

CLI_FLAGS = {"select": "--select", "ignore": "--ignore", "extend-select": "--extend-select",
             "exclude": "--exclude", "extend-exclude": "--extend-exclude", "rules-dirs": "--rules-dir"}


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
        self._files: dict[Path, Config] = {}  # configuration file -> its own settings
        self._configs: dict[Path | None, Config] = {}  # configuration file -> composed Config
        self._excludes: dict[int, list[tuple[str, pathspec.PathSpec]]] = {}
        self._per_file: dict[int, list[tuple[str, tuple[int, str, int], pathspec.PathSpec]]] = {}
        self._rulesets: dict[tuple[Path, ...], RuleSet] = {}
        self._linters: dict[tuple[int, tuple], Linter] = {}
        self._includes: dict[int, list[tuple[str, pathspec.PathSpec]]] = {}
        o = self.overrides
        # The command line is the last layer: --select starts over, --exclude replaces (globs relative to cwd)
        self._cli = Config(select=o.select, extend_select=list(o.extend_select), ignore=list(o.ignore),
                           exclude=o.exclude, extend_exclude=list(o.extend_exclude), rules_dirs=list(o.rules_dirs),
                           root=self.cwd, cli_keys=dict(CLI_FLAGS))
        if o.config_file is not None:
            self._single = self._compose(load_chain(o.config_file, self._load, named=True))
        elif o.isolated:
            self._single = self._compose([])
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
            self._configs[source] = self._compose(load_chain(source, self._load) if source else [])
        return self._configs[source]

    def _load(self, path: Path) -> Config:
        """One configuration file's own settings, read once per run."""
        if path not in self._files:
            self._files[path] = load_config(path, self.yaml_store)
        return self._files[path]

    def _compose(self, files: list[Config]) -> Config:
        return compose([*files, self._cli])

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
            # the nearest exclude (the command line's, a file's, or the defaults), then every extend-exclude
            layers = config.each_layer()
            nearest = next((layer for layer in reversed(layers) if layer.exclude is not None), None)
            patterns = [(self._root(nearest), nearest.exclude) if nearest else (self._root(config), DEFAULT_EXCLUDE),
                        *((self._root(layer), layer.extend_exclude) for layer in layers)]
            self._excludes[id(config)] = [(base, _spec(globs)) for base, globs in patterns if globs]
        suffix = "/" if is_dir else ""
        for base, spec in self._excludes[id(config)]:
            if spec.match_file((_relative(absolute, base) or _posix(absolute)) + suffix):
                return True
        return False

    def _root(self, config: Config) -> str:
        return str(config.root or self.cwd)

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
        key = id(config)
        if key not in self._includes:  # every file's include globs, each relative to its own file
            self._includes[key] = [(self._root(layer), _spec(layer.include))
                                   for layer in config.each_layer() if layer.include]
        return any(spec.match_file(_relative(absolute, base) or _posix(absolute))
                   for base, spec in self._includes[key])

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

    def per_file_here(self, config: Config, absolute: str) -> tuple[tuple[int, str, int], ...]:
        """The per-file entries of ``config`` whose globs match the file at ``absolute``, as
        (layer index, "per-file-ignores" or "per-file-rules", entry index); see ``config.resolve``."""
        if id(config) not in self._per_file:
            entries = []
            for i, layer in enumerate(config.each_layer()):
                for what, items in (("per-file-ignores", layer.per_file_ignores), ("per-file-rules", layer.per_file_rules)):
                    entries += [(self._root(layer), (i, what, j), _spec([pattern]))
                                for j, (pattern, _) in enumerate(items)]
            self._per_file[id(config)] = entries
        return tuple(entry for base, entry, spec in self._per_file[id(config)]
                     if spec.match_file(_relative(absolute, base) or _posix(absolute)))

    def settings_for(self, path: str | Path) -> tuple[Config, tuple[tuple[int, str, int], ...]]:
        """The composed configuration of a file and the per-file entries that match it."""
        absolute = self._abs(path)
        config = self._config_in(os.path.dirname(absolute))
        return config, self.per_file_here(config, absolute)

    def linter_for(self, path: str | Path) -> Linter:
        config, matched = self.settings_for(path)
        key = (id(config), matched)
        if key not in self._linters:
            ruleset = self.ruleset(config)
            active = activate(ruleset, config, matched)
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
