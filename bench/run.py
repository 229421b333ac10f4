"""vblint performance benchmark: every figure in one run on this machine.

    python -m bench.run [--quick] [--only cold,throughput,scaling,cache,rss,size]
                        [--work DIR] [--out bench/results.json] [--repeat 7] [--snapshot]

Phases (see bench/README.md for what each figure means and why the target):

  cold        wall time of `python -m linter check --no-cache FILE` against the import floor
              `python -c "import lark, jsonschema"` (same interpreter, median of --repeat runs
              each, interleaved, after one warm-up run each)            target: ratio ≤ 1.5
  throughput  documents per second with `-j 1 --no-cache` on N generated documents (median
              of 5 rounds; each round runs -j 1, -j 2 and the pair below) target: ≥ 500 /s
  scaling     -j 1 ÷ -j 2 wall time (no cache) on the same N documents, median over the rounds
              of each round's ratio                                     target: speed-up ≥ 1.8
              Also the ceiling: -j 1 ÷ two -j 1 processes run at once on the two halves of
              the corpus (no pool: what two CPUs give at that moment), and the pool's
              efficiency, speed-up ÷ ceiling.
  cache       `-j 2 --cache-dir EMPTY` then the same command again (warm cache)
                                                                         target: speed-up ≥ 10
  rss         peak RSS of `check -j 2 --no-cache --format jsonl` on N and on N_BIG documents
              (os.wait4 of the command: the largest of the process and the workers it reaped)
                                                                         target: ratio ≤ 1.2
  size        time per document at 1×, 10× and 100× the body (bench.generate size_factor),
              in process through linter.batch.iter_results(jobs=1), as the CLI runs it
                                                                         target: 100×/1× ≤ 150

Full run: N = 10,000 and N_BIG = 50,000; --quick: 500 and 2,500 (a smoke run). Every batch
command writes --format jsonl to /dev/null, so all batch phases share one command shape.
Corpora are generated under --work (default: $TMPDIR/vblint-bench) by bench.generate (seed 0,
defect rate 0.2, noise rate 0.5) and reused while the generator and its parameters are
unchanged. The results go to --out as JSON; with --only, the phases run are merged into the
existing file. The table and the exact commands are printed at the end.

Measured commands run with bytecode files, as an installed vblint does: PYTHONDONTWRITEBYTECODE
is dropped from their environment and PYTHONPYCACHEPREFIX points at --work/pycache (nothing is
written into the source tree). The cold phase also reports the cold run without bytecode files.

Machines are shared: each phase records the load average before and after it, and the batch
phases also record CPU seconds (documents per CPU second does not depend on other load). The
linter's code (linter/, grammar/, schemas/) is hashed before and after the run; a change in
between (someone editing the tree) is flagged in the results. --snapshot copies the code to
--work first and runs everything from that copy, so edits during the run do not mix versions.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from linter.cache import entries_in

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PHASES = ("cold", "throughput", "scaling", "cache", "rss", "size")
TARGETS = {  # phase: (figure, comparison, target)
    "cold": ("ratio", "<=", 1.5),
    "throughput": ("docs_per_s", ">=", 500),
    "scaling": ("speedup", ">=", 1.8),
    "cache": ("speedup", ">=", 10),
    "rss": ("ratio", "<=", 1.2),
    "size": ("ratio", "<=", 150),
}
# batch_repeat: rounds of the -j 1, -j 2 and pair batches; throughput and scaling use medians
FULL = {"n": 10_000, "n_big": 50_000, "size": {1: 300, 10: 40, 100: 6}, "batch_repeat": 5}
QUICK = {"n": 500, "n_big": 2_500, "size": {1: 50, 10: 10, 100: 2}, "batch_repeat": 1}
COLD_FILE = "corpus/valid/party-hd36/cong_van.txt"
GEN = {"seed": 0, "defect_rate": 0.2, "noise_rate": 0.5}


# --- running a command ----------------------------------------------------------------------------


ENV: dict | None = None  # the environment of every measured command; set by use_bytecode_cache()


def use_bytecode_cache(work: Path | None) -> None:
    """Measured commands load compiled bytecode, as an installed package does (pip compiles it at
    install time). Some environments set PYTHONDONTWRITEBYTECODE, which makes every run compile
    the linter's sources again; the bytecode goes to work/pycache (PYTHONPYCACHEPREFIX), never
    into the source tree. work None: the environment as it is."""
    global ENV
    if work is None:
        ENV = None
        return
    ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    ENV["PYTHONPYCACHEPREFIX"] = str(Path(work).resolve() / "pycache")


def measure(cmd: list[str], stdout=subprocess.DEVNULL, env: dict | None = None) -> dict:
    """Run cmd from the repository root: wall seconds, CPU seconds, peak RSS (MB) and exit
    code. os.wait4 gives the command's own rusage: its maxrss is the largest of the process
    and the children it reaped (the pool workers), nothing else this script ran."""
    return measure_together([cmd], stdout, env)


def measure_together(cmds: list[list[str]], stdout=subprocess.DEVNULL, env: dict | None = None) -> dict:
    """measure() for commands started at once: wall time until the last ends, CPU summed,
    the largest peak RSS."""
    t0 = time.perf_counter()
    procs = [
        subprocess.Popen(cmd, cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE, env=env or ENV) for cmd in cmds
    ]
    out = {"wall_s": 0.0, "cpu_s": 0.0, "maxrss_mb": 0.0, "rc": 0}
    for cmd, p in zip(cmds, procs):
        stderr = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = rc = os.waitstatus_to_exitcode(status)
        p.stderr.close()
        if rc not in (0, 1):
            raise RuntimeError(f"{shell(cmd)} exited {rc}: {stderr.decode(errors='replace')[-2000:]}")
        out["cpu_s"] += ru.ru_utime + ru.ru_stime
        out["maxrss_mb"] = max(out["maxrss_mb"], ru.ru_maxrss / 1024)
        out["rc"] = max(out["rc"], rc)
    out["wall_s"] = time.perf_counter() - t0
    return out


def shell(cmd: list[str]) -> str:
    def q(a: str) -> str:
        a = a.replace(PY, "python") if a == PY else a
        return (
            a if a and all(c.isalnum() or c in "-_./=,:" for c in a) else "'" + a.replace("'", "'\\''") + "'"
        )

    return " ".join(q(a) for a in cmd)


def lint_cmd(*args: str) -> list[str]:
    return [PY, "-m", "linter", "check", *args]


def check(paths: list[str], *opts: str) -> list[str]:
    return lint_cmd(*opts, "--format", "jsonl", *paths)


# --- corpora ----------------------------------------------------------------------------------------


def _generator_digest() -> str:
    h = hashlib.sha256()
    for f in ("bench/generate.py", "bench/ocrnoise.py"):
        h.update((ROOT / f).read_bytes())
    for f in sorted((ROOT / "corpus" / "valid").rglob("*.txt")):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def corpus(work: Path, n: int, size_factor: float = 1, log=print) -> Path:
    """A generated corpus of n documents under work, reused when its parameters match."""
    from bench.generate import generate

    params = {**GEN, "n": n, "size_factor": size_factor, "generator": _generator_digest()}
    d = work / f"corpus-n{n}-x{size_factor:g}"
    stamp = d / "params.json"
    if stamp.exists() and json.loads(stamp.read_text()) == params:
        return d
    if d.exists():
        shutil.rmtree(d)
    t0 = time.perf_counter()
    generate(d, n, size_factor=size_factor, jobs=os.cpu_count() or 1, **GEN)
    stamp.write_text(json.dumps(params))
    log(f"  generated {n:,} documents ×{size_factor:g} in {d} ({time.perf_counter() - t0:.0f} s)")
    return d


def code_digest(root: Path = ROOT, subs=("linter", "grammar", "schemas")) -> str:
    """SHA-256 (16 hex digits) of the linter's code and data: what a benchmark measures."""
    h = hashlib.sha256()
    for sub in subs:
        for f in sorted((root / sub).rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def snapshot(work: Path) -> Path:
    """A copy of the code the benchmark runs (linter, grammar, schemas, bench, the valid
    corpus) under work/src-<digest>."""
    dest = work / f"src-{code_digest(subs=('linter', 'grammar', 'schemas', 'bench'))}"  # all it copies
    if not dest.exists():
        tmp = work / f".src-{os.getpid()}"
        ignore = shutil.ignore_patterns("__pycache__", "results.json")
        for sub in ("linter", "grammar", "schemas", "bench", "corpus/valid"):
            shutil.copytree(ROOT / sub, tmp / sub, ignore=ignore)
        shutil.copy2(ROOT / "pyproject.toml", tmp / "pyproject.toml")
        tmp.rename(dest)
    return dest


# --- phases -----------------------------------------------------------------------------------------


class Bench:
    def __init__(self, work: Path, cfg: dict, repeat: int = 7, log=print):
        self.work, self.cfg, self.repeat, self.log = work, cfg, repeat, log
        self.work.mkdir(parents=True, exist_ok=True)
        self._memo: dict[tuple, dict] = {}  # command -> measurement, within this run

    def run(self, cmd: list[str], *more: list[str], memo: bool = True) -> dict:
        """Measure cmd (with `more`: cmd and those, started at once)."""
        key = (tuple(cmd), *map(tuple, more))
        if memo and key in self._memo:
            return self._memo[key]
        self.log("  $ " + " & ".join(shell(c) for c in (cmd, *more)))
        m = measure_together([cmd, *more])
        self.log(f"    {m['wall_s']:.2f} s wall, {m['cpu_s']:.2f} s CPU, {m['maxrss_mb']:.0f} MB peak RSS")
        self._memo[key] = m
        return m

    def corpus(self, n: int, size_factor: float = 1) -> Path:
        return corpus(self.work, n, size_factor, self.log)

    def cold(self) -> dict:
        lint = lint_cmd("--no-cache", COLD_FILE)
        floor = [PY, "-c", "import lark, jsonschema"]
        bare = [PY, "-c", "pass"]
        times: dict[str, list[float]] = {"lint": [], "floor": [], "python": [], "lint_no_bytecode": []}
        # without bytecode files: what a source checkout costs where PYTHONDONTWRITEBYTECODE is set
        plain = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
        plain["PYTHONDONTWRITEBYTECODE"] = "1"
        runs = (
            ("lint", lint, None),
            ("floor", floor, None),
            ("python", bare, None),
            ("lint_no_bytecode", lint, plain),
        )
        for _, c, env in runs if self.repeat > 1 else runs[:1]:  # warm-up: page cache, bytecode
            measure(c, env=env)
        for _ in range(self.repeat):
            for k, c, env in runs:
                times[k].append(measure(c, env=env)["wall_s"])
        med = {k: statistics.median(v) for k, v in times.items()}
        self.log(
            f"  cold {med['lint'] * 1000:.0f} ms, import floor {med['floor'] * 1000:.0f} ms, "
            f"bare python {med['python'] * 1000:.0f} ms, cold without bytecode files "
            f"{med['lint_no_bytecode'] * 1000:.0f} ms"
        )
        return {
            "lint_s": med["lint"],
            "floor_s": med["floor"],
            "python_s": med["python"],
            "lint_no_bytecode_s": med["lint_no_bytecode"],
            "ratio": med["lint"] / med["floor"],
            "ratio_of_minimums": min(times["lint"]) / min(times["floor"]),
            "ratio_no_bytecode": med["lint_no_bytecode"] / med["floor"],
            "runs": times,
            "commands": [shell(lint), shell(floor), shell(bare)],
        }

    def _batch(self, n: int, *opts: str) -> tuple[list[str], dict]:
        d = self.corpus(n)
        cmd = check([str(d)], *opts)
        return cmd, self.run(cmd)

    def _j1_j2(self) -> dict:
        """batch_repeat rounds, each of: the -j 1 batch on N documents, the -j 2 batch, and two
        -j 1 processes at once on the two halves of the corpus's shards ("pair"; none when there
        is one shard). Interleaved, so that a burst of load on this shared machine hits all
        three alike: medians of wall and CPU time, and each round's runs."""
        key = ("j1_j2",)
        if key not in self._memo:
            d = self.corpus(self.cfg["n"])
            cmds = {j: [check([str(d)], "-j", j, "--no-cache")] for j in ("1", "2")}
            shards = sorted(str(p) for p in d.iterdir() if p.is_dir())
            if len(shards) > 1:
                half = len(shards) // 2
                cmds["pair"] = [check(h, "-j", "1", "--no-cache") for h in (shards[:half], shards[half:])]
            runs: dict[str, list[dict]] = {j: [] for j in cmds}
            for _ in range(self.cfg.get("batch_repeat", 1)):
                for j, cmd in cmds.items():
                    runs[j].append(self.run(*cmd, memo=False))
            self._memo[key] = {
                j: {
                    "command": " & ".join(map(shell, cmds[j])),
                    "wall_s": statistics.median(m["wall_s"] for m in ms),
                    "cpu_s": statistics.median(m["cpu_s"] for m in ms),
                    "runs_wall_s": [m["wall_s"] for m in ms],
                    "runs_cpu_s": [m["cpu_s"] for m in ms],
                }
                for j, ms in runs.items()
            }
        return self._memo[key]

    def throughput(self) -> dict:
        n = self.cfg["n"]
        m = self._j1_j2()["1"]
        return {
            "n": n,
            "wall_s": m["wall_s"],
            "cpu_s": m["cpu_s"],
            "docs_per_s": n / m["wall_s"],
            "docs_per_cpu_s": n / m["cpu_s"],
            "runs_wall_s": m["runs_wall_s"],
            "command": m["command"],
        }

    def scaling(self) -> dict:
        """The speed-up is the median of the rounds' own ratios: runs minutes apart can see
        different machines; the two runs of one round see nearly the same one."""
        runs = self._j1_j2()
        m1, m2, pair = runs["1"], runs["2"], runs.get("pair")
        ratios = [a / b for a, b in zip(m1["runs_wall_s"], m2["runs_wall_s"])]
        out = {
            "n": self.cfg["n"],
            "j1_s": m1["wall_s"],
            "j2_s": m2["wall_s"],
            "speedup": statistics.median(ratios),
            "runs_speedup": ratios,
            "speedup_of_medians": m1["wall_s"] / m2["wall_s"],
            "j1_cpu_s": m1["cpu_s"],
            "j2_cpu_s": m2["cpu_s"],
            "runs_j1_wall_s": m1["runs_wall_s"],
            "runs_j2_wall_s": m2["runs_wall_s"],
            "commands": [m1["command"], m2["command"]],
        }
        if pair is not None:  # what two CPUs give with no pool at all: the ceiling for -j 2
            ceilings = [a / b for a, b in zip(m1["runs_wall_s"], pair["runs_wall_s"])]
            out["ceiling"] = statistics.median(ceilings)
            out["runs_ceiling"] = ceilings
            out["pair_s"] = pair["wall_s"]
            out["pair_cpu_s"] = pair["cpu_s"]
            out["pool_efficiency"] = out["speedup"] / out["ceiling"]
            out["commands"].append(pair["command"])
        return out

    def cache(self) -> dict:
        n = self.cfg["n"]
        d = self.corpus(n)
        cache_dir = self.work / "cache"
        if cache_dir.exists():
            shutil.rmtree(cache_dir)
        cmd = check([str(d)], "-j", "2", "--cache-dir", str(cache_dir))
        cold = self.run(cmd, memo=False)
        entries = entries_in(cache_dir)
        warm = self.run(cmd, memo=False)
        return {
            "n": n,
            "cold_s": cold["wall_s"],
            "warm_s": warm["wall_s"],
            "speedup": cold["wall_s"] / warm["wall_s"],
            "cold_cpu_s": cold["cpu_s"],
            "warm_cpu_s": warm["cpu_s"],
            "entries": entries,
            "command": f"rm -rf {cache_dir}; {shell(cmd)}; {shell(cmd)}",
        }

    def rss(self) -> dict:
        out = {"commands": []}
        for key in ("n", "n_big"):
            n = self.cfg[key]
            cmd, m = self._batch(n, "-j", "2", "--no-cache")
            out[key] = n
            out[f"rss_{key}_mb"] = m["maxrss_mb"]
            out[f"wall_{key}_s"] = m["wall_s"]
            out["commands"].append(shell(cmd))
        out["ratio"] = out["rss_n_big_mb"] / out["rss_n_mb"]
        return out

    def size(self) -> dict:
        from linter.batch import iter_results
        from linter.result import Options

        out: dict = {"factors": {}}
        opts = Options()
        for factor, n in self.cfg["size"].items():
            d = self.corpus(n, factor)
            files = sorted(str(p) for p in d.rglob("*.txt"))
            per: list[float] = []
            it = iter_results(files, opts, jobs=1, timeout=0, cache=None)
            t0 = time.perf_counter()
            for _ in it:
                t1 = time.perf_counter()
                per.append(t1 - t0)
                t0 = t1
            size = sum(os.path.getsize(f) for f in files) / len(files)
            out["factors"][str(factor)] = {
                "n": n,
                "bytes_per_doc": size,
                "mean_s": statistics.fmean(per),
                "median_s": statistics.median(per),
                "max_s": max(per),
            }
            self.log(
                f"  ×{factor:g}: {n} documents of {size / 1000:.0f} kB, "
                f"{statistics.fmean(per) * 1000:.1f} ms per document"
            )
        f = out["factors"]
        lo, hi = min(f, key=float), max(f, key=float)
        out["ratio"] = f[hi]["mean_s"] / f[lo]["mean_s"]
        out["bytes_ratio"] = f[hi]["bytes_per_doc"] / f[lo]["bytes_per_doc"]
        out["command"] = (
            "python -m bench.generate DIR N --size-factor F; then in process: "
            "linter.batch.iter_results(files, Options(), jobs=1, timeout=0), timed per document"
        )
        return out


def verdict(phase: str, res: dict) -> tuple[float, str, float, bool]:
    key, op, target = TARGETS[phase]
    v = res[key]
    return v, op, target, (v <= target if op == "<=" else v >= target)


# --- report -----------------------------------------------------------------------------------------


def table(results: dict) -> str:
    p = results["phases"]
    rows = [("figure", "measured", "target", "")]

    def add(phase, label, value):
        if phase in p:
            _, op, target, ok = verdict(phase, p[phase])
            rows.append((label, value, f"{op} {target:g}", "PASS" if ok else "FAIL"))

    if "cold" in p:
        c = p["cold"]
        add(
            "cold",
            "cold single file / import floor",
            f"{c['ratio']:.2f}× ({c['lint_s'] * 1000:.0f} ms / {c['floor_s'] * 1000:.0f} ms; "
            f"{c.get('ratio_no_bytecode', 0):.2f}× without bytecode files)",
        )
    if "throughput" in p:
        t = p["throughput"]
        add(
            "throughput",
            f"documents/s, -j 1 ({t['n']:,} docs)",
            f"{t['docs_per_s']:.0f} /s ({t['wall_s']:.1f} s; {t.get('docs_per_cpu_s', 0):.0f} per CPU-s)",
        )
    if "scaling" in p:
        s = p["scaling"]
        ceiling = f"; two processes, no pool: {s['ceiling']:.2f}×" if "ceiling" in s else ""
        add(
            "scaling",
            "speed-up -j 1 → -j 2",
            f"{s['speedup']:.2f}× ({s['j1_s']:.1f} s → {s['j2_s']:.1f} s{ceiling})",
        )
    if "cache" in p:
        c = p["cache"]
        add(
            "cache", "warm-cache speed-up", f"{c['speedup']:.1f}× ({c['cold_s']:.1f} s → {c['warm_s']:.2f} s)"
        )
    if "rss" in p:
        r = p["rss"]
        add(
            "rss",
            f"peak RSS {r['n_big']:,} / {r['n']:,} docs",
            f"{r['ratio']:.2f}× ({r['rss_n_big_mb']:.0f} MB / {r['rss_n_mb']:.0f} MB)",
        )
    if "size" in p:
        z = p["size"]
        f = z["factors"]
        per = ", ".join(f"×{k}: {v['mean_s'] * 1000:.1f} ms" for k, v in f.items())
        add("size", "time/doc 100× / 1× body", f"{z['ratio']:.1f}× ({per})")
    loads = ", ".join(
        f"{k} {v['loadavg_1min'][0]:g}→{v['loadavg_1min'][1]:g}" for k, v in p.items() if "loadavg_1min" in v
    )
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * x for x in w))
    if loads:
        lines.append(f"\nload average (1 min) before→after each phase: {loads}")
    code = results.get("code")
    if code and code.get("changed_during_run"):
        lines.append("WARNING: the linter's code changed during the run (figures mix versions)")
    return "\n".join(lines)


def commands(results: dict) -> str:
    out = []
    for name, res in results["phases"].items():
        cmds = res.get("commands") or [res["command"]]
        out.append(f"{name}:")
        out += [f"  {c}" for c in cmds]
    return "\n".join(out)


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count()
    return {"cpus": cpus, "cpu": model, "platform": platform.platform(), "python": platform.python_version()}


def run(
    phases=PHASES,
    *,
    quick: bool = False,
    work: Path | None = None,
    repeat: int = 7,
    cfg: dict | None = None,
    log=print,
) -> dict:
    """Run the phases; the results dict (as written to results.json)."""
    cfg = cfg or (QUICK if quick else FULL)
    work = Path(work) if work else Path(tempfile.gettempdir()) / "vblint-bench"
    b = Bench(work, cfg, repeat, log)
    use_bytecode_cache(work)
    res: dict = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "quick" if quick else "full",
        "machine": machine(),
        "config": {
            "n": cfg["n"],
            "n_big": cfg["n_big"],
            "size": {str(k): v for k, v in cfg["size"].items()},
            "repeat": repeat,
            "generator": GEN,
        },
        "phases": {},
    }
    res["code"] = {"root": str(ROOT), "digest_before": code_digest()}
    res["environment"] = {
        "PYTHONPYCACHEPREFIX": ENV and ENV.get("PYTHONPYCACHEPREFIX"),
        "PYTHONDONTWRITEBYTECODE (outer)": os.environ.get("PYTHONDONTWRITEBYTECODE"),
    }
    for ph in phases:
        log(f"[{ph}]")
        t0 = time.perf_counter()
        load0 = os.getloadavg()[0]
        r = getattr(b, ph)()
        v, op, target, ok = verdict(ph, r)
        r.update(
            {
                "target": target,
                "op": op,
                "pass": ok,
                "elapsed_s": time.perf_counter() - t0,
                "loadavg_1min": [round(load0, 2), round(os.getloadavg()[0], 2)],
            }
        )
        res["phases"][ph] = r
    res["code"]["digest_after"] = code_digest()
    res["code"]["changed_during_run"] = res["code"]["digest_before"] != res["code"]["digest_after"]
    if res["code"]["changed_during_run"]:
        log("WARNING: the linter's code changed during the run: the figures mix versions (see --snapshot)")
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small N (500 / 2,500): a smoke run")
    ap.add_argument("--only", help=f"comma-separated phases ({','.join(PHASES)}); merged into --out")
    ap.add_argument(
        "--work", type=Path, help="where corpora and the cache go (default: $TMPDIR/vblint-bench)"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    ap.add_argument("--repeat", type=int, default=7, help="runs per command in the cold phase (median)")
    ap.add_argument("--snapshot", action="store_true", help="run from a copy of the code under --work")
    a = ap.parse_args(argv)
    if a.snapshot:
        work = (a.work or Path(tempfile.gettempdir()) / "vblint-bench").resolve()
        work.mkdir(parents=True, exist_ok=True)
        src = snapshot(work)
        args = [x for x in (argv if argv is not None else sys.argv[1:]) if x != "--snapshot"]
        args += ["--work", str(work), "--out", str(a.out.resolve())]
        print(f"running from the snapshot {src}", file=sys.stderr)
        return subprocess.call([PY, "-m", "bench.run", *args], cwd=src)
    phases = PHASES
    if a.only:
        phases = tuple(p.strip() for p in a.only.split(",") if p.strip())
        bad = [p for p in phases if p not in PHASES]
        if bad:
            ap.error(f"unknown phase(s): {', '.join(bad)}")
    res = run(phases, quick=a.quick, work=a.work, repeat=a.repeat)
    if a.only and a.out.exists():
        old = json.loads(a.out.read_text())
        if old.get("mode") == res["mode"]:
            merged = {**old.get("phases", {}), **res["phases"]}
            res["phases"] = {p: merged[p] for p in PHASES if p in merged}
    a.out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    m = res["machine"]
    print(
        f"\nvblint benchmark, {res['mode']} run, {res['date']}, {m['cpus']} CPUs ({m['cpu']}), "
        f"Python {m['python']}\n"
    )
    print(table(res))
    print("\ncommands (from the repository root; DIR = generated corpus):")
    print(commands(res))
    print(f"\nresults: {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
