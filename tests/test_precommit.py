"""vblint as a pre-commit hook in a real document repository: a non-conforming document blocks
the commit with its diagnostics shown; a conforming one is committed."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "corpus" / "valid" / "party-hd36" / "chi_thi.txt"
INVALID = ROOT / "corpus" / "invalid" / "number-colon--thong-bao.txt"


def _run(cmd, cwd, env):
    return subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600
    )


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """A commit of this project (its working tree as it is), for pre-commit to install from."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    src = tmp_path_factory.mktemp("hook") / "vblint"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache", "corpus"
        ),
    )
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "hook"]):
        assert _run(cmd, src, env).returncode == 0
    rev = _run(["git", "rev-parse", "HEAD"], src, env).stdout.strip()
    return src, rev, env


def _docs_repo(tmp_path, hook_repo):
    src, rev, env = hook_repo
    repo = tmp_path / "docs"
    repo.mkdir()
    env = {**env, "PRE_COMMIT_HOME": str(tmp_path.parent / "pre-commit-home")}
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {src}\n    rev: {rev}\n    hooks:\n      - id: vblint\n        args: [--today, '2026-11-22']\n",
        encoding="utf-8",
    )
    for cmd in (["git", "init", "-q"], [sys.executable, "-m", "pre_commit", "install"]):
        r = _run(cmd, repo, env)
        assert r.returncode == 0, r.stdout + r.stderr
    return repo, env


def test_nonconforming_document_blocks_the_commit(tmp_path, hook_repo):
    repo, env = _docs_repo(tmp_path, hook_repo)
    shutil.copy(INVALID, repo / "thong_bao.txt")
    _run(["git", "add", "-A"], repo, env)
    r = _run(["git", "commit", "-m", "add"], repo, env)
    out = r.stdout + r.stderr
    assert r.returncode != 0, out
    assert "VB202" in out and "thong_bao.txt" in out  # the diagnostics are shown
    assert _run(["git", "rev-parse", "--verify", "HEAD"], repo, env).returncode != 0  # nothing committed


def test_conforming_document_is_committed(tmp_path, hook_repo):
    repo, env = _docs_repo(tmp_path, hook_repo)
    shutil.copy(VALID, repo / "chi_thi.txt")
    _run(["git", "add", "-A"], repo, env)
    r = _run(["git", "commit", "-m", "add"], repo, env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "vblint" in r.stdout + r.stderr  # the hook ran


def test_hook_definition_passes_filenames_for_text_documents():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: vblint" in text and "entry: vblint check" in text and "language: python" in text
    assert "pass_filenames: false" not in text
