"""Which language a draft is written in, and which rules need it to be English.

Most of wblint's style rules read English: word lists (weasel words, hype, jargon),
English grammar from spaCy (passive voice, future tense), English syllables
(readability), English cue words for the parts of a press release, the FAQ's topics
and audiences, the letter's "Dear". On a draft in German or Spanish they would
either say nothing useful or raise nonsense, so the engine skips them there and the
``not-english`` rule says so once.  Structure rules (a headline, a sub-heading, an
FAQ with answered questions, lengths, placeholders) still run.

Identification is two steps, so English drafts -- nearly every draft -- pay nothing:

1. Count English function words ("the", "and", "of", "to", ...) among the words of
   the prose (code, inline code and URLs left out).  English prose is 30-50 % such
   words; a draft full of product names and code blocks still well above
   ``ENGLISH_SHARE``.  At or above it, the draft is English and step 2 never runs.
   Too few words to tell (``MIN_WORDS``): treated as English.
2. Otherwise ask py3langid (an offline naive Bayes identifier over byte n-grams, its
   model shipped in the wheel: no network; loaded once per process, about 1 s, then
   about 1 ms per draft).  A language other than English at ``MIN_CONFIDENCE`` or
   more is the draft's language; anything less sure stays English.

A rule's ``language`` key in its pack (``english`` or ``any``) overrides the default
its kind gives (``ENGLISH_KINDS``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

ENGLISH = "en"
MIN_WORDS = 25  # fewer words than this: not enough to tell, read as English
ENGLISH_SHARE = 0.12  # at least this share of English function words: English, no model needed
MIN_CONFIDENCE = 0.90  # py3langid's normalised probability for a non-English verdict
SAMPLE_CHARS = 8_000  # the identifier reads at most this much prose (about 1,300 words)

# Kinds whose checks read English words, grammar or sound (see the module docstring).
ENGLISH_KINDS = frozenset({
    "density", "existence", "hype", "comparison", "passive", "future", "sentence-length", "readability",
    "acronym", "ratio", "substitution", "repeated", "fluff", "part", "quote", "attribution", "dateline",
    "section-order", "faq-audience", "faq-topics", "salutation", "signoff",
})

FUNCTION_WORDS = frozenset("""
the a an and or but of to in on at for with from by as is are was were be been has have had
it its this that these those which who will would can our your their we you they he she not
""".split())

NAMES = {
    "de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "pl": "Polish", "cs": "Czech",
    "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "ja": "Japanese", "zh": "Chinese", "ko": "Korean",
    "ar": "Arabic", "he": "Hebrew", "hi": "Hindi", "id": "Indonesian", "vi": "Vietnamese", "el": "Greek",
    "hu": "Hungarian", "ro": "Romanian", "ca": "Catalan", "en": "English",
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, "en" for English (and for "cannot tell")
    confidence: float  # 1.0 when step 1 decided
    words: int  # words of prose read
    by_model: bool  # step 2 decided

    @property
    def english(self) -> bool:
        return self.code == ENGLISH

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)


def rule_is_english(rule: Any) -> bool:
    """Whether a rule (``rules.Rule``) reads English and is skipped on other languages."""
    declared = getattr(rule, "language", "") or ""
    if declared:
        return declared == "english"
    return rule.kind in ENGLISH_KINDS


def prose_of(document: Any) -> str:
    """The prose a reader sees: headings, paragraphs and table cells, no code or URLs."""
    parts = []
    size = 0
    for block in document.blocks:
        if block.kind in ("code", "html", "rule") or block.prose is None:
            continue
        text = _URL.sub(" ", _CODE_SPAN.sub(" ", block.prose.text))
        parts.append(text)
        size += len(text)
        if size >= SAMPLE_CHARS:
            break
    return "\n".join(parts)[:SAMPLE_CHARS]


def identify_text(text: str) -> Language:
    words = _WORD.findall(text)
    cjk = len(_CJK.findall(text))
    if len(words) < MIN_WORDS and cjk < MIN_WORDS * 2:
        return Language(ENGLISH, 1.0, len(words), False)
    if words and cjk < len(text) / 10:
        share = sum(1 for w in words if w.lower() in FUNCTION_WORDS) / len(words)
        if share >= ENGLISH_SHARE:
            return Language(ENGLISH, 1.0, len(words), False)
    code, confidence = _identifier().classify(text)
    if code != ENGLISH and confidence >= MIN_CONFIDENCE:
        return Language(code, float(confidence), len(words), True)
    return Language(ENGLISH, float(confidence) if code == ENGLISH else 1.0 - float(confidence), len(words), True)


def draft_language(document: Any) -> Language:
    """The draft's language, worked out once per parsed document."""
    found = getattr(document, "_wblint_language", None)
    if found is None:
        declared = document.front_matter.get("lang") or document.front_matter.get("language")
        if isinstance(declared, str) and declared.strip():
            code = declared.strip().lower().replace("_", "-").split("-")[0]
            found = Language(code, 1.0, 0, False)
        else:
            found = identify_text(prose_of(document))
        try:
            document._wblint_language = found
        except AttributeError:  # pragma: no cover - a slotted document
            pass
    return found


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier, loaded once per process (imported here: English drafts never need it)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
