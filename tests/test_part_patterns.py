"""The faster forms of part detection's patterns must find exactly what the plain forms find."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wblint.caseless import lowered
from wblint.model.cues import _inflected, cue_pattern
from wblint.model.evidence import BARE_URL, URL_AFTER_VERB, _web_address


def flat_cue_pattern(cues):
    """cue_pattern as one alternative per phrase, longest first (what the grouped form stands in for)."""
    phrases = sorted({c.strip().lower() for c in cues if c.strip()}, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(_inflected(w) for w in re.split(r"\s+", p)) for p in phrases)
    return re.compile(r"(?<![\w\-])(?:" + alternation + r")(?![\w\-])", re.IGNORECASE)


CUE_WORDS = ["sign", "up", "signs", "download", "do", "dow", "visit", "vis", "can't", "pre-order", "pre",
             "order", "a", "an", "account", "create", "creates", "try", "tries", "it", "s", "ſign", "é", "$5"]
cue_lists = st.lists(st.lists(st.sampled_from(CUE_WORDS), min_size=1, max_size=3).map(" ".join),
                     min_size=1, max_size=8)
texts = st.lists(st.one_of(st.sampled_from(CUE_WORDS + ["Sign", "SIGN", "Up", "İt", "-", ".", "x"]),
                           st.text(alphabet="aSsſ -'\n.", max_size=3)), max_size=16).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(cue_lists, texts)
def test_grouped_cue_pattern_matches_the_flat_one(cues, text):
    grouped, flat = cue_pattern(tuple(cues)), flat_cue_pattern(cues)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]
    for at in range(len(text)):
        found, expected = grouped.match(text, at), flat.match(text, at)
        assert (found and found.span()) == (expected and expected.span())


def test_cues_opening_with_a_shared_letter_are_tried_longest_first():
    pattern = cue_pattern(("sign", "sign up", "start"))
    assert pattern.search("Please sign up today").group(0) == "sign up"
    assert pattern.pattern.count("s(?:") == 1  # one branch for every phrase that opens with "s"


def test_a_first_letter_that_folds_onto_another_keeps_the_list_flat():
    # IGNORECASE reads "ſ" as "s": grouping by first letter would try "sign" before the longer "ſign up"
    cues = ("sample size", "\u017fign up", "sign")
    assert cue_pattern(cues).search("Sign up now").group(0) == "Sign up"
    assert flat_cue_pattern(cues).search("Sign up now").group(0) == "Sign up"


URL_WORDS = ["visit", "at", "go to", "via", "www.", "WWW.", "https://", "http://", "acme.com", "acme.COM/x",
             "/", "a", "example", ".org", "Visit", "x.io/", "acme.io", "İ", " ", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(URL_WORDS), st.text(alphabet="aw./: -", max_size=3)), max_size=12)
       .map("".join))
def test_web_address_is_the_first_address_after_a_verb_else_the_first_bare_one(text):
    expected = URL_AFTER_VERB.search(text) or BARE_URL.search(text)
    assert _web_address(text, lowered(text)) == (expected.group(0) if expected else None)


def test_web_addresses_with_and_without_a_verb():
    for text, address in [("Visit acme.io today.", "Visit acme.io"), ("See https://acme.example/x now", "https://acme.example/x"),
                          ("Order at WWW.ACME.COM.", "at WWW.ACME.COM"), ("No address here. It is e.g. fine.", None)]:
        assert _web_address(text, lowered(text)) == address


def test_each_set_of_specs_gets_its_own_patterns():
    """Patterns are built once per set of specs and shared by drafts: changed options must not reuse them."""
    from dataclasses import replace

    from wblint.model import analyse
    from wblint.model import parse_document
    from wblint.kinds.part import default_specs
    from wblint.model import detect

    draft = ("# Acme Frobs Ship Today\n\nSEATTLE, WA — May 4, 2027 — Acme today launched Frob, a frob for teams.\n\n"
             "Then frobnicate the widgets with your whole team every single morning.\n")
    specs = default_specs()
    extra = dict(specs, **{"getting-started": replace(specs["getting-started"],
                                                       cues=specs["getting-started"].cues + ("frobnicate",),
                                                       min_score=1.0)})
    before = detect(analyse(parse_document("a.md", draft), "press-release"), specs)
    after = detect(analyse(parse_document("a.md", draft), "press-release"), extra)
    again = detect(analyse(parse_document("a.md", draft), "press-release"), specs)
    assert not before.of("getting-started") and not again.of("getting-started")
    assert [p.cue for p in after.of("getting-started")] == ['content: "frobnicate"']
