"""Write docs/rules/: a page per built-in rule, rendered from its YAML (wblint.ruledocs).

    python scripts/rule_docs.py          # rewrite the pages (and remove pages of rules that are gone)
    python scripts/rule_docs.py --check  # change nothing; exit 1 and name each stale page

Run it after changing a rule in rules/; tests/test_rule_docs.py fails until you do.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's wblint, not an installed one

from wblint.ruledocs import all_pages  # noqa: E402
from wblint.rules import load_rules  # noqa: E402

DOCS = ROOT / "docs" / "rules"


def stale(pages: dict[str, str], directory: Path) -> list[str]:
    """The pages that differ from what would be written, and the ones no rule has any more."""
    present = {path.name for path in directory.glob("*.md")} if directory.is_dir() else set()
    changed = [name for name, text in pages.items()
               if name not in present or (directory / name).read_text(encoding="utf-8") != text]
    return sorted(changed + sorted(present - set(pages)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a page is stale")
    parser.add_argument("--output", type=Path, default=DOCS, help="where the pages go (default: docs/rules)")
    args = parser.parse_args(argv)
    pages = all_pages(load_rules().rules)
    out_of_date = stale(pages, args.output)
    if args.check:
        for name in out_of_date:
            print(f"{args.output / name}: out of date; run python scripts/rule_docs.py", file=sys.stderr)
        return 1 if out_of_date else 0
    args.output.mkdir(parents=True, exist_ok=True)
    for name in out_of_date:
        path = args.output / name
        if name in pages:
            path.write_text(pages[name], encoding="utf-8")
        else:
            path.unlink()
    print(f"{args.output}: {len(pages)} pages, {len(out_of_date)} written or removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
