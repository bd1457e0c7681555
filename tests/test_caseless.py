"""Case-insensitive word lists run on lowercased text must find exactly what IGNORECASE finds."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wblint.caseless import Caseless, folded, lowered

PATTERNS = [
    re.compile(r"(?<![\w\-'’])(?:sign\s+up|download(?:s|ed|ing)?|visit|state[\s\-]*of[\s\-]*the[\s\-]*art)(?![\w'’]|-\w)",
               re.IGNORECASE),
    re.compile(r"\b(?:is|are|was|were|be|been|being|get|got)\b", re.IGNORECASE),
    re.compile(r"(?:est|most)\b|\b(?:best|first|only)\b", re.IGNORECASE),
    re.compile(r"\b[a-z]+er\b|\bless\b", re.IGNORECASE),
    re.compile(r"(?i)\b(?:insert|add)\s+(?:\w+\s+)?(?:name|date|here)\b"),  # the flag in the pattern
    re.compile(r"(?ix) \b lorem \s+ ipsum"),
]
# ASCII in both cases, the letters whose case rules differ (İ ı ſ, the Kelvin sign), curly quotes, dashes.
ALPHABET = "abdefghilmnoprstuvwxyABDEFGHILMNOPRSTUVWXYİıſK’'- \n.é"


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATTERNS), st.text(alphabet=ALPHABET, max_size=60))
def test_folded_matching_finds_the_same_spans(pattern, text):
    expected = [m.span() for m in pattern.finditer(text)]
    finder = Caseless(pattern)
    assert finder.spans(text, lowered(text)) == expected
    assert finder.search(text, lowered(text)) == bool(expected)
    assert finder.first(text, lowered(text)) == (expected[0] if expected else None)


def test_the_words_people_write_are_found_in_any_case():
    finder = Caseless(PATTERNS[0])
    text = "SIGN UP today, or Download the app. Visit State of the Art"
    assert [text[s:e] for s, e in finder.spans(text, lowered(text))] == ["SIGN UP", "Download", "Visit", "State of the Art"]


def test_patterns_that_name_capitals_or_other_scripts_keep_the_flag():
    assert folded(re.compile(r"\bAI\b", re.IGNORECASE)) is None  # an uppercase literal
    assert folded(re.compile(r"café", re.IGNORECASE)) is None  # a non-ASCII letter
    assert folded(re.compile(r"(?-i:Go)\b", re.IGNORECASE)) is None  # a case-sensitive group
    assert folded(re.compile(r"\bgo\b")) is None  # already case-sensitive
    assert folded(re.compile(r"\W\bgo\S", re.IGNORECASE)) is not None  # escapes are not letters
    assert not folded(re.compile(r"(?i)\blorem")).flags & re.IGNORECASE  # a flag written in the pattern
    assert folded(re.compile(r"(?im)^lorem")).flags & re.MULTILINE
