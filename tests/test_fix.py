"""--fix and --diff: replacements applied exactly, everything else byte for byte, idempotent."""
from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import write
from wblint.diagnostics import Fix
from wblint.fix import RawText, apply_fixes
from wblint.model.source import normalise_newlines

TEXT = "# Acme Ledger\n\nWe utilize receipts in order to close the books.\n\nNothing else to do.\n"
FIXED = "# Acme Ledger\n\nWe use receipts to close the books.\n\nNothing else to do.\n"


@pytest.fixture
def project(in_tmp, team):
    write(in_tmp / ".wblint.yaml", "rules-dirs: [team]\nselect: [team, heading-present]\n")
    return in_tmp


def stamp(path):
    info = os.stat(path)
    return info.st_ino, info.st_mtime_ns, path.read_bytes()


def test_fix_applies_the_replacements_and_reports_what_remains(project, run_cli):
    draft = write(project / "a.md", TEXT + "\nLorem stays.\n")
    result = run_cli("check", "--fix", "a.md")
    assert draft.read_text(encoding="utf-8") == FIXED + "\nLorem stays.\n"
    assert result.stdout.splitlines() == ["a.md",
                                          '  7:1  info     TM002 no-lorem Remove "Lorem"',
                                          "  7 | Lorem stays.",
                                          "    | ^^^^^",
                                          "",
                                          "1 problem (1 info) in 1 file"]
    assert "fixed 2 problems in 1 file" in result.stderr
    assert result.exit_code == 0  # what remains is below --fail-on


def test_a_second_fix_changes_nothing_and_files_without_fixes_are_never_written(project, run_cli):
    draft = write(project / "a.md", TEXT)
    unfixable = write(project / "b.md", "No headline here.\n")  # a finding, but no fix
    clean = write(project / "c.md", "# Clean\n\nAll good.\n")
    before = {p: stamp(p) for p in (unfixable, clean)}
    assert run_cli("check", "--fix", ".").exit_code == 1  # b.md still lacks a headline
    assert {p: stamp(p) for p in (unfixable, clean)} == before
    once = stamp(draft)
    result = run_cli("check", "--fix", ".")
    assert stamp(draft) == once  # not rewritten: same inode, time and bytes
    assert "fixed" not in result.stderr
    assert run_cli("check", "--diff", ".").stdout == ""


def test_fixes_that_make_new_fixable_findings_are_applied_until_stable(in_tmp, run_cli):
    write(in_tmp / "chain" / "chain.yaml", """\
pack: chain
rules:
  - id: CH001
    name: chain
    kind: fixture-replace
    severity: warning
    options: {replacements: {utilize: make use of, make use of: use}}
    message: "{phrase} -> {suggestion}"
    summary: s
    rationale: r
    examples: {bad: "We utilize it.\\n", good: "We use it.\\n"}
""")
    draft = write(in_tmp / "a.md", "We utilize it. Utilize it.\n")
    result = run_cli("check", "--rules-dir", "chain", "--select", "chain", "--fix", "a.md")
    assert draft.read_text(encoding="utf-8") == "We use it. Use it.\n"
    assert result.exit_code == 0 and "fixed 4 problems" in result.stderr


def test_findings_without_a_fix_are_reported_and_left_alone(project, run_cli):
    text = "# Acme\n\nWe do it in order\nto win, and *utilize* it.\n"  # the stand-in offers no fix across a line end
    draft = write(project / "a.md", text)
    result = run_cli("check", "--fix", "--format", "json", "a.md")
    assert draft.read_text(encoding="utf-8") == "# Acme\n\nWe do it in order\nto win, and *use* it.\n"
    assert [(d["line"], d["name"]) for d in json.loads(result.stdout)] == [(3, "plain-words")]


ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("codec,bom", ENCODINGS, ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom"])
def test_line_ends_and_encoding_survive_and_only_the_fixed_text_changes(project, run_cli, newline, codec, bom):
    original = TEXT.replace("\n", newline)
    expected = FIXED.replace("\n", newline)
    draft = project / "a.md"
    draft.write_bytes(bom + original.encode(codec))
    diff = run_cli("check", "--diff", "a.md")
    assert draft.read_bytes() == bom + original.encode(codec)  # --diff writes nothing
    assert diff.exit_code == 1
    # (patch splits lines at LF only, so a CR-only file diffs as one line)
    assert f"We use receipts to close the books.{newline}".encode() in diff.stdout_bytes
    result = run_cli("check", "--fix", "a.md")
    assert result.exit_code == 0, result.output
    assert draft.read_bytes() == bom + expected.encode(codec)
    assert run_cli("check", "--diff", "a.md").stdout == ""


def test_the_diff_applies_with_patch_to_the_same_result_as_fix(project, run_cli, tmp_path):
    write(project / "docs" / "a.md", TEXT)
    (project / "docs" / "b.md").write_bytes(b"# B\r\n\r\nUtilize it, then utilize it again.")  # CRLF, no last newline
    shutil.copytree(project / "docs", tmp_path / "copy")
    diff = run_cli("check", "--diff", "docs")
    assert diff.exit_code == 1
    assert diff.stdout.startswith("--- docs/a.md\n+++ docs/a.md\n@@ ")
    assert "\\ No newline at end of file" in diff.stdout
    patched = tmp_path / "patched"
    shutil.copytree(project / "docs", patched / "docs")
    subprocess.run(["patch", "-p0", "--quiet", "--binary"], input=diff.stdout.encode("utf-8"), cwd=patched,
                   check=True)
    run_cli("check", "--fix", "docs")
    for name in ("a.md", "b.md"):
        assert (patched / "docs" / name).read_bytes() == (project / "docs" / name).read_bytes()
    assert (project / "docs" / "b.md").read_bytes() == b"# B\r\n\r\nUse it, then use it again."


def test_fix_keeps_permissions_and_writes_through_symlinks(project, run_cli):
    target = write(project / "real" / "a.md", TEXT)
    target.chmod(0o640)
    link = project / "a.md"
    link.symlink_to(target)
    assert run_cli("check", "--fix", "a.md").exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in (project / "real").iterdir()] == ["a.md"]  # no temporary file left behind


def test_fix_and_diff_on_stdin(project, run_cli):
    result = run_cli("check", "--fix", "-", input=TEXT + "Lorem.\n")
    assert result.stdout == FIXED + "Lorem.\n"  # the fixed draft on stdout
    assert 'TM002 no-lorem Remove "Lorem"' in result.stderr  # what remains on stderr
    diff = run_cli("check", "--diff", "--stdin-filename", "draft.md", input=TEXT)
    assert diff.exit_code == 1 and diff.stdout.startswith("--- draft.md\n+++ draft.md\n")
    crlf = TEXT.replace("\n", "\r\n").encode("utf-8")
    raw = run_cli("check", "--fix", "-", input=crlf)
    assert raw.stdout_bytes == FIXED.replace("\n", "\r\n").encode("utf-8")


# -- apply_fixes, against an independent offset map --------------------------------------


def test_overlapping_fixes_apply_the_first_and_skip_the_rest():
    text, count = apply_fixes("abcdef", [Fix(1, 3, "X"), Fix(2, 4, "Y"), Fix(4, 5, "Z"), Fix(1, 3, "X")])
    assert (text, count) == ("aXdZf", 2)


def test_a_replacement_newline_takes_the_files_line_end():
    assert apply_fixes("a\r\nb\r\n", [Fix(2, 3, "x\ny")]) == ("a\r\nx\r\ny\r\n", 1)


def _raw_offsets(raw: str) -> list[int]:
    """For each normalised character, its raw offset (plus the end)."""
    offsets, i = [], 0
    while i < len(raw):
        offsets.append(i)
        i += 2 if raw.startswith("\r\n", i) else 1
    return offsets + [len(raw)]


@st.composite
def text_and_fixes(draw):
    raw = "".join(draw(st.lists(st.sampled_from(["a", "b", " ", "é", "\n", "\r\n", "\r"]), max_size=40)))
    size = len(normalise_newlines(raw))
    points = sorted(draw(st.lists(st.integers(0, size), max_size=8)))
    fixes = [Fix(points[i], points[i + 1], draw(st.text("xyz", max_size=3)))
             for i in range(0, len(points) - 1, 2) if points[i] < points[i + 1]]
    return raw, fixes


@settings(max_examples=300, deadline=None)
@given(text_and_fixes())
def test_fixes_change_exactly_their_spans_and_keep_every_other_character(case):
    raw, fixes = case
    offsets = _raw_offsets(raw)
    expected = raw
    for fix in reversed(fixes):
        expected = expected[:offsets[fix.start]] + fix.replacement + expected[offsets[fix.end]:]
    assert apply_fixes(raw, fixes) == (expected, len(fixes))
    assert apply_fixes(raw, []) == (raw, 0)


def test_raw_text_round_trips_its_bytes():
    for codec, bom in ENCODINGS:
        data = bom + "é\r\nx".encode(codec)
        raw = RawText.from_bytes(data)
        assert raw.text == "é\r\nx" and raw.encode() == data



def test_builtin_wordy_phrases_fix_end_to_end(tmp_path, run_cli):
    draft = tmp_path / "draft.md"
    draft.write_bytes(
        b"# Acme Ledger Closes the Books\r\n\r\nIn order to start, owners utilize the app prior to lunch.\r\n"
    )
    first = run_cli("check", "--isolated", "--select", "wordy-phrases", "--fix", str(draft))
    assert draft.read_bytes() == b"# Acme Ledger Closes the Books\r\n\r\nTo start, owners use the app before lunch.\r\n"
    assert first.exit_code == 0
    before = draft.stat().st_mtime_ns
    second = run_cli("check", "--isolated", "--select", "wordy-phrases", "--fix", str(draft))
    assert second.exit_code == 0 and draft.stat().st_mtime_ns == before


def test_fixes_come_back_from_the_result_cache(project, run_cli, monkeypatch):
    monkeypatch.delenv("WBLINT_NO_CACHE")
    draft = write(project / "a.md", TEXT)
    cold = run_cli("check", "--diff", "--cache-dir", "cache", "a.md")
    assert any((project / "cache").rglob("*.json"))
    warm = run_cli("check", "--diff", "--cache-dir", "cache", "a.md")
    assert warm.stdout == cold.stdout and "+We use receipts to close the books." in warm.stdout
    assert run_cli("check", "--fix", "--cache-dir", "cache", "a.md").exit_code == 0
    assert draft.read_text(encoding="utf-8") == FIXED
