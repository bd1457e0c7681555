"""Time and peak memory of wblint on pathological drafts just under the size limit.

    python benchmarks/pathological.py                 # every input, one process each
    python benchmarks/pathological.py --only links,headings --timeout 300
    python benchmarks/pathological.py --keep /tmp/patho   # keep the generated files

Each input is generated here (no large file is stored in the repository): a table 10,000
columns wide, a table of 441,000 cells, 100,000 links, 80,000 bare URLs, 60,000 headings,
one 240 KB paragraph without a full stop, drafts just inside the markup budget (table
cells, links, URLs, emphasis, headings, paragraphs), and a file over the size limit read from stdin.
Each runs as ``wblint check --no-cache --jobs 1 --all-files FILE`` in its own process, and
the script prints its wall time, its CPU time (user + system: on a shared machine the wall
time also counts the wait for a core), the peak memory of that process and the findings
that say the file was not (fully) linted.  The target is under 10 s and 500 MiB each.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HEAD = "# Acme Ledger Closes the Books for Small Bakeries Every Night\n\n"

WRAPPER = r"""
import json, resource, subprocess, sys, time
stdin_path, timeout, command = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
start = time.perf_counter()
stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
try:
    done = subprocess.run(command, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    code, out, err = done.returncode, done.stdout, done.stderr
except subprocess.TimeoutExpired as exc:
    code, out, err = None, exc.stdout or b"", exc.stderr or b""
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024, "code": code,
                  "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace")[-2000:]}))
"""


def wide_table() -> str:
    columns = 10_000
    rows = ["|" + "c|" * columns, "|" + "-|" * columns]
    rows += ["|" + "a|" * columns] * 40
    return HEAD + "\n".join(rows) + "\n"


def many_cells() -> str:
    columns, body = 441, 1_000  # 441,000 cells
    rows = ["|" + "c|" * columns, "|" + "-|" * columns]
    rows += ["|" + "a|" * columns] * (body - 1)
    return HEAD + "\n".join(rows) + "\n"


def links() -> str:
    line = " ".join(f"[w{i}](u{i})" for i in range(10))
    return HEAD + "\n".join([line] * 10_000) + "\n"


def bare_urls() -> str:
    line = " ".join(["http://a.io"] * 10)
    return HEAD + "\n".join([line] * 8_000) + "\n"


def headings() -> str:
    return HEAD + "".join(f"## Part {i}\n" for i in range(60_000))


def no_full_stop() -> str:
    words = ("we will leverage the the world class synergy of very unique tools and we will basically "
             "ship an industry leading platform that is utilized by the the teams").split()
    text, i = [], 0
    size = 0
    while size < 240_000:
        word = words[i % len(words)]
        text.append(word)
        size += len(word) + 1
        i += 1
    return HEAD + " ".join(text) + "\n"


# Just inside the markup budget (wblint.budget.MAX_MARKUP, 20,000): what a draft under it may
# cost is what bounds the rest.
def cells_in_budget() -> str:
    columns, rows = 37, 510  # 38 pipes and a line end a row
    lines = ["|" + "c|" * columns, "|" + "-|" * columns] + ["|" + "a|" * columns] * (rows - 2)
    return HEAD + "\n".join(lines) + "\n"


def links_in_budget() -> str:
    line = " ".join(f"[w{i}](u{i})" for i in range(20))
    return HEAD + "\n".join([line] * 950) + "\n"


def urls_in_budget() -> str:
    line = " ".join(["http://a.io"] * 20)
    return HEAD + "\n".join([line] * 950) + "\n"


def emphasis_in_budget() -> str:
    line = " ".join(["**bold** and *it*"] * 10)
    return HEAD + "\n\n".join([line] * 320) + "\n"


def headings_in_budget() -> str:
    return HEAD + "".join(f"## Part {i}\n" for i in range(19_500))


def paragraphs_in_budget() -> str:
    return HEAD + "".join(f"Word {i}\n\n" for i in range(9_700))


def over_limit() -> str:
    return HEAD + ("Customers save an hour a day. " * 40_000)


INPUTS: dict[str, tuple[Callable[[], str], bool]] = {  # name -> (generator, read from stdin)
    "wide-table": (wide_table, False),
    "many-cells": (many_cells, False),
    "links": (links, False),
    "bare-urls": (bare_urls, False),
    "headings": (headings, False),
    "no-full-stop": (no_full_stop, False),
    "cells-in-budget": (cells_in_budget, False),
    "links-in-budget": (links_in_budget, False),
    "urls-in-budget": (urls_in_budget, False),
    "emphasis-in-budget": (emphasis_in_budget, False),
    "headings-in-budget": (headings_in_budget, False),
    "paragraphs-in-budget": (paragraphs_in_budget, False),
    "stdin-over-limit": (over_limit, True),
}
NOT_LINTED = ("WB001", "WB002", "WB003", "WB006", "WB008")  # read, parse, internal, timeout, budget codes


def run(name: str, work: Path, timeout: float) -> dict:
    generate, from_stdin = INPUTS[name]
    path = work / f"{name}.md"
    path.write_text(generate(), encoding="utf-8")
    env = os.environ.copy()
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("CI", None)
    args = ["check", "--no-cache", "--jobs", "1", "--all-files", "--format", "json", "--isolated"]
    command = [sys.executable, "-m", "wblint", *args, "-" if from_stdin else str(path)]
    done = subprocess.run([sys.executable, "-c", WRAPPER, str(path) if from_stdin else "", str(timeout), *command],
                          capture_output=True, text=True, env=env, check=True, cwd=work)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    row = {"input": name, "bytes": path.stat().st_size, "wall_s": result["wall"], "cpu_s": result["cpu"],
           "peak_mib": result["peak_mib"],
           "code": result["code"]}
    try:
        found = json.loads(result["stdout"]) if result["code"] is not None else []
    except json.JSONDecodeError:
        found = []
        row["error"] = result["stderr"].strip().splitlines()[-1:] or result["stdout"][-200:]
    row["findings"] = len(found)
    row["not_linted"] = sorted({f"{d['name']}: {d['message'][:90]}" for d in found if d["rule"] in NOT_LINTED})
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="comma-separated input names (default: all)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run is stopped")
    parser.add_argument("--keep", type=Path, default=None, help="write the inputs here and keep them")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(INPUTS)
    unknown = [n for n in names if n not in INPUTS]
    if unknown:
        raise SystemExit(f"unknown input {', '.join(unknown)}; choose from {', '.join(INPUTS)}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="wblint-patho-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    print("| input | size | wall | CPU | peak RSS | findings | not linted |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name in names:
        row = run(name, work, args.timeout)
        rows.append(row)
        wall = f"{row['wall_s']:.1f} s" if row["code"] is not None else f"> {args.timeout:.0f} s (stopped)"
        notes = "; ".join(row["not_linted"]) or row.get("error") or "-"
        print(f"| {name} | {row['bytes'] / 1000:.0f} KB | {wall} | {row['cpu_s']:.1f} s | {row['peak_mib']:.0f} MiB | "
              f"{row['findings']} | {notes} |",
              flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
