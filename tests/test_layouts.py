"""Layouts real teams use, read right: each fixture in fixtures/layouts is written in our own
words after a class of layout seen in public drafts (see issue 12)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

LAYOUTS = Path(__file__).parent.parent / "fixtures" / "layouts"


@pytest.fixture
def outline(run_cli):
    def run(name: str) -> dict:
        result = run_cli("outline", "--format", "json", str(LAYOUTS / name))
        assert result.exit_code == 0, result.output
        return json.loads(result.output)
    return run


@pytest.fixture
def findings(run_cli):
    def run(name: str) -> list[tuple[str, int]]:
        result = run_cli("check", "--no-cache", "--format", "json", str(LAYOUTS / name))
        return [(f["name"], f["line"]) for f in json.loads(result.output)]
    return run


def _read(run_cli, path: Path, text: str) -> tuple[dict, set[tuple[str, int]]]:
    """The outline of ``text`` written to ``path``, and its findings as (rule name, line)."""
    path.write_text(text, encoding="utf-8")
    data = json.loads(run_cli("outline", "--format", "json", str(path)).output)
    found = json.loads(run_cli("check", "--no-cache", "--format", "json", str(path)).output)
    return data, {(f["name"], f["line"]) for f in found}


def _rules(found: list[tuple[str, int]]) -> set[str]:
    return {name for name, _ in found}


def test_document_title_and_press_release_heading_are_not_the_headline(outline, findings):
    data = outline("title-above-release.md")
    assert data["title"]["line"] == 1
    assert (data["headline"]["line"], data["subheading"]["line"]) == (9, 11)
    assert data["press_release"]["line"] == 9
    assert data["dateline"]["line"] == 15  # the FOR IMMEDIATE RELEASE label is skipped
    rules = _rules(findings("title-above-release.md"))
    assert not rules & {"heading-present", "heading-length", "subheading-one-sentence", "dateline"}


def test_bold_q_lines_with_the_answer_on_the_next_line(outline, findings):
    data = outline("title-above-release.md")
    questions = [(q["line"], q["question"], q["answer"]["line"] if q["answer"] else None)
                 for q in data["faq"]["questions"]]
    assert questions == [(31, "Does it work with printed papers?", 31), (34, "What does it cost?", 34)]
    assert not _rules(findings("title-above-release.md")) & {"faq-question-mark", "faq-answered"}


def test_tenets_metrics_and_appendix_are_other_sections(outline):
    data = outline("title-above-release.md")
    headings = [s["heading"] for s in data["other"]]
    assert headings == ["Quillstack — PR/FAQ", "Success Metrics", "Tenets", "Appendix"]
    assert data["faq"]["end_line"] < data["other"][1]["line"]


def test_a_prompt_in_a_block_quote_is_no_quotation_but_template_text(outline, findings):
    data = outline("template-leftovers.md")
    assert [(q["line"], q["audience"]) for q in data["quotes"]] == [(17, "customer"), (19, "spokesperson")]
    found = findings("template-leftovers.md")
    assert ("placeholder-text", 15) in found
    assert ("quote-attribution", 15) not in found


def test_a_release_label_is_neither_sub_heading_nor_dateline(outline, findings):
    data = outline("template-leftovers.md")
    assert data["subheading"]["line"] == 7
    assert data["dateline"] is None
    assert ("dateline", 11) in findings("template-leftovers.md")


def test_lower_case_product_and_boilerplate_sections(outline, findings):
    data = outline("template-leftovers.md")
    assert data["product"]["name"] == "hearth"
    assert "solution" in {p["part"] for p in data["parts"]}
    assert [s["heading"] for s in data["other"] if s["heading"]][1:] == ["About Hearth", "Licence"]
    assert 15 in [s["line"] for s in data["other"]]  # the prompt left in a block quote
    found = findings("template-leftovers.md")
    assert not [line for name, line in found if line >= 23]  # nothing in About or Licence
    assert ("faq-present", 21) in found  # titled PRFAQ, and no FAQ in it


def test_bold_first_line_headline_q_a_lines_and_open_questions(outline, findings):
    data = outline("bold-headline-qa-lines.md")
    assert (data["headline"]["line"], data["subheading"]["line"], data["dateline"]["line"]) == (1, 3, 7)
    assert [q["line"] for q in data["faq"]["questions"]] == [23, 26]
    assert [s["heading"] for s in data["other"]] == ["Open Questions"]
    assert {q["audience"] for q in data["quotes"]} == {"spokesperson", "customer"}
    found = _rules(findings("bold-headline-qa-lines.md"))
    assert not found & {"heading-present", "spokesperson-quote", "customer-quote", "faq-question-mark"}
    assert "faq-audiences" in found  # open questions are not an internal FAQ


def test_an_about_paragraph_is_boilerplate_not_the_call_to_action(run_cli, tmp_path):
    data, found = _read(run_cli, tmp_path / "about.md",
                        "# Acme Lets Bakers Track Flour in Every Bin as They Bake\n\n"
                        "LEEDS, UK — May 1, 2027 — Acme today launched Sift, a scale for bakers.\n\n"
                        "Bakers run out of flour mid-batch and throw the dough away.\n\n"
                        "Sift weighs each bin and orders more before it runs out.\n\n"
                        "About Acme: Acme makes kitchen tools in Leeds. Visit acme.example to learn more.\n")
    assert data["press_release"]["end_line"] == 7
    assert [s["line"] for s in data["other"]] == [9]
    assert "call-to-action" in _rules(found)


def test_a_template_quote_slot_filled_without_quote_marks_is_a_quote_to_attribute(run_cli, tmp_path):
    data, found = _read(run_cli, tmp_path / "slot.md",
                        "# Acme Lets Bakers Track Flour in Every Bin as They Bake\n\n"
                        "LEEDS, UK — May 1, 2027 — Acme today launched Sift, a scale for bakers.\n\n"
                        "*Customer quote*: I stopped running out of rye in the middle of a bake.\n")
    assert [(q["line"], q["audience"], q["speaker"]) for q in data["quotes"]] == [(5, "customer", None)]
    assert ("quote-attribution", 5) in found


def test_sub_headings_inside_an_answer_belong_to_it_and_sections_after_the_faq_are_other(run_cli, tmp_path):
    data, _ = _read(
        run_cli, tmp_path / "rfc.md",
        "# Faster Builds\n\nAn RFC.\n\n## Working Backwards\n\n### Blog post\n\n"
        "#### Acme Builds Now Finish in Half the Time for Every Team\n\n"
        "LEEDS, UK — May 1, 2027 — Acme today launched Quickbuild, a build cache for teams.\n\n"
        "## FAQ\n\n### What alternatives did you consider?\n\n#### A plugin system\n\n"
        "Plugins would let each team write its own cache.\n\n#### Doing nothing\n\n"
        "Builds would stay slow.\n\n## Specification\n\nThe cache keys are content hashes.\n")
    assert (data["title"]["line"], data["headline"]["line"]) == (1, 9)
    questions = data["faq"]["questions"]
    assert [(q["line"], q["answer"]["line"], q["answer"]["end_line"]) for q in questions] == [(15, 17, 23)]
    assert [s["heading"] for s in data["other"]] == ["Faster Builds", "Specification"]


def test_a_forms_own_instructions_after_the_release_are_not_release_prose(run_cli, tmp_path):
    data, found = _read(run_cli, tmp_path / "signoff.md",
                        "# Acme Lets Bakers Track Flour in Every Bin as They Bake\n\n"
                        "LEEDS, UK — May 1, 2027 — Acme today launched Sift, a scale for bakers.\n\n"
                        "---\n\n"
                        "Ticking the box below indicates that this document has been reviewed and was "
                        "approved by the team lead.\n\n"
                        "```\n[ ] Signed off by @lead\n```\n")
    assert [s["line"] for s in data["other"]] == [7]
    assert not {name for name, line in found if line == 7}
