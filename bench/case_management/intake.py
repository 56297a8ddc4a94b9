"""Intake creation throughput through a real WSGI server, beside pgbench's
simple-insert TPS on the same machine, and the check that no intake was lost
or duplicated. Also the search API's latency through the same server."""

from __future__ import annotations

import http.client
import json
import math
import multiprocessing
import re
import subprocess
import time
from datetime import datetime, timedelta
from typing import Any

from bench.case_management import environment, load, seeding
from bench.case_management.server import HOST, PROXY_HEADERS, Server
from bench.case_management.stats import latency_summary

PGBENCH_TABLE = "bench_pgbench_insert"
PGBENCH_INSERT = (
    f"INSERT INTO {PGBENCH_TABLE} (client, received_at, payload) "
    "VALUES (:client_id, now(), repeat('x', 400));\n"
)
# The same shape as an audited write: one global row locked, a row appended,
# the head moved on, in one transaction: the ceiling of any serialised chain.
PGBENCH_CHAIN = (
    "BEGIN;\n"
    "SELECT last FROM bench_pgbench_head WHERE id = 1 FOR UPDATE;\n"
    f"INSERT INTO {PGBENCH_TABLE} (client, received_at, payload) "
    "VALUES (:client_id, now(), repeat('x', 400));\n"
    "UPDATE bench_pgbench_head SET last = last + 1 WHERE id = 1;\n"
    "END;\n"
)


# --- pgbench -------------------------------------------------------------------------------------


def _pgbench_tables(create: bool) -> None:
    seeding._execute(f"DROP TABLE IF EXISTS {PGBENCH_TABLE}, bench_pgbench_head")
    if create:
        seeding._execute(
            f"CREATE TABLE {PGBENCH_TABLE} (id bigserial PRIMARY KEY, client integer NOT NULL, "
            "received_at timestamptz NOT NULL, payload text NOT NULL)"
        )
        seeding._execute("CREATE TABLE bench_pgbench_head (id integer PRIMARY KEY, last bigint)")
        seeding._execute("INSERT INTO bench_pgbench_head VALUES (1, 0)")


def pgbench(
    target: environment.Target, script: str, name: str, clients: int, duration: int
) -> dict[str, Any]:
    path = environment.OUT_DIR / f"pgbench-{name}.sql"
    path.write_text(script)
    _pgbench_tables(create=True)
    command = [
        "pgbench",
        "-n",
        "-c",
        str(clients),
        "-j",
        "2",
        "-T",
        str(duration),
        "-f",
        str(path),
        *target.libpq_args(),
        target.name,
    ]
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=duration + 120, check=False
        )
    finally:
        _pgbench_tables(create=False)
    if completed.returncode != 0:
        raise SystemExit(f"bench: pgbench failed: {completed.stderr.strip()}")
    tps = re.search(r"tps = ([\d.]+) \(without initial connection time\)", completed.stdout)
    latency = re.search(r"latency average = ([\d.]+) ms", completed.stdout)
    transactions = re.search(r"number of transactions actually processed: (\d+)", completed.stdout)
    return {
        "command": " ".join(command),
        "tps": float(tps.group(1)) if tps else math.nan,
        "latency_average_ms": float(latency.group(1)) if latency else math.nan,
        "transactions": int(transactions.group(1)) if transactions else 0,
    }


# --- accounts and tokens -------------------------------------------------------------------------


def _hotline_operators() -> list[Any]:
    from haven.accounts.models import User

    users = list(
        User.objects.filter(username__startswith=seeding.HOTLINE_PREFIX).order_by("username")
    )
    if not users:
        raise SystemExit("bench: no benchmark hotline operators; run the seed step first")
    return users


def _issue_tokens(users: list[Any]) -> list[tuple[Any, Any, str]]:
    from django.db import transaction

    from haven.accounts.services import api_token_create

    issued = []
    for user in users:
        with transaction.atomic():
            token = api_token_create(actor=None, user=user, name="bench intake load")
        issued.append((user, token.token, token.secret))
    return issued


def _revoke(issued: list[tuple[Any, Any, str]]) -> None:
    from haven.accounts.services import api_token_revoke

    for user, token, _secret in issued:
        api_token_revoke(actor=user, token_id=token.pk)


# --- the search API through the server ---------------------------------------------------------


def http_search(port: int, secret: str, queries: list[Any], warm_up: list[Any]) -> dict:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    headers = {**PROXY_HEADERS, "Authorization": f"Bearer {secret}"}

    def get(text: str) -> int:
        connection.request(
            "POST",
            "/api/v1/persons/search/",
            body=json.dumps({"name": text}),
            headers={**headers, "Content-Type": "application/json"},
        )
        response = connection.getresponse()
        response.read()
        return response.status

    for query in warm_up:
        get(query.text)
    seconds, statuses = [], {}
    for query in queries:
        started = time.perf_counter()
        status = get(query.text)
        seconds.append(time.perf_counter() - started)
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    connection.close()
    return {"latency": latency_summary(seconds), "statuses": statuses}


# --- verification --------------------------------------------------------------------------------


def _in_chunks(values: list[str], size: int = 5000):  # type: ignore[no-untyped-def]
    for start in range(0, len(values), size):
        yield values[start : start + size]


def verify(outcomes: list[dict], users: list[Any], since: datetime) -> dict[str, Any]:
    """Zero lost: every intake a 201 announced exists, once, with its audit
    entry. Zero duplicated: the run created exactly one row per key that got a
    first 201, and every replay answered with the first outcome."""
    from haven.audit.models import AuditEntry
    from haven.intake.models import Intake
    from haven.platform.models import IdempotencyRecord

    first: dict[str, str] = {}
    for outcome in outcomes:
        if outcome["status"] == 201 and not outcome["replayed"]:
            if outcome["key"] in first:
                first[outcome["key"]] = "TWICE"  # a key that ran twice: a duplicate
            else:
                first[outcome["key"]] = outcome["intake_id"]
    keys_run_twice = sum(1 for value in first.values() if value == "TWICE")
    ids = [value for value in first.values() if value and value != "TWICE"]
    found = sum(Intake.objects.filter(pk__in=chunk).count() for chunk in _in_chunks(ids))
    audited = sum(
        AuditEntry.objects.filter(
            object_type="intake", action="create", object_id__in=chunk
        ).count()
        for chunk in _in_chunks(ids)
    )
    row_ids = {
        str(pk)
        for pk in Intake.objects.filter(
            created_by__in=users, received_at__gte=since, client_reference__isnull=True
        ).values_list("pk", flat=True)
    }
    rows_in_window = len(row_ids)
    replays = [o for o in outcomes if o["replayed"]]
    replay_mismatches = sum(1 for o in replays if first.get(o["key"]) != o["intake_id"])
    conflicts = [o for o in outcomes if o["status"] == 409]
    unresolved_conflicts = sum(1 for o in conflicts if o["key"] not in first)
    errors = [o for o in outcomes if o["status"] not in (201, 409)]
    scopes = [f"api:{user.pk}" for user in users]
    records = IdempotencyRecord.objects.filter(scope__in=scopes, created_at__gte=since)
    # Each key's stored outcome names the intake it created (decrypted here):
    # a row no key accounts for would be a duplicate.
    recorded = {
        record.key: (record.response or {}).get("id")
        for record in records.filter(state="completed")
    }
    rows_without_a_key = len(row_ids - set(recorded.values()))
    keys_disagreeing = sum(1 for key, intake_id in first.items() if recorded.get(key) != intake_id)
    return {
        "keys_with_first_201": len(ids),
        "rows_found_for_201s": found,
        "lost": len(ids) - found,
        "rows_created_in_window": rows_in_window,
        "duplicated": rows_without_a_key + keys_run_twice,
        "rows_without_a_key": rows_without_a_key,
        "keys_whose_record_names_another_intake": keys_disagreeing,
        "audit_entries_for_201s": audited,
        "replayed_responses": len(replays),
        "replay_mismatches": replay_mismatches,
        "conflicts_409": len(conflicts),
        "conflicts_without_a_201": unresolved_conflicts,
        "errors": len(errors),
        "error_statuses": sorted({o["status"] for o in errors}),
        "idempotency_completed": records.filter(state="completed").count(),
        "idempotency_left_started": records.filter(state="started").count(),
    }


def verify_batches(outcomes: list[dict], users: list[Any], since: datetime) -> dict[str, Any]:
    """Zero lost: every item a 201 answered has its row and its audit entry.
    Zero duplicated: one row per client reference, and every answer about a
    reference (first, replayed, resent, concurrent twin) names the same row."""
    from haven.audit.models import AuditEntry
    from haven.intake.models import Intake

    answered: dict[str, set[str]] = {}
    created_by_answers = 0
    for outcome in outcomes:
        if outcome["status"] != 201:
            continue
        for reference, intake_id, created in outcome["items"]:
            answered.setdefault(reference, set()).add(intake_id)
            if created and not outcome["replayed"]:
                created_by_answers += 1
    references_with_two_ids = sum(1 for ids in answered.values() if len(ids) > 1)
    ids = sorted({next(iter(v)) for v in answered.values()})
    found = sum(Intake.objects.filter(pk__in=chunk).count() for chunk in _in_chunks(ids))
    audited = sum(
        AuditEntry.objects.filter(
            object_type="intake", action="create", object_id__in=chunk
        ).count()
        for chunk in _in_chunks(ids)
    )
    rows = Intake.objects.filter(
        created_by__in=users, received_at__gte=since, client_reference__isnull=False
    )
    rows_in_window = rows.count()
    errors = [o for o in outcomes if o["status"] != 201]
    return {
        "references_answered": len(answered),
        "created_by_answers": created_by_answers,
        "rows_found": found,
        "lost": len(ids) - found,
        "rows_created_in_window": rows_in_window,
        "duplicated": (rows_in_window - len(answered))
        + references_with_two_ids
        + max(0, created_by_answers - len(answered)),
        "references_with_two_ids": references_with_two_ids,
        "audit_entries": audited,
        "by_kind": {
            kind: sum(1 for o in outcomes if o["kind"] == kind)
            for kind in ("new", "replay", "resend", "duplicate")
        },
        "resends_that_created": sum(
            1 for o in outcomes if o["kind"] == "resend" and any(item[2] for item in o["items"])
        ),
        "errors": len(errors),
        "error_statuses": sorted({o["status"] for o in errors}),
    }


# --- the benchmark -------------------------------------------------------------------------------


def _load_phase(
    port: int,
    issued: list[tuple[Any, Any, str]],
    clients: int,
    client_processes: int,
    duration: int,
    seed: int,
    batch_size: int,
) -> tuple[list[list[dict]], float]:
    """All clients at once for ``duration`` seconds; returns their outcomes and
    the seconds from the common start to the last client's end."""
    per_process = math.ceil(clients / client_processes)
    groups = [
        [(index, issued[index][2]) for index in range(start, min(start + per_process, clients))]
        for start in range(0, clients, per_process)
    ]
    start_at = time.time() + 3  # every client process ready, then all at once
    context = multiprocessing.get_context("spawn")
    with context.Pool(len(groups)) as pool:
        chunks = pool.map(
            load._process_entry,
            [(port, group, start_at, duration, seed, batch_size) for group in groups],
        )
    return chunks, time.time() - start_at


def benchmark(
    target: environment.Target,
    *,
    clients: int,
    duration: int,
    workers: int,
    threads: int,
    client_processes: int,
    search_queries: list[Any] | None,
    search_warm_up: list[Any] | None,
    chain_reference: bool = True,
    seed: int = 1,
    batch_size: int = 50,
) -> dict[str, Any]:
    from django.db import connection
    from django.utils import timezone

    from bench.case_management.search import searching_caseworker

    users = _hotline_operators()[:clients]
    if len(users) < clients:
        raise SystemExit(
            f"bench: {clients} clients need {clients} hotline operators; found {len(users)}"
        )
    result: dict[str, Any] = {
        "clients": clients,
        "duration_s": duration,
        "server": {
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "settings": "haven.settings.production",
        },
    }

    print(f"      pgbench simple insert, {clients} clients, {duration} s", flush=True)
    result["pgbench_insert"] = pgbench(target, PGBENCH_INSERT, "insert", clients, duration)
    print(f"        {result['pgbench_insert']['tps']:,.0f} TPS", flush=True)
    if chain_reference:
        short = max(10, duration // 2)
        print(f"      pgbench serialised chain (one locked head row), {short} s", flush=True)
        result["pgbench_chain"] = pgbench(target, PGBENCH_CHAIN, "chain", clients, short)
        print(f"        {result['pgbench_chain']['tps']:,.0f} TPS", flush=True)

    caseworker = searching_caseworker()
    issued = _issue_tokens(users)
    search_token = _issue_tokens([caseworker])[0] if search_queries else None
    connection.close()
    try:
        with Server(target, workers=workers, threads=threads) as server:
            if search_queries and search_token:
                print(
                    f"      search API through gunicorn, {len(search_queries)} queries", flush=True
                )
                result["http_search"] = http_search(
                    server.port, search_token[2], search_queries, search_warm_up or []
                )
                print(
                    f"        p50 {result['http_search']['latency']['p50_ms']} ms, "
                    f"p95 {result['http_search']['latency']['p95_ms']} ms",
                    flush=True,
                )
            since = timezone.now() - timedelta(seconds=1)
            print(f"      intake load: {clients} clients for {duration} s", flush=True)
            chunks, elapsed = _load_phase(
                server.port, issued, clients, client_processes, duration, seed, 0
            )
            batch_since = timezone.now()
            if batch_size:
                print(
                    f"      batch load: {clients} clients, {batch_size} intakes a request, "
                    f"{duration} s",
                    flush=True,
                )
                batch_chunks, batch_elapsed = _load_phase(
                    server.port, issued, clients, client_processes, duration, seed, batch_size
                )
    finally:
        _revoke(issued + ([search_token] if search_token else []))
    outcomes = [outcome for chunk in chunks for outcome in chunk]
    created = [o for o in outcomes if o["status"] == 201 and not o["replayed"]]
    first_requests = [o for o in outcomes if o["kind"] == "new"]
    result["intake"] = {
        "requests": len(outcomes),
        "elapsed_s": round(elapsed, 2),
        "created": len(created),
        "throughput_per_s": round(len(created) / elapsed, 1),
        "requests_per_s": round(len(outcomes) / elapsed, 1),
        "by_kind": {
            kind: sum(1 for o in outcomes if o["kind"] == kind)
            for kind in ("new", "replay", "duplicate")
        },
        "latency_new": latency_summary(
            [o["seconds"] for o in first_requests if o["status"] == 201]
        ),
    }
    result["verification"] = verify(outcomes, users, since)
    if batch_size:
        batch_outcomes = [outcome for chunk in batch_chunks for outcome in chunk]
        check = verify_batches(batch_outcomes, users, batch_since)
        result["batch"] = {
            "batch_size": batch_size,
            "requests": len(batch_outcomes),
            "elapsed_s": round(batch_elapsed, 2),
            "created": check["created_by_answers"],
            "throughput_per_s": round(check["created_by_answers"] / batch_elapsed, 1),
            "latency_new": latency_summary(
                [o["seconds"] for o in batch_outcomes if o["kind"] == "new" and o["status"] == 201]
            ),
            "verification": check,
        }
    # The machine is shared and its load moves: pgbench runs again right after
    # the intake load, and the ratio uses the mean of the two runs.
    print(f"      pgbench simple insert again, {clients} clients, {duration} s", flush=True)
    result["pgbench_insert_after"] = pgbench(target, PGBENCH_INSERT, "insert", clients, duration)
    print(f"        {result['pgbench_insert_after']['tps']:,.0f} TPS", flush=True)
    result["pgbench_insert_mean_tps"] = (
        result["pgbench_insert"]["tps"] + result["pgbench_insert_after"]["tps"]
    ) / 2
    result["ratio_to_pgbench"] = (
        result["intake"]["throughput_per_s"] / result["pgbench_insert_mean_tps"]
    )
    if batch_size:
        result["batch"]["ratio_to_pgbench"] = (
            result["batch"]["throughput_per_s"] / result["pgbench_insert_mean_tps"]
        )
        print(
            f"        batches: {result['batch']['throughput_per_s']:,.1f} intakes/s "
            f"({result['batch']['ratio_to_pgbench']:.1%} of pgbench); "
            f"lost {result['batch']['verification']['lost']}, "
            f"duplicated {result['batch']['verification']['duplicated']}",
            flush=True,
        )
    print(
        f"        {result['intake']['throughput_per_s']:,.1f} intakes/s "
        f"({result['ratio_to_pgbench']:.1%} of pgbench); "
        f"lost {result['verification']['lost']}, "
        f"duplicated {result['verification']['duplicated']}",
        flush=True,
    )
    return result
