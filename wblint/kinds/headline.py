"""headline: the headline has between min_words and max_words words and is neither a
codename (`Project Falcon`) nor a bare technology phrase (`Multi-Tenant Kubernetes Operator`).

A technology phrase is a headline whose content words (not function words, not the
product's or company's name) are mostly listed technology terms: it describes what was
built, not what the customer gets.  One finding per headline, the most telling problem
first: codename, then technology phrase, then length.
"""
from __future__ import annotations

import re
from typing import Iterator

from .._words import FUNCTION_WORDS
from ..userregex import user_patterns
from . import Context, Finding, Kind, Option
from .density import term_pattern
from .length import WORD


def check(ctx: Context) -> Iterator[Finding]:
    headline = ctx.anatomy.headline
    if headline is None or headline.prose is None:
        return
    prose = headline.prose
    text = prose.text
    for pattern in user_patterns(tuple(ctx.options["codename_patterns"])):
        match = pattern.search(text)
        if match and match.end() > match.start():
            group = "codename" if match.groupdict().get("codename") else 0  # a named group narrows the finding
            yield ctx.report_in(headline, match.start(group), match.end(group),
                                problem=f"is a codename (\"{match.group(group).strip()}\")")
            return
    words = [m for m in WORD.finditer(text)]
    names = {w.lower() for name in (ctx.anatomy.product, ctx.anatomy.company) if name
             for w in re.findall(r"[^\W_][\w\-]*", name)}
    content = [m for m in words if m.group(0).lower() not in FUNCTION_WORDS and m.group(0).lower() not in names
               and not prose.is_opaque(m.start(), m.end())]
    terms = term_pattern(tuple(ctx.options["technology_terms"]))
    if terms is not None and content:
        hits = [m for m in terms.finditer(text) if not prose.is_opaque(m.start(), m.end())]
        covered = sum(1 for w in content if any(h.start() <= w.start() < h.end() for h in hits))
        if len(hits) >= 2 and covered / len(content) >= ctx.options["max_technology_share"]:
            listed = ", ".join(f"\"{h.group(0)}\"" for h in hits[:4])
            yield ctx.report_block(headline, problem=f"reads as a technology phrase ({listed})")
            return
    count = len(words)
    problem = f"has {count} word{'s' if count != 1 else ''}"
    if count < ctx.options["min_words"]:
        yield ctx.report_block(headline, problem=problem, words=count)
    elif count > ctx.options["max_words"]:
        over = words[ctx.options["max_words"]]
        yield ctx.report_in(headline, over.start(), len(text.rstrip()), problem=problem, words=count)


KIND = Kind(
    name="headline",
    summary="The headline is short enough, long enough, and names the product in the customer's words.",
    check=check,
    fields=("problem", "words"),
    options={
        "min_words": Option("int", 6, "fewest words", min=0),
        "max_words": Option("int", 14, "most words", min=1),
        "codename_patterns": Option("regex-list", [], "patterns of internal codenames (case-sensitive; a group named codename narrows the finding)"),
        "technology_terms": Option("str-list", [], "terms that describe technology rather than a customer benefit"),
        "max_technology_share": Option("float", 0.5, "share of the headline's content words that may be technology terms", min=0, max=1),
    },
)
