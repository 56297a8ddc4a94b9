"""Linkage benchmark harness: the same generated data, the same run, every system.

    .venv/bin/python -m bench.linkage.run --size 10000 [--seed 0] [--jobs link,dedupe]
        [--systems haven,splink-generic,recordlinkage] [--febrl] [--out bench/linkage/out]
        [--timeout 1800] [--write-results] [--no-identifiers]

For each job and system a child process (``bench.linkage.worker``) runs the
system, so wall time and peak memory are measured per system and never mix; the
harness reads the child's own high-water mark and ``os.wait4``'s rusage, then
scores the candidates or clusters the child wrote (``metrics``). ``--febrl``
adds the FEBRL4 smoke test (link job). ``--no-identifiers`` generates the data
with empty ``documents`` and ``phones`` columns (dataset ``n<size>-seed<seed>-noids``):
linkage on names, dates and places only. Results accumulate in
``<out>/results.json``; ``--write-results`` rewrites the "Linkage" section of
``bench/RESULTS.md`` from them (``report``).

Never run from ``tests/``: timings on this shared 2-core machine are noisy;
compare systems within one run and read ratios.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.linkage import common, febrl, metrics
from bench.linkage.generate import generate

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = Path(__file__).resolve().parent / "out"
SYSTEMS = ("haven", "splink-generic", "recordlinkage")
SKIP_EXIT = 3


def _limit_memory(gb: float | None):
    """A child's address-space limit, so a system that outgrows the machine fails alone
    instead of waking the kernel's OOM killer on a shared machine."""
    if not gb:
        return None

    def apply():
        import resource

        limit = int(gb * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run_child(
    system: str,
    job: str,
    data: Path,
    out: Path,
    threshold: float,
    timeout: float,
    blocking_stats: bool = True,
    mem_limit_gb: float | None = None,
) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "bench.linkage.worker",
        "--system",
        system,
        "--job",
        job,
        "--data",
        str(data),
        "--out",
        str(out),
        "--threshold",
        str(threshold),
    ]
    if not blocking_stats:
        cmd.append("--no-blocking-stats")
    (out / "result.json").unlink(missing_ok=True)
    log = (out / "worker.log").open("w")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=_limit_memory(mem_limit_gb),
    )
    status, rusage, timed_out = None, None, False
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - t0 > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, rusage = os.wait4(proc.pid, 0)
            timed_out = True
            break
        time.sleep(0.2)
    proc.returncode = os.waitstatus_to_exitcode(status)
    log.close()
    elapsed = time.perf_counter() - t0
    result_path = out / "result.json"
    if timed_out and result_path.exists():  # timed part done; the blocked-pair count was not
        result = json.loads(result_path.read_text())
        result["blocking"] = {"error": f"not counted within the {timeout:.0f} s timeout"}
        result["process_s"] = round(elapsed, 2)
        result["process_peak_rss_mb"] = round(rusage.ru_maxrss / 1024, 1)
        return result
    if timed_out:
        return {
            "system": system,
            "job": job,
            "status": "timeout",
            "timeout_s": timeout,
            "process_peak_rss_mb": round(rusage.ru_maxrss / 1024, 1),
            "mem_limit_gb": mem_limit_gb,
        }
    if result_path.exists():
        result = json.loads(result_path.read_text())
        if result.get("status") == "ok" and proc.returncode != 0 and "blocking" not in result:
            result["blocking"] = {
                "error": f"the count of blocked pairs failed (exit {proc.returncode})"
            }
            proc.returncode = 0
    else:
        tail = (out / "worker.log").read_text()[-2000:]
        result = {
            "system": system,
            "job": job,
            "status": "failed",
            "exit_code": proc.returncode,
            "log_tail": tail,
        }
    if proc.returncode not in (0, SKIP_EXIT) and result.get("status") == "ok":
        result["status"] = "failed"
        result["log_tail"] = (out / "worker.log").read_text()[-2000:]
    result["process_s"] = round(elapsed, 2)
    if mem_limit_gb:
        result["mem_limit_gb"] = mem_limit_gb
    result["process_peak_rss_mb"] = round(rusage.ru_maxrss / 1024, 1)
    return result


def score(result: dict, job: str, data: Path, out: Path, threshold: float) -> dict:
    if result.get("status") != "ok":
        return result
    if job == "link":
        cands = [(a, b, float(p), int(r)) for a, b, p, r in _read(out / "candidates.csv")]
        meta = data / "link_meta.csv"
        groups = metrics.read_groups(meta) if meta.exists() else None
        n_reports = sum(1 for _ in (data / "missing.csv").open(encoding="utf-8")) - 1
        result["metrics"] = metrics.link_metrics(
            cands, common.link_truth(data), threshold, groups, n_reports
        )
    else:
        clusters = _read(out / "clusters.csv")
        groups = metrics.read_groups(data / "dedupe_truth.csv")
        result["metrics"] = metrics.dedupe_metrics(clusters, common.dedupe_entities(data), groups)
    return result


def _read(path: Path) -> list[list[str]]:
    import csv

    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[1:]


def machine() -> dict:
    info = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
    }
    try:
        mem = next(
            line
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        info["mem_gib"] = round(int(mem.split()[1]) / 1024 / 1024, 1)
    except (OSError, StopIteration):
        pass
    for pkg in (
        "splink",
        "duckdb",
        "recordlinkage",
        "pandas",
        "numpy",
        "pyarrow",
        "scipy",
        "scikit-learn",
        "anyascii",
    ):
        try:
            from importlib.metadata import version

            info[pkg] = version(pkg)
        except Exception:
            pass
    return info


def save(results_path: Path, key: str, entry: dict) -> None:
    """Merge one dataset/job entry: systems run now replace their earlier results only."""
    allr = json.loads(results_path.read_text()) if results_path.exists() else {}
    old = allr.get(key, {})
    systems = dict(old.get("systems", {}))
    systems.update(entry["systems"])
    allr[key] = {**old, **entry, "systems": systems}
    results_path.write_text(json.dumps(allr, indent=2, sort_keys=True))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=None, help="records per job (omit with --febrl)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", default="link,dedupe")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--febrl", action="store_true", help="also run the FEBRL4 smoke test")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per system and job")
    ap.add_argument(
        "--mem-limit-gb",
        type=float,
        default=None,
        help="address-space limit per system process (RLIMIT_AS)",
    )
    ap.add_argument(
        "--no-blocking-stats", action="store_true", help="skip the (untimed) count of blocked pairs"
    )
    ap.add_argument(
        "--no-identifiers",
        action="store_true",
        help="generate data without document and phone numbers",
    )
    ap.add_argument(
        "--write-results",
        action="store_true",
        help="rewrite the Linkage section of bench/RESULTS.md",
    )
    args = ap.parse_args(argv)
    systems = [s for s in args.systems.split(",") if s]
    jobs = [j for j in args.jobs.split(",") if j]
    command = ".venv/bin/python -m bench.linkage.run " + " ".join(
        shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])
    )
    results_path = args.out / "results.json"
    args.out.mkdir(parents=True, exist_ok=True)
    datasets = []
    if args.size:
        t = time.perf_counter()
        identifiers = not args.no_identifiers
        d = generate(args.size, args.seed, tuple(jobs), args.out / "data", identifiers=identifiers)
        manifest = json.loads((d / "manifest.json").read_text())
        key = f"n{args.size}-seed{args.seed}" + ("" if identifiers else "-noids")
        datasets.append((key, d, jobs, manifest, round(time.perf_counter() - t, 1)))
    if args.febrl:
        d = febrl.build(args.out / "data")
        datasets.append(("febrl4", d, ["link"], json.loads((d / "manifest.json").read_text()), 0))
    for key, data, ds_jobs, manifest, gen_s in datasets:
        for job in ds_jobs:
            threshold = common.LINK_THRESHOLD if job == "link" else common.DEDUPE_THRESHOLD
            entry = {
                "dataset": key,
                "job": job,
                "threshold": threshold,
                "machine": machine(),
                "manifest": manifest.get("jobs", {}).get(job, manifest),
                "generate_s": gen_s,
                "systems": {},
            }
            for system in systems:
                out = args.out / "runs" / key / job / system
                print(f"[{key}] {job}: {system} ...", file=sys.stderr, flush=True)
                res = run_child(
                    system,
                    job,
                    data,
                    out,
                    threshold,
                    args.timeout,
                    not args.no_blocking_stats,
                    args.mem_limit_gb,
                )
                res = score(res, job, data, out, threshold)
                res["date"] = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
                res["command"] = command
                entry["systems"][system] = res
                brief = {k: res.get(k) for k in ("status", "wall_s", "peak_rss_mb")}
                if "metrics" in res:
                    m = res["metrics"]
                    brief.update(
                        {
                            k: round(m[k], 4)
                            for k in ("hit@1", "hit@10", "precision", "recall", "f1")
                            if k in m and m[k] is not None
                        }
                    )
                if "blocking" in res:
                    brief["blocking_recall"] = res["blocking"].get("blocking_recall")
                    brief["pairs"] = res["blocking"].get("pairs_compared")
                print(f"    {json.dumps(brief)}", file=sys.stderr, flush=True)
                save(results_path, f"{key}/{job}", entry)
    if args.write_results:
        from bench.linkage import report

        report.write_results(results_path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
