"""The document model: blocks, prose and exact source positions."""
from __future__ import annotations

from wblint.model import analyse
from wblint.model import parse_document


def _spans(doc, block):
    return [doc.text[s:e] for s, e in (block.prose.source_span(0, len(block.prose.text)),)]


def test_prose_excludes_code_urls_and_comments():
    doc = parse_document("d.md", "Run `pip install x` then see https://x.example/a and [docs](http://y.example) <!-- hide -->\n")
    prose = doc.blocks[0].prose
    assert "pip install" not in prose.text
    assert "x.example" not in prose.text and "y.example" not in prose.text
    assert "hide" not in prose.text
    assert "docs" in prose.text
    assert [c.text for c in doc.comments] == ["hide"]


def test_every_prose_character_maps_to_its_source_character():
    text = "Some *emphasis*, a [link](http://x) and **bold** text.\nSecond line\\! &amp; done.\n"
    doc = parse_document("d.md", text)
    prose = doc.blocks[0].prose
    for i in range(len(prose.text)):
        _assert_maps_to_its_source(doc, prose, i)


def _assert_maps_to_its_source(doc, prose, i: int) -> None:
    """Prose character ``i`` comes from the same source character (or its escape or entity;
    a space may stand for a line break)."""
    ch = prose.text[i]
    start, end = prose.source_span(i, i + 1)
    source = doc.text[start:end]
    if ch == " " and source == "\n":
        return
    assert source in (ch, "\\" + ch) or (ch == "&" and source == "&amp;"), (i, ch, source)


def test_positions_survive_crlf_and_lone_cr():
    for newline in ("\r\n", "\r"):
        text = newline.join(["# Title here", "", "Para one.", "", "Para *two* ends."]) + newline
        doc = parse_document("d.md", text)
        para = [b for b in doc.blocks if b.kind == "paragraph"][1]
        start, _ = para.prose.source_span(para.prose.text.index("two"), para.prose.text.index("two") + 3)
        assert doc.source.position(start) == (5, 7)


def test_blocks_inside_lists_and_block_quotes_keep_columns():
    doc = parse_document("d.md", "> - first item\n>   continues here\n")
    block = doc.blocks[0]
    assert block.quote_depth == 1 and block.list_depth == 1
    i = block.prose.text.index("continues")
    assert doc.source.position(block.prose.source_start(i)) == (2, 5)


def test_table_cells_are_separate_blocks_with_positions():
    doc = parse_document("d.md", "| a | b |\n|---|---|\n| cell | other |\n")
    cells = [b for b in doc.blocks if b.kind == "table_cell"]
    assert [c.text for c in cells] == ["a", "b", "cell", "other"]
    assert doc.source.position(cells[3].prose.source_start(0)) == (3, 10)


def test_front_matter_is_parsed_and_not_prose():
    doc = parse_document("d.md", "---\ntype: prfaq\ntitle: Hello World Launch Today\n---\n\nBody text.\n")
    assert doc.front_matter == {"type": "prfaq", "title": "Hello World Launch Today"}
    assert doc.declared_kind() == "prfaq"
    assert [b.text for b in doc.blocks if b.prose] == ["Body text."]


def test_malformed_front_matter_is_reported_not_raised():
    doc = parse_document("d.md", "---\ntype: [prfaq\n---\n\nBody.\n")
    assert doc.front_matter_error and "front matter" in doc.front_matter_error
    assert doc.front_matter_line >= 2


FRONT_MATTER = [
    "title: Ledger\ndate: 2027-03-03\ntags: [a, b]\nowner: &o {name: Jo}\nreviewer: *o\n",
    "title: 'Caf\u00e9 \u2014 “quoted”'\nyes: yes\nn: 0o17\nf: 1_000.5\nempty:\n",
    "text: |\n  two\n  lines\nfolded: >\n  one\n  line\n",
]


def test_front_matter_reads_as_pyyaml_safe_load_reads_it():
    import yaml

    for text in FRONT_MATTER:
        doc = parse_document("d.md", f"---\n{text}---\n\nBody.\n")
        # the block's content ends before the newline of its last line
        assert doc.front_matter == yaml.safe_load(text.rstrip("\n")) and not doc.front_matter_error


def test_front_matter_errors_name_the_line_and_python_tags_are_refused():
    doc = parse_document("d.md", "---\ntitle: Ledger\ntype: [prfaq\n---\n\nBody.\n")
    assert doc.front_matter_error.startswith("front matter is not valid YAML (") and doc.front_matter_line == 3
    doc = parse_document("d.md", "---\nx: !!python/object/apply:os.system ['echo pwned']\n---\n\nBody.\n")
    assert doc.front_matter == {} and "python/object" in doc.front_matter_error


def test_headline_from_front_matter_points_at_the_title():
    text = "---\ntype: press-release\ntitle: Acme Ledger Closes the Books\n---\n\nBody.\n"
    doc = parse_document("d.md", text)
    anatomy = analyse(doc)
    start, end = anatomy.headline.prose.source_span(0, len(anatomy.headline.text))
    assert doc.text[start:end] == "Acme Ledger Closes the Books"
    assert anatomy.headline_cue == "front matter title"


def test_press_release_and_faq_split():
    text = "# Head line for a product\n\n## Sub line.\n\nLead paragraph.\n\n## FAQ\n\n### Why?\n\nBecause.\n"
    anatomy = analyse(parse_document("d.md", text))
    assert anatomy.kind == "prfaq"
    assert anatomy.subheading.text == "Sub line."
    assert anatomy.summary.text == "Lead paragraph."
    assert [b.text for b in anatomy.faq] == ["FAQ", "Why?", "Because."]
    assert all(b.text != "Because." for b in anatomy.press_release)


def test_quotes_with_speaker_role_and_audience():
    text = (
        "# Acme Ledger Closes the Books\n\n"
        '"Ledger is the product our team is proudest of," said Dana Ortiz, CEO of Acme.\n\n'
        '"I close my books on Friday now, not Sunday," said Sam Lee, owner of a bakery in Dayton.\n'
    )
    quotes = analyse(parse_document("d.md", text)).quotes
    assert [(q.speaker, q.audience) for q in quotes] == [("Dana Ortiz", "spokesperson"), ("Sam Lee", "customer")]
    assert quotes[0].role == "CEO of Acme"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.sampled_from(["word", "Acme", "*em*", "**bold text**", "`code`", "[a link](http://x.example)",
                          "stop\\!", "&amp;", "it's", "—", "x"])
_LINES = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)
_BLOCKS = st.tuples(st.sampled_from(["", "# ", "- ", "> ", "1. ", "> - "]), st.lists(_LINES, min_size=1, max_size=3))


def _markdown(blocks):
    out = []
    for marker, lines in blocks:
        indent = " " * len(marker) if marker not in ("> ", "> - ") else ("> " if marker == "> " else ">   ")
        out.append(marker + lines[0] + "".join("\n" + indent + line for line in lines[1:] if marker != "# "))
    return "\n\n".join(out) + "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(_BLOCKS, min_size=1, max_size=5))
def test_prose_characters_map_to_their_source_on_one_line_or_many(blocks):
    """Blocks of one line take a shortcut from content to source offsets; both ways must land on the character."""
    doc = parse_document("d.md", _markdown(blocks))
    for block in doc.blocks:
        prose = block.prose
        for i in range(len(prose.text) if prose else 0):
            if any(s <= i < e for s, e in prose.opaque) or any(l.auto for l in prose.links):
                continue
            _assert_maps_to_its_source(doc, prose, i)


def test_a_markdown_it_linkify_failure_still_parses_the_draft_with_its_links():
    # markdown-it-py's inline linkify rule raises on this while reading a link label
    doc = parse_document("d.md", "# Plan\n\nSee example.com[http://http:// or https://acme.example.com/help today.\n")
    paragraph = [b for b in doc.blocks if b.kind == "paragraph"][0]
    assert paragraph.prose.text.startswith("See example.com[") and paragraph.prose.text.endswith("today.")
    assert "https://acme.example.com/help" in [link.href for link in paragraph.prose.links]
