"""Bad input: every case gets a clear one-line diagnostic, and the scan goes on.

Drafts that cannot be read or parsed give read-error/parse-error findings (exit 1),
in every output format; only usage and configuration problems exit 2.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from conftest import SAMPLES
from wblint import lint_text, scan
from wblint.config import Config, activate
from wblint.engine import MAX_DRAFT_BYTES, Linter
from wblint.formats import FORMATTERS
from wblint.rules import load_rules
from wblint.model.source import SourceText
from wblint.yamlfile import ConfigError, load_yaml

GOOD = (SAMPLES / "bad-subheading.md").read_text(encoding="utf-8")


def _check_json(run_cli, *paths: Path, extra: tuple[str, ...] = ()) -> tuple[int, list[dict]]:
    result = run_cli("check", "--jobs", "1", "--format", "json", *extra, *map(str, paths))
    return result.exit_code, json.loads(result.output)


def _by_file(findings: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for item in findings:
        grouped.setdefault(Path(item["path"]).name, []).append(item)
    return grouped


def _one_line(item: dict) -> str:
    assert "\n" not in item["message"] and item["message"].strip()
    return item["message"]


def _file_error(found: list[dict], name: str) -> str:
    assert [d["name"] for d in found] == [name], found
    return _one_line(found[0])


def _positions_inside(text: str, found) -> None:
    source = SourceText(text)
    for d in found:
        for line, column in ((d.line, d.column), (d.end_line, d.end_column)):
            assert 1 <= line <= source.line_count, d
            assert 1 <= column <= len(source.line_text(line - 1)) + 1, d
        assert (d.end_line, d.end_column) >= (d.line, d.column), d


# -- encodings and odd files --------------------------------------------------------------

def test_non_utf8_file(run_cli, tmp_path):
    (tmp_path / "latin1.md").write_bytes("# Caf\xe9 opens\n\nCr\xe8me br\xfbl\xe9e.\n".encode("latin-1"))
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    code, found = _check_json(run_cli, tmp_path)
    grouped = _by_file(found)
    assert "not valid UTF-8" in _file_error(grouped["latin1.md"], "read-error")
    assert "subheading-one-sentence" in {d["name"] for d in grouped["good.md"]}  # the scan went on
    assert code == 1


@pytest.mark.parametrize("encoding,bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff")])
def test_bom_files_lint_like_utf8_with_the_same_positions(run_cli, tmp_path, encoding, bom):
    (tmp_path / "plain.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bom.md").write_bytes(bom + GOOD.encode(encoding))
    _, found = _check_json(run_cli, tmp_path)
    grouped = _by_file(found)
    strip = lambda items: [{k: v for k, v in d.items() if k != "path"} for d in items]  # noqa: E731
    assert grouped["bom.md"] and strip(grouped["bom.md"]) == strip(grouped["plain.md"])


def test_binary_file_named_md(run_cli, tmp_path):
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _, found = _check_json(run_cli, tmp_path / "image.md")
    assert "binary" in _file_error(found, "read-error")


def test_empty_file(run_cli, tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    code, found = _check_json(run_cli, tmp_path / "empty.md")
    assert all(d["name"] not in ("read-error", "parse-error", "internal-error") for d in found)
    assert code in (0, 1)
    assert lint_text("") == lint_text("", path="<text>")


def test_ten_megabyte_file_is_reported_not_linted(run_cli, tmp_path):
    big = tmp_path / "huge.md"
    with open(big, "wb") as out:
        paragraph = (b"The team shipped the product to customers on time. " * 20 + b"\n\n")
        while out.tell() < 10 * 1024 * 1024:
            out.write(paragraph)
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    start = time.perf_counter()
    _, found = _check_json(run_cli, tmp_path)
    assert time.perf_counter() - start < 30
    grouped = _by_file(found)
    message = _file_error(grouped["huge.md"], "read-error")
    assert "too large" in message and "10.5 MB" in message
    assert grouped["good.md"]
    # the same limit holds for text handed to the API
    assert [d.name for d in lint_text("word " * (MAX_DRAFT_BYTES // 4))] == ["read-error"]


def test_crlf_and_lone_cr_keep_exact_positions(run_cli, tmp_path):
    (tmp_path / "lf.md").write_bytes(GOOD.encode())
    (tmp_path / "crlf.md").write_bytes(GOOD.replace("\n", "\r\n").encode())
    (tmp_path / "cr.md").write_bytes(GOOD.replace("\n", "\r").encode())
    _, found = _check_json(run_cli, tmp_path)
    grouped = _by_file(found)
    where = lambda items: [(d["line"], d["column"], d["end_line"], d["end_column"], d["rule"]) for d in items]  # noqa: E731
    assert grouped["lf.md"]
    assert where(grouped["crlf.md"]) == where(grouped["lf.md"]) == where(grouped["cr.md"])


# -- files that change under the scan -----------------------------------------------------

def _linter() -> Linter:
    return Linter(activate(load_rules(), Config()), Config())


def test_file_that_disappears_mid_scan(tmp_path):
    first, gone, last = (tmp_path / f"{n}.md" for n in ("a", "b", "c"))
    for path in (first, gone, last):
        path.write_text(GOOD, encoding="utf-8")

    def paths():
        yield first
        gone.unlink()  # deleted after discovery, before it is read
        yield gone
        yield last

    results = dict(scan.scan(_linter(), paths(), str))
    assert [d.name for d in results[str(gone)]] == ["read-error"]
    assert "no longer exists" in results[str(gone)][0].message
    assert results[str(first)] and results[str(last)]


def test_file_that_becomes_unreadable_mid_scan(tmp_path, monkeypatch):
    for name in ("a.md", "locked.md", "c.md"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if str(file).endswith("locked.md"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)  # root reads anything: simulate chmod 000
    results = dict(scan.scan(_linter(), sorted(tmp_path.glob("*.md")), str))
    locked = results[str(tmp_path / "locked.md")]
    assert [d.name for d in locked] == ["read-error"] and "permission denied" in locked[0].message
    assert results[str(tmp_path / "a.md")] and results[str(tmp_path / "c.md")]


def test_pipe_named_md_is_not_read(run_cli, tmp_path):
    os.mkfifo(tmp_path / "fifo.md")  # reading it would block for ever
    _, found = _check_json(run_cli, tmp_path / "fifo.md")
    assert "not a regular file" in _file_error(found, "read-error")


def test_symlink_loops(run_cli, tmp_path):
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "draft.md").write_text(GOOD, encoding="utf-8")
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)  # directory loop
    (tree / "self.md").symlink_to(tree / "self.md")  # a link to itself
    code, found = _check_json(run_cli, tree)
    grouped = _by_file(found)
    assert "symbolic link loop" in _file_error(grouped["self.md"], "read-error")
    assert set(grouped) == {"self.md", "draft.md"}
    assert code == 1


# -- pathological Markdown ----------------------------------------------------------------

@pytest.mark.parametrize("name,text", [
    ("nested lists", "".join("  " * i + "- item\n" for i in range(400)) + "\nText after.\n"),
    ("nested quotes", ">" * 500 + " deep quote\n\nText after.\n"),
    ("nested mixed", "".join("> " * i + "1. item\n" for i in range(300))),
    ("emphasis", "*a **b " * 5000 + "\n"),
    ("emphasis closers", "a*" * 20000 + "\n"),
    ("underscores", "_" * 30000 + "x" + "_" * 30000 + "\n"),
    ("open brackets", "[" * 30000 + "a" + "\n"),
    ("link nesting", "[a](" * 10000 + "\n"),
    ("images", "![" * 10000 + "\n"),
    ("backticks", "`" * 5000 + "a" + "``" * 5000 + "\n"),
    ("html", "<a " * 10000 + "\n"),
    ("entities", "&#" * 20000 + "\n"),
    ("long line", "word " * 40000 + "\n"),
])
def test_pathological_markdown_lints_quickly_with_positions_inside(name, text):
    start = time.perf_counter()
    found = lint_text(text)
    assert time.perf_counter() - start < 30, name
    assert all(d.name not in ("internal-error",) for d in found), found
    _positions_inside(text, found)


@pytest.mark.parametrize("front_matter,line", [
    ("---\ntitle: [unclosed\n---\n# Headline\n", 2),
    ("---\ntitle: a\n  bad: indent\n---\n# Headline\n", 3),
    ("---\n- a list\n---\n# Headline\n", 2),
    ("---\n!!python/object:os.system x\n---\n# Headline\n", 2),
])
def test_malformed_front_matter(run_cli, tmp_path, front_matter, line):
    (tmp_path / "fm.md").write_text(front_matter, encoding="utf-8")
    _, found = _check_json(run_cli, tmp_path / "fm.md")
    errors = [d for d in found if d["name"] == "parse-error"]
    assert len(errors) == 1 and errors[0]["line"] == line, found
    assert "front matter" in _one_line(errors[0])


# -- rule files and configuration ---------------------------------------------------------

RULE = """\
pack: team
rules:
  - id: TM001
    name: {name}
    kind: {kind}
    severity: warning
    message: "{message}"
    summary: A team rule.
    rationale: Because.
    examples: {{bad: "x", good: "y"}}
    options: {options}
"""


def _pack(tmp_path: Path, text: str) -> Path:
    directory = tmp_path / "team"
    directory.mkdir(exist_ok=True)
    (directory / "team.yaml").write_text(text, encoding="utf-8")
    return directory


def test_rule_file_with_python_tags_is_refused(run_cli, tmp_path):
    directory = _pack(tmp_path, "pack: team\nrules: !!python/object/apply:os.system ['echo pwned']\n")
    result = run_cli("check", "--rules-dir", str(directory), str(SAMPLES / "clean-prfaq.md"))
    assert result.exit_code == 2
    assert "team.yaml:2" in result.stderr and "!!python" in result.stderr
    assert "pwned" not in result.output + result.stderr


def test_config_text_with_python_tags_is_refused():
    with pytest.raises(ConfigError, match=r"wblint\.yaml:1: .*no !!python tags"):
        load_yaml("select: !!python/object/new:os.system [id]\n", ".wblint.yaml")


def test_invalid_user_regex_names_rule_and_file(run_cli, tmp_path):
    directory = _pack(tmp_path, RULE.format(name="no-tbd", kind="pattern", message="Placeholder {text}",
                                            options="{patterns: ['TBD(']}"))
    result = run_cli("check", "--rules-dir", str(directory), str(SAMPLES / "clean-prfaq.md"))
    assert result.exit_code == 2
    assert "team.yaml" in result.stderr and "no-tbd" in result.stderr
    assert "invalid regular expression 'TBD('" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_user_regex_runs_and_locates_matches(run_cli, tmp_path):
    directory = _pack(tmp_path, RULE.format(name="no-tbd", kind="pattern", message="Placeholder {text}",
                                            options="{patterns: ['\\bTBD\\b']}"))
    (tmp_path / "d.md").write_text("# Headline\n\nLaunch date: TBD, and `TBD` in code.\n", encoding="utf-8")
    _, found = _check_json(run_cli, tmp_path / "d.md", extra=("--rules-dir", str(directory), "--select", "no-tbd"))
    assert [(d["line"], d["column"], d["end_column"], d["message"]) for d in found] == [(3, 14, 16, "Placeholder TBD")]


def test_user_regex_anchored_to_a_line_is_found_in_any_paragraph(run_cli, tmp_path):
    # "^" reads a paragraph's start, not a line's: such a pattern is searched paragraph by
    # paragraph, never over the draft's paragraphs joined.
    directory = _pack(tmp_path, RULE.format(name="so-opener", kind="pattern", message="Opener {text}",
                                            options="{patterns: ['^So\\b']}"))
    (tmp_path / "d.md").write_text("# Headline\n\nFirst paragraph.\n\nSo here we are.\n", encoding="utf-8")
    (tmp_path / "e.md").write_text("# Headline\n\nNothing opens with it. So there.\n", encoding="utf-8")
    _, found = _check_json(run_cli, tmp_path, extra=("--rules-dir", str(directory), "--select", "so-opener"))
    assert [(Path(d["path"]).name, d["line"], d["column"]) for d in found] == [("d.md", 5, 1)]


def test_catastrophic_user_regex_is_stopped_and_reported(run_cli, tmp_path, monkeypatch):
    from wblint import userregex

    monkeypatch.setattr(userregex, "MATCH_TIMEOUT", 0.3)
    directory = _pack(tmp_path, RULE.format(name="slow-rule", kind="pattern", message="{text}",
                                            options="{patterns: ['^(a|aa)+$']}"))
    (tmp_path / "slow.md").write_text("# Headline\n\n" + "a" * 80 + "b\n", encoding="utf-8")
    (tmp_path / "fine.md").write_text("# Headline\n\n" + "aaaa\n", encoding="utf-8")
    start = time.perf_counter()
    code, found = _check_json(run_cli, tmp_path, extra=("--rules-dir", str(directory), "--select", "slow-rule"))
    assert time.perf_counter() - start < 20
    grouped = _by_file(found)
    message = _file_error(grouped["slow.md"], "rule-timeout")
    assert "slow-rule" in message and "team.yaml" in message and "'^(a|aa)+$'" in message
    assert [d["message"] for d in grouped["fine.md"]] == ["aaaa"]  # the scan went on
    assert code == 1


# -- exit codes and formats ---------------------------------------------------------------

@pytest.mark.parametrize("output_format", sorted(FORMATTERS))
def test_bad_drafts_are_findings_in_every_format(run_cli, tmp_path, output_format):
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02")
    (tmp_path / "fm.md").write_text("---\nkey: [\n---\n# Headline\n", encoding="utf-8")
    result = run_cli("check", "--jobs", "1", "--format", output_format, str(tmp_path))
    assert result.exit_code == 1
    assert "read-error" in result.output and "parse-error" in result.output
    assert "WB001" in result.output and "WB002" in result.output


def test_usage_problems_exit_two(run_cli, tmp_path):
    assert run_cli("check", str(tmp_path / "missing.md")).exit_code == 2
    assert run_cli("check", "--select", "no-such-rule", str(SAMPLES)).exit_code == 2
    (tmp_path / "binary.md").write_bytes(b"\x00")
    assert run_cli("check", str(tmp_path / "binary.md")).exit_code == 1
