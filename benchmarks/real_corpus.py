"""Score wblint against the labelled real-draft corpus (fixtures/real/<slug>/).

Each folder holds `draft.md`, `LICENSE` and `labels.yaml` (schema: LABELLING.md in the corpus
staging area). Every draft of the chosen split is linted in-process with the built-in rules at
their defaults (no configuration file, no cache), and its findings are judged against the labels:

- a finding matches an unmatched `expect` entry of its rule (or `style`, for a WB3xx finding) when
  the entry has no line, or its `line` is within --tolerance lines (`lines: [a, b]`: within the
  range, widened by the tolerance); each entry matches at most once -> TP; unmatched entries -> FN;
- otherwise a finding matching a `reject` entry (line equal, within `lines`, or no line =
  anywhere) -> FP; otherwise one matching `either` -> ignored; otherwise -> unjudged (reported,
  not scored).

It prints a table per rule (TP, FP, FN, unjudged, precision, recall), totals for structural
(WB1xx, WB2xx, WB4xx) and style (WB3xx) rules and overall, the accuracy of wblint's document
model (the outline, as `wblint outline` reads it) against each `model` field, and each FP, FN
and model mismatch (unless --quiet). It is a measurement: exit 0, or 2 on a bad corpus.

    python benchmarks/real_corpus.py [--corpus DIR] [--split dev|held-out|all] [--json]
                                     [--tolerance N] [--rule NAME] [--quiet]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "fixtures" / "real"
SPLITS = ("dev", "held-out")
STYLE = "style"  # a label's rule meaning "any WB3xx rule"
ENTRY_LISTS = ("expect", "reject", "either")
LINE_FIELDS = ("title", "headline", "subheading", "dateline")
PART_FIELDS = {"problem": "problem", "solution": "solution", "getting_started": "getting-started",
               "call_to_action": "call-to-action"}
MODEL_FIELDS = (*LINE_FIELDS, "release", "faq", "other", *PART_FIELDS, "quotes", "faq_questions")
AUDIENCE = {"company": "spokesperson", "customer": "customer", "placeholder": "unknown", "none": "unknown"}


class CorpusError(Exception):
    """A corpus the script cannot score (the message names the file)."""


# -- the corpus ----------------------------------------------------------------------------


def _check_entry(entry: Any, where: str, names: set[str]) -> None:
    if not isinstance(entry, dict) or not isinstance(entry.get("rule"), str):
        raise CorpusError(f"{where}: each entry needs a 'rule' name, got {entry!r}")
    if entry["rule"] not in names and entry["rule"] != STYLE:
        raise CorpusError(f"{where}: unknown rule {entry['rule']!r}")
    if "line" in entry and entry["line"] is not None and not isinstance(entry["line"], int):
        raise CorpusError(f"{where}: 'line' must be a number, got {entry['line']!r}")
    lines = entry.get("lines")
    if lines is not None and not (isinstance(lines, list) and len(lines) == 2 and all(isinstance(n, int) for n in lines)):
        raise CorpusError(f"{where}: 'lines' must be [first, last], got {lines!r}")


def load_corpus(corpus: Path, names: set[str]) -> list[tuple[str, Path, dict]]:
    """(slug, draft path, labels) for every folder of the corpus, validated; CorpusError if bad."""
    if not corpus.is_dir():
        raise CorpusError(f"{corpus}: no such corpus directory")
    drafts = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        labels_path, draft = folder / "labels.yaml", folder / "draft.md"
        if not draft.is_file() or not labels_path.is_file():
            raise CorpusError(f"{folder}: needs both draft.md and labels.yaml")
        try:
            labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise CorpusError(f"{labels_path}: invalid YAML ({' '.join(str(exc).split())})") from None
        if not isinstance(labels, dict):
            raise CorpusError(f"{labels_path}: not a mapping")
        if labels.get("split") not in SPLITS:
            raise CorpusError(f"{labels_path}: split must be dev or held-out, got {labels.get('split')!r}")
        if not isinstance(labels.get("model") or {}, dict):
            raise CorpusError(f"{labels_path}: model must be a mapping")
        for key in ENTRY_LISTS:
            entries = labels.get(key) or []
            if not isinstance(entries, list):
                raise CorpusError(f"{labels_path}: {key} must be a list")
            for entry in entries:
                _check_entry(entry, f"{labels_path}: {key}", names)
        drafts.append((folder.name, draft, labels))
    return drafts


# -- judging findings ----------------------------------------------------------------------


def _covers(entry: dict, name: str, style: bool) -> bool:
    return entry["rule"] == name or (entry["rule"] == STYLE and style)


def _at(entry: dict, line: int, slack: int) -> bool:
    """Whether an entry points at ``line`` (give or take ``slack``); no line = anywhere."""
    if entry.get("lines"):
        first, last = entry["lines"]
        return first - slack <= line <= last + slack
    return entry.get("line") is None or abs(entry["line"] - line) <= slack


def _wanted(entry_rule: str, rule: str, is_style) -> bool:
    """Whether a label entry bears on --rule: its own entries, and `style` ones for a style rule."""
    return entry_rule == rule or (rule == STYLE and is_style(entry_rule)) or (entry_rule == STYLE and is_style(rule))


def judge(findings: list[tuple[str, bool, int]], labels: dict, tolerance: int) -> dict[str, list]:
    """Sort (rule name, is style, line) findings into tp/fp/ignored/unjudged, plus the fn entries.

    Each list holds (rule, line, why) tuples; an expect is matched by the closest finding first
    pick among its candidates (line entries by distance, then document-level ones)."""
    expects = list(labels.get("expect") or [])
    matched = [False] * len(expects)
    out: dict[str, list] = {"tp": [], "fp": [], "fn": [], "ignored": [], "unjudged": []}
    for name, style, line in sorted(findings, key=lambda f: f[2]):
        candidates = [i for i, e in enumerate(expects)
                      if not matched[i] and _covers(e, name, style) and _at(e, line, tolerance)]
        if candidates:
            best = min(candidates, key=lambda i: (expects[i].get("line") is None and not expects[i].get("lines"),
                                                  abs((expects[i].get("line") or line) - line)))
            matched[best] = True
            out["tp"].append((name, line, expects[best].get("why", "")))
            continue
        for key, bucket in (("reject", "fp"), ("either", "ignored")):
            entry = next((e for e in labels.get(key) or [] if _covers(e, name, style) and _at(e, line, 0)), None)
            if entry is not None:
                out[bucket].append((name, line, entry.get("why", "")))
                break
        else:
            out["unjudged"].append((name, line, ""))
    for done, entry in zip(matched, expects):
        if not done:
            out["fn"].append((entry["rule"], entry.get("line") or (entry.get("lines") or [None])[0], entry.get("why", "")))
    return out


# -- judging the model ---------------------------------------------------------------------


def read_model(outline: dict) -> dict[str, Any]:
    """wblint's reading of the draft in the labels' terms (lines, [first, last] ranges, counts)."""
    def line(item):
        return item["line"] if item else None

    def span(item):
        return [item["line"], item["end_line"]] if item else None

    parts: dict[str, list] = {}
    for part in outline["parts"]:
        parts.setdefault(part["part"], span(part))
    return {
        "title": line(outline.get("title")), "headline": line(outline["headline"]),  # older outlines: no title
        "subheading": line(outline["subheading"]), "dateline": line(outline["dateline"]),
        "release": span(outline["press_release"]), "faq": span(outline["faq"]),
        "other": [span(o) for o in outline.get("other", [])],
        **{field: parts.get(name) for field, name in PART_FIELDS.items()},
        "quotes": sorted({(q["line"], q["end_line"], q["audience"]) for q in outline["quotes"]}),
        "faq_questions": len(outline["faq"]["questions"]) if outline["faq"] else 0,
    }


def _near(a: list | None, b: list | None, tolerance: int) -> bool:
    if not a or not b:
        return not a and not b
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


def model_agrees(field: str, label: Any, read: Any, tolerance: int) -> bool:
    """Whether wblint's reading of one model field agrees with the label.

    Lines (title ... dateline) and counts must be equal; a part agrees when the labelled line lies
    in the first block wblint gave that part; ranges agree end for end within the tolerance; quotes
    agree when each quoted paragraph wblint found is labelled with the same role, and vice versa."""
    if field in PART_FIELDS:
        return (label is None and read is None) or (label is not None and read is not None
                                                   and read[0] <= label <= read[1])
    if field in ("release", "faq"):
        return _near(label, read, tolerance)
    if field == "other":
        label = label or []
        return len(label) == len(read) and all(_near(a, b, tolerance) for a, b in zip(label, read))
    if field == "quotes":
        wanted = set()
        for quote in label or []:
            block = next((q for q in read if q[0] <= quote["line"] <= q[1]), None)
            if block is None:
                return False
            wanted.add((block[0], block[1], AUDIENCE.get(quote.get("role"), "unknown")))
        return wanted == set(read)
    return label == read


# -- the run -------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def _counts(rows: list[dict]) -> dict[str, Any]:
    total = {k: sum(r[k] for r in rows) for k in ("tp", "fp", "fn", "ignored", "unjudged")}
    return {**total, "precision": _ratio(total["tp"], total["tp"] + total["fp"]),
            "recall": _ratio(total["tp"], total["tp"] + total["fn"])}


def score(corpus: Path, split: str = "dev", tolerance: int = 2, rule: str | None = None) -> dict[str, Any]:
    """Lint every draft of the split and score it; raises CorpusError on a bad corpus."""
    from wblint.config import Config, activate
    from wblint.engine import Linter
    from wblint.model.source import decode
    from wblint.outline import build
    from wblint.rules import load_rules
    from wblint.suppress import Suppressor

    config = Config()
    ruleset = load_rules([])
    ids = {r.name: r.id for r in ruleset.rules}
    if rule is not None and rule not in ids and rule != STYLE:
        raise CorpusError(f"--rule: unknown rule {rule!r}")
    drafts = [d for d in load_corpus(corpus, set(ids)) if split == "all" or d[2]["split"] == split]
    active = activate(ruleset, config)
    linter = Linter(active, config, postprocess=Suppressor(ruleset, (r.id for r in active)))
    per_rule: dict[str, dict[str, int]] = {}
    model = {f: {"correct": 0, "total": 0, "unjudged": 0} for f in MODEL_FIELDS}
    listed: dict[str, list] = {"false_positives": [], "false_negatives": [], "model_mismatches": []}

    def is_style(name: str) -> bool:
        return name == STYLE or ids.get(name, "").startswith("WB3")

    for slug, path, labels in drafts:
        data = path.read_bytes()
        diagnostics = linter.lint_blobs([(str(path), data)])[0][1]
        findings = [(d.name, d.rule.startswith("WB3"), d.line) for d in diagnostics
                    if d.rule[:3] in ("WB1", "WB2", "WB3", "WB4")]
        if rule is not None:
            findings = [f for f in findings if f[0] == rule or (rule == STYLE and f[1])]
            labels = {**labels, **{k: [e for e in labels.get(k) or [] if _wanted(e["rule"], rule, is_style)]
                                   for k in ENTRY_LISTS}}
        judged = judge(findings, labels, tolerance)
        for bucket, items in judged.items():
            for name, line, why in items:
                per_rule.setdefault(name, dict.fromkeys(("tp", "fp", "fn", "ignored", "unjudged"), 0))[bucket] += 1
                if bucket in ("fp", "fn"):
                    key = "false_positives" if bucket == "fp" else "false_negatives"
                    listed[key].append({"slug": slug, "line": line, "rule": name, "why": why})
        read = read_model(build(str(path), decode(data), config, ruleset))
        for field in MODEL_FIELDS:
            if field not in (labels.get("model") or {}):
                model[field]["unjudged"] += 1
                continue
            label = labels["model"][field]
            model[field]["total"] += 1
            if model_agrees(field, label, read[field], tolerance):
                model[field]["correct"] += 1
            else:
                listed["model_mismatches"].append({"slug": slug, "field": field, "label": label,
                                                   "wblint": read[field]})
    rules = {name: {**row, **{k: v for k, v in _counts([row]).items() if k in ("precision", "recall")}}
             for name, row in sorted(per_rule.items(), key=lambda kv: (ids.get(kv[0], "WB3~"), kv[0]))}
    structural = [r for n, r in rules.items() if not is_style(n)]
    style = [r for n, r in rules.items() if is_style(n)]
    return {"corpus": str(corpus), "split": split, "tolerance": tolerance, "rule": rule, "drafts": len(drafts),
            "rules": rules, "totals": {"structural": _counts(structural), "style": _counts(style),
                                       "overall": _counts(list(rules.values()))},
            "model": model, **listed}


def format_text(result: dict[str, Any], quiet: bool = False) -> str:
    """The report as a plain-text table, then the FP/FN/model-mismatch listings (unless quiet)."""
    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.0%}"

    def row(name: str, r: dict) -> str:
        return (f"{name:<26}{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}{r['unjudged']:>9}{r['ignored']:>8}"
                f"{pct(r['precision']):>11}{pct(r['recall']):>8}")

    out = [f"{result['drafts']} drafts ({result['split']} split, tolerance {result['tolerance']})", "",
           f"{'rule':<26}{'TP':>5}{'FP':>5}{'FN':>5}{'unjudged':>9}{'either':>8}{'precision':>11}{'recall':>8}"]
    out += [row(name, r) for name, r in result["rules"].items()]
    out += [""] + [row(name, r) for name, r in result["totals"].items()]
    out += ["", "model accuracy (correct/total; unjudged = field not labelled)"]
    for field, m in result["model"].items():
        out.append((f"  {field:<18}{m['correct']:>3}/{m['total']:<4}"
                    + (f" ({m['unjudged']} unjudged)" if m["unjudged"] else "")).rstrip())
    if not quiet:
        for key, title in (("false_positives", "false positives"), ("false_negatives", "false negatives")):
            if result[key]:
                out += ["", title] + [f"  {e['slug']}:{e['line'] if e['line'] is not None else '-'} {e['rule']}  {e['why']}"
                                      for e in result[key]]
        if result["model_mismatches"]:
            out += ["", "model mismatches"] + [f"  {e['slug']} {e['field']}: label {e['label']!r}, wblint {e['wblint']!r}"
                                               for e in result["model_mismatches"]]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of <slug>/ drafts")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--tolerance", type=int, default=2, help="lines an expected finding may be off by")
    parser.add_argument("--rule", help="score only this rule (a name, or 'style')")
    parser.add_argument("--quiet", action="store_true", help="no FP/FN/mismatch listings")
    args = parser.parse_args(argv)
    try:
        result = score(args.corpus, args.split, args.tolerance, args.rule)
    except CorpusError as exc:
        print(f"real_corpus: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        if args.quiet:
            for key in ("false_positives", "false_negatives", "model_mismatches"):
                result.pop(key)
        print(json.dumps(result, indent=2, default=list))
    else:
        sys.stdout.write(format_text(result, args.quiet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
