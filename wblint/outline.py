"""`wblint outline`: how wblint understood a draft, as data and as text.

The outline shows the document model the rules read: the kind (and why), the
headline, sub-heading, dateline, product, each press-release part with its lines
and the cue that identified it, every quotation with its speaker, role and
audience, and the FAQ as question/answer pairs with their audience.  It is how a
user finds out why a rule fired, and how the tests check the model.

Parts are found with the part rules' options (built-in, overlaid with the
configuration's), and with spaCy's tagger and entities where a trained pipeline
is installed, exactly as `wblint check` finds them.
"""
from __future__ import annotations

from typing import Any

from .config import Config, activate
from .model import LABEL, PARTS, Anatomy, Block, analyse, detect, faq_of, parse_document
from .kinds import Context
from .kinds.length import WORD
from .kinds.part import specs_for
from .rules import RuleSet, load_rules

NEEDS = frozenset({"tags", "entities"})
QUOTE_PARTS = {"spokesperson": "spokesperson-quote", "customer": "customer-quote", "unknown": "quote"}


def build(path: str, text: str, config: Config | None = None, ruleset: RuleSet | None = None,
          matched: tuple = ()) -> dict[str, Any]:
    """The outline of one draft as plain data (what `--format json` prints); ``matched``: the
    configuration's per-file entries that apply to it (``Workspace.settings_for``)."""
    config = config or Config()
    document = parse_document(path, text)
    anatomy = analyse(document, config.default_kind)
    active = activate(ruleset or load_rules(config.rules_dirs), config, matched)
    docs = _annotate(anatomy, config)
    context = Context(document, anatomy, None, {}, docs)
    model = detect(anatomy, specs_for(active), context.spacy_doc if docs else None)
    quotes = _quotes(anatomy, context)
    return {
        "path": path,
        "kind": anatomy.kind,
        "kind_cue": anatomy.kind_cue,
        "title": _block(anatomy.title, "document title, not the release's headline"),
        "headline": _block(anatomy.headline, anatomy.headline_cue),
        "subheading": _block(anatomy.subheading, anatomy.subheading_cue),
        "dateline": _dateline(anatomy),
        "product": {"name": anatomy.product, "cue": anatomy.product_cue} if anatomy.product else None,
        "company": anatomy.company,
        "press_release": _range(anatomy.press_release),
        "parts": _parts(anatomy, model, quotes),
        "missing_parts": [name for name in PARTS if not model.of(name)] if anatomy.press_release else [],
        "quotes": quotes,
        "faq": _faq(anatomy),
        "other": _other(anatomy),
    }


def _other(anatomy: Anatomy) -> list[dict[str, Any]]:
    """The sections that are neither release nor FAQ (notes, Tenets, Appendix), in order."""
    sections = []
    for start, end in anatomy.other_ranges:
        blocks = [b for b in anatomy.other if start <= b.start < end]
        if blocks:
            first = blocks[0]
            sections.append({"line": first.line, "end_line": blocks[-1].end_line,
                             "heading": first.text.strip() if first.kind == "heading" else None,
                             "opens": _cut(first.text, 60)})
    return sections


def _annotate(anatomy: Anatomy, config: Config) -> dict[int, Any]:
    """spaCy Docs for the press release's blocks (tags for imperatives, entities for speakers)."""
    blocks = [b for b in anatomy.press_release if b.prose is not None]
    if not blocks:
        return {}
    from . import nlp

    pipeline = nlp.load(NEEDS, config.nlp_model)
    if not pipeline.trained:
        return {}
    return {id(b.prose): doc for b, doc in zip(blocks, pipeline.pipe(b.prose.text for b in blocks))}


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _words(blocks: list[Block]) -> int:
    return sum(sum(1 for m in WORD.finditer(b.prose.text) if not b.prose.is_opaque(m.start(), m.end()))
               for b in blocks if b.prose is not None)


def _range(blocks: list[Block]) -> dict[str, int] | None:
    if not blocks:
        return None
    return {"line": blocks[0].line, "end_line": blocks[-1].end_line, "words": _words(blocks)}


def _block(block: Block | None, cue: str) -> dict[str, Any] | None:
    if block is None:
        return None
    return {"text": block.text.strip(), "line": block.line, "cue": cue, "words": _words([block])}


def _dateline(anatomy: Anatomy) -> dict[str, Any] | None:
    dateline = anatomy.dateline
    if dateline is None:
        return None
    return {"text": dateline.text, "city": dateline.city, "date": dateline.date, "wire": dateline.wire,
            "line": dateline.block.line, "opens_summary": dateline.at_start}


def _quotes(anatomy: Anatomy, context: Context) -> list[dict[str, Any]]:
    """One entry per speaker per paragraph: the quotation(s), who said them and whose voice they are."""
    from .kinds.quote import audience

    entries: list[dict[str, Any]] = []
    for quote in anatomy.quotes:
        last = entries[-1] if entries else None
        if last is not None and last["_block"] is quote.block and last["speaker"] == quote.speaker:
            last["text"] += " " + quote.text
            continue
        entries.append({
            "_block": quote.block, "line": quote.block.line, "end_line": quote.block.end_line,
            "text": quote.text, "speaker": quote.speaker, "role": quote.role,
            "audience": audience(context, quote), "attribution": quote.attribution or None,
            "speaker_cue": quote.speaker_cue or None,
        })
    for entry in entries:
        del entry["_block"]
    return entries


def _parts(anatomy: Anatomy, model, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    parts = []
    if anatomy.summary is not None and anatomy.press_release:
        parts.append({"part": "summary", "line": anatomy.summary.line, "end_line": anatomy.summary.end_line,
                      "cue_kind": "position", "cue": "first paragraph after the headline"})
    for part in model.parts:
        parts.append({"part": part.name, "line": part.line, "end_line": part.end_line,
                      "cue_kind": part.cue_kind, "cue": part.cue})
    for quote in quotes:
        who = ", ".join(x for x in (quote["speaker"], quote["role"]) if x) or "no speaker"
        parts.append({"part": QUOTE_PARTS[quote["audience"]], "line": quote["line"], "end_line": quote["end_line"],
                      "cue_kind": "quote", "cue": who})
    order = ["summary", *PARTS, *QUOTE_PARTS.values()]
    parts.sort(key=lambda p: (p["line"], order.index(p["part"])))
    return parts


def _faq(anatomy: Anatomy) -> dict[str, Any] | None:
    if not anatomy.faq:
        return None
    faq = faq_of(anatomy)
    questions = []
    for item in faq.items:
        lines = item.answer_lines
        start = anatomy.document.source.position(item.span[0]) if anatomy.document else (item.line, 1)
        questions.append({
            "question": item.question, "line": start[0], "column": start[1], "shape": item.shape,
            "audience": item.audience, "audience_cue": item.audience_cue,
            "answer": None if lines is None else {
                "line": lines[0], "end_line": lines[1], "words": len(WORD.findall(item.answer_text)),
                "text": item.answer_text, "code": item.answer_has_code},
        })
    return {
        **(_range(anatomy.faq) or {}),
        "heading": anatomy.faq_heading.text.strip() if anatomy.faq_heading else None,
        "cue": anatomy.faq_cue,
        "sections": [{"heading": s.heading.text.strip() if s.heading else None,
                      "line": s.heading.line if s.heading else None, "audience": s.audience, "cue": s.cue}
                     for s in faq.sections],
        "questions": questions,
    }


# -- text --------------------------------------------------------------------------------


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def format_text(outline: dict[str, Any]) -> str:
    lines = [f"{outline['path']}: {outline['kind']} ({outline['kind_cue']})", ""]

    def row(label: str, line: Any, text: str, cue: str = "") -> None:
        where = f"{line}" if line is not None else ""
        lines.append(f"{label:<14}{where:<7}{text}" + (f"  [{cue}]" if cue else ""))

    for key, label in (("title", "title"), ("headline", "headline"), ("subheading", "sub-heading")):
        item = outline[key]
        if key == "title" and item is None:
            continue
        row(label, item and item["line"], _cut(item["text"], 70) if item else "(none)", item["cue"] if item else "")
    dateline = outline["dateline"]
    if dateline:
        facts = "; ".join(f"{k} {dateline[k]}" for k in ("city", "wire", "date") if dateline[k])
        if not dateline["opens_summary"]:
            facts += "; not at the start of the summary"
        row("dateline", dateline["line"], dateline["text"], facts)
    else:
        row("dateline", None, "(none)")
    product = outline["product"]
    row("product", None, (product["name"] if product else "(not found)")
        + (f", by {outline['company']}" if outline["company"] else ""), product["cue"] if product else "")
    pr = outline["press_release"]
    if pr:
        lines += ["", f"press release (lines {pr['line']}–{pr['end_line']}, {_counted(pr['words'], 'word')})"]
        for part in outline["parts"]:
            span = f"{part['line']}" + (f"–{part['end_line']}" if part["end_line"] != part["line"] else "")
            name = LABEL.get(part["part"], part["part"].replace("-", " "))
            lines.append(f"  {span:<9}{name:<20}{_cut(part['cue'], 90)}")
        if outline["missing_parts"]:
            lines.append("  missing: " + ", ".join(LABEL[p] for p in outline["missing_parts"]))
    if outline["quotes"]:
        lines += ["", "quotes"]
        for quote in outline["quotes"]:
            who = quote["speaker"] or "(no speaker)"
            if quote["role"]:
                who += f", {quote['role']}"
            lines.append(f"  {quote['line']:<6}{quote['audience']:<14}{_cut(who, 60)}")
            lines.append(f"  {'':<6}{'':<14}\"{_cut(quote['text'], 70)}\"")
    faq = outline["faq"]
    if faq:
        lines += ["", f"faq (lines {faq['line']}–{faq['end_line']}, {_counted(faq['words'], 'word')}; {faq['cue']})"]
        section = object()
        for question in faq["questions"]:
            if question["audience_cue"] != section:
                section = question["audience_cue"]
                lines.append(f"  {question['audience']}  [{section}]")
            answer = question["answer"]
            told = (f"answer {answer['line']}" + (f"–{answer['end_line']}" if answer["end_line"] != answer["line"] else "")
                    + f", {_counted(answer['words'], 'word')}") if answer else "no answer"
            lines.append(f"    {question['line']:<6}{_cut(question['question'], 64):<66}{told}")
    if outline["other"]:
        lines += ["", "other sections (not release, not FAQ)"]
        for section in outline["other"]:
            span = f"{section['line']}–{section['end_line']}"
            lines.append(f"  {span:<9}{_cut(section['heading'] or section['opens'], 70)}")
    return "\n".join(lines) + "\n"
