"""The `wblint explain` page for one rule, its prose wrapped to the terminal.

Prose (summary, rationale, option help, message) is wrapped to the width given, at most
``MAX_WIDTH`` columns for reading; option values and the examples are shown as written:
they are literal text, and re-flowing a Markdown example would change it.
"""
from __future__ import annotations

import re
import textwrap

from .rules import Rule

MAX_WIDTH = 100  # prose wider than this is hard to read, however wide the terminal
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def wrap(text: str, width: int, indent: str = "") -> str:
    """``text`` re-flowed to ``width`` columns: paragraphs (split at blank lines) and list
    items (``- …``, ``1. …``) keep their breaks; the lines within them are joined."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        items: list[list[str]] = []
        for line in paragraph.splitlines():
            if not items or LIST_ITEM.match(line):
                items.append([])
            items[-1].append(line.strip())
        for item in items:
            first = item[0]
            hang = " " * (LIST_ITEM.match(first).end() - (len(first) - len(first.lstrip()))) \
                if LIST_ITEM.match(first) else ""
            out.append(textwrap.fill(" ".join(item), max(width, 20), initial_indent=indent,
                                     subsequent_indent=indent + hang, break_long_words=False,
                                     break_on_hyphens=False))
        out.append("")
    return "\n".join(out[:-1])


def explain_page(rule: Rule, width: int = 80) -> str:
    width = min(width, MAX_WIDTH)
    kind = rule.kind_spec
    lines = [
        f"{rule.id} {rule.name}",
        "",
        wrap(rule.summary, width),
        "",
        f"Severity: {rule.severity}    Kind: {rule.kind}    Scope: {rule.scope}",
        f"Applies to: {', '.join(rule.applies_to)}    Pack: {rule.group}",
        "",
        "Why",
        wrap(rule.rationale, width, "  "),
        "",
        "Options (defaults)",
    ]
    if not rule.options:
        lines.append("  none")
    for name, value in rule.options.items():
        option = kind.options[name]
        shown = value if not isinstance(value, list) or len(value) <= 8 else value[:8] + ["…"]
        lines.append(f"  {name} = {shown!r}")
        bounds = option.range_text()
        lines.append(wrap(option.help + (f" ({bounds})" if bounds else ""), width, "      "))
    from .language import rule_is_english

    lines += ["", "Drafts not in English: " + ("skipped (this rule reads English; see not-english)"
                                             if rule_is_english(rule) else "still checked")]
    needs = kind.capabilities(rule.options)
    if needs:
        lines += ["", f"Needs spaCy: {', '.join(sorted(needs))}"]
    changed = {k: v for k, v in rule.example_options.items() if rule.options.get(k) != v}
    lines += [
        "",
        "Message",
        wrap(rule.message, width, "  "),
        f"  (placeholders: the options{', and ' + ', '.join(kind.fields) if kind.fields else ''})",
        "",
        "Bad" + (f" (linted with {', '.join(f'{k}={v!r}' for k, v in changed.items())})" if changed else ""),
        textwrap.indent(rule.examples["bad"].rstrip(), "  | ", lambda line: True),
        "",
        "Good",
        textwrap.indent(rule.examples["good"].rstrip(), "  | ", lambda line: True),
    ]
    from .ruledocs import rule_url

    url = rule_url(rule)  # a team's rule has no page
    if url:
        lines += ["", f"Documentation: {url}"]
    return "\n".join(lines)
