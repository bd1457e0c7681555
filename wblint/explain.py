"""The `wblint explain` page for one rule."""
from __future__ import annotations

import textwrap

from .rules import Rule


def explain_page(rule: Rule) -> str:
    kind = rule.kind_spec
    lines = [
        f"{rule.id} {rule.name}",
        "",
        rule.summary,
        "",
        f"Severity: {rule.severity}    Kind: {rule.kind}    Scope: {rule.scope}",
        f"Applies to: {', '.join(rule.applies_to)}    Pack: {rule.group}",
        "",
        "Why",
        textwrap.indent(rule.rationale, "  "),
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
        lines.append(f"      {option.help}" + (f" ({bounds})" if bounds else ""))
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
        f"  {rule.message}",
        f"  (placeholders: the options{', and ' + ', '.join(kind.fields) if kind.fields else ''})",
        "",
        "Bad" + (f" (linted with {', '.join(f'{k}={v!r}' for k, v in changed.items())})" if changed else ""),
        textwrap.indent(rule.examples["bad"].rstrip(), "  | ", lambda line: True),
        "",
        "Good",
        textwrap.indent(rule.examples["good"].rstrip(), "  | ", lambda line: True),
    ]
    return "\n".join(lines)
