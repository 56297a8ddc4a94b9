"""Run one system on one job in this process (the harness starts one per system).

    python -m bench.linkage.worker --system splink-generic --job link --data DIR --out DIR

Timed part: importing the system's libraries, reading the CSV files, training,
predicting and ranking or clustering. ``peak_rss_mb`` is this process's high-water
mark at the end of the timed part (``getrusage(RUSAGE_SELF).ru_maxrss``); the
harness also records the whole process's via ``os.wait4``. After the timed part,
the worker writes the candidates or clusters and counts the blocked pairs
(pairs compared, true pairs that survive blocking), which are not timed.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import resource
import sys
import time
import traceback
from pathlib import Path

SKIP_EXIT = 3


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--system", required=True)
    ap.add_argument("--job", choices=("link", "dedupe"), required=True)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--threshold", type=float, required=True)
    ap.add_argument("--no-blocking-stats", action="store_true")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    result = {"system": args.system, "job": args.job, "data": str(args.data)}
    t0 = time.perf_counter()
    from bench.linkage import common
    from bench.linkage.systems import MODULES

    mod = importlib.import_module(f"bench.linkage.systems.{MODULES[args.system]}")
    params = {"threshold": args.threshold, "labels": args.system == "haven"}
    try:
        output = getattr(mod, args.job)(args.data, params)
    except SystemExit as exc:
        msg = str(exc)
        if msg.startswith("SKIP"):
            result.update(status="skipped", reason=msg)
            (args.out / "result.json").write_text(json.dumps(result, indent=2))
            print(msg, file=sys.stderr)
            return SKIP_EXIT
        raise
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.update(
        status="ok",
        wall_s=round(wall, 2),
        peak_rss_mb=round(peak, 1),
        phases={k: round(v, 2) for k, v in output.phases.items()},
        notes=output.notes,
    )
    if args.job == "link":
        with (args.out / "candidates.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["left_id", "right_id", "match_probability", "rank"])
            w.writerows(output.candidates)
        truth = sorted(common.link_truth(args.data))
    else:
        with (args.out / "clusters.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["record_id", "cluster_id"])
            w.writerows(output.clusters)
        truth = common.dedupe_true_pairs(args.data)
    # written now and again after the (untimed, possibly long) count of blocked pairs,
    # so a timeout during the count keeps the timed results
    (args.out / "result.json").write_text(json.dumps(result, indent=2))
    if not args.no_blocking_stats:
        t = time.perf_counter()
        try:
            result["blocking"] = mod.blocking_stats(output, args.job, truth)
        except Exception as exc:  # reported, not fatal: accuracy metrics still stand
            result["blocking"] = {"error": f"{type(exc).__name__}: {exc}"}
            traceback.print_exc()
        result["blocking_stats_s"] = round(time.perf_counter() - t, 2)
    (args.out / "result.json").write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
