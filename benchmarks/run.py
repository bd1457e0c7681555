"""wblint's benchmark: speed and memory on seeded corpora of 1, 100 and 1,000 drafts.

    python benchmarks/run.py                       # sizes 1, 100, 1000; jobs = CPU count
    python benchmarks/run.py --sizes 100 --jobs 2 --json figures.json
    python benchmarks/run.py --proselint /tmp/proselint-venv/bin/proselint
    python benchmarks/run.py --sizes 1000 --repeat 3     # medians of 3 cold/floor pairs

For each size it reports, in one run:

* wblint cold (empty cache) and warm (same tree again) wall time, and the peak memory
  of any of its processes (the largest max RSS in the process tree: each measured
  command runs under a small wrapper that reads ``getrusage(RUSAGE_CHILDREN)``);
* the floor: raw ``nlp.pipe`` over exactly the texts wblint sends to spaCy (recorded
  with ``WBLINT_NLP_DUMP`` in a separate, untimed run), with the same components for
  each text, ``batch_size`` 32 and the same number of processes (the pipeline loaded
  once, then forked; each process pipes an equal share); the floor is the wall time
  of that whole program (import spaCy, load, pipe), so the ratio compares like with
  like; the pipe time alone is shown too;
* proselint on the same corpus (its own virtual environment, never a wblint
  dependency: ``python -m venv /tmp/proselint-venv && /tmp/proselint-venv/bin/pip
  install proselint``; the script creates it when ``--proselint`` is not given);
* ``wblint --version`` wall time (best of five).

Wall times on a shared machine drift by tens of percent between runs: ``--repeat N``
alternates N cold scans with N floors, reports the medians and keeps every run.

The package is byte-compiled first, as pip does when it installs wblint.
The corpus comes from benchmarks/corpus.py (seeded: the same files on every machine).
Figures depend on the machine: quote them with its CPU count.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux: largest in the tree
print(json.dumps({"wall": wall, "peak_mib": peak / 1024, "code": done.returncode,
                  "stderr": done.stderr.decode("utf-8", "replace")[-2000:]}))
"""

FLOOR = r"""
import json, multiprocessing, sys, time
from pathlib import Path
start = time.perf_counter()
import spacy
from wblint import nlp as wnlp
dump, jobs, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
groups = {}
for path in sorted(dump.glob("*.jsonl")):
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        groups.setdefault(tuple(item["components"]), []).append(item["text"])
wanted = sorted({c for names in groups for c in names})
needs = {cap for cap, comps in wnlp.COMPONENTS.items() if set(comps) <= set(wanted)}
pipeline = wnlp.load(needs) if groups else None
loaded = time.perf_counter()


def run(share):
    tokens = 0
    for names, texts in share:
        nlp = pipeline.nlp
        with nlp.select_pipes(enable=[n for n in names if n in nlp.pipe_names]):
            for doc in nlp.pipe(texts, batch_size=wnlp.BATCH_SIZE):
                tokens += len(doc)
    return tokens


# Each process takes every jobs-th text of each group; the pipeline is loaded once, before
# the fork, so the floor pays one load (a lower bound for any design).
shares = [[(names, texts[i::jobs]) for names, texts in sorted(groups.items())] for i in range(jobs)]
if jobs > 1:
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        tokens = sum(pool.map(run, shares))
else:
    tokens = run(shares[0])
end = time.perf_counter()
out.write_text(json.dumps({"load": loaded - start, "pipe": end - loaded, "tokens": tokens,
                           "texts": sum(len(t) for t in groups.values()),
                           "chars": sum(len(x.lstrip(" ")) for t in groups.values() for x in t),
                           "groups": {" ".join(k): len(v) for k, v in groups.items()}}))
"""


def measure(command: list[str], env: dict | None = None) -> dict:
    """Wall time and the peak RSS of any process of ``command`` (run under the wrapper)."""
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True,
                          env=env or os.environ.copy(), check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["code"] not in (0, 1):
        raise SystemExit(f"command failed ({result['code']}): {' '.join(command)}\n{result['stderr']}")
    return result


def wblint_env(**extra: str) -> dict:
    env = os.environ.copy()
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("CI", None)
    env.update(extra)
    return env


def wblint(*args: str) -> list[str]:
    return [sys.executable, "-m", "wblint", *args]


def ensure_proselint(given: str | None, venv: Path) -> str | None:
    if given:
        return given
    binary = venv / "bin" / "proselint"
    if binary.exists():
        return str(binary)
    print(f"installing proselint into {venv} (a separate venv; not a wblint dependency) ...", flush=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"], check=True)
    except subprocess.CalledProcessError:
        return None
    return str(binary) if binary.exists() else None


def proselint_command(binary: str, files: list[Path]) -> list[str]:
    """proselint >= 0.14 has `proselint check PATHS`; older releases take the paths directly."""
    probe = subprocess.run([binary, "--help"], capture_output=True, text=True)
    if re.search(r"^\s+check\s", probe.stdout, re.MULTILINE):
        return [binary, "check", *map(str, files)]
    return [binary, *map(str, files)]


def _parsed_chars(dump: Path) -> int:
    """Characters of prose (pads left out) that went through the tagger or parser."""
    total = 0
    for path in dump.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if "tagger" in item["components"] or "parser" in item["components"]:
                total += len(item["text"].lstrip(" "))
    return total


def run_size(size: int, jobs: int, work: Path, proselint: str | None, compare_prefilter: bool,
             repeat: int = 1) -> dict:
    tree = work / f"corpus-{size}"
    if not tree.exists():
        corpus.generate(tree, size, seed=7)
    files = sorted(tree.glob("*.md"))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    procs = jobs if size > 1 else 1
    row: dict = {"files": size, "words": words, "jobs": procs}

    # What wblint sends to spaCy (untimed run).
    dump = work / f"dump-{size}"
    shutil.rmtree(dump, ignore_errors=True)
    dump.mkdir()
    measure(wblint("check", "--no-cache", "-j", str(jobs), "-q", str(tree)), wblint_env(WBLINT_NLP_DUMP=str(dump)))

    # Cold scan and floor alternate, `repeat` times: this machine's speed drifts between runs, and
    # pairing them keeps each ratio fair; the medians are reported, every run is kept.
    cache = work / f"cache-{size}"
    floor_out = work / f"floor-{size}.json"
    colds, floors, warms = [], [], []
    for _ in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        colds.append(measure(wblint("check", "--cache-dir", str(cache), "-j", str(jobs), "-q", str(tree)), wblint_env()))
        floors.append(measure([sys.executable, "-c", FLOOR, str(dump), str(procs), str(floor_out)], wblint_env()))
    for _ in range(max(3, repeat)):
        warms.append(measure(wblint("check", "--cache-dir", str(cache), "-j", str(jobs), "-q", str(tree)), wblint_env()))
    floor = json.loads(floor_out.read_text()) if floor_out.exists() else {}
    row.update(cold_s=statistics.median(r["wall"] for r in colds), cold_runs=[r["wall"] for r in colds],
               cold_peak_mib=max(r["peak_mib"] for r in colds),
               warm_s=statistics.median(r["wall"] for r in warms), warm_runs=[r["wall"] for r in warms],
               warm_peak_mib=max(r["peak_mib"] for r in warms),
               floor_s=statistics.median(r["wall"] for r in floors), floor_runs=[r["wall"] for r in floors],
               floor_pipe_s=floor.get("pipe", 0.0), floor_peak_mib=max(r["peak_mib"] for r in floors),
               spacy_texts=floor.get("texts", 0), spacy_chars=floor.get("chars", 0), spacy_groups=floor.get("groups", {}))
    row["cold_over_floor"] = row["cold_s"] / row["floor_s"] if row["floor_s"] else None
    row["ratio_runs"] = [c["wall"] / f["wall"] for c, f in zip(colds, floors)]

    if compare_prefilter:  # the same cold scan with the parse prefilter off
        dump_off = work / f"dump-off-{size}"
        shutil.rmtree(dump_off, ignore_errors=True)
        dump_off.mkdir()
        off = measure(wblint("check", "--no-cache", "-j", str(jobs), "-q", str(tree)),
                      wblint_env(WBLINT_PREFILTER="0", WBLINT_NLP_DUMP=str(dump_off)))
        row.update(no_prefilter_s=off["wall"], parsed_chars=_parsed_chars(dump), parsed_chars_no_prefilter=_parsed_chars(dump_off))

    if proselint:
        prose = measure(proselint_command(proselint, files))
        row.update(proselint_s=prose["wall"], proselint_peak_mib=prose["peak_mib"])
    return row


def version_time() -> float:
    times = []
    for _ in range(5):
        times.append(measure(wblint("--version"), wblint_env())["wall"])
    return min(times)


def table(rows: list[dict], version_s: float, cpus: int) -> str:
    lines = [
        f"Machine: {cpus} CPUs, Python {sys.version.split()[0]}; `wblint --version`: {version_s:.3f} s (best of 5)",
        "",
        "| drafts | words | procs | cold | warm | peak RSS | floor (whole process) | floor pipe only | cold / floor | proselint |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        ratio = f"{r['cold_over_floor']:.2f}x" if r.get("cold_over_floor") else "n/a"
        prose = f"{r['proselint_s']:.2f} s" if "proselint_s" in r else "n/a"
        lines.append(
            f"| {r['files']:,} | {r['words']:,} | {r['jobs']} | {r['cold_s']:.2f} s | {r['warm_s']:.2f} s | "
            f"{max(r['cold_peak_mib'], r['warm_peak_mib']):.0f} MiB | {r['floor_s']:.2f} s | {r['floor_pipe_s']:.2f} s | "
            f"{ratio} | {prose} |")
    lines.append("")
    for r in rows:
        if len(r["cold_runs"]) > 1:
            lines.append(f"{r['files']:,} drafts, {len(r['cold_runs'])} runs: cold " + ", ".join(f"{x:.2f}" for x in r["cold_runs"])
                         + " s; floor " + ", ".join(f"{x:.2f}" for x in r["floor_runs"]) + " s; cold / floor "
                         + ", ".join(f"{x:.2f}x" for x in r["ratio_runs"]) + "; warm "
                         + ", ".join(f"{x:.2f}" for x in r["warm_runs"]) + " s")
    for r in rows:
        if "no_prefilter_s" in r:
            lines.append(f"{r['files']:,} drafts, parse prefilter off: cold {r['no_prefilter_s']:.2f} s; the tagger/parser "
                         f"read {r['parsed_chars_no_prefilter']:,} characters instead of {r['parsed_chars']:,}")
    for r in rows:
        groups = ", ".join(f"{k or '(none)'}: {v:,}" for k, v in sorted(r["spacy_groups"].items()))
        lines.append(f"{r['files']:,} drafts: spaCy saw {r['spacy_texts']:,} texts, {r['spacy_chars']:,} characters of prose "
                     f"({groups or 'nothing'})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,100,1000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: CPU count)")
    parser.add_argument("--work", type=Path, default=None, help="where corpora and caches go (default: a temp dir)")
    parser.add_argument("--proselint", default=None, help="path of a proselint executable")
    parser.add_argument("--no-proselint", action="store_true", help="skip the proselint comparison")
    parser.add_argument("--no-prefilter-comparison", action="store_true",
                        help="skip the extra cold scan with the parse prefilter off")
    parser.add_argument("--repeat", type=int, default=1,
                        help="cold scans and floors to run, alternating (medians are reported)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from wblint.scan import default_jobs

    # An installed wblint runs from bytecode (pip compiles it); a source checkout under
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module on every run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "wblint")], check=True,
                   stdout=subprocess.DEVNULL)
    cpus = default_jobs()
    jobs = args.jobs or cpus
    work = args.work or Path(tempfile.mkdtemp(prefix="wblint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    proselint = None if args.no_proselint else ensure_proselint(args.proselint, Path(tempfile.gettempdir()) / "proselint-venv")
    rows = []
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        print(f"== {size} drafts ...", flush=True)
        rows.append(run_size(size, jobs, work, proselint, not args.no_prefilter_comparison, args.repeat))
        print(json.dumps(rows[-1], indent=None, default=str), flush=True)
    version_s = version_time()
    print()
    print(table(rows, version_s, cpus))
    if args.json:
        args.json.write_text(json.dumps({"cpus": cpus, "version_s": version_s, "rows": rows}, indent=2),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
