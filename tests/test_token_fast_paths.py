"""The language kinds' cheap token tests (tag ids, words looked for only in sentences whose text
holds them, title case worked out once per sentence) select exactly what the plain tests do."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wblint import nlp
from wblint.kinds import Sentence
from wblint.kinds._language import NameParts, is_name_part, label_ids, tokens_in
from wblint.kinds.comparison import COMPARATIVE_TAGS, QUANTITY_POS, QUANTITY_WORDS, _comparatives
from wblint.kinds.hype import RANK_WORDS, _superlative_tokens
from wblint.kinds.passive import PARTICIPLE_TAGS

WORDS = ["more", "More", "MORE", "less", "Less", "fewer", "Fewer", "most", "Most", "least", "LEAST", "first",
         "First", "only", "Only", "ONLY", "best", "Best", "fastest", "cheaper", "faster", "better", "worse",
         "latest", "nearest", "older", "later", "was", "is", "been", "written", "released", "shipped", "get",
         "paid", "the", "a", "team", "app", "Buy", "Acme", "Ledger", "customers", "than", "in", "of", "it",
         "will", "plans", "to", "open", "by", "30%", "two", ",", ".", "?", "-", "\u2019s", "K\u0130ng",
         "mo\u017fe", "\u212aind"]
NEUTRAL = {"nearest", "latest", "older", "later"}

sentence_texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)


@pytest.fixture(scope="module")
def parse():
    pipeline = nlp.load({"sentences", "tags", "pos", "lemmas", "parse"})
    if not pipeline.trained:
        pytest.skip("needs the trained spaCy pipeline")
    return lambda text: [Sentence(None, span, span.text) for span in pipeline.nlp(text).sents]


def check_settings(test):
    return settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])(
        given(sentence_texts)(test))


MISREAD = {"sooner", "quieter"}


def _is_comparative(token) -> bool:
    """The plain test: the tag's name, and every token's text."""
    return token.tag_ in COMPARATIVE_TAGS or (token.text.lower() in QUANTITY_WORDS and token.pos_ in QUANTITY_POS) \
        or (token.text.lower() in MISREAD and token.pos_ in ("ADJ", "ADV", "NOUN"))


@check_settings
def test_comparatives_match_the_plain_test(parse, text):
    for sentence in parse(text):
        plain = [t.i for t in sentence.span if _is_comparative(t) and t.text.lower() not in NEUTRAL
                 and t.lemma_.lower() not in NEUTRAL]
        assert [t.i for t in _comparatives(sentence, NEUTRAL, MISREAD)] == plain


@check_settings
def test_superlative_tokens_match_the_plain_test(parse, text):
    for sentence in parse(text):
        plain = []
        for token in sentence.span:
            lower = token.text.lower()
            degree = token.tag_ == "RBS" or lower in ("most", "least")
            if degree or not (token.tag_ != "JJS" or lower in NEUTRAL or token.lemma_.lower() in NEUTRAL):
                plain.append((token.i, degree))
        fast = [(t.i, degree) for t, degree in _superlative_tokens(sentence, sentence.text.lower(), NEUTRAL)]
        assert fast == plain


@check_settings
def test_rank_words_only_in_sentences_whose_text_holds_them(parse, text):
    for sentence in parse(text):
        if any(t.text.lower() in RANK_WORDS for t in sentence.span):
            assert any(word in sentence.text.lower() for word in RANK_WORDS)


@check_settings
def test_tag_ids_match_tag_names(parse, text):
    for sentence in parse(text):
        ids = label_ids(sentence.span.vocab.strings, PARTICIPLE_TAGS)
        assert [t.tag in ids for t in sentence.span] == [t.tag_ in PARTICIPLE_TAGS for t in sentence.span]


@check_settings
def test_name_parts_match_is_name_part(parse, text):
    for sentence in parse(text):
        name_part = NameParts()
        assert [name_part(t) for t in sentence.span] == [is_name_part(t) for t in sentence.span]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence_texts, st.integers(0, 80), st.integers(0, 12))
def test_tokens_in_matches_a_scan_of_the_sentence(parse, text, start, width):
    """tokens_in bisects; it finds the tokens a scan of the sentence does, for any range."""
    for sentence in parse(text):
        plain = [t.i for t in sentence.span if t.idx < start + width and start < t.idx + len(t.text)]
        assert [t.i for t in tokens_in(sentence, start, start + width)] == plain
