"""Lint Markdown wblint was never written for, and count what is wrong with its findings.

    python benchmarks/foreign_corpus.py                              # the CommonMark examples in tests/data
    python benchmarks/foreign_corpus.py DIR... [--fixtures FILE...] [--show 20]

Every ``*.md`` / ``*.markdown`` file under each DIR is one draft; ``--fixtures`` names
markdown-it test files (cases between ``.`` lines), each case one draft.  Nothing here is
stored in the repository; from clones of markdownlint and markdown-it-py:

    git -C markdownlint archive HEAD test | tar -x -C /tmp/foreign/markdownlint
    git -C markdown-it-py archive HEAD tests/test_port/fixtures | tar -x -C /tmp/foreign/mdit
    python benchmarks/foreign_corpus.py /tmp/foreign/markdownlint/test \
        --fixtures /tmp/foreign/mdit/tests/test_port/fixtures/*.md

Every draft is linted with the built-in rules at their defaults, as ``--all-files`` would,
and the script prints:

* crashes: an exception, or an internal-error, parse-error or rule-timeout finding;
* spans outside their line: a start or end column past the last character of its line
  (column 1 on an empty line), or an end before the start;
* quoted-text mismatches: a finding whose message quotes the flagged text (``Repeated word
  "the the"``) when the text at its span does not read as that text (entities and escapes
  resolved, Markdown punctuation such as ``*``, ``_``, ``[`` set aside: "is _called_" reads
  as "is called", "the [the](x)" does not read as "the the");
* findings anchored on code, HTML or blank text (a point at line 1, column 1 is the
  agreed anchor of a draft-level finding in a draft with no visible text, and not counted);
* lint-budget findings (a draft, or part of one, not linted: too costly, or nested past
  the parser's limit), for information.

It exits 1 when any of the first four counts is not 0.
"""
from __future__ import annotations

import argparse
import html
import re
import string
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wblint.config import Config, activate  # noqa: E402
from wblint.engine import Linter  # noqa: E402
from wblint.model import parse_document  # noqa: E402
from wblint.model.source import SourceText  # noqa: E402
from wblint.rules import load_rules  # noqa: E402

COMMONMARK = ROOT / "tests" / "data" / "commonmark-examples.txt"
CRASHES = {"internal-error", "rule-timeout"}  # and a parse-error that is not about front matter
NOT_LINTED = {"lint-budget"}  # not linted, or in part: too costly, or nested past the parser's limit
MARKUP_PUNCTUATION = re.compile(r"[\\`*_~\[\]()<>!#|]")
QUOTED_FIELD = re.compile(r"[\"\u201c]\{(\w+)[^}]*\}[\"\u201d]")  # "{text}" in a message template
CHUNK = 32


def commonmark_examples(path: Path) -> list[tuple[str, str]]:
    parts = path.read_text(encoding="utf-8").split("\n=== example ")[1:]
    return [(f"commonmark-{part.split(':', 1)[0]}.md",
             part.split("\n", 1)[1].replace("\u2192", "\t") if "\n" in part else "") for part in parts]


def fixture_cases(path: Path) -> list[tuple[str, str]]:
    from markdown_it.utils import read_fixture_file

    return [(f"{path.stem}-{line}.md", case[1]) for line, *case in read_fixture_file(path) if len(case) >= 2]


def folder_files(folder: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".markdown") and p.is_file()):
        found.append((str(path.relative_to(folder)), path.read_bytes().decode("utf-8", "replace")))
    return found


def quoted_fields(rules) -> dict[str, tuple[re.Pattern[str], set[str]]]:
    """Per rule whose message quotes a field ("{text}"), a regex that reads the message back
    into its fields: the quoted ones are what the finding says is at its span."""
    readers = {}
    for rule in rules:
        quoted = set(QUOTED_FIELD.findall(rule.message))
        if not quoted:
            continue
        regex, seen = "", set()
        for literal, field, _, _ in string.Formatter().parse(rule.message):
            regex += re.escape(literal)
            if field is None:
                continue
            name = field if field in quoted else f"other_{len(seen)}"
            regex += f"(?P={name})" if name in seen else f"(?P<{name}>.*?)"
            seen.add(name)
        readers[rule.name] = (re.compile(regex, re.DOTALL), quoted)
    return readers


def _visible(text: str) -> str:
    """Text with entities and escapes resolved, Markdown punctuation set aside and white space
    collapsed: "is _called_" and "should \\* be" read as a quote of them would."""
    return " ".join(MARKUP_PUNCTUATION.sub("", html.unescape(text)).split()).casefold()


def _offset(source: SourceText, line: int, column: int) -> int:
    return source.line_start(line - 1) + column - 1


def judge(name: str, text: str, found, counts: Counter, examples: dict[str, list[str]], readers) -> None:
    source = SourceText(text)
    document = None

    def note(kind: str, d) -> None:
        counts[kind] += 1
        examples.setdefault(kind, []).append(f"{name}:{d.line}:{d.column}-{d.end_line}:{d.end_column} {d.name}: "
                                             f"{d.message[:100]}")

    for d in found:
        if d.name in CRASHES or (d.name == "parse-error" and "front matter" not in d.message):
            note("crashes", d)
            continue
        if d.name in NOT_LINTED:
            note("lint-budget (not linted, or in part)", d)
            continue
        outside = (d.end_line, d.end_column) < (d.line, d.column)
        for line, column in ((d.line, d.column), (d.end_line, d.end_column)):
            if not 1 <= line <= source.line_count or not 1 <= column <= max(1, len(source.line_text(line - 1))):
                outside = True
        if outside:
            note("spans outside their line", d)
            continue
        start, end = _offset(source, d.line, d.column), _offset(source, d.end_line, d.end_column) + 1
        at_span = source.text[start:end]
        reader = readers.get(d.name)
        read = reader[0].fullmatch(d.message) if reader else None
        # "{text}" is the flagged text itself when a message has it ("Wordy: write "{plain}"
        # instead of "{text}""): the span must read as it; otherwise one quoted field must be in it.
        if read is not None and "text" in reader[1]:
            wrong = _visible(read.group("text")) != _visible(at_span)
        else:
            wrong = read is not None and not any(_visible(read.group(f)) in _visible(at_span) for f in reader[1])
        if wrong:
            note("quoted-text mismatches", d)
        if document is None:
            document = parse_document(name, text)
        if (d.line, d.column, d.end_line, d.end_column) == (1, 1, 1, 1) and not _visible_prose(document):
            continue  # the agreed anchor of a draft-level finding in a draft with no text to show
        block = next((b for b in document.blocks if b.start <= start < max(b.end, b.start + 1)), None)
        if not at_span.strip():
            note("anchored on code, HTML or blank text", d)
        elif block is not None and block.kind in ("code", "html"):
            note("anchored on code, HTML or blank text", d)
        elif any(c.start <= start and end <= c.end for c in document.comments):
            note("anchored on code, HTML or blank text", d)
        elif block is not None and block.prose is not None and _on_opaque(block.prose, start):
            note("anchored on code, HTML or blank text", d)


def _on_opaque(prose, first: int) -> bool:
    """Source offset ``first`` is inside inline code or a URL."""
    for p0, p1 in prose.opaque:
        s0, s1 = prose.source_span(p0, p1)
        if s0 <= first < s1:
            return True
    return False


def _visible_prose(document) -> bool:
    """Some block shows text: a character of its prose that is not white space, code or a URL."""
    for block in document.blocks:
        if block.prose is None or block.kind == "front-matter":
            continue
        hidden = set()
        for p0, p1 in block.prose.opaque:
            hidden.update(range(p0, p1))
        if any(not c.isspace() and i not in hidden for i, c in enumerate(block.prose.text)):
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of Markdown files")
    parser.add_argument("--fixtures", nargs="*", type=Path, default=[], help="markdown-it fixture files")
    parser.add_argument("--show", type=int, default=10, help="examples to print per count")
    args = parser.parse_args()
    drafts: list[tuple[str, str]] = []
    for folder in args.folders:
        drafts += [(f"{folder.name}/{n}", t) for n, t in folder_files(folder)]
    for path in args.fixtures:
        drafts += fixture_cases(path)
    if not drafts:
        drafts = commonmark_examples(COMMONMARK)
    rules = load_rules()
    readers = quoted_fields(rules.rules)
    linter = Linter(activate(rules, Config()), Config())
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {}
    findings = 0
    for first in range(0, len(drafts), CHUNK):
        chunk = drafts[first:first + CHUNK]
        try:
            results = linter.lint_blobs([(n, t.encode("utf-8")) for n, t in chunk])
        except Exception:  # noqa: BLE001 - find the draft, count it, go on
            results = []
            for n, t in chunk:
                try:
                    results += linter.lint_blobs([(n, t.encode("utf-8"))])
                except Exception as exc:  # noqa: BLE001
                    counts["crashes"] += 1
                    examples.setdefault("crashes", []).append(f"{n}: {type(exc).__name__}: {exc}")
                    results.append((n, []))
        for (name, text), (_, found) in zip(chunk, results):
            findings += len(found)
            judge(name, text, found, counts, examples, readers)
    print(f"{len(drafts)} drafts, {findings} findings")
    for kind in ("crashes", "spans outside their line", "quoted-text mismatches",
                 "anchored on code, HTML or blank text", "lint-budget (not linted, or in part)"):
        print(f"{kind}: {counts[kind]}")
        for example in examples.get(kind, [])[:args.show]:
            print(f"    {example}")
    bad = ("crashes", "spans outside their line", "quoted-text mismatches", "anchored on code, HTML or blank text")
    return 1 if any(counts[k] for k in bad) else 0


if __name__ == "__main__":
    sys.exit(main())
