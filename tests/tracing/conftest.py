"""Persons registered twice, within one agency and across two, for the
de-duplication tests."""

from __future__ import annotations

import itertools

import pytest
from django.utils import timezone

from haven.accounts.roles import Role
from haven.people import services as people_services
from tests.factories import make_user

_references = itertools.count(1)


@pytest.fixture
def caseworker(cast):  # type: ignore[no-untyped-def]
    return cast[Role.CASEWORKER]


@pytest.fixture
def other_caseworker(agencies):  # type: ignore[no-untyped-def]
    """A caseworker of another service provider (Shelter B)."""
    return make_user("caseworker_b", Role.CASEWORKER, agencies["other_shelter"])


@pytest.fixture
def decider(cast):  # type: ignore[no-untyped-def]
    return cast[Role.DECISION_MAKER]


def register(actor, original, latin, *, sex="male", year=None, nationality="SD", script="Arab"):  # type: ignore[no-untyped-def]
    return people_services.person_register(
        actor=actor,
        original_name=original,
        name_script=script if original else "",
        latin_names=[latin] if latin else [],
        sex=sex,
        birth_year_min=year,
        birth_year_max=year,
        nationalities=[nationality] if nationality else [],
    )


def submit_for_identification(person):  # type: ignore[no-untyped-def]
    """Given: the person's case was submitted to the competent authority (the
    state in which its decision makers may open the person)."""
    from haven.cases.models import Case

    now = timezone.now()
    case = Case(
        reference=f"HVN-TEST-{next(_references):06d}",
        person=person,
        agency_id=person.agency_id,
        opened_on=now.date(),
        jurisdiction_country="MT",
        submitted_for_identification_on=now.date(),
        created_at=now,
        updated_at=now,
    )
    case.save(force_insert=True)
    return case


@pytest.fixture
def same_agency_twice(caseworker):  # type: ignore[no-untyped-def]
    """Shelter A registered Mohamed Osman Ali twice (once from the hotline's
    notes in Latin letters), and two different people besides."""
    return {
        "first": register(caseworker, "محمد عثمان علي", "Mohamed Osman Ali", year=1998),
        "second": register(caseworker, "", "Muhammad Othman Ali", year=1998),
        "other": register(
            caseworker,
            "ተስፋይ ገብረማርያም",
            "Tesfay Gebremariam",
            year=1985,
            nationality="ER",
            script="Ethi",
        ),
        "another": register(
            caseworker, "", "Amina Yusuf", sex="female", year=2001, nationality="SO"
        ),
    }


@pytest.fixture
def across_agencies(caseworker, other_caseworker):  # type: ignore[no-untyped-def]
    """Shelter A and Shelter B each registered Tesfaye Gebre Mariam."""
    return {
        "in_a": register(
            caseworker,
            "ተስፋይ ገብረማርያም",
            "Tesfaye Gebremariam",
            year=1985,
            nationality="ER",
            script="Ethi",
        ),
        "in_b": register(other_caseworker, "", "Tesfay Gebre Mariam", year=1985, nationality="ER"),
        "b_other": register(
            other_caseworker, "", "Fatima Hassan", sex="female", year=1995, nationality="SY"
        ),
    }
