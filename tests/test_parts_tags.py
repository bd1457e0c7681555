"""Sentence starts and verbs read through a numpy filter must be those a loop over every token reads."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wblint.model.evidence import SENTENCE_END, _token_starts_and_tags

spacy = __import__("pytest").importorskip("spacy")
VOCAB = spacy.blank("en").vocab

WORDS = ["Download", "the", "app", ".", "!", "?", ":", ";", "..", "a", "I", "x", "Visit", ",", "—", "go"]
TAGS = ["VB", "NN", "NNP", ".", ":", "DT", ","]


def every_token(doc, text):
    """The plain loop the filter stands in for."""
    starts, verbs = [0], {}
    for token in doc:
        word = text[token.idx:token.idx + len(token)]
        if word in SENTENCE_END:
            starts.append(token.idx + len(token))
        elif token.tag_ == "VB":
            verbs[token.idx] = word
    return starts, verbs


def test_sentence_ends_are_single_characters():
    assert all(len(end) == 1 for end in SENTENCE_END)  # the filter keeps only one-character tokens


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.booleans()), min_size=1, max_size=20))
def test_filtered_rows_give_what_every_token_gives(tokens):
    words, tags, spaces = zip(*tokens)
    doc = spacy.tokens.Doc(VOCAB, words=list(words), spaces=list(spaces), tags=list(tags))
    assert _token_starts_and_tags(doc, doc.text) == every_token(doc, doc.text)
