"""The faster forms of the anatomy's tests must answer what the plain forms answer."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wblint.model import is_prose_block
from wblint.model.quotes import SPEECH_VERBS, _looks_like_attribution
from wblint.model import Block
from wblint.model import Prose


def plain_looks_like_attribution(text):
    text = text.strip()
    if re.match(r"^[\u2014\u2013\-~]+\s*\S", text):
        return True
    return bool(re.search(rf"\b{SPEECH_VERBS}\b", text, re.IGNORECASE)) and len(text.split()) <= 40


WORDS = ["said", "SAID", "Says", "according to", "according\nto", "unsaid", "said-", "Jane", "Doe,", "CEO",
         "—", "-", "~", "İ", "ſaid", "\u00a0", "\t", "word"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.sampled_from([" ", "  ", "\n", "\u00a0"]))
def test_attribution_test_matches_the_plain_one(words, space):
    text = space.join(words)
    assert _looks_like_attribution(text) is plain_looks_like_attribution(text)


def test_forty_words_can_be_an_attribution_and_forty_one_cannot():
    words = ["word"] * 38
    assert _looks_like_attribution(" ".join(["Jane", "said", *words]))
    assert not _looks_like_attribution(" ".join(["Jane", "said", *words, "more"]))


@given(st.text(alphabet=" \t\n\u00a0\u2028\u3000\x1cax", max_size=6))
def test_a_prose_block_has_text_other_than_white_space(text):
    prose = Prose()
    prose.append(text, 0, len(text))
    assert is_prose_block(Block("paragraph", 0, 1, 1, 1, prose=prose)) is bool(text.strip())


def test_the_maker_is_read_after_the_product_wherever_it_is_named():
    from wblint.model.announcement import _maker_after

    text = "Ledger is new. Ledger helps. Ledger from Acme Bakery Tools today makes books easy."
    assert _maker_after("Ledger", text).group("company") == "Acme Bakery Tools"
    assert _maker_after("Ledger", "Ledger by  \nAcme.").group("company") == "Acme."
    assert _maker_after("Ledger", "Ledger from acme") is None  # a company is capitalised
    assert _maker_after("aa", "aaa by Zed").group("company") == "Zed"  # names may overlap themselves


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["Ledger", "aa", "Acme Ledger"]),
       st.lists(st.sampled_from(["Ledger", "aa", "a", "Acme", "from", "by", "Zed", "of", "co.", " ", "\n", "x"]),
                max_size=12).map("".join))
def test_the_maker_search_answers_what_a_regex_of_the_product_answers(product, text):
    from wblint.model.announcement import _CAP_RUN, _maker_after

    expected = re.search(rf"{re.escape(product)}\s+(?:from|by)\s+(?P<company>{_CAP_RUN})", text)
    found = _maker_after(product, text)
    assert (found and found.group("company")) == (expected and expected.group("company"))
