"""The readability rule's formulas: each figure is textstat's own on the same text, limits run
the right way, bad options stop the run, and wblint explains how it counts sentences."""
from __future__ import annotations

import re

import pytest
import textstat

from wblint import lint_text
from wblint.explain import explain_page
from wblint.readability.formulas import FORMULAS, linsear_write
from wblint.readability.measure import measure

# Texts whose sentences spaCy and textstat split alike (no "Dr.", no "2.4"): hyphenated words,
# figures, a contraction, a curly apostrophe, a two-word sentence textstat does not count, a
# dash on its own, and one text past the hundred words that Linsear Write (in the consensus) reads.
TEXTS = {
    "dense": (
        "The reconciliation service automatically categorizes heterogeneous expenditure documentation "
        "from every point-of-sale terminal in the bakery’s 2024 inventory. Administrative personnel "
        "consequently experience substantially diminished operational complexity during quarterly "
        "regulatory examinations, and they don't retype a single receipt. Independent proprietors "
        "subsequently receive categorized summaries electronically, with explanations of every adjustment."
    ),
    "plain": (
        "Take a photo of a receipt and Ledger reads it for you. It works. Ledger puts each cost in the "
        "right place on its own. On Friday you see what the whole week cost your shop. The whole thing "
        "takes a few minutes, and you can share it with your bookkeeper."
    ),
    "long": (
        "Acme Ledger is a phone app for people who run a small bakery, a food truck or a corner shop. "
        "You take a photo of each receipt — paper or email — and Ledger reads the shop, the date and "
        "the total. It files the cost under the right heading, such as flour, rent or repairs, and it "
        "learns the headings you use most. Every Friday it sends you one page that shows what the week "
        "cost and how that compares with the week before. Your bookkeeper can open the same page and "
        "download every receipt in one file. Ledger costs $5 a month, and the first 10,000 receipts are "
        "free. Bakers who tried it during the pilot said they spent an hour less on paperwork each week, "
        "and several of them stopped keeping a shoebox of receipts under the counter."
    ),
}
# Every limit set so that any figure is reported: the test reads the figure in the message.
ALWAYS = {"max_grade": -1000.0, "min_ease": 1000.0, "max_dale_chall": -1000.0}


def textstat_figure(formula: str, text: str) -> float:
    function = getattr(textstat, FORMULAS[formula].textstat)
    return function(text, float_output=True) if formula == "consensus" else function(text)


def reported(text: str, **options) -> list:
    return lint_text(f"# Acme Ledger\n\n{text}\n", select=["readability"], rules={"readability": options})


def figure_in(message: str) -> float:
    found = re.search(r"reads at (.+?) (-?\d+(?:\.\d+)?) \(", message)
    assert found, message
    return float(found.group(2))


def sentences_of(text: str) -> list[str]:
    """The sentences of TEXTS, split by hand where both splitters split them."""
    return re.split(r"(?<=[.!?]) ", text)


@pytest.mark.parametrize("text", sorted(TEXTS))
@pytest.mark.parametrize("formula", sorted(FORMULAS))
def test_the_reported_figure_is_textstats_own(formula, text):
    found = reported(TEXTS[text], formula=formula, **ALWAYS)
    assert len(found) == 1
    assert FORMULAS[formula].label in found[0].message
    assert figure_in(found[0].message) == round(textstat_figure(formula, TEXTS[text]), 1)


@pytest.mark.parametrize("text", sorted(TEXTS))
@pytest.mark.parametrize("formula", sorted(FORMULAS))
def test_the_counts_of_the_sentences_give_textstats_figure_exactly(formula, text):
    sentences = sentences_of(TEXTS[text])
    # The texts hold to the premise: textstat counts these sentences too (less the two-word one).
    assert textstat.sentence_count(TEXTS[text]) == sum(len(s.split()) > 2 for s in sentences)
    measures = [measure(s, FORMULAS[formula].needs) for s in sentences]
    assert FORMULAS[formula].of(measures) == textstat_figure(formula, TEXTS[text])


@pytest.mark.parametrize("cut", range(0, 40, 3))
def test_linsear_write_reads_the_first_hundred_words_as_textstat_does(cut):
    """Wherever the hundredth word falls in a sentence (the consensus grade includes Linsear Write)."""
    sentences = sentences_of(TEXTS["long"] + " " + TEXTS["dense"])
    sentences[0] = " ".join(sentences[0].split()[cut:]) or "Ledger reads receipts."
    measures = [measure(s, FORMULAS["consensus"].needs) for s in sentences]
    assert linsear_write(measures) == textstat.linsear_write_formula(" ".join(sentences))


def test_sentences_are_spacys_so_abbreviations_end_none():
    text = ("Dr. Alvarez runs three bakeries in the U.S. and files every receipt with Ledger. She photographs "
            "each receipt at the counter and Ledger reads the shop, the date and the total for her.")
    found = reported(text, **ALWAYS)
    grade = figure_in(found[0].message)
    # textstat ends a sentence at "Dr." and "U.S.": more, shorter sentences, a lower grade.
    assert grade != round(textstat.flesch_kincaid_grade(text), 1)
    # Without those full stops textstat sees the two sentences spaCy sees.
    assert grade == round(textstat.flesch_kincaid_grade(text.replace("Dr.", "Dr").replace("U.S.", "US")), 1)


def test_reading_ease_is_a_floor_and_the_hardest_sentence_has_the_lowest_ease():
    text = TEXTS["plain"] + (" Reconciliation functionality categorizes heterogeneous expenditure documentation "
                             "automatically for administrative personnel.")
    ease = textstat.flesch_reading_ease(text)
    assert 30 < ease < 90
    below = reported(text, formula="flesch-reading-ease", min_ease=ease + 5)
    assert len(below) == 1
    message = below[0].message
    assert f"Flesch reading ease {round(ease, 1)}" in message and "higher is easier" in message
    assert below[0].column == len(TEXTS["plain"]) + 2  # on the polysyllabic sentence, the least easy
    assert reported(text, formula="flesch-reading-ease", min_ease=ease - 5) == []
    # max_grade bounds the grades, not the ease
    assert reported(text, formula="flesch-reading-ease", min_ease=ease - 5, max_grade=-1000.0) == []


def test_dale_chall_has_its_own_limit():
    score = textstat.dale_chall_readability_score(TEXTS["dense"])
    assert reported(TEXTS["dense"], formula="dale-chall", max_dale_chall=score + 1) == []
    found = reported(TEXTS["dense"], formula="dale-chall", max_dale_chall=score - 1, max_grade=1000.0)
    assert len(found) == 1 and f"Dale-Chall score {round(score, 1)}" in found[0].message


def test_the_default_is_the_flesch_kincaid_grade_under_twelve():
    found = reported(TEXTS["dense"])
    assert len(found) == 1
    assert found[0].message.startswith(
        f"Press release reads at Flesch-Kincaid grade {round(textstat.flesch_kincaid_grade(TEXTS['dense']), 1)} "
        "(limit 12.0)")
    assert reported(TEXTS["plain"]) == []


def test_an_unknown_formula_stops_the_run_and_suggests_the_nearest(run_cli, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(f"# Acme Ledger\n\n{TEXTS['dense']}\n", encoding="utf-8")
    config = tmp_path / ".wblint.yaml"
    config.write_text("rules:\n  readability:\n    formula: dale-chal\n", encoding="utf-8")
    result = run_cli("check", "--config", str(config), str(draft))
    assert result.exit_code == 2
    assert "rules.readability.formula" in result.output
    assert "did you mean 'dale-chall'?" in result.output


def test_a_limit_of_the_wrong_type_stops_the_run(run_cli, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(f"# Acme Ledger\n\n{TEXTS['dense']}\n", encoding="utf-8")
    config = tmp_path / ".wblint.yaml"
    config.write_text("rules:\n  readability:\n    min_ease: high\n", encoding="utf-8")
    result = run_cli("check", "--config", str(config), str(draft))
    assert result.exit_code == 2 and "rules.readability.min_ease" in result.output


def test_explain_says_how_sentences_are_counted_and_lists_the_formulas(ruleset):
    page = explain_page(ruleset.find("readability"))
    assert "spaCy" in page and '"Dr."' in page and "textstat" in page
    for name in FORMULAS:
        assert name in page
    assert "higher is easier" in page
