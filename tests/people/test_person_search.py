"""Search-before-create: the same person is found whatever script or
spelling the query uses, and by phone or document number."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from haven.accounts.roles import Role
from haven.audit.models import AuditEntry
from haven.kernel.errors import PermissionDenied, ValidationFailed
from haven.people import selectors, services
from haven.people.models import PersonNameKey


@pytest.fixture
def caseworker(cast):  # type: ignore[no-untyped-def]
    return cast[Role.CASEWORKER]


@pytest.fixture
def registered(caseworker):  # type: ignore[no-untyped-def]
    people = {}
    for key, original, script, latin in [
        ("muhammad", "محمد عثمان", "Arab", ["Mohamed Osman"]),
        ("tesfaye", "ተስፋይ ገብረማርያም", "Ethi", ["Tesfay Gebremariam"]),
        ("yuriy", "Юрий Шевченко", "Cyrl", ["Yuriy Shevchenko"]),
        ("mahmoud", "محمود عثمان", "Arab", ["Mahmoud Osman"]),
    ]:
        people[key] = services.person_register(
            actor=caseworker,
            original_name=original,
            name_script=script,
            latin_names=latin,
            sex="male",
            nationalities=["SD"],
            contact={"phones": ["+249 912 345 678"]} if key == "muhammad" else {},
            documents=[
                {
                    "type": "passport",
                    "number": "P-0012345",
                    "country": "ER",
                    "status": "confiscated",
                }
            ]
            if key == "tesfaye"
            else [],
        )
    return people


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Muhammad Osman", "muhammad"),
        ("Mohammed Othman", "muhammad"),
        ("محمد", "muhammad"),
        ("Tesfaye", "tesfaye"),
        ("ተስፋይ", "tesfaye"),
        ("Gebre Mariam Tesfay", "tesfaye"),
        ("Iurii Shevchenko", "yuriy"),
        ("Юрий", "yuriy"),
    ],
)
def test_name_search_finds_the_person_across_scripts(caseworker, registered, query, expected):
    matches = selectors.person_search(actor=caseworker, name=query)
    assert matches, f"nothing found for {query!r}"
    assert matches[0].person.id == str(registered[expected].pk)
    assert "name" in matches[0].matched_on


def test_muhammad_does_not_find_mahmoud_first(caseworker, registered):
    matches = selectors.person_search(actor=caseworker, name="Muhammad Osman")
    ids = [m.person.id for m in matches]
    assert ids[0] == str(registered["muhammad"].pk)
    if str(registered["mahmoud"].pk) in ids:
        mahmoud = next(m for m in matches if m.person.id == str(registered["mahmoud"].pk))
        assert mahmoud.score < matches[0].score


def test_a_frequent_name_part_does_not_crowd_out_the_full_name(caseworker, monkeypatch):
    # Given more persons sharing the given name than the search reads per name key,
    # the person with the full name registered last (the highest id),
    monkeypatch.setattr(selectors, "NAME_KEY_ROWS", 3)
    monkeypatch.setattr(selectors, "NAME_CANDIDATES", 3)
    for family in ["Hassan", "Ibrahim", "Khalid", "Saleh", "Idris", "Adam"]:
        services.person_register(
            actor=caseworker,
            original_name=f"Mohamed {family}",
            name_script="Latn",
            latin_names=[f"Mohamed {family}"],
        )
    target = services.person_register(
        actor=caseworker,
        original_name="محمد عثمان",
        name_script="Arab",
        latin_names=["Mohamed Osman"],
    )
    # when the full name is searched in another spelling,
    matches = selectors.person_search(actor=caseworker, name="Muhammad Othman")
    # then the two parts together find that person first.
    assert matches[0].person.id == str(target.pk)


def test_namesakes_elsewhere_neither_hide_nor_join_the_agencys_own(cast, caseworker, monkeypatch):
    # Given more namesakes in another agency than the search ranks before it
    # checks access, and one in the caseworker's own agency,
    monkeypatch.setattr(selectors, "PAIR_RANKED", 2)
    for _ in range(4):
        services.person_register(
            actor=cast[Role.HOTLINE_OPERATOR],
            original_name="Mohamed Osman Ali",
            name_script="Latn",
            latin_names=["Mohamed Osman Ali"],
        )
    own = services.person_register(
        actor=caseworker,
        original_name="محمد عثمان علي",
        name_script="Arab",
        latin_names=["Mohamed Osman Ali"],
    )
    # when the caseworker searches the name,
    matches = selectors.person_search(actor=caseworker, name="Muhammad Othman Ali")
    # then their agency's person is found, and only them.
    assert [match.person.id for match in matches] == [str(own.pk)]


def test_phone_and_document_numbers_match_exactly_in_any_format(caseworker, registered):
    by_phone = selectors.person_search(actor=caseworker, phone="00249912345678")
    assert [m.person.id for m in by_phone] == [str(registered["muhammad"].pk)]
    assert by_phone[0].matched_on == ("phone",)
    by_document = selectors.person_search(actor=caseworker, document="p0012345")
    assert [m.person.id for m in by_document] == [str(registered["tesfaye"].pk)]


def test_search_is_scoped_to_the_agency(cast, registered):
    other = cast[Role.HOTLINE_OPERATOR]
    assert selectors.person_search(actor=other, name="Muhammad Osman") == []


def test_the_search_is_audited_without_the_query(caseworker, registered):
    selectors.person_search(actor=caseworker, name="Muhammad Osman")
    entry = AuditEntry.objects.filter(detail__search=True).latest("sequence")
    assert entry.actor_id == caseworker.pk
    assert "Muhammad" not in str(entry.content())


def test_no_name_is_stored_in_the_clear_in_the_index(caseworker, registered):
    digests = list(PersonNameKey.objects.values_list("digest", flat=True))
    assert digests and all(len(d) == 32 for d in digests)
    with connection.cursor() as cursor:
        cursor.execute("SELECT digest FROM people_personnamekey")
        assert not any("mhmd" in row[0] or "osman" in row[0] for row in cursor.fetchall())


def test_register_validates_and_names_the_field(caseworker):
    with pytest.raises(ValidationFailed) as error:
        services.person_register(actor=caseworker, original_name="", latin_names=[])
    assert "names" in error.value.extra["errors"]
    with pytest.raises(ValidationFailed) as error:
        services.person_register(actor=caseworker, original_name="Saba", nationalities=["XX"])
    assert "nationalities" in error.value.extra["errors"]
    with pytest.raises(ValidationFailed) as error:
        services.person_register(
            actor=caseworker, original_name="Saba", birth_date=date(2999, 1, 1)
        )
    assert "birth_date" in error.value.extra["errors"]


def test_roles_without_permission_cannot_register(cast):
    with pytest.raises(PermissionDenied):
        services.person_register(actor=cast[Role.ANALYST], original_name="Saba")


def test_update_reindexes_names(caseworker, registered):
    person = registered["yuriy"]
    services.person_update(
        actor=caseworker,
        person_id=person.pk,
        expected_version=person.version,
        changes={"aliases": ["Georgiy"]},
    )
    matches = selectors.person_search(actor=caseworker, name="Georgiy Shevchenko")
    assert matches and matches[0].person.id == str(person.pk)
