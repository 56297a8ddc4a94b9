"""Load the demo: agencies, one account per role, synthetic persons."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from haven.accounts import services as account_services
from haven.accounts.models import Agency, AgencyKind, User
from haven.accounts.roles import Role
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.demo.generator import synthetic_persons
from haven.people.models import Person
from haven.people.services import persons_import

DEMO_COUNTRY = "MT"

DEMO_AGENCIES = (
    ("Harbour Shelter", AgencyKind.SHELTER),
    ("National Anti-Trafficking Hotline", AgencyKind.HOTLINE),
    ("Police Anti-Trafficking Unit", AgencyKind.POLICE),
    ("National Identification Authority", AgencyKind.COMPETENT_AUTHORITY),
    ("Family Tracing Service", AgencyKind.TRACING_SERVICE),
    ("National Statistics Office", AgencyKind.STATISTICS_OFFICE),
)

DEMO_ACCOUNTS = (
    ("hotline", Role.HOTLINE_OPERATOR, "National Anti-Trafficking Hotline"),
    ("caseworker", Role.CASEWORKER, "Harbour Shelter"),
    ("responder", Role.FIRST_RESPONDER, "Police Anti-Trafficking Unit"),
    ("decider", Role.DECISION_MAKER, "National Identification Authority"),
    ("tracer", Role.TRACING_OFFICER, "Family Tracing Service"),
    ("analyst", Role.ANALYST, "National Statistics Office"),
    ("admin", Role.ADMINISTRATOR, None),
)

# Where the demo persons are registered: most with the shelter, so the
# caseworker has pages of them; some with the hotline and the police.
PERSON_SHARES = (
    ("Harbour Shelter", 0.6),
    ("National Anti-Trafficking Hotline", 0.2),
    ("Police Anti-Trafficking Unit", 0.2),
)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    agency: str


def demo_password() -> str:
    """One random password for every demo account, kept beside the database."""
    path = Path(settings.DATA_DIR) / "demo-password"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("demo-" + secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path.read_text().strip()


def seed_agencies_and_accounts() -> list[DemoLogin]:
    password = demo_password()
    with transaction.atomic():
        for name, kind in DEMO_AGENCIES:
            if not Agency.objects.filter(name=name).exists():
                agency = Agency(name=name, kind=kind, country=DEMO_COUNTRY)
                agency.save(force_insert=True)
                audit_record(
                    actor=None,
                    action=AuditAction.CREATE,
                    object_type="agency",
                    object_id=agency.pk,
                    fields=["name", "kind", "country"],
                )
    # The portal's requests go to the hotline, missing relatives to tracing.
    with transaction.atomic():
        for agency in Agency.objects.filter(
            name__in=["National Anti-Trafficking Hotline", "Family Tracing Service"],
            receives_portal_requests=False,
        ):
            agency.receives_portal_requests = True
            agency.save(update_fields=["receives_portal_requests"])
            audit_record(
                actor=None,
                action=AuditAction.UPDATE,
                object_type="agency",
                object_id=agency.pk,
                fields=["receives_portal_requests"],
            )
    logins = []
    for username, role, agency_name in DEMO_ACCOUNTS:
        agency = Agency.objects.get(name=agency_name) if agency_name else None
        if not User.objects.filter(username=username).exists():
            account_services.user_create(
                actor=None,
                username=username,
                password=password,
                role=role,
                agency_id=agency.pk if agency else None,
            )
        logins.append(DemoLogin(username, Role(role).label, agency_name or "—"))
    return logins


def seed_persons(size: int, *, progress: Callable[[int, int], None] | None = None) -> int:
    """Create ``size`` persons in total across the demo agencies (idempotent:
    persons already present count towards the size)."""
    existing = Person.objects.count()
    missing = max(0, size - existing)
    if missing == 0:
        return 0
    created = 0
    generator = synthetic_persons(size, seed=2026)
    # Skip those already created in an earlier run, so reruns stay deterministic.
    for _skipped in range(existing):
        next(generator)
    for agency_name, share in PERSON_SHARES:
        agency = Agency.objects.get(name=agency_name)
        quota = round(missing * share) if agency_name != PERSON_SHARES[-1][0] else missing - created
        chunk = (next(generator) for _ in range(quota))

        def batches(records=chunk):  # type: ignore[no-untyped-def]
            nonlocal created
            for record in records:
                yield record
                created += 1
                if progress and created % 5000 == 0:
                    progress(created, missing)

        persons_import(agency_id=agency.pk, records=batches())
    if progress:
        progress(created, missing)
    return created


def seed_cases(count: int = 40) -> int:
    """Open cases for some of the shelter's persons and walk them through the
    flow (screening, referral, decisions, detention, charges), through the
    same services staff use, so the demo shows obligations and deadlines."""
    import random
    from datetime import timedelta

    from django.utils import timezone

    from haven.cases import services as case_services
    from haven.cases.domain.catalogues import CATALOGUES
    from haven.cases.models import Case

    if Case.objects.exists():
        return 0
    rng = random.Random(7)
    caseworker = User.objects.get(username="caseworker")
    decider = User.objects.get(username="decider")
    forced_labour = next(version for version in CATALOGUES if "forced-labour" in version)
    indicators = [indicator.id for indicator in CATALOGUES[forced_labour].indicators]
    persons = Person.objects.filter(agency=caseworker.agency).order_by("created_at")[:count]
    today = timezone.localdate()
    for index, person in enumerate(persons):
        opened_on = today - timedelta(days=rng.randint(20, 90))
        case = case_services.case_open(actor=caseworker, person_id=person.pk, opened_on=opened_on)
        if index % 5 == 4:
            continue  # just opened
        answers = {
            indicator: {"answer": rng.choice(["yes", "no", "unknown"])}
            for indicator in rng.sample(indicators, 6)
        }
        case_services.screening_save(
            actor=caseworker,
            case_id=case.pk,
            catalogue=forced_labour,
            answers=answers,
            completed=True,
        )
        case = Case.objects.get(pk=case.pk)
        if index % 3 == 0:
            case_services.detention_record(
                actor=caseworker,
                case_id=case.pk,
                kind="detention",
                started_on=opened_on + timedelta(days=rng.randint(0, 10)),
            )
        if index % 4 == 1:
            case_services.charge_record(
                actor=caseworker,
                case_id=case.pk,
                offence="Use of a false document",
                status="pending",
                compelled_by_trafficking=None,
                linked_to_exploitation=True,
            )
        case = Case.objects.get(pk=case.pk)
        case = case_services.case_submit_for_identification(
            actor=caseworker, case_id=case.pk, expected_version=case.version
        )
        if index % 2 == 0:
            case_services.decision_record(
                actor=decider,
                case_id=case.pk,
                kind="reasonable_grounds",
                outcome="positive",
                threshold="Reasonable grounds to believe",
                reasons="Synthetic demo decision: indicators of forced labour recorded.",
                decided_on=opened_on + timedelta(days=rng.randint(1, 19)),
            )
    return len(persons)


# Persons registered a second time, so the review of possible duplicates has
# something to show: (agency registering again, how many). The shelter's own
# second registrations are in its caseworker's queue; the hotline's are pairs
# across agencies, which no demo account may see both sides of (access.py).
DUPLICATE_REGISTRATIONS = (
    ("Harbour Shelter", 4),
    ("National Anti-Trafficking Hotline", 2),
)
DEMO_DUPLICATES = sum(count for _agency, count in DUPLICATE_REGISTRATIONS)
# Above this many persons the demo leaves the search to `haven persons dedupe`.
DEMO_DUPLICATE_SEARCH_LIMIT = 20_000


def _registered_again(person: Person, index: int):  # type: ignore[no-untyped-def]
    """The same person as another desk wrote them down: another spelling, the
    original script sometimes missing, an age estimate instead of the date."""
    from datetime import date

    from haven.people.services import PersonRecord

    names = person.names or {}
    latin = list(names.get("latin") or []) or [person.original_name]
    birth: dict = {
        "birth_year_min": person.birth_year_min,
        "birth_year_max": person.birth_year_max,
        "age_estimated_on": person.age_estimated_on,
    }
    if person.birth_date:
        year = date.fromisoformat(person.birth_date).year
        birth = {"birth_year_min": year - 1, "birth_year_max": year + 1}
    return PersonRecord(
        original_name=person.original_name if index % 2 == 0 else "",
        original_script=person.name_script if index % 2 == 0 else "",
        latin_names=[latin[-1]],
        sex=person.sex,
        nationalities=tuple(person.nationalities),
        **birth,
    )


def seed_duplicates() -> int:
    """Register a few shelter persons a second time and run the search for
    duplicates once, as an operator would (idempotent: skipped once pairs
    exist). Returns the number of pairs proposed."""
    from haven.tracing import services as tracing_services
    from haven.tracing.models import PersonDuplicateCandidate

    if PersonDuplicateCandidate.objects.exists():
        return 0
    shelter = Agency.objects.get(name="Harbour Shelter")
    originals = list(
        Person.objects.filter(agency=shelter).order_by("created_at", "pk")[:DEMO_DUPLICATES]
    )
    start = 0
    for agency_name, count in DUPLICATE_REGISTRATIONS:
        chosen = originals[start : start + count]
        start += count
        persons_import(
            agency_id=Agency.objects.get(name=agency_name).pk,
            records=[_registered_again(person, index) for index, person in enumerate(chosen)],
        )
    if Person.objects.count() > DEMO_DUPLICATE_SEARCH_LIMIT:
        return 0
    return tracing_services.person_duplicates_find(actor=None).proposed
