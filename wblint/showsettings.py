"""`wblint check --show-settings FILE`: the configuration one draft runs under, and where
each value came from -- a default, a configuration file and line, or a flag.

When files extend each other, "why is this rule off here?" has an answer in one of
several files; this prints it instead of leaving the reader to merge them by hand.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .config import DEFAULT, Config, resolve
from .configfile import DEFAULT_EXCLUDE

VALUE_WIDTH = 48  # long values (word lists) are cut to this in the text form


def settings_data(workspace, path: Path, shown: str) -> dict[str, Any]:
    """The effective settings of the draft at ``path`` as plain data (what ``--format json`` prints)."""
    config, matched = workspace.settings_for(path)
    layers = config.each_layer()
    rules = resolve(workspace.ruleset(config), config, matched)
    return {
        "path": shown,
        "files": [layer.source for layer in layers if layer.source is not None],
        "settings": {
            "default-kind": _nearest(layers, "default_kind", "default-kind"),
            "nlp.model": _nearest(layers, "nlp_model", "nlp.model"),
            "exclude": _exclude(layers),
            "extend-exclude": _entries(layers, "extend_exclude", "extend-exclude"),
            "include": _entries(layers, "include", "include"),
            "rules-dirs": _entries(layers, "rules_dirs", "rules-dirs"),
            "per-file-ignores": [
                {"glob": pattern, "rules": keys, "from": layers[i].where(f"per-file-ignores.{pattern}")}
                for i, what, j in matched if what == "per-file-ignores"
                for pattern, keys in [layers[i].per_file_ignores[j]]],
            "per-file-rules": [
                {"glob": pattern, "from": layers[i].where(f"per-file-rules.{pattern}")}
                for i, what, j in matched if what == "per-file-rules"
                for pattern, _ in [layers[i].per_file_rules[j]]],
        },
        "rules": [{
            "id": s.rule.id, "name": s.rule.name, "active": s.active, "why": s.why,
            "severity": {"value": str(s.severity), "from": s.origins["severity"]},
            "options": {name: {"value": value, "from": s.origins[name]} for name, value in s.options.items()},
        } for s in sorted(rules, key=lambda s: s.rule.id)],
    }


def _nearest(layers: tuple[Config, ...], attribute: str, key: str) -> dict[str, Any]:
    for layer in reversed(layers):
        if getattr(layer, attribute) is not None:
            return {"value": getattr(layer, attribute), "from": layer.where(key)}
    return {"value": None, "from": DEFAULT}


def _exclude(layers: tuple[Config, ...]) -> dict[str, Any]:
    for layer in reversed(layers):
        if layer.exclude is not None:
            return {"value": layer.exclude, "from": layer.where("exclude")}
    return {"value": DEFAULT_EXCLUDE, "from": DEFAULT}


def _entries(layers: tuple[Config, ...], attribute: str, key: str) -> list[dict[str, Any]]:
    return [{"value": str(item), "from": layer.where(f"{key}[{index}]")}
            for layer in layers for index, item in enumerate(getattr(layer, attribute))]


def format_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def format_text(data: dict[str, Any]) -> str:
    lines = [f"{data['path']}", "",
             "configuration files (outermost first): " + (", ".join(data["files"]) or "none"), ""]
    rows: list[tuple[str, str, str]] = []
    for key, entry in data["settings"].items():
        if isinstance(entry, dict):
            rows.append((key, _value(entry["value"]), entry["from"]))
        elif not entry:
            rows.append((key, "[]", DEFAULT))
        for item in entry if isinstance(entry, list) else ():
            shown = item.get("value", item.get("glob"))
            if "rules" in item:
                shown = f"{shown}: {', '.join(item['rules'])}"
            rows.append((key, _value(shown), item["from"]))
    lines += _table(rows, indent=0)
    active = sum(rule["active"] for rule in data["rules"])
    lines += ["", f"rules ({active} of {len(data['rules'])} run)"]
    for rule in data["rules"]:
        state = "runs" if rule["active"] else "off"
        lines.append(f"  {rule['id']} {rule['name']}: {state} ({rule['why']})")
        if rule["active"]:
            values = [("severity", rule["severity"]["value"], rule["severity"]["from"])]
            values += [(name, _value(option["value"]), option["from"]) for name, option in rule["options"].items()]
            lines += _table(values, indent=6)
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    text = "null" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= VALUE_WIDTH else text[:VALUE_WIDTH - 1] + "…"


def _table(rows: list[tuple[str, str, str]], indent: int) -> list[str]:
    if not rows:
        return []
    width = max(len(key) for key, _, _ in rows)
    values = max(len(value) for _, value, _ in rows)
    return [f"{' ' * indent}{key:<{width}}  {value:<{values}}  {origin}".rstrip() for key, value, origin in rows]
