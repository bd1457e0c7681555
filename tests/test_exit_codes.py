"""Exit codes and signals: an internal error is never mistaken for findings, Ctrl-C stops
with one line (saying what --fix already rewrote), and worker processes never outlive,
or hang, the run that started them."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, SAMPLES, write

DOUBLED = "# Acme Ledger Closes the Books for Small Shops\n\nOwners close the the books in a day.\n"


def wblint(cwd: Path, args: list[str], setup: str = "", wait: bool = True, timeout: float = 180):
    """wblint in a fresh interpreter, after ``setup`` (Python run first: a patch that makes
    something go wrong at a chosen moment)."""
    code = "import os, signal, sys\n" + setup + "\nfrom wblint.cli import main\nmain(prog_name='wblint')\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WBLINT_NO_CACHE": "1", "WBLINT_ALL_FILES": "1"}
    command = [sys.executable, "-c", code, *args]
    if not wait:
        return subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_an_internal_error_exits_2_not_1(tmp_path):
    write(tmp_path / "a.md", DOUBLED)
    setup = ("import wblint.checkrun as run\n"
             "def broken(*args, **kwargs): raise RuntimeError('a bug in a formatter')\n"
             "run._report = broken\n")
    done = wblint(tmp_path, ["check", "a.md"], setup)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wblint: internal error: RuntimeError: a bug in a formatter")


def test_ctrl_c_exits_130_with_one_line(tmp_path):
    write(tmp_path / "a.md", DOUBLED)
    setup = ("import wblint.workspace as w\n"
             "w.Workspace.lint_files = lambda *a, **k: os.kill(os.getpid(), signal.SIGINT) or []\n")
    done = wblint(tmp_path, ["check", "a.md"], setup)
    assert done.returncode == 130
    assert done.stderr.strip().splitlines() == ["wblint: interrupted"]


def test_ctrl_c_during_fix_says_how_many_files_were_already_rewritten(tmp_path):
    for name in ("a.md", "b.md", "c.md"):
        write(tmp_path / name, DOUBLED)
    setup = ("import wblint.fix as f\n"
             "real, written = f.write_fixed, []\n"
             "def write(path, data):\n"
             "    real(path, data)\n"
             "    written.append(path)\n"
             "    if len(written) == 2: os.kill(os.getpid(), signal.SIGINT)\n"
             "f.write_fixed = write\n")
    done = wblint(tmp_path, ["check", "--isolated", "--select", "repeated-words", "--fix", "."], setup)
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip().splitlines() == ["wblint: interrupted; --fix had already rewritten 2 files"]
    assert [(tmp_path / n).read_text(encoding="utf-8").count("the the") for n in ("a.md", "b.md", "c.md")] == [0, 0, 1]


def _tree(tmp_path: Path, copies: int = 24) -> Path:
    tree = tmp_path / "drafts"
    samples = sorted(SAMPLES.glob("*.md"))
    for i in range(copies):
        source = samples[i % len(samples)]
        write(tree / f"{i:02d}-{source.name}", source.read_text(encoding="utf-8") + f"\nCopy {i}.\n")
    return tree


def _worker_pids(directory: Path, count: int, timeout: float = 120) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = [int(p.name) for p in directory.iterdir()]
        if len(pids) >= count:
            return pids
        time.sleep(0.1)
    raise AssertionError(f"the pool did not start {count} workers")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


RECORD_WORKERS = """
import wblint.scan as s
real_init = s._init_worker
def init(linter):
    open(os.path.join({directory!r}, str(os.getpid())), "w").close()
    real_init(linter)
s._init_worker = init
"""


def test_killing_the_parent_ends_its_workers(tmp_path):
    tree, pids = _tree(tmp_path, copies=200), tmp_path / "pids"
    pids.mkdir()
    parent = wblint(tmp_path, ["check", "-j", "2", str(tree)], RECORD_WORKERS.format(directory=str(pids)), wait=False)
    try:
        workers = _worker_pids(pids, 2)
        parent.kill()
        parent.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in workers), "a worker outlived the parent"
    finally:
        parent.kill()
        for pid in [int(p.name) for p in pids.iterdir()]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_a_stopped_worker_does_not_hang_the_parent(tmp_path):
    tree, pids = _tree(tmp_path), tmp_path / "pids"
    pids.mkdir()
    setup = RECORD_WORKERS.format(directory=str(pids)) + f"""
s.WORKER_TIMEOUT = 5
real_work = s._work
def work(blobs):
    try:  # the first worker to get a task stops, as if suspended with kill -STOP
        os.close(os.open(os.path.join({str(tmp_path)!r}, "stopped"), os.O_CREAT | os.O_EXCL))
        os.kill(os.getpid(), signal.SIGSTOP)
    except FileExistsError:
        pass
    return real_work(blobs)
s._work = work
"""
    expected = wblint(tmp_path, ["check", "-j", "1", "--format", "json", str(tree)])
    try:
        done = wblint(tmp_path, ["check", "-j", "2", "--format", "json", str(tree)], setup, timeout=300)
        assert (tmp_path / "stopped").exists(), "no worker was stopped"
        assert done.returncode == expected.returncode == 1, done.stderr
        assert done.stdout == expected.stdout  # every file linted, in order, nothing lost
        assert not any(_alive(int(p.name)) for p in pids.iterdir()), "the stopped worker was left behind"
    finally:
        for pid in [int(p.name) for p in pids.iterdir()]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
