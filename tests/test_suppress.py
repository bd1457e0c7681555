"""Inline suppressions: every directive form, rule lists by id/name/group, unused and unknown ones."""
from __future__ import annotations

import json

import pytest

from conftest import write


@pytest.fixture
def lint(in_tmp, team, run_cli):
    """Lint one draft with the team pack (plain-words, no-lorem) and heading-present; [(line, name)]."""
    write(in_tmp / ".wblint.yaml", "rules-dirs: [team]\nselect: [team, heading-present]\n")

    def run(text: str, *flags: str) -> list[tuple[int, str]]:
        write(in_tmp / "draft.md", text)
        result = run_cli("check", "--format", "json", *flags, "draft.md")
        assert result.exit_code in (0, 1), result.output
        found = json.loads(result.stdout)
        assert result.exit_code == (1 if any(d["severity"] != "info" for d in found) else 0)
        return [(d["line"], d["name"]) for d in found]

    def messages(text: str, *flags: str) -> list[tuple[int, str, str]]:
        write(in_tmp / "draft.md", text)
        result = run_cli("check", "--format", "json", *flags, "draft.md")
        return [(d["line"], d["rule"], d["message"]) for d in json.loads(result.stdout)]

    run.messages = messages
    return run


HEAD = "# Acme Ledger\n\n"


def test_without_directives_every_finding_is_reported(lint):
    assert lint(HEAD + "We utilize it.\n\nWe utilize lorem.\n") == [
        (3, "plain-words"), (5, "plain-words"), (5, "no-lorem")]


def test_disable_until_enable(lint):
    text = HEAD + ("We utilize it.\n\n<!-- wblint-disable plain-words -->\n\nWe utilize it.\n\nUtilize that.\n\n"
                   "<!-- wblint-enable -->\n\nWe utilize it again.\n")
    assert lint(text) == [(3, "plain-words"), (13, "plain-words")]


def test_disable_without_enable_reaches_the_end_and_no_list_means_every_rule(lint):
    text = HEAD + "Utilize one.\n\n<!-- wblint-disable -->\n\nWe utilize lorem.\n\nUtilize lorem.\n"
    assert lint(text) == [(3, "plain-words")]


def test_rules_by_id_name_or_group_comma_or_space_separated(lint):
    body = "We utilize lorem.\n"
    assert lint(HEAD + "<!-- wblint-disable TM001, no-lorem -->\n" + body) == []
    assert lint(HEAD + "<!-- wblint-disable plain-words no-lorem -->\n" + body) == []
    assert lint(HEAD + "<!-- wblint-disable team -->\n" + body) == []
    assert lint(HEAD + "<!-- wblint-disable tm002 -->\n" + body) == [(4, "plain-words")]


def test_enable_with_a_list_re_enables_only_those_rules(lint):
    text = HEAD + ("<!-- wblint-disable -->\n\nUtilize lorem.\n\n<!-- wblint-enable plain-words -->\n\n"
                   "Utilize lorem.\n\n<!-- wblint-enable -->\n\nUtilize lorem.\n")
    assert lint(text) == [(9, "plain-words"), (13, "plain-words"), (13, "no-lorem")]
    text = HEAD + ("<!-- wblint-disable plain-words, no-lorem -->\n\nUtilize lorem.\n\n"
                   "<!-- wblint-enable TM002 -->\n\nUtilize lorem.\n")
    assert lint(text) == [(9, "no-lorem")]


def test_disable_next_line_covers_only_the_next_line(lint):
    text = HEAD + ("<!-- wblint-disable-next-line plain-words -->\nWe utilize lorem\nand utilize it.\n\n"
                   "Utilize it.\n")
    assert lint(text) == [(4, "no-lorem"), (5, "plain-words"), (7, "plain-words")]
    inline = HEAD + "We said so. <!-- wblint-disable-next-line -->\nWe utilize lorem.\nUtilize.\n"
    assert lint(inline) == [(5, "plain-words")]


def test_disable_line_covers_the_comments_own_line(lint):
    text = HEAD + "We utilize lorem. <!-- wblint-disable-line plain-words -->\nWe utilize it.\n"
    assert lint(text) == [(3, "no-lorem"), (4, "plain-words")]


def test_disable_file_works_from_anywhere_in_the_file(lint):
    text = "We utilize lorem.\n\nUtilize it.\n\n<!-- wblint-disable-file heading-present, plain-words -->\n"
    assert lint(text) == [(1, "no-lorem")]
    assert lint("Utilize lorem.\n<!-- wblint-disable-file -->\n") == []


def test_a_reason_after_two_dashes_is_allowed(lint):
    text = HEAD + "<!-- wblint-disable-next-line plain-words -- legal insists on this wording -->\nWe utilize it.\n"
    assert lint(text) == []


def test_directives_in_code_are_examples_not_directives(lint):
    text = HEAD + "```markdown\n<!-- wblint-disable -->\n```\n\nWe utilize it.\n\n`<!-- wblint-disable -->` utilize\n"
    assert lint(text) == [(7, "plain-words"), (9, "plain-words")]


def test_suppressions_stay_in_their_own_file(lint, in_tmp, run_cli):
    write(in_tmp / "other.md", HEAD + "We utilize it.\n")
    lint(HEAD + "<!-- wblint-disable -->\nWe utilize it.\n")
    result = run_cli("check", "--format", "json", "draft.md", "other.md")
    assert [(d["path"], d["line"]) for d in json.loads(result.stdout)] == [("other.md", 3)]


def test_unknown_rules_and_directives_are_reported_with_a_suggestion(lint):
    found = lint.messages(HEAD + "<!-- wblint-disable plain-wrods, no-lorem -->\nWe utilize lorem.\n")
    assert found == [
        (3, "WB005", "unknown rule 'plain-wrods' in wblint-disable; did you mean 'plain-words'?; it silences nothing"),
        (4, "TM001", 'Say "use", not "utilize"'),
    ]
    found = lint.messages(HEAD + "<!-- wblint-disabel plain-words -->\nWe utilize it.\n")
    assert found[0] == (3, "WB005", "unknown directive 'wblint-disabel'; did you mean 'wblint-disable'?")
    assert lint(HEAD + "<!-- wblint-disable nothing-like-this -->\nWe utilize it.\n") == [
        (3, "invalid-suppression"), (4, "plain-words")]  # an all-unknown list silences nothing


def test_report_unused_disables(lint):
    text = HEAD + ("<!-- wblint-disable-next-line plain-words, no-lorem -->\nWe utilize it.\n\n"
                   "<!-- wblint-disable-line plain-words -->\n\n<!-- wblint-disable-file heading-present -->\n\n"
                   "<!-- wblint-disable length -->\n\n<!-- wblint-enable plain-words -->\n")
    assert lint(text) == []  # nothing reported without the flag (length is not even selected)
    found = lint.messages(text, "--report-unused-disables")
    assert found == [
        (3, "WB004", "wblint-disable-next-line no-lorem silenced nothing; remove 'no-lorem' from it"),
        (6, "WB004", "wblint-disable-line plain-words silenced nothing; remove 'plain-words' from it"),
        (8, "WB004", "wblint-disable-file heading-present silenced nothing; remove 'heading-present' from it"),
        (12, "WB004", "wblint-enable re-enables nothing: no wblint-disable above it covers these rules; remove it"),
    ]
    used = HEAD + "<!-- wblint-disable -->\nWe utilize it.\n<!-- wblint-enable -->\n"
    assert lint(used, "--report-unused-disables") == []
    unused = HEAD + "<!-- wblint-disable -->\nNothing to see.\n"
    assert lint.messages(unused, "--report-unused-disables") == [
        (3, "WB004", "wblint-disable silenced nothing; remove it")]
