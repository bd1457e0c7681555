"""One search over a draft's joined blocks must never miss a block that holds a match."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wblint.joined import JoinedTexts, _quick, joinable
from wblint.userregex import compile_pattern, may_match

# Patterns rules use, and the ones that read the edge of a text differently from a newline.
PATTERNS = [
    r"\b(?:TBD|TODO|XXX+)\b",
    r"(?<![\w\-])(?:in\s+order\s+to|utilize|state[\s\-]*of[\s\-]*the[\s\-]*art)(?![\w\-])",
    r"[$€£]\s?X+(?:[.,]X+)*\b",
    r"\bX+(?:[.,]X+)*\s?%",
    r"(?i)\blorem\s+ipsum\b",
    r"\{\{[^}]*\}\}",
    r"a\s*$", r"^\s*b", r"(?m)^b", r"(?m)a$", r"\Ab", r"a\Z",
    r"a(?!\s*b)", r"(?<=\n)b", r"(?<!\s)b", r"a(?=[^c])", r"a(?!c)", r"a(?![^\n])", r"(?<![\w\-])b(?![\w\-])",
    r"(?>a\s*)\n", r"a\s*+b", r"(?s:a.)", r"(?i:A)b", r"x*", r"",
    r"(a)\s\1", r"(a|)(?(1)b|c)",
]
ALPHABET = "abcABCTODXBtodx$%{}-\n \tİıſ"


def blocks_with_matches(pattern, texts):
    return JoinedTexts(texts).matching(pattern)


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(PATTERNS), st.sampled_from([0, re.IGNORECASE]),
       st.lists(st.text(alphabet=ALPHABET, max_size=12), max_size=6))
def test_every_block_with_a_match_is_found(source, flags, texts):
    pattern = re.compile(source, flags)
    holding = {i for i, text in enumerate(texts) if pattern.search(text)}
    found = blocks_with_matches(pattern, texts)
    assert holding <= set(found)
    assert found == sorted(set(found))


def test_a_word_list_is_searched_once_and_only_its_blocks_come_back():
    texts = ["Nothing here.", "We will utilize it.", "Plain words.", "In order\nto start, TBD."]
    assert blocks_with_matches(re.compile(PATTERNS[1], re.IGNORECASE), texts) == [1, 3]
    assert blocks_with_matches(re.compile(PATTERNS[0]), texts) == [3]
    assert blocks_with_matches(re.compile(PATTERNS[0]), ["no", "none"]) == []


def test_patterns_that_read_a_text_edge_differently_search_every_block():
    for source in (r"a\s*$", r"^b", r"\Ab", r"a(?!\s*b)", r"(?<!\s)b", r"(?>a\s*)", r"a\s*+b", r"(?s:a.)", r"a(?! )", r"a(?!.)", r"(?m)^b"):
        assert not joinable(re.compile(source)), source
        assert blocks_with_matches(re.compile(source), ["x", "y"]) == [0, 1]
    for source in PATTERNS[:6] + [r"a(?!c)", r"a(?=b)", r"\bb\B"]:
        assert joinable(re.compile(source)), source


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(PATTERNS), st.sampled_from([0, re.IGNORECASE]),
       st.lists(st.lists(st.text(alphabet=ALPHABET.replace(" ", "").replace("\n", "").replace("\t", ""), min_size=1,
                                 max_size=6), max_size=5), max_size=4),
       st.sampled_from([" ", "  ", "\n", " \t"]))
def test_every_sentence_piece_with_a_match_is_found(source, flags, blocks, space):
    """Pieces are a block's sentences: runs of its text with white space around them."""
    pattern = re.compile(source, flags)
    texts = [space.join(words) for words in blocks]
    joined = JoinedTexts(texts)
    spans = joined.spans(pattern)
    for index, words in enumerate(blocks):
        start = 0
        for word in words:  # each word a piece
            if pattern.search(word):
                assert joined.may_match(spans, index, start, start + len(word)), (texts, index, word)
            start += len(word) + len(space)


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(PATTERNS), st.booleans(), st.lists(st.text(alphabet=ALPHABET, max_size=12), max_size=6))
def test_a_user_pattern_is_skipped_only_when_no_text_holds_a_match(source, ignore_case, texts):
    compiled = compile_pattern(source, ignore_case)  # the regex package, as user patterns run
    if any(compiled.search(text) for text in texts):
        assert may_match(source, JoinedTexts(texts), ignore_case)


QUICK_PATTERNS = PATTERNS + [
    r"(?<![\w\-'’])(?:(?:tbd|tba)|(?:x+|xy))(?![\w'’]|-\w)",
    r"(?:(?<![\w\-'’])(?:(?:todo)|(?:do|don))(?![\w'’]|-\w))",
    r"(?<=[)\]])b", r"(?<![\\(\[])(?:a|b)c", r"(?<!\))[ab]+", r"\b(?:a|b)\b|c",
]


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(QUICK_PATTERNS), st.sampled_from([0, re.IGNORECASE]),
       st.lists(st.text(alphabet=ALPHABET + "()[]\\ydn", max_size=12), max_size=6))
def test_a_joined_search_finds_what_a_plain_search_finds(source, flags, texts):
    pattern = re.compile(source, flags)
    joined = JoinedTexts(texts)
    found = joined.spans(pattern)
    if found is not None:  # None: a pattern searched text by text
        assert found == [(m.start(), max(m.end(), m.start() + 1)) for m in pattern.finditer(joined.text)]


def test_a_leading_assertion_is_dropped_only_before_a_few_literal_first_characters():
    assert _quick(re.compile(r"(?<![\w\-])(?:apple|pear)s?\b")).pattern == r"(?:apple|pear)s?\b"
    assert _quick(re.compile(r"(?:(?<![)\]])(?:apple|pear))")).pattern == r"(?:(?:apple|pear))"
    assert _quick(re.compile(r"\bTBD\b")).pattern == r"TBD\b"
    assert _quick(re.compile(r"(?<![\w])\w+")) is None  # any word character: no fast scan
    assert _quick(re.compile(r"(?<!-)(?:" + "|".join("abcdefghijklmnop") + ")")) is None  # most letters
    assert _quick(re.compile(r"(?<!x)|y")) is None
