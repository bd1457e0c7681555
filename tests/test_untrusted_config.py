"""Configuration and rule packs come from the linted repository: they are data, never code,
and nothing in them can make wblint run for minutes, fill memory or crash."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, write

DRAFT = "# Acme Ledger Closes the Books for Small Shops\n\nAcme Ledger closes the books. It is fast.\n"


def run_module(cwd, *args: str) -> subprocess.CompletedProcess:
    """``python -m wblint`` from ``cwd``, as a CI job runs it from the repository it lints."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "wblint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("module, model", [
    ("evil.py", "evil"),
    ("evil.py", "evil.pipeline"),  # a dotted name imports its parent to find the child
    ("evil_pkg/__init__.py", "evil-pkg"),  # a package that looks like a pipeline: meta.json beside it
])
def test_nlp_model_never_imports_a_module_the_repository_holds(tmp_path, module, model):
    marker = tmp_path / "imported"
    write(tmp_path / module, f"open({str(marker)!r}, 'w').write('ran')\n")
    write((tmp_path / module).parent / "meta.json", '{"name": "core_web_sm", "version": "3.8.0"}')
    write(tmp_path / ".wblint.yaml", f"nlp: {{model: {model}}}\n")
    write(tmp_path / "draft.md", DRAFT)
    result = run_module(tmp_path, "check", "--no-cache", "draft.md")
    assert not marker.exists(), "a module named by the configuration was imported"
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wblint: error:") and "nlp.model" in lines[0], result.stderr


def _bomb(levels: int = 9) -> str:
    """Under 1 KB of YAML whose aliases expand to 10**levels values."""
    lines = ['l0: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 10)}]")
    return "\n".join(lines) + f"\nselect: *l{levels - 1}\n"


@pytest.mark.parametrize("where", [".wblint.yaml", "team/team.yaml"])
def test_a_yaml_alias_bomb_is_refused_before_anything_is_cached(tmp_path, where):
    assert len(_bomb()) < 1024
    write(tmp_path / where, _bomb())
    if where.startswith("team/"):
        write(tmp_path / ".wblint.yaml", "rules-dirs: [team]\n")
    write(tmp_path / "draft.md", DRAFT)
    (tmp_path / "cache").mkdir()  # parsed YAML is kept there once the cache directory exists
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("WBLINT_NO_CACHE", None)
    result = subprocess.run(
        [sys.executable, "-c", limit + "from wblint.cli import main; main()", "check", "--cache-dir", "cache", "draft.md"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr[-2000:]
    assert where in lines[0] and "alias" in lines[0]
    kept = [p.read_text(encoding="utf-8") for p in (tmp_path / "cache").rglob("*.json")]
    assert not [text for text in kept if '"l0"' in text]  # nothing of it was kept


SLOW = "(?:x|x)+!?z"  # backtracks for hours over a run of x's (there is no z after it)
RUN = "x" * 30
PRFAQ = f"""---
type: prfaq
---
# Acme {RUN} Closes the Books for Small Shops Today

*Shop owners close the month in {RUN} minutes.*

SEATTLE, WA — March 3, 2027 — Acme Ledger, made by Acme ABCD and {RUN}, closes the books for small shops, and
it does so in minutes rather than days, which gives owners the whole weekend back for the things they
would rather be doing with their families and friends.

## {RUN} problem

"It works for us every single day," said Dana X{RUN}, a shop owner at Acme.

## Customer FAQ

### How much does {RUN} cost?

{RUN} nothing.
"""
LETTER = f"""---
type: dear-customer-letter
---
{RUN} hello there, friends of the shop.

Thank you. We fixed the books.
"""
REGEX_OPTIONS = {  # every rule option that holds regular expressions, in the built-in packs
    "placeholder-text": {"patterns": [SLOW]},
    "heading-length": {"codename_patterns": [SLOW]},
    "quote-attribution": {"placeholders": [SLOW]},
    "acronym-undefined": {"skip": [SLOW]},
    "sentence-length": {"ignore": [SLOW]},
    "faq-answered": {"placeholders": [SLOW]},
    "faq-coverage": {"external_topics": {"what it costs": [SLOW]}},
    "letter-salutation": {"patterns": [SLOW]},
    "problem-statement": {"headings": [SLOW]},
}


def test_every_regular_expression_from_the_configuration_runs_with_a_time_limit(tmp_path):
    import json

    write(tmp_path / ".wblint.yaml", "rules: " + json.dumps(REGEX_OPTIONS) + "\n")
    write(tmp_path / "prfaq.md", PRFAQ)
    write(tmp_path / "letter.md", LETTER)
    result = run_module(tmp_path, "check", "--no-cache", "--format", "json", "prfaq.md", "letter.md")
    assert result.returncode == 1, result.stderr
    stopped = {f["message"].split()[1] for f in json.loads(result.stdout) if f["rule"] == "WB006"}
    assert set(REGEX_OPTIONS) <= stopped, result.stderr  # (the other part rules share the headings)


def _pack(message: str, options: str = "{terms: [lorem], max_per_100_words: 0.0, min_words: 1}") -> str:
    return f"""\
pack: team
rules:
  - id: TM002
    name: no-lorem
    kind: density
    severity: warning
    options: {options}
    message: {message!r}
    summary: No lorem ipsum.
    rationale: Template text.
    examples:
      bad: "# Head\\n\\nLorem text here.\\n"
      good: "# Head\\n\\nReal text here.\\n"
"""


@pytest.mark.parametrize("message", ["Remove {term:>999999999}", "Remove {term:.999999999}",
                                     "Remove {term:>{min_words}}", "Remove {term.__class__.__mro__}"])
def test_a_message_template_cannot_ask_for_huge_fields(tmp_path, message):
    write(tmp_path / "team" / "team.yaml", _pack(message))
    write(tmp_path / "draft.md", "# Lorem Ledger\n\n" + "Lorem text here. " * 2000 + "\n")
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30)); "
    result = subprocess.run(
        [sys.executable, "-c", limit + "from wblint.cli import main; main()", "check", "--no-cache", "--isolated",
         "--rules-dir", "team", "--select", "TM002", "draft.md"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, (result.returncode, result.stderr[-1500:])
    assert "team.yaml:" in lines[0] and "message" in lines[0]


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1.0e+400", "-1", "1000000000000000000000000000000"])
@pytest.mark.parametrize("where", ["config", "pack"])
def test_numbers_that_are_not_finite_or_out_of_range_are_refused(in_tmp, run_cli, value, where):
    if where == "config":
        write(in_tmp / ".wblint.yaml", f"rules:\n  length: {{max_pages: {value}}}\n")
        result = run_cli("check", "--no-cache", "-")
    else:
        write(in_tmp / "team" / "team.yaml", _pack("Remove {term}", f"{{terms: [lorem], max_per_100_words: {value}}}"))
        result = run_cli("check", "--no-cache", "--isolated", "--rules-dir", "team", "-")
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and len(lines) == 1, result.stderr
    assert ("max_pages" if where == "config" else "max_per_100_words") in lines[0]


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_many_exclude_globs_and_a_file_name_not_in_utf8_never_crash(in_tmp, run_cli, monkeypatch, fmt):
    import pathspec._backends.agg as backends

    # What pathspec picks by itself when google-re2 is installed; that backend failed on both.
    monkeypatch.setattr(backends, "_BEST_BACKEND", "re2")
    globs = [f"archive{i}/**/*.md" for i in range(2500)]
    write(in_tmp / ".wblint.yaml", "extend-exclude:\n" + "".join(f'  - "{g}"\n' for g in globs))
    write(in_tmp / ".gitignore", "".join(f"build{i}/\n" for i in range(2500)))
    draft = "# Acme Ledger Closes the Books for Small Shops\n\nIt is fast.\n"
    with open(os.path.join(os.fsencode(in_tmp), b"caf\xe9-launch.md"), "w", encoding="utf-8") as handle:
        handle.write(draft)  # a Latin-1 name: not valid UTF-8
    write(in_tmp / "archive7" / "old.md", draft)
    write(in_tmp / "build3" / "out.md", draft)
    result = run_cli("check", "--no-cache", "--select", "subheading-present", "--format", fmt, "-o", "report.txt", ".")
    assert result.exit_code == 1, result.stderr
    report = (in_tmp / "report.txt").read_text(encoding="utf-8")
    shown = {"json": "caf\\\\xe9-launch.md", "sarif": "caf%5Cxe9-launch.md"}.get(fmt, "caf\\xe9-launch.md")
    assert shown in report  # shown with its byte escaped
    assert "old.md" not in report and "out.md" not in report  # the globs still apply
