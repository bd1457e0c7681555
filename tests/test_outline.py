"""The document model, tested through `wblint outline --format json`."""
from __future__ import annotations

import json
import textwrap

import pytest

PLAIN = textwrap.dedent("""\
    # Tidy Lets Laundromat Customers Pay for a Machine From Their Phone

    *People who wash clothes at a laundromat pay with one tap instead of a roll of quarters.*

    COLUMBUS, OH — May 4, 2027 — Suds Co today launched Tidy, an app that starts a washer or dryer from your phone.

    Most laundromats still take only quarters. Customers drive to a bank for coins, and when the change machine is empty they go home with a bag of dirty laundry.

    Tidy turns every machine into one you pay for with your phone. It texts you five minutes before the cycle ends.

    "Owners told us half their complaints were about coins," said Rosa Delgado, chief executive of Suds Co. "In the pilot, machines ran 18 percent more cycles."

    To get started, download Tidy and scan the sticker on any machine. It takes about a minute.

    "I used to keep a jar of quarters by the door," said Marcus Reed, a bus driver in Dayton.

    Visit tidy.example.com to find a laundromat near you.

    ## FAQ

    ### Customer FAQ

    **How much does Tidy cost?**

    Tidy is free.

    ### Internal FAQ

    **What are the risks?**

    Card readers failing in humid rooms.
    """)

HEADED = textwrap.dedent("""\
    ---
    type: prfaq
    title: Tidy Lets Laundromat Customers Pay for a Machine From Their Phone
    ---

    **People who wash clothes at a laundromat pay with one tap instead of a roll of quarters.**

    COLUMBUS--(Business Wire)--May 4, 2027--Suds Co today launched Tidy.

    ## The Problem

    Customers carry rolls of quarters.

    ## How It Works

    You scan the sticker on the washer and pay with a card.

    ## Getting Started

    ```bash
    tidy pair --machine 12
    ```

    ## Customer Quote

    > "I start the dryer from the bench now."
    >
    > — Marcus Reed, a bus driver in Dayton

    ## Call to Action

    Read more at [tidy.example.com](https://tidy.example.com).
    """)


@pytest.fixture
def outline(run_cli, tmp_path):
    def run(text: str, *args: str) -> dict:
        path = tmp_path / "draft.md"
        path.write_text(text, encoding="utf-8")
        result = run_cli("outline", "--format", "json", *args, str(path))
        assert result.exit_code == 0, result.output + result.stderr
        return json.loads(result.output)

    return run


def _parts(data: dict) -> list[tuple[str, int, str]]:
    return [(p["part"], p["line"], p["cue_kind"]) for p in data["parts"]]


def test_plain_prose_draft(outline):
    data = outline(PLAIN)
    assert data["kind"] == "prfaq" and data["kind_cue"] == "press release followed by an FAQ"
    assert data["headline"]["line"] == 1 and data["headline"]["cue"] == "first level-1 heading"
    assert data["subheading"]["line"] == 3 and data["subheading"]["cue"] == "emphasised line under the headline"
    assert data["dateline"] == {"text": "COLUMBUS, OH — May 4, 2027 —", "city": "COLUMBUS, OH", "date": "May 4, 2027",
                                "wire": None, "line": 5, "opens_summary": True}
    assert data["product"]["name"] == "Tidy" and data["company"] == "Suds Co"
    assert _parts(data) == [
        ("summary", 5, "position"),
        ("problem", 7, "content"),
        ("solution", 9, "content"),
        ("spokesperson-quote", 11, "quote"),
        ("getting-started", 13, "content"),  # "To get started, download Tidy": a first step, not the close
        ("customer-quote", 15, "quote"),
        ("call-to-action", 17, "content"),
    ]
    problem = next(p for p in data["parts"] if p["part"] == "problem")
    assert "does not name Tidy" in problem["cue"] and '"drive to"' in problem["cue"]
    cta = [p for p in data["parts"] if p["part"] == "call-to-action"][-1]
    assert cta["line"] == 17 and "tidy.example.com" in cta["cue"]
    assert data["missing_parts"] == []


def test_quotes_carry_speaker_role_and_audience(outline):
    quotes = outline(PLAIN)["quotes"]
    assert [(q["line"], q["speaker"], q["role"], q["audience"]) for q in quotes] == [
        (11, "Rosa Delgado", "chief executive of Suds Co", "spokesperson"),
        (15, "Marcus Reed", "a bus driver in Dayton", "customer"),
    ]
    assert "18 percent" in quotes[0]["text"]  # both quotations of the paragraph, one speaker


def test_faq_pairs_with_positions_and_audience(outline):
    faq = outline(PLAIN)["faq"]
    assert faq["line"] == 19 and faq["cue"] == 'heading "FAQ"'
    assert [(s["heading"], s["audience"]) for s in faq["sections"]] == [("Customer FAQ", "external"),
                                                                      ("Internal FAQ", "internal")]
    assert [(q["question"], q["line"], q["column"], q["shape"], q["audience"]) for q in faq["questions"]] == [
        ("How much does Tidy cost?", 23, 3, "bold", "external"),
        ("What are the risks?", 29, 3, "bold", "internal"),
    ]
    assert faq["questions"][0]["answer"] == {"line": 25, "end_line": 25, "words": 3, "text": "Tidy is free.",
                                             "code": False}


def test_headed_draft_front_matter_title_and_sections(outline):
    data = outline(HEADED)
    assert data["kind_cue"] == "front matter type"
    assert data["headline"]["cue"] == "front matter title" and data["headline"]["line"] == 3
    assert data["subheading"]["line"] == 6
    assert data["dateline"]["wire"] == "Business Wire" and data["dateline"]["city"] == "COLUMBUS"
    assert _parts(data) == [
        ("summary", 8, "position"),
        ("problem", 10, "heading"),
        ("solution", 14, "heading"),
        ("getting-started", 18, "heading"),  # a code block is the whole section
        ("customer-quote", 26, "quote"),
        ("call-to-action", 30, "heading"),
    ]
    assert next(p for p in data["parts"] if p["part"] == "problem")["cue"] == 'heading "The Problem"'
    assert next(p for p in data["parts"] if p["part"] == "getting-started")["end_line"] == 22
    [quote] = data["quotes"]
    assert (quote["speaker"], quote["audience"], quote["speaker_cue"]) == (
        "Marcus Reed", "customer", "attribution line after the quote")
    assert data["faq"] is None


def test_missing_parts_are_listed(outline):
    data = outline("# Tidy Lets Laundromat Customers Pay for a Machine\n\nSuds Co today launched Tidy.\n")
    assert data["dateline"] is None
    assert data["missing_parts"] == ["problem", "solution", "getting-started", "call-to-action"]


FAQ_SHAPES = textwrap.dedent("""\
    ## FAQ

    Q: How much does Tidy cost?
    A: Nothing.

    **Does it work offline?** Yes, the reader keeps working.

    - Can I pay with cash? Yes, the coin slot still works.

    How do refunds work?
    : Tap the receipt and choose refund.

    ### Pricing

    Free for customers.

    | Question | Answer |
    |---|---|
    | Is there a fee? | No. |

    ### How will we measure success?

    ```
    cycles per machine per week
    ```
    """)


def test_every_faq_question_shape(outline):
    questions = outline(FAQ_SHAPES)["faq"]["questions"]
    assert [(q["question"], q["shape"], q["line"]) for q in questions] == [
        ("How much does Tidy cost?", "q-a", 3),
        ("Does it work offline?", "inline", 6),
        ("Can I pay with cash?", "list", 8),
        ("How do refunds work?", "definition", 10),
        ("Pricing", "heading", 13),
        ("Is there a fee?", "table", 19),
        ("How will we measure success?", "heading", 21),
    ]
    answers = [q["answer"] and q["answer"]["text"] for q in questions]
    assert answers[:6] == ["Nothing.", "Yes, the reader keeps working.", "Yes, the coin slot still works.",
                           "Tap the receipt and choose refund.", "Free for customers.", "No."]
    assert questions[6]["answer"]["code"] is True
    # no audience headings: the company asking itself how it measures success is internal
    assert [q["audience"] for q in questions] == ["external"] * 6 + ["internal"]
    assert questions[6]["audience_cue"] == 'no audience heading; the company asks itself about "measure"'


def test_audience_from_a_heading_that_names_the_company(outline):
    text = PLAIN.replace("### Internal FAQ", "### For Suds Co").replace("### Customer FAQ", "### For laundromat customers")
    faq = outline(text)["faq"]
    assert [(s["audience"], s["cue"]) for s in faq["sections"]] == [
        ("external", 'heading "For laundromat customers"'),
        ("internal", 'heading "For Suds Co" names the company'),
    ]


@pytest.mark.parametrize("lead, city, date, wire", [
    ("SEATTLE, WA — March 3, 2027 — Acme today launched Ledger.", "SEATTLE, WA", "March 3, 2027", None),
    ("SEATTLE--(Business Wire)--December 1, 2020-- Today, Acme launched Ledger.", "SEATTLE", "December 1, 2020",
     "Business Wire"),
    ("LISBON – (Mar 2026) – Acme today launched Ledger.", "LISBON", "Mar 2026", None),
    ("São Paulo, Brazil - 7 July 2026 - Acme today launched Ledger.", "São Paulo, Brazil", "7 July 2026", None),
    ("NEW YORK, NY, Tuesday, June 2, 2026 — Acme today launched Ledger.", "NEW YORK, NY", "Tuesday, June 2, 2026", None),
    ("March 3, 2027 — Acme today launched Ledger.", None, "March 3, 2027", None),
    ("SEATTLE — Acme today launched Ledger.", "SEATTLE", None, None),
])
def test_dateline_forms(outline, lead, city, date, wire):
    dateline = outline(f"# Acme Ledger Closes a Bakery's Books in Ten Minutes\n\n{lead}\n")["dateline"]
    assert (dateline["city"], dateline["date"], dateline["wire"]) == (city, date, wire)


def test_no_dateline_in_an_ordinary_lead(outline):
    assert outline("# Acme Ledger\n\nAcme today launched Ledger, a bookkeeping app.\n")["dateline"] is None


def test_a_letter(outline):
    data = outline("Dear bakery owners,\n\nStarting today, Ledger reads your receipts.\n\nSincerely,\n\nDana Ortiz\n")
    assert (data["kind"], data["kind_cue"]) == ("dear-customer-letter", "opens with a 'Dear …,' salutation")
    assert data["dateline"] is None


def test_kind_option_sets_the_default_kind(outline):
    assert outline("# Tidy\n\nSuds Co today launched Tidy.\n", "--kind", "prfaq")["kind_cue"] == "configured default-kind"


def test_text_format(run_cli, tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(PLAIN, encoding="utf-8")
    result = run_cli("outline", str(path))
    assert result.exit_code == 0
    out = result.output
    assert out.startswith(f"{path}: prfaq (press release followed by an FAQ)") or ": prfaq (" in out.splitlines()[0]
    for fragment in ("headline      1", "dateline      5      COLUMBUS, OH — May 4, 2027 —", "problem",
                     "spokesperson  Rosa Delgado, chief executive of Suds Co", "external  [heading \"Customer FAQ\"]",
                     "How much does Tidy cost?", "answer 25, 3 words"):
        assert fragment in out, fragment


def test_unreadable_file_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("outline", str(tmp_path / "missing.md"))
    assert result.exit_code == 2
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x00\x01\x02")
    result = run_cli("outline", str(binary))
    assert result.exit_code == 2 and "binary" in result.stderr


def test_we_alone_does_not_make_a_question_internal(outline):
    data = outline(textwrap.dedent("""\
        # Tidy Lets Laundromat Customers Pay for a Machine From Their Phone

        COLUMBUS, OH — May 4, 2027 — Suds Co today launched Tidy.

        ## FAQ

        ### What are we launching today?

        An app that starts a washer from your phone.

        ### How are risk levels shown?

        A colour on each machine.

        ### What is the addressable market?

        Four thousand laundromats in Ohio.
        """))
    assert [q["audience"] for q in data["faq"]["questions"]] == ["external", "external", "internal"]
