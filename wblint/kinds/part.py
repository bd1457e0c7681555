"""part: the press release has a part (problem, solution, getting started, call to action).

A part is recognised by a heading that names it or by the content of a
paragraph (see wblint.model.parts).  The rule's options are the part's definition:
its heading patterns and cue phrases.  When the part is missing the finding
says where it was expected and points at the block it should follow; when its
heading is there but the section is empty, it points at the heading.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Iterator

from ..model import LABEL, PARTS, PartSpec, PartsModel, detect
from . import Context, Finding, Kind, Option


@lru_cache(maxsize=1)
def default_specs() -> dict[str, PartSpec]:
    """The part specs of the built-in rules, for parts whose rule is not active."""
    from ..rules import load_rules  # noqa: PLC0415 - rules import the kinds

    return {r.options["part"]: PartSpec.from_options(r.options) for r in load_rules().rules if r.kind == "part"}


def specs_for(active: Iterable[Any] = ()) -> dict[str, PartSpec]:
    """Built-in part specs overlaid with the active (configured) `part` rules."""
    specs = dict(default_specs())
    for rule in active:
        if rule.rule.kind == "part":
            specs[rule.options["part"]] = PartSpec.from_options(rule.options)
    return specs


def parts_model(ctx: Context) -> PartsModel:
    """The parts as every rule of this run sees them (active part rules' options, else the built-in ones).

    Built once per draft: every part rule of a run shares ``ctx.rules``, so its identity keys the model.
    """
    key = ("parts-model", id(ctx.rules))
    if key not in ctx.anatomy.cache:
        blocks = ctx.blocks("press-release")
        has_docs = any(ctx.spacy_doc(b) is not None for b in blocks)
        ctx.anatomy.cache[key] = detect(ctx.anatomy, specs_for(ctx.rules), ctx.spacy_doc if has_docs else None)
    return ctx.anatomy.cache[key]


def _line(block) -> str:
    return f"line {block.line}"


def expected_after(ctx: Context, model: PartsModel, part: str):
    """(block the missing part should follow, where in words)."""
    anatomy = ctx.anatomy
    summary = anatomy.summary
    body = [b for b in anatomy.press_release if b is not anatomy.headline]
    closing = next((b for b in reversed(body) if b.kind != "heading"), None)
    if part == "call-to-action":
        if closing is not None:
            return closing, f"at the end, after {_line(closing)}"
    elif part == "problem":
        if summary is not None:
            return summary, f"after the summary ({_line(summary)})"
    elif part == "solution":
        problem = model.last("problem")
        if problem is not None:
            return problem.blocks[-1], f"after the problem ({_line(problem.blocks[-1])})"
        if summary is not None:
            return summary, f"after the summary ({_line(summary)})"
    elif part == "getting-started":
        spokes = [q for q in anatomy.quotes if q.audience == "spokesperson"]
        solution = model.last("solution")
        if spokes:
            return spokes[-1].block, f"after the spokesperson quote ({_line(spokes[-1].block)})"
        if solution is not None:
            return solution.blocks[-1], f"after the solution ({_line(solution.blocks[-1])})"
        if closing is not None:
            return closing, f"before the close ({_line(closing)})"
    anchor = anatomy.headline or (body[0] if body else None)
    return anchor, "in the press release"


def check(ctx: Context) -> Iterator[Finding]:
    part = ctx.options["part"]
    anatomy = ctx.anatomy
    if not anatomy.press_release:
        return
    model = parts_model(ctx)
    found = [p for p in model.of(part)
             if p.words >= ctx.options["min_words"] or p.cue_kind == "content" or p.has_code]
    if found:
        return
    empty = model.empty_sections.get(part)
    if empty is not None:
        yield ctx.report_block(empty, part=LABEL[part],
                               where=f"under \"{empty.text.strip()}\" ({_line(empty)}), which has no text yet")
        return
    anchor, where = expected_after(ctx, model, part)
    if anchor is None:
        yield ctx.report_draft(part=LABEL[part], where=where)
    else:
        yield ctx.report_block(anchor, part=LABEL[part], where=where)


KIND = Kind(
    name="part",
    summary="The press release has a part (problem, solution, getting started, call to action), "
            "by heading or by content.",
    check=check,
    fields=("part", "where"),
    options={
        "part": Option("str", "problem", "which part must be present", PARTS),
        "headings": Option("regex-list", [], "headings that name the part (case-insensitive, searched in the heading)"),
        "cues": Option("str-list", [], "phrases that show a paragraph is the part, a point each (whole words; "
                                         "\"create an account\" also matches \"creates an account\")"),
        "strong_cues": Option("str-list", [], "phrases that alone show a paragraph is the part (\"to get started\")"),
        "extra_cues": Option("str-list", [], "more cue phrases, added in your configuration"),
        "min_score": Option("float", 2.0, "cue points a paragraph needs to count as the part", min=0),
        "min_words": Option("int", 5, "words a headed section needs before it counts as written", min=0),
    },
    # Imperatives ("Download the app") come from the tagger; problem and solution need no spaCy.
    needs_for=lambda options: {"tags"} if options["part"] in ("getting-started", "call-to-action") else set(),
)
