"""pre-commit, GitHub Actions and GitLab CI, for real: the hook, the action's scripts and their schemas.

The tests marked ``integration`` install wblint from this repository into fresh virtual
environments (spaCy and the pipeline come from the package index), so they take minutes
and are left out of a plain ``pytest`` run (pyproject.toml's addopts): ``pytest -m
integration`` runs just them (.ci/run runs the plain command, then this one).
The pre-commit test uses the repository's committed HEAD: commit before running it.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SAMPLES, write

ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / "tests" / "data" / "github-workflow.yml"
DOCS = ROOT / "docs" / "github-actions.md"
GITLAB_CI = ROOT / "tests" / "data" / "gitlab-ci.yml"


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, timeout=300)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without this test run's own import path (installed copies must stand alone)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PRE_COMMIT_HOME")}
    return {**env, **extra}


# -- schemas -----------------------------------------------------------------------------


def test_action_metadata_validates_against_the_github_actions_schema():
    result = check_jsonschema("vendor.github-actions", ACTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_documented_workflow_is_the_validated_one_and_validates():
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```$", text, re.M | re.S)
    workflows = [block for block in blocks if block.startswith("name:")]
    assert workflows == [WORKFLOW.read_text(encoding="utf-8")]
    result = check_jsonschema("vendor.github-workflows", WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_documented_gitlab_job_is_the_validated_one_and_validates():
    text = (ROOT / "docs" / "gitlab-ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```$", text, re.M | re.S)
    assert blocks == [GITLAB_CI.read_text(encoding="utf-8")]
    result = check_jsonschema("vendor.gitlab-ci", GITLAB_CI)
    assert result.returncode == 0, result.stdout + result.stderr
    job = yaml.safe_load(GITLAB_CI.read_text(encoding="utf-8"))["wblint"]
    assert job["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json", "junit": "wblint-junit.xml"}
    assert any("--format gitlab --output gl-code-quality-report.json" in line for line in job["script"])


def test_a_broken_workflow_or_action_is_caught():  # the validation is not vacuous
    broken = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    broken["jobs"]["wblint"]["runs-on"] = None
    del broken["jobs"]["wblint"]["steps"]
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"wblint-broken-{os.getpid()}.yml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    try:
        assert check_jsonschema("vendor.github-workflows", path).returncode == 1
        action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
        action["runs"]["using"] = "bash"
        path.write_text(yaml.safe_dump(action), encoding="utf-8")
        assert check_jsonschema("vendor.github-actions", path).returncode == 1
    finally:
        path.unlink()


def test_the_workflow_passes_only_inputs_the_action_declares():
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["wblint"]["steps"]
    [ours] = [s for s in steps if str(s.get("uses", "")).startswith("wblint/wblint@")]
    assert set(ours["with"]) <= set(action["inputs"])
    assert set(action["inputs"]) >= {"paths", "args", "version", "fail-on"}


def test_the_action_never_interpolates_inputs_into_scripts():
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    scripts = [step["run"] for step in action["runs"]["steps"] if "run" in step]
    assert len(scripts) == 2
    assert all("${{" not in script for script in scripts)
    assert "--format github" in scripts[-1]


def test_the_hook_definition():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "wblint" and hook["entry"] == "wblint check --drafts-only --output-format concise" and hook["language"] == "python"
    assert hook["types"] == ["markdown"] and hook["require_serial"] is True


# -- the action's run step, with wblint from this tree ------------------------------------


def _run_step(name: str) -> str:
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    [step] = [s for s in action["runs"]["steps"] if s.get("name") == name]
    return step["run"]


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    # how the runner runs `shell: bash`
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture
def shim(tmp_path) -> Path:
    """A bin directory whose `wblint` is this tree's."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wblint = bin_dir / "wblint"
    wblint.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m wblint "$@"\n', encoding="utf-8")
    wblint.chmod(0o755)
    return bin_dir


def test_the_run_step_lints_the_paths_with_github_annotations(tmp_path, shim):
    work = tmp_path / "repo"
    (work / "docs").mkdir(parents=True)
    shutil.copy(SAMPLES / "bad-no-headline.md", work / "docs" / "bad.md")
    shutil.copy(SAMPLES / "clean-prfaq.md", work / "docs" / "good.md")
    shutil.copy(SAMPLES / "bad-jargon.md", work / "notes.md")
    env = clean_env(PATH=f"{shim}:{os.environ['PATH']}", GITHUB_ACTIONS="true", GITHUB_WORKSPACE=str(work),
                    WBLINT_PATHS="docs/bad.md\ndocs/good.md  notes.md", WBLINT_ARGS="--select heading-present",
                    WBLINT_FAIL_ON="error", GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"))
    result = _bash(_run_step("Run wblint"), work, env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^::error file=docs/bad\.md,line=1,col=1,.*title=WB101 heading-present::Add a headline",
                     result.stdout, re.M)
    assert result.stdout.count("::error ") == 1
    assert result.stdout.splitlines()[-1] == "1 problem (1 error) in 1 file"
    assert "| error | docs/bad.md | 1:1 |" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    env["WBLINT_ARGS"] = "--select jargon-density"  # warnings only: below fail-on error
    assert _bash(_run_step("Run wblint"), work, env).returncode == 0


def test_the_run_step_evaluates_nothing_in_its_inputs(tmp_path, shim):
    work = tmp_path / "repo"
    write(work / "a.md", "# Fine\n\nAll good.\n")
    env = clean_env(PATH=f"{shim}:{os.environ['PATH']}", WBLINT_FAIL_ON="warning",
                    WBLINT_PATHS='$(touch pwned1) `touch pwned2` *.md', WBLINT_ARGS="--quiet; touch pwned3")
    result = _bash(_run_step("Run wblint"), work, env)
    assert result.returncode == 2  # the words are paths and flags, not commands
    assert not list(work.glob("pwned*")) and not list(Path.cwd().glob("pwned*"))
    env.update(WBLINT_PATHS="*.md", WBLINT_ARGS="")
    result = _bash(_run_step("Run wblint"), work, env)
    assert result.returncode == 2 and "path not found: *.md" in result.stderr  # no glob expansion either


# -- the real thing: install from this repository ---------------------------------------


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.mark.integration
def test_pre_commit_hook_fails_on_a_bad_draft_and_passes_on_a_good_one(tmp_path):
    rev = _git("rev-parse", "HEAD", cwd=ROOT)
    repo = tmp_path / "drafts"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    write(repo / ".pre-commit-config.yaml",
          f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: wblint\n")
    shutil.copy(SAMPLES / "bad-subheading.md", repo / "launch.md")
    write(repo / "notes.txt", "not markdown: the hook never sees it\n")
    _git("add", ".", cwd=repo)
    env = clean_env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never",
                    GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
                    GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")

    def pre_commit() -> subprocess.CompletedProcess:
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo, env=env,
                                capture_output=True, text=True, timeout=1500)
        print(f"pre-commit run took {time.monotonic() - started:.1f}s")
        return result

    bad = pre_commit()  # first run: pre-commit builds its venv and pip-installs wblint from the repo
    output = bad.stdout + bad.stderr
    assert bad.returncode == 1, output
    assert re.search(r"^wblint\.+Failed$", output, re.M), output
    assert "launch.md:3:4: WB102 subheading-one-sentence Sub-heading has 2 sentences; keep it to one [error]" in output
    assert "notes.txt" not in output

    shutil.copy(SAMPLES / "clean-prfaq.md", repo / "launch.md")
    _git("add", ".", cwd=repo)
    good = pre_commit()
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"^wblint\.+Passed$", good.stdout, re.M), good.stdout

    # and as a commit hook: a bad draft blocks the commit
    _git("commit", "-q", "-m", "good draft", cwd=repo)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True,
                   capture_output=True)
    shutil.copy(SAMPLES / "bad-no-headline.md", repo / "launch.md")
    _git("add", ".", cwd=repo)
    commit = subprocess.run(["git", "commit", "-m", "bad draft"], cwd=repo, env=env, capture_output=True, text=True,
                            timeout=600)
    assert commit.returncode != 0 and "WB101 heading-present" in commit.stdout + commit.stderr
    assert _git("log", "--format=%s", cwd=repo) == "good draft"


@pytest.mark.integration
def test_the_action_installs_wblint_from_its_checkout_and_annotates(tmp_path):
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    github_path = tmp_path / "github-path"
    github_path.write_text("", encoding="utf-8")
    env = clean_env(RUNNER_TEMP=str(runner_temp), GITHUB_PATH=str(github_path), GITHUB_ACTION_PATH=str(ROOT),
                    WBLINT_VERSION="", WBLINT_PYTHON=sys.executable)
    install = _bash(_run_step("Install wblint"), tmp_path, env)
    assert install.returncode == 0, install.stdout + install.stderr
    bin_dir = github_path.read_text(encoding="utf-8").strip()
    assert Path(bin_dir, "wblint").is_file() and "wblint, version" in install.stdout
    work = tmp_path / "repo"
    shutil.copytree(SAMPLES, work / "samples")
    env = clean_env(PATH=f"{bin_dir}:{os.environ['PATH']}", GITHUB_WORKSPACE=str(work), WBLINT_PATHS="samples",
                    WBLINT_ARGS="", WBLINT_FAIL_ON="warning")
    run = _bash(_run_step("Run wblint"), work, env)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "::error file=samples/bad-subheading.md,line=3,col=4," in run.stdout
    assert "::warning file=samples/bad-no-customer-quote.md," in run.stdout  # the spaCy pipeline ran
    assert "samples/clean-prfaq.md" not in run.stdout
