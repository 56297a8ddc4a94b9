"""Writes of persons: registration, changes and bulk import. Each write
refreshes the person's search keys (blind indexes) in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.accounts import access
from haven.accounts.roles import Permission
from haven.audit.models import AuditAction
from haven.audit.services import AuditEvent, audit_record, audit_record_many
from haven.kernel.errors import PermissionDenied
from haven.people import indexing
from haven.people.models import Person, PersonIdentifierKey, PersonNameKey
from haven.people.validation import clean_birth, clean_names, clean_person_fields
from haven.platform.concurrency import save_versioned
from haven.platform.crypto.keys import get_keyring

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


def _index_rows(person: Person) -> tuple[list[PersonNameKey], list[PersonIdentifierKey]]:
    ring = get_keyring()
    name_rows = [
        PersonNameKey(person=person, digest=digest)
        for digest in sorted(indexing.name_digests(indexing.name_variants(person.names), ring))
    ]
    identifier_rows = []
    for phone in (person.contact or {}).get("phones", []):
        identifier_rows.append(
            PersonIdentifierKey(
                person=person, kind="phone", digest=indexing.phone_digest(phone, ring)
            )
        )
    for document in person.documents or []:
        if document.get("number"):
            identifier_rows.append(
                PersonIdentifierKey(
                    person=person,
                    kind="document",
                    digest=indexing.document_digest(document["number"], ring),
                )
            )
    return name_rows, identifier_rows


def _reindex(persons: Sequence[Person], *, replace: bool) -> None:
    if replace:
        PersonNameKey.objects.filter(person__in=persons).delete()
        PersonIdentifierKey.objects.filter(person__in=persons).delete()
    names, identifiers = [], []
    for person in persons:
        person_names, person_identifiers = _index_rows(person)
        names += person_names
        identifiers += person_identifiers
    PersonNameKey.objects.bulk_create(names, batch_size=5000)
    PersonIdentifierKey.objects.bulk_create(identifiers, batch_size=5000)


@transaction.atomic
def person_register(
    *,
    actor: Any,
    original_name: str = "",
    name_script: str = "",
    latin_names: Sequence[str] = (),
    aliases: Sequence[str] = (),
    birth_date: date | None = None,
    birth_year_min: int | None = None,
    birth_year_max: int | None = None,
    age_estimated_on: date | None = None,
    **fields: Any,
) -> Person:
    """Register a person with the actor's agency. Call after a search-before-
    create found no existing record of the same person."""
    access.require_permission(actor, Permission.PERSON_CREATE)
    if actor.agency_id is None:
        raise PermissionDenied(str(access.FORBIDDEN_MESSAGE))
    today = timezone.localdate()
    names = clean_names(original_name, latin_names, aliases)
    names["original"]["script"] = name_script[:4]
    birth_date, birth_year_min, birth_year_max = clean_birth(
        birth_date, birth_year_min, birth_year_max, today
    )
    cleaned = clean_person_fields(fields, today)
    now = timezone.now()
    person = Person(
        agency_id=actor.agency_id,
        registered_by=actor,
        names=names,
        name_script=name_script[:4],
        birth_date=birth_date.isoformat() if birth_date else None,
        birth_year_min=birth_year_min,
        birth_year_max=birth_year_max,
        age_estimated_on=age_estimated_on,
        created_at=now,
        updated_at=now,
        **cleaned,
    )
    person.save(force_insert=True)
    _reindex([person], replace=False)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="person",
        object_id=person.pk,
        fields=["names", "birth", *cleaned.keys()],
    )
    return person


@transaction.atomic
def person_update(
    *, actor: Any, person_id: object, expected_version: int, changes: dict[str, Any]
) -> Person:
    access.require_permission(actor, Permission.PERSON_CHANGE)
    person = access.access_person_by_id(actor, person_id)
    today = timezone.localdate()
    touched: list[str] = []
    if {"original_name", "latin_names", "aliases"} & set(changes):
        current = person.names or {}
        names = clean_names(
            changes.get("original_name", (current.get("original") or {}).get("text", "")),
            changes.get("latin_names", current.get("latin", [])),
            changes.get("aliases", current.get("aliases", [])),
        )
        names["original"]["script"] = changes.get("name_script", person.name_script)[:4]
        person.names = names
        person.name_script = names["original"]["script"]
        touched += ["names", "name_script"]
    if {"birth_date", "birth_year_min", "birth_year_max"} & set(changes):
        birth_date, year_min, year_max = clean_birth(
            changes.get("birth_date"),
            changes.get("birth_year_min"),
            changes.get("birth_year_max"),
            today,
        )
        person.birth_date = birth_date.isoformat() if birth_date else None
        person.birth_year_min, person.birth_year_max = year_min, year_max
        person.age_estimated_on = changes.get("age_estimated_on", person.age_estimated_on)
        touched += ["birth_date", "birth_year_min", "birth_year_max", "age_estimated_on"]
    cleaned = clean_person_fields(changes, today)
    for name, value in cleaned.items():
        setattr(person, name, value)
        touched.append(name)
    if not touched:
        return person
    person.updated_at = timezone.now()
    save_versioned(person, expected_version=expected_version, fields=[*touched, "updated_at"])
    if {"names", "contact", "documents"} & set(touched):
        _reindex([person], replace=True)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="person",
        object_id=person.pk,
        fields=touched,
    )
    return person


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
        _reindex(persons, replace=False)
        audit_record_many(
            actor=None,
            events=[
                AuditEvent(AuditAction.CREATE, "person", str(person.pk), IMPORTED_FIELDS)
                for person in persons
            ],
        )
    return len(persons)
