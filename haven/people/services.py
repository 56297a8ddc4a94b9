"""Writes of persons. Case management adds the interactive registration;
the foundation has the bulk import used by the demo and by data migrations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from haven.audit.models import AuditAction
from haven.audit.services import AuditEvent, audit_record_many
from haven.people.models import Person

IMPORTED_FIELDS = ("names", "name_script", "sex", "birth_date", "birth_years", "nationalities")


@dataclass(frozen=True)
class PersonRecord:
    """A person as an import source provides it (plain data, not a model)."""

    original_name: str
    original_script: str
    latin_names: Sequence[str]
    aliases: Sequence[str] = ()
    sex: str = "unknown"
    birth_date: date | None = None
    birth_year_min: int | None = None
    birth_year_max: int | None = None
    age_estimated_on: date | None = None
    nationalities: Sequence[str] = field(default_factory=tuple)


def _to_model(record: PersonRecord, agency_id: int, now) -> Person:  # type: ignore[no-untyped-def]
    birth_min, birth_max = record.birth_year_min, record.birth_year_max
    if record.birth_date is not None:
        birth_min = birth_max = record.birth_date.year
    return Person(
        agency_id=agency_id,
        names={
            "original": {"text": record.original_name, "script": record.original_script},
            "latin": list(record.latin_names),
            "aliases": list(record.aliases),
        },
        name_script=record.original_script,
        sex=record.sex,
        birth_date=record.birth_date.isoformat() if record.birth_date else None,
        birth_year_min=birth_min,
        birth_year_max=birth_max,
        age_estimated_on=record.age_estimated_on,
        nationalities=list(record.nationalities),
        created_at=now,
        updated_at=now,
    )


def persons_import(
    *, agency_id: int, records: Iterable[PersonRecord], batch_size: int = 2000
) -> int:
    """Import persons in batches, each batch one transaction with one audit
    entry per person. Only the system (a command run by an operator) imports."""
    count = 0
    batch: list[Person] = []
    for record in records:
        batch.append(_to_model(record, agency_id, timezone.now()))
        if len(batch) >= batch_size:
            count += _save_batch(batch)
            batch = []
    if batch:
        count += _save_batch(batch)
    return count


def _save_batch(persons: list[Person]) -> int:
    with transaction.atomic():
        Person.objects.bulk_create(persons)
        audit_record_many(
            actor=None,
            events=[
                AuditEvent(AuditAction.CREATE, "person", str(person.pk), IMPORTED_FIELDS)
                for person in persons
            ],
        )
    return len(persons)
