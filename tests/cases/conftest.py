from __future__ import annotations

import pytest
from django.utils.translation import trans_real

from haven.accounts.roles import Role
from haven.cases import services
from haven.people import services as people_services


@pytest.fixture
def caseworker(cast):  # type: ignore[no-untyped-def]
    return cast[Role.CASEWORKER]


@pytest.fixture
def decider(cast):  # type: ignore[no-untyped-def]
    return cast[Role.DECISION_MAKER]


@pytest.fixture
def person(caseworker):  # type: ignore[no-untyped-def]
    return people_services.person_register(
        actor=caseworker,
        original_name="ሰላም ተስፋይ",
        name_script="Ethi",
        latin_names=["Selam Tesfay"],
        sex="female",
        nationalities=["ER"],
        birth_year_min=2000,
        birth_year_max=2002,
    )


@pytest.fixture
def case(caseworker, person):  # type: ignore[no-untyped-def]
    return services.case_open(actor=caseworker, person_id=person.pk)


@pytest.fixture
def catalogue():  # type: ignore[no-untyped-def]
    """Adds translations to the loaded catalogue of a language, for one test."""
    added: list[tuple[dict, str, object]] = []
    missing = object()

    def add(language: str, entries: dict[str, str]) -> None:
        catalog = trans_real.translation(language)._catalog._catalogs[0]
        for msgid, msgstr in entries.items():
            added.append((catalog, msgid, catalog.get(msgid, missing)))
            catalog[msgid] = msgstr

    yield add
    for catalog, msgid, previous in reversed(added):
        if previous is missing:
            del catalog[msgid]
        else:
            catalog[msgid] = previous
