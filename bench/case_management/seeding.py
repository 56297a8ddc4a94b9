"""Seed the benchmark database: agencies and accounts, N synthetic persons,
one case per person, and a working set of open cases with their records and
materialised obligations.

Persons go through haven's own import (``persons_import``: encryption, blind
name keys, one audit entry per person). Cases are bulk-created here, one audit
entry per row through ``audit_record_many``, because opening a million cases
through ``case_open`` would run the rules engine a million times; the rules
engine then runs (``obligations_refresh``) for the open working set only.

Resumable: persons are imported in fixed chunks, each committed with its
marker in ``bench_seed_chunk``; cases and the working set pick up the persons
and cases that have none yet. Several worker processes share the work.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import random
import secrets
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from itertools import islice

from bench.case_management import environment

SEED = 2026
PERSON_CHUNK = 2000
CASE_BATCH = 5000
WORKING_SET_BATCH = 100
DEFAULT_OPEN_CASES = 50_000

SHELTER = "Harbour Shelter"
HOTLINE = "National Anti-Trafficking Hotline"
POLICE = "Police Anti-Trafficking Unit"
AUTHORITY = "National Identification Authority"

BENCH_CASEWORKERS = 20  # the demo "caseworker" and 19 colleagues at the shelter
BENCH_HOTLINE_OPERATORS = 32  # one per intake client
CASEWORKER_PREFIX = "bench-caseworker-"
HOTLINE_PREFIX = "bench-hotline-"

OPEN_STATUSES = (
    ("open", 0.30),
    ("screening", 0.25),
    ("awaiting_identification", 0.20),
    ("assistance", 0.20),
    ("return_reintegration", 0.05),
)
CLOSURE_REASONS = (
    "assistance_completed",
    "returned_reintegrated",
    "transferred",
    "no_longer_in_contact",
    "declined_support",
    "not_a_victim",
)
FIRST_YEAR = 2017

PROGRESS_TABLE = """
CREATE TABLE IF NOT EXISTS bench_seed_chunk (
    stage text NOT NULL,
    chunk integer NOT NULL,
    rows integer NOT NULL,
    PRIMARY KEY (stage, chunk)
);
CREATE TABLE IF NOT EXISTS bench_seed_stage (
    stage text PRIMARY KEY,
    target bigint NOT NULL,
    seconds double precision NOT NULL DEFAULT 0,
    completed_at timestamptz
);
"""


@dataclass(frozen=True)
class SeedPlan:
    persons: int
    open_cases: int
    jobs: int

    @property
    def person_chunks(self) -> int:
        return math.ceil(self.persons / PERSON_CHUNK)


# --- helpers shared by the main process and the workers -------------------------------------------


def _execute(sql: str, params: tuple = ()) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def _ensure_progress_tables() -> None:
    _execute(PROGRESS_TABLE)


def _agency_ids() -> dict[str, int]:
    from haven.accounts.models import Agency

    return dict(Agency.objects.values_list("name", "pk"))


def chunk_agency_name(chunk: int) -> str:
    """Persons are shared out as the demo shares them (haven.demo.seed.PERSON_SHARES:
    60 % shelter, 20 % hotline, 20 % police), interleaved by chunk so that the
    shares hold at any size and a resumed run assigns every chunk the same way."""
    from haven.demo.seed import PERSON_SHARES

    slot = chunk % 5
    cumulative = 0.0
    for name, share in PERSON_SHARES:
        cumulative += share * 5
        if slot < round(cumulative):
            return name
    return PERSON_SHARES[-1][0]


def _stage_started(stage: str, target: int) -> None:
    _execute(
        "INSERT INTO bench_seed_stage (stage, target) VALUES (%s, %s) "
        "ON CONFLICT (stage) DO UPDATE SET target = EXCLUDED.target",
        (stage, target),
    )


def _stage_time(stage: str, seconds: float, completed: bool) -> None:
    _execute(
        "UPDATE bench_seed_stage SET seconds = seconds + %s, "
        "completed_at = CASE WHEN %s THEN now() ELSE NULL END WHERE stage = %s",
        (seconds, completed, stage),
    )


def stage_times() -> dict[str, tuple[int, float, bool]]:
    _ensure_progress_tables()
    return {
        stage: (target, seconds, completed is not None)
        for stage, target, seconds, completed in _execute(
            "SELECT stage, target, seconds, completed_at FROM bench_seed_stage"
        )
    }


# --- accounts -------------------------------------------------------------------------------------


def seed_accounts() -> None:
    """The demo's agencies and accounts, plus the benchmark's colleagues of the
    demo caseworker and one hotline operator per intake client."""
    from django.db import transaction

    from haven.accounts import services as account_services
    from haven.accounts.models import Agency, User
    from haven.demo import seed as demo_seed

    demo_seed.seed_agencies_and_accounts()
    shelter = Agency.objects.get(name=SHELTER)
    hotline = Agency.objects.get(name=HOTLINE)
    wanted = [
        (f"{CASEWORKER_PREFIX}{n:02d}", "caseworker", shelter) for n in range(1, BENCH_CASEWORKERS)
    ]
    wanted += [
        (f"{HOTLINE_PREFIX}{n:02d}", "hotline_operator", hotline)
        for n in range(1, BENCH_HOTLINE_OPERATORS + 1)
    ]
    existing = set(
        User.objects.filter(username__in=[w[0] for w in wanted]).values_list("username", flat=True)
    )
    for username, role, agency in wanted:
        if username in existing:
            continue
        with transaction.atomic():
            account_services.user_create(
                actor=None,
                username=username,
                password=secrets.token_urlsafe(24),
                role=role,
                agency_id=agency.pk,
            )


def shelter_caseworker_ids() -> list[int]:
    from haven.accounts.models import User

    return list(
        User.objects.filter(agency__name=SHELTER, role="caseworker")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


# --- persons --------------------------------------------------------------------------------------


def _persons_worker(url: str, plan: SeedPlan, worker: int) -> None:
    _worker_setup(url)
    from django.db import transaction

    from haven.demo.generator import synthetic_persons
    from haven.people.services import persons_import

    agencies = _agency_ids()
    done = dict(_execute("SELECT chunk, rows FROM bench_seed_chunk WHERE stage = 'persons'"))
    records = synthetic_persons(plan.persons, seed=SEED)
    for chunk in range(plan.person_chunks):
        size = min(PERSON_CHUNK, plan.persons - chunk * PERSON_CHUNK)
        batch = list(islice(records, size))
        if chunk % plan.jobs != worker:
            continue
        already = done.get(chunk, 0)
        if already >= size:
            continue
        with transaction.atomic():
            persons_import(
                agency_id=agencies[chunk_agency_name(chunk)],
                records=batch[already:],
                batch_size=PERSON_CHUNK,
            )
            _execute(
                "INSERT INTO bench_seed_chunk (stage, chunk, rows) VALUES ('persons', %s, %s) "
                "ON CONFLICT (stage, chunk) DO UPDATE SET rows = EXCLUDED.rows",
                (chunk, size),
            )


def _persons_done() -> int:
    return _execute("SELECT coalesce(sum(rows), 0) FROM bench_seed_chunk WHERE stage = 'persons'")[
        0
    ][0]


# --- cases ----------------------------------------------------------------------------------------


def _case_rng(object_id: uuid.UUID, salt: str) -> random.Random:
    return random.Random(f"{SEED}:{salt}:{object_id}")


def _random_date(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _at(on: date, rng: random.Random) -> datetime:
    return datetime.combine(on, clock_time(rng.randint(7, 18), rng.randint(0, 59)), tzinfo=UTC)


def _weighted(rng: random.Random, choices: tuple[tuple[str, float], ...]) -> str:
    point, cumulative = rng.random(), 0.0
    for value, weight in choices:
        cumulative += weight
        if point < cumulative:
            return value
    return choices[-1][0]


def _reserve_references(year: int, count: int) -> Iterator[str]:
    """A block of case references for a year, reserved in its own short
    transaction so parallel workers never wait on the counter row."""
    last = _execute(
        "INSERT INTO cases_casereferencecounter (year, last) VALUES (%s, %s) "
        "ON CONFLICT (year) DO UPDATE SET last = cases_casereferencecounter.last + EXCLUDED.last "
        "RETURNING last",
        (year, count),
    )[0][0]
    return (f"HVN-{year}-{number:06d}" for number in range(last - count + 1, last + 1))


def _cases_worker(url: str, plan: SeedPlan, worker: int, open_fraction: float) -> None:
    _worker_setup(url)
    from django.db import transaction
    from django.utils import timezone

    from haven.audit.models import AuditAction
    from haven.audit.services import AuditEvent, audit_record_many
    from haven.cases.models import Case

    agencies = _agency_ids()
    shelter, police = agencies[SHELTER], agencies[POLICE]
    caseworkers = shelter_caseworker_ids()
    today = timezone.localdate()
    last_id = None
    while True:
        # Persons of this worker's share without a case, in id order (keyset).
        rows = _execute(
            "SELECT p.id, p.agency_id FROM people_person p "
            "WHERE get_byte(uuid_send(p.id), 15) %% %s = %s "
            + ("AND p.id > %s " if last_id else "")
            + "AND NOT EXISTS (SELECT 1 FROM cases_case c WHERE c.person_id = p.id) "
            "ORDER BY p.id LIMIT %s",
            (plan.jobs, worker, *((last_id,) if last_id else ()), CASE_BATCH),
        )
        if not rows:
            return
        last_id = rows[-1][0]
        cases = []
        for person_id, agency_id in rows:
            rng = _case_rng(person_id, "case")
            # First responders refer people to a service provider: the shelter
            # holds the cases of persons the police registered.
            holder = shelter if agency_id in (shelter, police) else agency_id
            is_open = holder == shelter and rng.random() < open_fraction
            if is_open:
                opened = today - timedelta(days=rng.randint(3, 330))
                status, closed, reason = _weighted(rng, OPEN_STATUSES), None, ""
            else:
                opened = _random_date(rng, date(FIRST_YEAR, 1, 1), today - timedelta(days=60))
                closed = min(opened + timedelta(days=rng.randint(14, 700)), today)
                status, reason = "closed", rng.choice(CLOSURE_REASONS)
            submitted = (
                opened + timedelta(days=rng.randint(1, 20))
                if status in ("awaiting_identification", "assistance", "return_reintegration")
                or (status == "closed" and rng.random() < 0.4)
                else None
            )
            cases.append(
                Case(
                    person_id=person_id,
                    agency_id=holder,
                    caseworker_id=rng.choice(caseworkers) if holder == shelter else None,
                    status=status,
                    opened_on=opened,
                    closed_on=closed,
                    closure_reason=reason,
                    jurisdiction_country="MT",
                    submitted_for_identification_on=submitted,
                    smuggled=rng.random() < 0.3,
                    asylum_sought=rng.random() < 0.25,
                    created_at=_at(opened, rng),
                    updated_at=_at(closed or opened, rng),
                )
            )
        by_year: dict[int, list[Case]] = {}
        for case in cases:
            by_year.setdefault(case.opened_on.year, []).append(case)
        for year, of_year in by_year.items():
            for case, reference in zip(
                of_year, _reserve_references(year, len(of_year)), strict=True
            ):
                case.reference = reference
        with transaction.atomic():
            Case.objects.bulk_create(cases, batch_size=CASE_BATCH)
            audit_record_many(
                actor=None,
                events=[
                    AuditEvent(
                        AuditAction.CREATE,
                        "case",
                        str(case.pk),
                        ("person", "agency", "status"),
                        {"import": "bench"},
                    )
                    for case in cases
                ],
            )


def _cases_done() -> int:
    return _execute("SELECT count(*) FROM cases_case")[0][0]


# --- the working set: records and obligations of open cases ---------------------------------------

SCREENING_CATALOGUE = "ilo-forced-labour-2012-h1"
# The object types the case services use in their audit entries.
AUDIT_OBJECT_TYPES = {
    "intake": "intake",
    "screening": "screening",
    "decision": "decision",
    "detentionevent": "detention",
    "charge": "charge",
    "assistancedelivery": "assistance",
}


def _working_set_records(case, rng: random.Random, decider_id: int, today: date) -> list:  # type: ignore[no-untyped-def]
    """What a case under way typically holds, by its status: an intake, a
    screening, identification decisions, sometimes a detention or a charge,
    delivered assistance."""
    from haven.cases.classification import screening_summary
    from haven.cases.domain.catalogues import get_catalogue
    from haven.cases.models import (
        AssistanceDelivery,
        Charge,
        Decision,
        DetentionEvent,
        Screening,
    )
    from haven.intake.models import Intake
    from haven.protection.domain.assistance_items import INTERNATIONAL_ASSISTANCE_ITEMS

    opened = case.opened_on

    def after(start: date, most: int) -> date:
        return min(start + timedelta(days=rng.randint(0, most)), today)

    records: list = [
        Intake(
            channel=rng.choice(["hotline", "first_responder", "outreach", "self_referral"]),
            received_at=_at(opened, rng),
            agency_id=case.agency_id,
            anonymous=False,
            contact={"safe_time": "mornings"},
            account="synthetic account of the first contact",
            person_details={"sex": case.person.sex},
            language="en",
            status="case_opened",
            triaged_at=_at(opened, rng),
            case=case,
        )
    ]
    if case.status != "open":
        answers = {
            indicator: {"answer": rng.choice(["yes", "no", "unknown"])}
            for indicator in get_catalogue(SCREENING_CATALOGUE).indicator_ids
        }
        screened_on = after(opened, 10)
        records.append(
            Screening(
                case=case,
                catalogue=SCREENING_CATALOGUE,
                answers=answers,
                summary=screening_summary(SCREENING_CATALOGUE, answers, person_is_child=None),
                completed=True,
                screened_by_id=case.caseworker_id,
                screened_on=screened_on,
                created_at=_at(screened_on, rng),
            )
        )
    if case.status in ("assistance", "return_reintegration"):
        decided_on = after(case.submitted_for_identification_on or opened, 30)
        records.append(
            Decision(
                case=case,
                kind="reasonable_grounds",
                outcome="positive",
                threshold="reasonable grounds to believe",
                reasons="synthetic reasons for the decision",
                decided_on=decided_on,
                decided_by_id=decider_id,
                created_at=_at(decided_on, rng),
            )
        )
    if rng.random() < 0.15:
        started = after(opened - timedelta(days=20), 20)
        records.append(
            DetentionEvent(
                case=case,
                kind=rng.choice(["arrest", "detention"]),
                started_on=started,
                ended_on=after(started, 15) if rng.random() < 0.7 else None,
                place="synthetic place",
                consular_rights_informed_on=started if rng.random() < 0.5 else None,
                created_at=_at(started, rng),
            )
        )
    if rng.random() < 0.05:
        charged_on = after(opened - timedelta(days=30), 25)
        records.append(
            Charge(
                case=case,
                offence="synthetic offence",
                status="pending",
                charged_on=charged_on,
                linked_to_exploitation=rng.random() < 0.5,
                created_at=_at(charged_on, rng),
            )
        )
    for item in rng.sample(INTERNATIONAL_ASSISTANCE_ITEMS, k=rng.randint(0, 3)):
        delivered = after(opened, 60)
        records.append(
            AssistanceDelivery(
                case=case,
                item=item,
                delivered_on=delivered,
                recorded_by_id=case.caseworker_id,
                created_at=_at(delivered, rng),
            )
        )
    return records


def _working_set_worker(url: str, plan: SeedPlan, worker: int) -> None:
    _worker_setup(url)
    from django.db import transaction
    from django.utils import timezone

    from haven.accounts.models import User
    from haven.audit.models import AuditAction
    from haven.audit.services import AuditEvent, audit_record_many
    from haven.cases.models import Case
    from haven.cases.obligations import obligations_refresh

    decider_id = User.objects.get(username="decider").pk
    today = timezone.localdate()
    last_id = None
    while True:
        ids = [
            row[0]
            for row in _execute(
                "SELECT c.id FROM cases_case c WHERE c.status <> 'closed' "
                "AND get_byte(uuid_send(c.id), 15) %% %s = %s "
                + ("AND c.id > %s " if last_id else "")
                + "AND NOT EXISTS (SELECT 1 FROM cases_obligation o WHERE o.case_id = c.id) "
                "ORDER BY c.id LIMIT %s",
                (plan.jobs, worker, *((last_id,) if last_id else ()), WORKING_SET_BATCH),
            )
        ]
        if not ids:
            return
        last_id = ids[-1]
        # The reverse one-to-ones are fetched with the case, so the rules engine's
        # facts find them (or their absence) without a query each.
        cases = list(
            Case.objects.filter(pk__in=ids)
            .select_related("person", "exploitation", "return_plan")
            .order_by("pk")
        )
        with transaction.atomic():
            by_model: dict[type, list] = {}
            events = []
            for case in cases:
                rng = _case_rng(case.pk, "working-set")
                for record in _working_set_records(case, rng, decider_id, today):
                    by_model.setdefault(type(record), []).append(record)
                    events.append(
                        AuditEvent(
                            AuditAction.CREATE,
                            AUDIT_OBJECT_TYPES[record._meta.model_name],
                            str(record.pk),
                            (),
                            {"case": str(case.pk), "import": "bench"},
                        )
                    )
            for model, records in by_model.items():
                model.objects.bulk_create(records)
            for case in cases:
                obligations_refresh(case, today)
            audit_record_many(actor=None, events=events)


def _working_set_done() -> int:
    return _execute("SELECT count(DISTINCT case_id) FROM cases_obligation")[0][0]


def _open_cases() -> int:
    return _execute("SELECT count(*) FROM cases_case WHERE status <> 'closed'")[0][0]


# --- orchestration --------------------------------------------------------------------------------


def _worker_setup(url: str) -> None:
    """A fresh process (spawn): configure Django against the same database."""
    target = environment.parse_target(url)
    os.environ.update(environment.process_environment(target))
    os.environ["DJANGO_SETTINGS_MODULE"] = "haven.settings.dev"
    import django

    django.setup()


def _run_parallel(
    stage: str,
    worker: Callable[..., None],
    arguments: Callable[[int], tuple],
    jobs: int,
    done: Callable[[], int],
    wanted: int,
) -> None:
    """Run ``jobs`` worker processes and print progress until they finish."""
    from django.db import connection

    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=worker, args=arguments(index), daemon=True) for index in range(jobs)
    ]
    # Workers open their own connections; do not hand them ours.
    connection.close()
    started = time.monotonic()
    initial = done()
    for process in processes:
        process.start()
    last_print = 0.0
    while any(process.is_alive() for process in processes):
        time.sleep(1)
        now = time.monotonic()
        if now - last_print >= 10:
            last_print = now
            count = done()
            rate = (count - initial) / max(now - started, 1e-6)
            remaining = (wanted - count) / rate if rate > 0 else float("inf")
            print(
                f"      {stage}: {count:,}/{wanted:,} ({rate:,.0f}/s, "
                f"about {remaining / 60:,.1f} min left)",
                flush=True,
            )
    failed = [process.exitcode for process in processes if process.exitcode != 0]
    if failed:
        raise SystemExit(f"bench: {stage} worker failed (exit codes {failed}); rerun to resume")


def seed(target: environment.Target, plan: SeedPlan) -> dict[str, float]:
    """Seed to the plan; skip what is already there. Returns this run's seconds per stage."""
    _ensure_progress_tables()
    times: dict[str, float] = {}

    def timed(stage: str, wanted: int, body: Callable[[], None]) -> None:
        _stage_started(stage, wanted)
        started = time.monotonic()
        completed = False
        try:
            body()
            completed = True
        finally:
            # An interrupted stage keeps its time: a resumed run adds to it.
            elapsed = time.monotonic() - started
            times[stage] = elapsed
            _stage_time(stage, elapsed, completed=completed)

    print("[seed 1/5] agencies and accounts", flush=True)
    timed("accounts", 0, seed_accounts)

    print(f"[seed 2/5] persons (target {plan.persons:,})", flush=True)
    if _persons_done() >= plan.persons:
        print("      already seeded", flush=True)
    else:
        timed(
            "persons",
            plan.persons,
            lambda: _run_parallel(
                "persons",
                _persons_worker,
                lambda i: (target.url, plan, i),
                plan.jobs,
                _persons_done,
                plan.persons,
            ),
        )

    print(f"[seed 3/5] cases, one per person (target {plan.persons:,})", flush=True)
    # Open cases are drawn among the shelter's (its own persons and the police's).
    open_fraction = min(1.0, plan.open_cases / max(1.0, plan.persons * 0.8))
    if _cases_done() >= plan.persons:
        print("      already seeded", flush=True)
    else:
        timed(
            "cases",
            plan.persons,
            lambda: _run_parallel(
                "cases",
                _cases_worker,
                lambda i: (target.url, plan, i, open_fraction),
                plan.jobs,
                _cases_done,
                plan.persons,
            ),
        )

    open_cases = _open_cases()
    print(
        f"[seed 4/5] working set: records and obligations of {open_cases:,} open cases", flush=True
    )
    if _working_set_done() >= open_cases:
        print("      already seeded", flush=True)
    else:
        timed(
            "working-set",
            open_cases,
            lambda: _run_parallel(
                "working set",
                _working_set_worker,
                lambda i: (target.url, plan, i),
                plan.jobs,
                _working_set_done,
                open_cases,
            ),
        )

    print("[seed 5/5] VACUUM ANALYZE", flush=True)
    timed("vacuum-analyze", 0, _vacuum_analyze)
    return times


def _vacuum_analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def seeded_counts() -> dict[str, int]:
    return {
        "persons": _execute("SELECT count(*) FROM people_person")[0][0],
        "person_name_keys": _execute("SELECT count(*) FROM people_personnamekey")[0][0],
        "cases": _cases_done(),
        "open_cases": _open_cases(),
        "cases_with_obligations": _working_set_done(),
        "obligations": _execute("SELECT count(*) FROM cases_obligation")[0][0],
        "audit_entries": _execute("SELECT count(*) FROM audit_auditentry")[0][0],
    }
