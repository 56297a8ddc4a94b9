"""Reads of persons, always through accounts.access, each one audited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import transaction

from haven.accounts import access
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.people.models import Person

PAGE_SIZE = 25
LISTED_FIELDS = ("names", "sex", "birth_year_min", "birth_year_max", "nationalities")


@dataclass(frozen=True)
class PersonSummary:
    id: str
    display_name: str
    original_name: str
    sex: str
    sex_label: str
    birth_years: tuple[int | None, int | None]
    nationalities: tuple[str, ...]
    version: int


def _summary(person: Person) -> PersonSummary:
    return PersonSummary(
        id=str(person.pk),
        display_name=person.display_name,
        original_name=person.original_name,
        sex=person.sex,
        sex_label=str(person.get_sex_display()),
        birth_years=(person.birth_year_min, person.birth_year_max),
        nationalities=tuple(person.nationalities),
        version=person.version,
    )


def person_page(*, actor: Any, page_number: object = 1, page_size: int = PAGE_SIZE) -> Page:
    """One page of the persons the actor may see, newest first. Names shown on a
    list are a read of personal data: the page's ids are audited."""
    queryset = access.persons_visible_to(actor).order_by("-created_at", "pk")
    page = Paginator(queryset, page_size).get_page(page_number)
    summaries = [_summary(person) for person in page.object_list]
    page.object_list = summaries
    if summaries:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action=AuditAction.READ,
                object_type="person",
                object_id="",
                fields=LISTED_FIELDS,
                detail={"listed": [summary.id for summary in summaries]},
            )
    return page


def person_get(*, actor: Any, person_id: object) -> Person:
    person = access.access_person_by_id(actor, person_id)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.READ,
            object_type="person",
            object_id=person.pk,
            fields=("names", "sex", "birth_date", "nationalities"),
        )
    return person
