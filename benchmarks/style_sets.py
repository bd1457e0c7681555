"""Precision and recall of the style rules on the fresh labelled sentence sets.

fixtures/style-sets/<half>/<rule>.yaml were written by a labeller who does not change
the rules, from each rule's purpose and issue 15's defect classes (a third of the pass
items are hard traps). Each text is linted as the body paragraph of a one-paragraph press
release with only its rule selected (tests/sentence_set.py). Develop on ``dev``; score
``held-out`` once, at the end of a change.

    python benchmarks/style_sets.py --half dev            # table, then every miss and false alarm
    python benchmarks/style_sets.py --half held-out --quiet
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sentence_set import Scorer, table  # noqa: E402

SETS = ROOT / "fixtures" / "style-sets"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=["dev", "held-out", "held-out-2"], default="dev")
    parser.add_argument("--rule", help="score only this rule")
    parser.add_argument("--quiet", action="store_true", help="no listing of misses and false alarms")
    args = parser.parse_args(argv)
    scorer = Scorer()
    files = sorted((SETS / args.half).glob("*.yaml"))
    scores = [scorer.score_file(f, args.half) for f in files if args.rule in (None, f.stem)]
    print(table(scores))
    if not args.quiet:
        for score in scores:
            for text in score.missed:
                print(f"  missed      {score.rule}: {text}")
            for text in score.false_alarms:
                print(f"  false alarm {score.rule}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
