"""--fix never loses text: no markup deleted with a fix, no file fixed twice or with stale
offsets, nothing written outside the scanned tree or in a way that breaks the file's owner,
mode or links, and a file that cannot be fixed is reported while the others are fixed."""
from __future__ import annotations

import re

import pytest

from conftest import write

HEAD = "# Acme Ledger Closes the Books for Small Shops\n\n"


def fix_repeated(path, run_cli, *more: str):
    return run_cli("check", "--isolated", "--select", "repeated-words", "--fix", *more, str(path))


@pytest.mark.parametrize("paragraph", [
    "We like the [the](https://example.com/the-page) cat.",  # a link and its URL
    "We like [the](https://example.com/a) the cat.",
    "We like the <!-- a note for the editor --> the dog.",  # an HTML comment
    "We like the <!-- wblint-enable --> the dog.",  # wblint's own directive
    "We like the <b>the</b> fish.",  # an opening tag
    "We like the *the* bird.",  # emphasis markers
    "We like **the** the bird.",
    "We like the  \nthe horse.",  # a hard break: two spaces at the end of the line
    "We like the\\\nthe horse.",  # a hard break: a backslash
])
def test_a_repeated_word_fix_never_deletes_the_markup_between_the_words(in_tmp, run_cli, paragraph):
    draft = write(in_tmp / "a.md", HEAD + paragraph + "\n")
    fix_repeated(draft, run_cli)
    after = draft.read_text(encoding="utf-8")[len(HEAD):-1]
    assert _markup(after) == _markup(paragraph), after  # every mark, URL and comment kept
    assert after.count("the") >= paragraph.count("the") - 1  # and at most the second word removed


def _markup(text: str) -> str:
    """The text without the word "the" (and the white space after it): what a fix must keep."""
    return re.sub(r"\bthe\b\s*", "", text)


@pytest.mark.parametrize("paragraph, fixed", [
    ("We like the the cat.", "We like the cat."),
    ("We like the\nthe cow.", "We like the cow."),  # a soft line break is only white space
])
def test_a_repeated_word_in_plain_text_is_still_fixed(in_tmp, run_cli, paragraph, fixed):
    draft = write(in_tmp / "a.md", HEAD + paragraph + "\n")
    fix_repeated(draft, run_cli)
    assert draft.read_text(encoding="utf-8") == HEAD + fixed + "\n"
