"""Regexes written for the regex engine's speed find what their plain forms find.

Python's ``re`` cannot skip ahead behind a leading look-behind; moving it after a first
letter lets the engine jump between possible first letters.  These tests hold each
rewritten pattern to the plain one it replaces.
"""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wblint.kinds import acronym, comparison


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="erERmoMOlsLSwW \t-'’.1_é", max_size=24))
def test_the_comparison_prefilter_matches_the_sentences_its_plain_form_matches(text):
    plain = re.compile(r"\b\w+er\b|\b(?:more|less|worse)\b", re.IGNORECASE)
    assert bool(comparison.CANDIDATES.search(text)) == bool(plain.search(text))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ABCIVXaZz9&/.-'’s \nÉ", max_size=24))
def test_acronyms_are_found_where_the_plain_pattern_finds_them(text):
    plain = re.compile(acronym.ACRONYM_PLAIN)
    assert [(m.span(), m.groups()) for m in acronym.ACRONYM.finditer(text)] == \
        [(m.span(), m.groups()) for m in plain.finditer(text)]
