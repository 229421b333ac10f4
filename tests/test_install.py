"""The project builds and installs as a package (not -e) into a fresh venv, and the installed vblint
works from any directory with its grammar and schemas shipped inside the package."""

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
VALID = REPO / "corpus" / "valid" / "party-hd36" / "chi_thi.txt"
SEED = REPO / "corpus" / "invalid" / "number-colon--thong-bao.txt"


def _env() -> dict:
    # nothing may point back at the checkout
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV")
    }
    env["PYTHONIOENCODING"] = "utf-8"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(cmd, cwd, timeout=120):
    return subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def test_install_into_fresh_venv(tmp_path):
    try:
        import hatchling  # noqa: F401  - the build backend, used without build isolation
    except ImportError:
        pytest.skip(
            "hatchling is not installed in the test interpreter (pip install hatchling); "
            "needed to build vblint with --no-build-isolation"
        )

    venv = tmp_path / "venv"
    assert not str(venv).startswith(str(REPO))
    r = _run([sys.executable, "-m", "venv", "--system-site-packages", venv], tmp_path)
    assert r.returncode == 0, r.stderr
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    py = bindir / ("python.exe" if os.name == "nt" else "python")

    # --system-site-packages only exposes the *base* interpreter's packages. When the tests run from a
    # venv themselves, expose that venv's site-packages too (appended after the new venv's own), so
    # lark/jsonschema/rapidfuzz/hatchling come from the outer environment. Never the repo itself.
    r = _run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path)
    assert r.returncode == 0, r.stderr
    inner_site = Path(r.stdout.strip())
    outer = [
        p
        for p in dict.fromkeys([*site.getsitepackages(), sysconfig.get_paths()["purelib"]])
        if Path(p).is_dir() and Path(p).resolve() != REPO
    ]
    (inner_site / "_vblint_test_outer.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")

    r = _run(
        [py, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", REPO],
        tmp_path,
        timeout=80,
    )
    assert r.returncode == 0, f"pip install failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"

    vblint = bindir / ("vblint.exe" if os.name == "nt" else "vblint")
    assert vblint.exists()

    # the installed package, not the checkout
    r = _run(
        [py, "-c", "import linter, os; print(os.path.dirname(os.path.realpath(linter.__file__)))"], tmp_path
    )
    assert r.returncode == 0, r.stderr
    pkg = Path(r.stdout.strip())
    assert pkg.name == "linter"
    assert pkg.is_relative_to(venv.resolve()), pkg
    assert not pkg.is_relative_to(REPO), pkg
    assert (pkg / "grammar" / "document.lark").is_file()
    assert (pkg / "schemas" / "components.schema.json").is_file()
    schemas = sorted((pkg / "schemas").rglob("*.schema.json"))
    expected = sorted(p.relative_to(REPO / "schemas") for p in (REPO / "schemas").rglob("*.schema.json"))
    assert [p.relative_to(pkg / "schemas") for p in schemas] == expected
    for part in ("templates", "static"):  # vblint serve's page: every template and static file
        shipped = sorted(p.relative_to(pkg) for p in (pkg / "serve" / part).rglob("*") if p.is_file())
        ours = sorted(
            p.relative_to(REPO / "linter") for p in (REPO / "linter/serve" / part).rglob("*") if p.is_file()
        )
        assert ours and shipped == ours, part

    work = tmp_path / "work"
    work.mkdir()
    shutil.copyfile(VALID, work / "chi_thi.txt")
    shutil.copyfile(SEED, work / "seed.txt")

    r = _run([vblint, "check", "--today", "2026-11-22", "chi_thi.txt"], work)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Đã kiểm tra 1 tệp: 0 lỗi" in r.stdout
    assert "Traceback" not in r.stdout + r.stderr

    r = _run([vblint, "check", "--today", "2026-11-22", "--format", "json", "seed.txt", "chi_thi.txt"], work)
    assert r.returncode == 1, r.stdout + r.stderr
    data = json.loads(r.stdout)
    assert data["version"] == 1
    assert [f["path"] for f in data["files"]] == ["seed.txt", "chi_thi.txt"]
    assert [d["code"] for d in data["files"][0]["diagnostics"]] == ["VB202"]
    assert data["files"][1]["diagnostics"] == []
    assert data["files"][0]["profile"] == "party-hd36"

    r = _run([vblint, "--version"], work)
    assert r.returncode == 0 and r.stdout.startswith("vblint ")
