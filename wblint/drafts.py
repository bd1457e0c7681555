"""Which Markdown files are Working Backwards drafts: a cheap, explainable test.

``wblint check docs/`` on an ordinary repository walks READMEs, guides and changelogs
beside the PR/FAQs.  Only files that read as drafts are linted; the others are counted
in the summary line ("3 files skipped: not drafts (use --all-files)").  Files named on
the command line are always linted (unless ``--drafts-only``, which the pre-commit hook
passes), ``--all-files`` lints every Markdown file, and the configuration's ``include``
globs force files in.

The test reads the start of the file (``READ_BYTES``), outside code fences, and stops at
the first cue that decides (``verdict``): each verdict carries the reason shown by
``--show-files``.  A draft is a file with

- front matter ``wblint: true``, or a ``type:``/``kind:`` naming a document kind
  (``wblint: false`` keeps a file out, whatever else it says);
- a file (or its folder) name with ``prfaq``, ``pr-faq``, ``press-release``, ``working-backwards``,
  ``dear-customer`` or ``customer-letter`` in it;
- a heading (or a bold line) "Press Release", "PR/FAQ", "PRFAQ", "Working Backwards",
  "Customer FAQ", "Internal FAQ", "External FAQ", "Dear Customer Letter", or a
  "FOR IMMEDIATE RELEASE" line;
- a dateline ("SEATTLE, March 3, 2027 —", or in any language an upper-case city, a
  date with a year and a dash: "BERLIN, 4. Dezember 2026 –") under a headline near the top;
- a letter that opens "Dear …,"; or
- two of the weaker cues: an "FAQ" / "Frequently Asked Questions" heading, two or more
  questions as ``Q:`` lines or question headings, a quotation attributed with
  "said"/"says", a quote or testimonial heading, a first heading that "announces",
  "launches", "introduces" or "unveils", and the words "today announced/launched/
  introduced/released".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .model.dateline import DATELINE
from .model.markdown import DOCUMENT_KINDS
from .model.source import DecodeError, decode

READ_BYTES = 256_000  # drafts are 5-30 KB; a larger file is linted, and the engine reports its size
DATELINE_WITHIN = 30  # the dateline cue counts in the first lines of prose only

_NAME = re.compile(r"pr[-_ ]?faq|press[-_ ]?release|working[-_ ]?backwards|dear[-_ ]?customer|customer[-_ ]?letter",
                   re.I)
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FM_KEY = re.compile(r"^(wblint|type|kind)[ \t]*:[ \t]*[\"']?([\w-]+)[\"']?[ \t]*(?:#.*)?$", re.M | re.I)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$")
_BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*:?[ \t]*$")
_STRONG_TITLE = re.compile(
    r"(?:^|\W)(?:press\s+release|pr\s*/\s*faqs?|pr\s*-?\s*faqs?|working\s+backwards|"
    r"(?:customer|external|internal|public|stakeholder)\s+faqs?|dear\s+customer\s+letter)\b", re.I)
_FOR_RELEASE = re.compile(r"^\W*for\s+(?:immediate\s+)?release\b", re.I)
_FAQ_TITLE = re.compile(r"^\W*(?:faqs?|frequently\s+asked\s+questions)\b", re.I)
_Q_LINE = re.compile(r"^[ \t>*_-]*(?:\*\*|__)?Q(?:uestion)?\s*\d*\s*[:.)]", re.I)
_SAID = re.compile(r"[\"\u201d]\s*,?\s*(?:said|says)\s+[A-Z]|\b(?:said|says)\s+[A-Z]\w+\s+[A-Z]\w+\s*,", re.M)
_DEAR = re.compile(r"^[ \t]*(?:\*\*|_)?Dear\s+[^\n,]{1,40},", re.M)
# Any language: an upper-case city, a date with a year, a dash ("BERLIN, 4. Dezember 2026 –")
_CAPS_DATELINE = re.compile(r"^(?:\*\*|__)?[^\W\d_a-z]{2,}(?:[ .'\-][^\W\d_a-z]+)*(?:\s*,\s*[^\W\d_][\w.]*(?:\s[\w.]+)?)?"
                            r"\s*,\s*[^\n\u2013\u2014]{0,30}?\b(?:19|20)\d\d\)?(?:\*\*|__)?\s*(?:--?|\u2013|\u2014)")
_QUOTE_TITLE = re.compile(r"\b(?:quotes?|testimon(?:y|ials?)|customer\s+experience)\b", re.I)
_RELEASE_HEADLINE = re.compile(r"\b(?:announces|launches|introduces|unveils|general\s+availability)\b", re.I)
_ANNOUNCED = re.compile(r"\btoday\s+(?:announced|launched|introduced|released|unveiled)\b", re.I)


@dataclass(frozen=True)
class Verdict:
    draft: bool
    reason: str  # what decided, for --show-files


def draft_verdict(path: Path, text: str | None = None) -> Verdict:
    """Whether ``path`` (its ``text`` when given, else its first READ_BYTES) reads as a draft."""
    if text is None:
        try:
            with open(path, "rb") as handle:
                data = handle.read(READ_BYTES + 1)
        except OSError:
            return Verdict(True, "cannot be read: linted, so the error is reported")
        if len(data) > READ_BYTES:
            return Verdict(True, "larger than a draft: linted, so the size is reported")
        try:
            text = decode(data)
        except (DecodeError, UnicodeDecodeError):
            return Verdict(True, "not readable text: linted, so the error is reported")
    return verdict(path.name, text[:READ_BYTES], path.parent.name)


def verdict(name: str, text: str, folder: str = "") -> Verdict:
    """``name``: the file's name; ``folder``: the name of the folder it is in (a cue too)."""
    front = _FRONT_MATTER.match(text)
    body = text
    if front:
        for key, value in _FM_KEY.findall(front.group(1)):
            key, value = key.lower(), value.lower()
            if key == "wblint" and value in ("false", "no", "off"):
                return Verdict(False, "front matter wblint: false")
            if key == "wblint" and value in ("true", "yes", "on"):
                return Verdict(True, "front matter wblint: true")
            if key in ("type", "kind") and value in DOCUMENT_KINDS:
                return Verdict(True, f"front matter {key}: {value}")
        body = text[front.end():]
    stem = name.rsplit(".", 1)[0]
    match = _NAME.search(stem)
    if match:
        return Verdict(True, f"file name ({match.group(0)})")
    match = _NAME.search(folder)
    if match:
        return Verdict(True, f"folder name ({match.group(0)})")
    weak: dict[str, None] = {}  # ordered set of the weak cues seen
    questions = 0
    prose_lines = 0
    headline = False
    fence = None
    for raw in body.splitlines():
        opened = _FENCE.match(raw)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        line = raw.strip()
        if not line:
            continue
        heading = _HEADING.match(raw)
        bold = None if heading else _BOLD_LINE.match(raw)
        title = heading.group(1) if heading else bold.group(1) if bold else None
        if title is not None:
            if _STRONG_TITLE.search(title):
                return Verdict(True, f"heading {title.strip()!r}")
            if _FOR_RELEASE.match(title):
                return Verdict(True, f"release label {title.strip()!r}")
            if _FAQ_TITLE.match(title):
                weak.setdefault("an FAQ heading")
            if title.rstrip("*_ ").endswith("?"):
                questions += 1
            elif heading and _QUOTE_TITLE.search(title):
                weak.setdefault("a quote heading")
            if heading and not headline and _RELEASE_HEADLINE.search(title):
                weak.setdefault("a release-style headline")
            headline = True
            continue
        if _FOR_RELEASE.match(line):
            return Verdict(True, f"release label {line[:40]!r}")
        prose_lines += 1
        if headline and prose_lines <= DATELINE_WITHIN:
            plain = line.lstrip("*_> ").replace("**", "").replace("__", "")
            found = DATELINE.match(plain)
            if found and plain[:1].isupper() and found.group("city")[:1].isupper():
                return Verdict(True, f"dateline {found.group(0).strip()!r}")
            found = _CAPS_DATELINE.match(line)
            if found:
                return Verdict(True, f"dateline {found.group(0).strip()!r}")
        if prose_lines <= 3 and _DEAR.match(raw):
            return Verdict(True, f"letter opening {line[:30]!r}")
        if _Q_LINE.match(line):
            questions += 1
    if questions >= 2:
        weak.setdefault("questions and answers")
    for pattern, cue in ((_SAID, "an attributed quotation"), (_DEAR, "a 'Dear …,' opening"),
                         (_ANNOUNCED, "'today announced'")):
        if pattern.search(body):
            weak.setdefault(cue)
    if len(weak) >= 2:
        return Verdict(True, " and ".join(weak))
    if weak:
        return Verdict(False, f"only {next(iter(weak))}; no headline with dateline, PR/FAQ heading or file name")
    return Verdict(False, "no draft cue (headline with dateline, PR/FAQ or FAQ heading, front matter, file name)")
