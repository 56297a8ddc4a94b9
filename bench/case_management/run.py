"""Case-management benchmark on PostgreSQL.

    .venv/bin/python -m bench.case_management.run all \\
        --database-url postgres://postgres@127.0.0.1:5432/haven_bench --persons 1000000

Subcommands: seed, search, casepage, intake, all. Each writes its results into
bench/out/case_management/results.json and the tables of bench/RESULTS.md.
The database is created and migrated when missing; the one named "test" (the
test suite's) and its test_* copies are refused. Timings are never asserted.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from collections.abc import Sequence

from bench.case_management import environment, report

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/haven_bench"


def _open_cases(args: argparse.Namespace) -> int:
    if args.open_cases is not None:
        return args.open_cases
    from bench.case_management.seeding import DEFAULT_OPEN_CASES

    return min(DEFAULT_OPEN_CASES, max(1, args.persons // 20))


def _code_version() -> str:
    """The commit measured (read-only git), or what HAVEN_BENCH_CODE says."""
    import subprocess

    if os.environ.get("HAVEN_BENCH_CODE"):
        return os.environ["HAVEN_BENCH_CODE"]
    try:
        commit = subprocess.run(
            ["git", "-C", str(environment.REPOSITORY), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            [
                "git",
                "-C",
                str(environment.REPOSITORY),
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                ":!bench/RESULTS.md",  # the benchmarks' own output
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{commit}{' with uncommitted changes' if dirty else ''}"


def _command() -> str:
    return ".venv/bin/python -m bench.case_management.run " + shlex.join(sys.argv[1:])


def _seed(args: argparse.Namespace, target: environment.Target, results: dict) -> None:
    from bench.case_management import seeding

    plan = seeding.SeedPlan(persons=args.persons, open_cases=_open_cases(args), jobs=args.jobs)
    started = time.monotonic()
    this_run = seeding.seed(target, plan)
    results["seed"] = {
        "this_run_seconds": round(time.monotonic() - started, 1),
        "this_run_stages": {stage: round(seconds, 1) for stage, seconds in this_run.items()},
        "stages": seeding.stage_times(),
        "jobs": args.jobs,
        "open_cases_target": plan.open_cases,
    }
    results["dataset"] = seeding.seeded_counts()
    print(f"      dataset: {results['dataset']}", flush=True)


def _search(args: argparse.Namespace, results: dict) -> None:
    from bench.case_management import search

    print(
        f"[search] person_search, {args.queries_per_script} known-person and "
        f"{args.unregistered_per_script} unregistered queries per script",
        flush=True,
    )
    outcome = search.benchmark(args.queries_per_script, args.unregistered_per_script)
    results["search"] = {key: value for key, value in outcome.items() if key != "query_list"}
    latency = outcome["latency"]["all"]
    print(
        f"      p50 {latency['p50_ms']} ms, p95 {latency['p95_ms']} ms, "
        f"p99 {latency['p99_ms']} ms; person in top 5: "
        f"{outcome['quality']['target_in_top5']:.1%}",
        flush=True,
    )


def _casepage(args: argparse.Namespace, results: dict) -> None:
    from bench.case_management import casepage

    print(f"[casepage] GET /cases/<id>/ over {args.pages} cases", flush=True)
    outcome = casepage.benchmark(args.pages)
    results["casepage"] = outcome
    latency = outcome["latency"]
    print(
        f"      p50 {latency['p50_ms']} ms, p95 {latency['p95_ms']} ms; "
        f"{outcome['queries_per_page']} queries per page",
        flush=True,
    )


def _intake(args: argparse.Namespace, target: environment.Target, results: dict) -> None:
    from bench.case_management import intake, search

    print(f"[intake] {args.clients} clients, {args.duration} s", flush=True)
    queries = warm_up = None
    if not args.no_http_search:
        actor = search.searching_caseworker()
        queries, warm_up = search.build_queries(
            actor.agency_id, args.queries_per_script, args.unregistered_per_script
        )
    results["intake"] = intake.benchmark(
        target,
        clients=args.clients,
        duration=args.duration,
        workers=args.server_workers,
        threads=args.server_threads,
        client_processes=args.client_processes,
        search_queries=queries,
        search_warm_up=warm_up,
        batch_size=args.batch_size,
    )
    results["intake"]["meta"] = dict(results["meta"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench.case_management.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("step", choices=["seed", "search", "casepage", "intake", "all"])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument(
        "--open-cases",
        type=int,
        default=None,
        help="open cases with records and obligations "
        "(default 50,000, or 5 %% of persons if fewer)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="seeding worker processes")
    parser.add_argument("--queries-per-script", type=int, default=50)
    parser.add_argument("--unregistered-per-script", type=int, default=10)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument(
        "--batch-size",
        type=int,
        default=100,
        help="intakes per request in the batch phase (POST /api/v1/intakes/batch/); 0 skips it",
    )
    parser.add_argument("--server-workers", type=int, default=4)
    # Two threads a worker: the work is CPU-bound, and more threads only
    # contend for each worker's interpreter lock (measured: 4x2 moved ~10 %
    # more intakes than 4x8 on this 2-core machine).
    parser.add_argument("--server-threads", type=int, default=2)
    parser.add_argument("--client-processes", type=int, default=4)
    parser.add_argument(
        "--no-http-search", action="store_true", help="skip the search API through gunicorn"
    )
    parser.add_argument(
        "--no-markdown",
        action="store_true",
        help="keep results in bench/out only, leave bench/RESULTS.md alone",
    )
    args = parser.parse_args(argv)

    target = environment.parse_target(args.database_url)
    environment.configure(target)
    results = report.load()
    if results.get("meta", {}).get("persons") not in (None, args.persons):
        results = {}  # results of another size do not mix with these
    results["meta"] = {
        "command": _command(),
        "date": report.now(),
        "persons": args.persons,
        "database": target.name,
        "code": _code_version(),
    }
    results["machine"] = report.machine()
    steps = ["seed", "search", "casepage", "intake"] if args.step == "all" else [args.step]
    started = time.monotonic()
    for step in steps:
        load_before = [round(value, 1) for value in os.getloadavg()]
        step_started = time.monotonic()
        if step == "seed":
            _seed(args, target, results)
        elif step == "search":
            _search(args, results)
        elif step == "casepage":
            _casepage(args, results)
        elif step == "intake":
            _intake(args, target, results)
        # The machine is shared: what else ran shows in the load average.
        results[step]["load_average_before_after"] = [
            load_before,
            [round(value, 1) for value in os.getloadavg()],
        ]
        results[step]["wall_seconds"] = round(time.monotonic() - step_started, 1)
        report.save(results)
        if not args.no_markdown:
            report.write_markdown(results)
    if "seed" not in steps:
        from bench.case_management import seeding

        results["dataset"] = seeding.seeded_counts()
        results.setdefault("seed", {})["stages"] = seeding.stage_times()
        report.save(results)
        if not args.no_markdown:
            report.write_markdown(results)
    print(
        f"bench: done in {time.monotonic() - started:,.0f} s; "
        f"results in {report.RESULTS_JSON} and {environment.RESULTS_FILE}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
