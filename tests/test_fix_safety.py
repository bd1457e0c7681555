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
    """The text without the word "the" (and one space after it): what a fix must keep, line
    breaks and the spaces of a hard break included."""
    return re.sub(r"\bthe\b ?", "", text)


@pytest.mark.parametrize("paragraph, fixed", [
    ("We like the the cat.", "We like the cat."),
    ("We like the\nthe cow.", "We like the cow."),  # a soft line break is only white space
])
def test_a_repeated_word_in_plain_text_is_still_fixed(in_tmp, run_cli, paragraph, fixed):
    draft = write(in_tmp / "a.md", HEAD + paragraph + "\n")
    fix_repeated(draft, run_cli)
    assert draft.read_text(encoding="utf-8") == HEAD + fixed + "\n"


# -- which files --fix writes, and how ---------------------------------------------------

DOUBLED = HEAD + "Owners close the the books in a day.\n"
SINGLE = HEAD + "Owners close the books in a day.\n"


def test_a_file_reached_twice_is_fixed_once(in_tmp, run_cli):
    draft = write(in_tmp / "docs" / "a.md", DOUBLED)
    (in_tmp / "docs" / "link.md").symlink_to("a.md")
    result = run_cli("check", "--isolated", "--select", "repeated-words", "--fix", "docs", str(in_tmp / "docs" / "a.md"))
    assert draft.read_text(encoding="utf-8") == SINGLE
    assert "fixed 1 problem in 1 file" in result.stderr
    assert result.exit_code == 0, result.stdout  # no path still reports the fixed finding


@pytest.mark.parametrize("when", ["after it was linted", "while it was fixed"])
def test_a_draft_that_changed_is_never_fixed_with_stale_offsets(in_tmp, run_cli, monkeypatch, when):
    from wblint.workspace import Workspace

    draft = write(in_tmp / "a.md", DOUBLED)
    edited = HEAD + "A new first paragraph, written by someone else meanwhile.\n\n" + DOUBLED[len(HEAD):]
    hook = "lint_files" if when == "after it was linted" else "lint_text"
    original = getattr(Workspace, hook)

    def edit_then(self, *args, **kwargs):
        found = original(self, *args, **kwargs)
        if draft.read_text(encoding="utf-8") == DOUBLED:
            draft.write_text(edited, encoding="utf-8")
        return found

    monkeypatch.setattr(Workspace, hook, edit_then)
    result = fix_repeated(draft, run_cli)
    after = draft.read_text(encoding="utf-8")
    if when == "after it was linted":  # linted again as it is now, then fixed
        assert after == edited.replace("the the", "the")
    else:  # it changed under the fix: left as the other writer left it, and said so
        assert after == edited
        assert "a.md: not fixed: it changed while it was being fixed" in result.stderr


def test_fix_writes_only_regular_files_inside_the_scanned_tree(in_tmp, run_cli):
    outside = write(in_tmp / "outside" / "target.md", DOUBLED)
    tree = in_tmp / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "link.md").symlink_to(outside)
    read_only = write(tree / "ro.md", DOUBLED)
    read_only.chmod(0o444)
    linked = write(tree / "linked.md", DOUBLED)
    twin = in_tmp / "outside" / "twin.md"
    twin.hardlink_to(linked)
    inode = linked.stat().st_ino
    result = run_cli("check", "--isolated", "--select", "repeated-words", "--fix", "tree")
    assert outside.read_text(encoding="utf-8") == DOUBLED  # not through a link out of the tree
    assert "tree/sub/link.md: not fixed: it is a symbolic link to a file outside the scanned tree" in result.stderr
    assert read_only.read_text(encoding="utf-8") == DOUBLED and read_only.stat().st_mode & 0o777 == 0o444
    assert "tree/ro.md: not fixed: it is read-only" in result.stderr
    # a hard-linked file is rewritten in place: one inode, both names fixed, mode and owner kept
    assert linked.read_text(encoding="utf-8") == SINGLE and twin.read_text(encoding="utf-8") == SINGLE
    assert linked.stat().st_ino == inode and linked.stat().st_nlink == 2


def test_a_file_that_cannot_be_fixed_is_one_line_and_the_others_are_fixed(in_tmp, run_cli, monkeypatch):
    from wblint import fix
    from wblint.workspace import Workspace

    names = ["a.md", "b.md", "c.md", "d.md"]
    for name in names:
        write(in_tmp / name, DOUBLED)
    original_lint, original_write = Workspace.lint_files, fix.write_atomic

    def lint_then_delete(self, *args, **kwargs):
        found = original_lint(self, *args, **kwargs)
        (in_tmp / "b.md").unlink()  # deleted by someone else before the fixes are written
        return found

    def write_or_fail(path, data):
        if path.name == "c.md":
            raise OSError(28, "No space left on device")
        return original_write(path, data)

    monkeypatch.setattr(Workspace, "lint_files", lint_then_delete)
    monkeypatch.setattr(fix, "write_atomic", write_or_fail)
    result = run_cli("check", "--isolated", "--select", "repeated-words", "--fix", "--output-format", "concise", ".")
    assert [(in_tmp / n).read_text(encoding="utf-8") for n in ("a.md", "d.md")] == [SINGLE, SINGLE]
    problems = [line for line in result.stderr.splitlines() if "not fixed" in line]
    assert problems == ["wblint: warning: b.md: not fixed: it no longer exists (deleted or moved during the scan)",
                        "wblint: warning: c.md: not fixed: cannot write it: No space left on device"]
    assert "fixed 2 problems in 2 files" in result.stderr
    assert "c.md:3:" in result.stdout and "a.md:" not in result.stdout  # what remains is reported
