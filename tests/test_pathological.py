"""Pathological Markdown: every block and inline construct, nested and unterminated, mixed
with front matter and HTML, lints without a crash and with every position inside the file.

The constructs come from an excerpt of the CommonMark spec's examples (tests/data, with
its licence noted there) and from a hypothesis strategy that assembles random drafts.
"""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wblint.config import Config, activate
from wblint.engine import Linter
from wblint.rules import load_rules
from wblint.model.source import SourceText, decode

DATA = Path(__file__).parent / "data" / "commonmark-examples.txt"
BAD = {"internal-error", "rule-timeout"}


def _examples() -> list[str]:
    text = DATA.read_text(encoding="utf-8")
    parts = text.split("\n=== example ")[1:]
    return [part.split("\n", 1)[1].replace("\u2192", "\t") if "\n" in part else "" for part in parts]


EXAMPLES = _examples()
_linter = Linter(activate(load_rules(), Config()), Config())


def _inside(text: str, found) -> None:
    source = SourceText(text)
    for d in found:
        assert d.name not in BAD, d
        for line, column in ((d.line, d.column), (d.end_line, d.end_column)):
            assert 1 <= line <= source.line_count, (d, text)
            assert 1 <= column <= len(source.line_text(line - 1)) + 1, (d, text)
        assert (d.end_line, d.end_column) >= (d.line, d.column), d
        if d.fix is not None:
            assert 0 <= d.fix.start <= d.fix.end <= len(source.text), d


def _lint_all(drafts: list[str]) -> None:
    blobs = [(f"draft-{i}.md", text.encode("utf-8")) for i, text in enumerate(drafts)]
    for start in range(0, len(blobs), 32):
        chunk = blobs[start:start + 32]
        for (_, data), (_, found) in zip(chunk, _linter.lint_blobs(chunk)):
            _inside(decode(data), found)


def test_the_excerpt_is_a_fair_sample():
    assert len(EXAMPLES) > 300
    joined = "\n".join(EXAMPLES)
    for construct in ("> ", "- ", "1. ", "**", "__", "](", "<div", "<!--", "```", "~~~", "&#", "\\", "\t"):
        assert construct in joined, construct


def test_each_example_alone():
    _lint_all(EXAMPLES)


def test_examples_inside_a_draft_with_front_matter_and_html():
    head = "---\ntitle: Acme Ledger\ntype: prfaq\n---\n# Acme Ledger Closes the Books\n\n## Owners save a day a week.\n\n"
    tail = '\n\n<!-- note -->\n\n"It saved my Sundays," said Sam Lee, a baker in Ohio.\n\n## FAQ\n\n**Q: Why?**\n\nA: Because.\n'
    _lint_all([head + example + tail for example in EXAMPLES])


def test_examples_nested_in_lists_and_quotes_and_unterminated():
    nested = []
    for example in EXAMPLES:
        lines = example.split("\n")
        nested.append("\n".join("> " + line for line in lines))
        nested.append("- " + "\n  ".join(lines))
        nested.append("1. > - " + "\n       ".join(lines))
        nested.append(example[: len(example) // 2])  # cut in the middle of the construct
    _lint_all(nested)


def test_all_examples_in_one_draft_with_every_line_ending():
    joined = "\n\n".join(EXAMPLES)
    _lint_all([joined, joined.replace("\n", "\r\n"), joined.replace("\n", "\r")])


# -- random drafts ------------------------------------------------------------------------

FRAGMENTS = [
    "# ", "## ", "###### ", "#", "> ", ">", "- ", "* ", "+ ", "1. ", "1) ", "    ", "\t", "```", "~~~", "`", "``",
    "*", "**", "_", "__", "~~", "[", "]", "](", "(", ")", "![", "<", ">", "<div>", "</div>", "<!--", "-->",
    "<http://a.b>", "https://example.com/x_y", "a@b.co", "&amp;", "&#35;", "&#x;", "\\", "\\*", "|", "| a | b |",
    "|---|---|", "---", "***", "===", "\n", "\n\n", "\r\n", "\r", "  \n", " ", "\"", "\u201c", "\u201d", "'",
    "said Jane Doe, CEO of Acme.", "The app was built by us.", "It will ship soon.", "Q:", "A:", "FAQ",
    "Customers save 20 minutes a day.", "leverage synergy", "e\u0301", "\u00a0", "\u200b", "\U0001F600", "\x0b",
    "\u2028", "\ufeff",
]
FRONT = st.sampled_from(["", "---\ntitle: T\n---\n", "---\ntype: faq\n---\n", "---\n: [\n---\n", "---\n", "+++\n"])
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
DRAFTS = st.builds(
    lambda front, pieces: front + "".join(pieces),
    FRONT,
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), WORDS), max_size=60),
)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(DRAFTS)
def test_random_drafts_never_crash_and_positions_stay_inside(text):
    found = _linter.lint_text(text, "random.md")
    _inside(text, found)
    assert found == sorted(found, key=lambda d: d.sort_key())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_linted_or_reported(data):
    found = _linter.lint_blobs([("bytes.md", data)])[0][1]
    if any(d.name == "read-error" for d in found):
        assert [d.name for d in found] == ["read-error"]
        return
    _inside(decode(data), found)


def test_linkify_shortcut_changes_no_parse():
    """document.markdown_parser skips linkify-it's slow pretest when no link is possible."""
    from wblint.model.markdown import markdown_parser

    md = markdown_parser()
    texts = EXAMPLES + [
        "see //example.com, a@b.co, http://x.org/a_b, www.foo.com, foo.com, mailto:x@y.z, ftp://a.b/c and mailto:foo",
        "Amazon.com and e.g. U.S. customers", "<https://a.b> [x](http://c.d) `http://e.f`",
    ]
    fast = [[t.as_dict() for t in md.parse(text)] for text in texts]
    shortcut = md.linkify.pretest
    md.linkify.pretest = type(md.linkify).pretest.__get__(md.linkify)
    try:
        slow = [[t.as_dict() for t in md.parse(text)] for text in texts]
    finally:
        md.linkify.pretest = shortcut
    assert fast == slow
