"""Finding the product's name with string search must find what a regex of the names finds."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wblint.model.cues import NameFinder

NAMES = [("Switchback Parking", "Switchback"), ("Tidy",), ("Acme Co", "Acme", "Ac")]
ALPHABET = "ACSTPadeimnopstuwy'’- \n\t.-"


def reference(names):
    """The alternation the finder stands in for: names in order, whole words, any white space inside."""
    alternation = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in names)
    named = re.compile(rf"(?<![\w\-])(?:{alternation})(?![\w\-])")
    subject = re.compile(rf"(?<![\w\-])(?:{alternation})(?:['\u2019]s\s+\w+)?\s+(?:\w+ly\s+|also\s+|then\s+|now\s+)?"
                         r"(?!is\b|was\b|has\b|does\b)[a-z]+s\b")
    return named, subject


words = st.sampled_from(["Switchback", "Parking", "Tidy", "Acme", "Co", "Ac", "turns", "is", "also", "now",
                         "app", "quickly", "sends", "'s", "’s", "-", "Tidyx", "xTidy"])
texts = st.lists(st.one_of(words, st.text(alphabet=ALPHABET, max_size=4)), max_size=14).map("".join)
spaced = st.lists(st.tuples(words, st.sampled_from([" ", "  ", "\n", "", "-", "\t "])), max_size=12).map(
    lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(NAMES), st.one_of(texts, spaced))
def test_names_and_subjects_match_the_regex(names, text):
    named, subject = reference(names)
    finder = NameFinder(tuple(names))
    assert finder.spans(text) == [m.span() for m in named.finditer(text)]
    assert finder.named(text) == bool(named.search(text))
    assert finder.subjects(text) == [m.group(0) for m in subject.finditer(text)]


def test_a_name_split_over_two_lines_is_still_the_product():
    finder = NameFinder(("Switchback Parking", "Switchback"))
    text = "Today Switchback\nParking finds a space; Switchbacks are not it, nor is Switchback-Parking."
    assert [text[s:e] for s, e in finder.spans(text)] == ["Switchback\nParking"]
    assert finder.subjects("Switchback Parking's app quickly finds a space.") == ["Switchback Parking's app quickly finds"]
    assert finder.subjects("Switchback Parking is new.") == []
