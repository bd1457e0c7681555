"""What the readability rule costs a one-file cold run, per formula.

    python benchmarks/readability.py               # every formula, median of 5 runs each
    python benchmarks/readability.py --repeat 9 --formulas flesch-kincaid,dale-chall

Each run is ``wblint check --no-cache`` on one press release (fixtures/samples/bad-jargon.md)
in a fresh process, with the readability rule set to one formula; the first row lints the
same file with the rule off.  The default grade counts syllables with wblint's own reader of
the CMU dictionary; the formulas that look words up in textstat's list of easy words (Gunning
fog, Dale-Chall, the consensus) have textstat build its whole dictionary first.  Runs of the
formulas alternate, so a drift of the shared machine spreads over all of them.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from run import wblint, wblint_env  # noqa: E402

from wblint.readability.formulas import DEFAULT, FORMULAS  # noqa: E402
from wblint.readability.measure import CHARACTERS, DIFFICULT, LETTERS  # noqa: E402

DRAFT = ROOT / "fixtures" / "samples" / "bad-jargon.md"
OFF = "(rule off)"

# Wall time and CPU time (user + system, the process and its children): the CPU time is what
# the formula adds, and moves less than the wall time when others share the machine.
WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "code": done.returncode,
                  "stderr": done.stderr.decode("utf-8", "replace")[-2000:]}))
"""


def measure(command: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True,
                          env=wblint_env(), check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["code"] not in (0, 1):
        raise SystemExit(f"command failed ({result['code']}): {' '.join(command)}\n{result['stderr']}")
    return result


def counted_with(needs: frozenset[str]) -> str:
    if DIFFICULT in needs:
        return "textstat, whole dictionary"
    if LETTERS in needs or CHARACTERS in needs:
        return "textstat's letter counts"
    return "wblint's syllable reader"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per formula (the median is shown)")
    parser.add_argument("--formulas", default=",".join(FORMULAS), help="comma-separated formula names")
    args = parser.parse_args()
    formulas = [name.strip() for name in args.formulas.split(",") if name.strip()]
    unknown = [name for name in formulas if name not in FORMULAS]
    if unknown:
        raise SystemExit(f"unknown formula {unknown[0]!r}; choose from {', '.join(FORMULAS)}")

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "wblint")], check=True,
                   stdout=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp(prefix="wblint-readability-"))
    draft = work / "draft.md"
    draft.write_bytes(DRAFT.read_bytes())
    commands = {OFF: wblint("check", "--no-cache", "--isolated", "--ignore", "readability", str(draft))}
    for name in formulas:
        config = work / f"{name}.yaml"
        config.write_text(f"rules:\n  readability:\n    formula: {name}\n", encoding="utf-8")
        commands[name] = wblint("check", "--no-cache", "--config", str(config), str(draft))

    runs: dict[str, list[dict]] = {name: [] for name in commands}
    measure(commands[OFF])  # one untimed run: the disk's file cache is warm for every row
    for _ in range(args.repeat):
        for name, command in commands.items():
            runs[name].append(measure(command))

    def median(name: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[name])

    base_wall, base_cpu = median(OFF, "wall"), median(OFF, "cpu")
    print(f"One-file cold run (fixtures/samples/bad-jargon.md), median of {args.repeat}, "
          f"{len(os.sched_getaffinity(0))} CPUs, Python {sys.version.split()[0]}:")
    print()
    print("| readability formula | counts with | wall | CPU | CPU over the rule off |")
    print("|---|---|---:|---:|---:|")
    for name in runs:
        wall, cpu = median(name, "wall"), median(name, "cpu")
        if name == OFF:
            print(f"| {OFF} | - | {wall:.2f} s | {cpu:.2f} s | - |")
            continue
        label = f"{name} (default)" if name == DEFAULT else name
        print(f"| {label} | {counted_with(FORMULAS[name].needs)} | {wall:.2f} s | {cpu:.2f} s | "
              f"{cpu - base_cpu:+.2f} s |")
    print()
    print("Wall time over the rule off: " + ", ".join(
        f"{name} {median(name, 'wall') - base_wall:+.2f} s" for name in runs if name != OFF))


if __name__ == "__main__":
    main()
