"""Skipping linkify-it's test on text with no "//" and no "@" must leave every token as testing it does."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wblint.model.markdown import markdown_parser

PIECES = ["http://", "https://", "ftp://", "//", "http:", "://", "HTTP://", "example.com", "b.io/x", "a@b.com",
          "mailto:", "@", "*", "_", "**", "`", "\\", "\\/", "[", "]", "(", ")", "<", ">", "&amp;", "&#58;", "&#47;",
          " ", "\n", "x", "~~", "![", "](", "http", "ht", "a", "-", ".", ":", "/", "`code`", "<a href=\"x\">", "</a>",
          "[t](https://c.org)", "<http://d.com>", "localhost", "1.2.3.4"]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def reference():
    """The parser with linkify-it's own test on every text token."""
    md = markdown_parser.__wrapped__()
    del md.linkify.test  # the instance's wrapper gone, the class's method again
    return md


REFERENCE = reference()


def tokens(md, text):
    try:
        return [(t.type, t.content, t.markup, t.attrs, t.map,
                 [(c.type, c.content, c.markup, c.attrs, c.info) for c in t.children or []]) for t in md.parse(text)]
    except RuntimeError as error:  # markdown-it gives up on some inputs ("example.com[http://http://"): both must
        return repr(error)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts)
def test_linkify_finds_the_same_links(text):
    assert tokens(markdown_parser(), text) == tokens(REFERENCE, text)


def test_the_reference_tests_every_token():
    assert "test" not in vars(REFERENCE.linkify) and "test" in vars(markdown_parser().linkify)
    assert REFERENCE.linkify.test("see http://example.com") and not markdown_parser().linkify.test("a. b")
