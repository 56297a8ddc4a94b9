"""Object scope: agencies see their own persons; everything else answers
exactly like a record that does not exist."""

from __future__ import annotations

import re
import uuid

import pytest

from haven.accounts import access
from haven.accounts.roles import Role
from haven.kernel.errors import NotFound
from haven.people.models import Person
from haven.people.services import PersonRecord, persons_import
from tests.conftest import verified_client


@pytest.fixture
def persons(agencies):  # type: ignore[no-untyped-def]
    for key in ("shelter", "other_shelter", "police"):
        persons_import(
            agency_id=agencies[key].pk,
            records=[PersonRecord(f"name {key}", "Latn", [f"name {key}"])],
        )
    return {p.agency.name: p for p in Person.objects.select_related("agency")}


def test_persons_visible_only_within_the_users_agency(cast, persons, agencies):
    caseworker = cast[Role.CASEWORKER]
    visible = list(access.persons_visible_to(caseworker))
    assert [p.agency_id for p in visible] == [agencies["shelter"].pk]


@pytest.mark.parametrize("role", [Role.TRACING_OFFICER, Role.ANALYST, Role.ADMINISTRATOR])
def test_roles_without_person_access_see_none(cast, persons, role):
    assert list(access.persons_visible_to(cast[role])) == []
    with pytest.raises(NotFound):
        access.access_person_by_id(cast[role], persons["Shelter A"].pk)


def test_inactive_and_anonymous_users_see_nothing(cast, persons):
    from django.contrib.auth.models import AnonymousUser

    caseworker = cast[Role.CASEWORKER]
    caseworker.is_active = False
    assert list(access.persons_visible_to(caseworker)) == []
    assert list(access.persons_visible_to(AnonymousUser())) == []
    assert list(access.persons_visible_to(None)) == []


def without_tokens(response) -> str:  # type: ignore[no-untyped-def]
    """The page minus what differs on every render (CSRF token, request id)
    and the requested path itself."""
    text = response.content.decode().replace(response["X-Request-ID"], "")
    text = text.replace(response.wsgi_request.get_full_path(), "")
    return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', "", text)


def test_out_of_scope_and_missing_answer_alike_in_the_ui(cast, persons):
    client = verified_client(cast[Role.CASEWORKER])
    other = client.get(f"/persons/{persons['Shelter B'].pk}/")
    missing = client.get(f"/persons/{uuid.uuid4()}/")
    malformed = client.get("/persons/not-a-uuid/")
    assert other.status_code == missing.status_code == malformed.status_code == 404
    assert b"Shelter B" not in other.content
    assert without_tokens(other) == without_tokens(missing)


def test_out_of_scope_and_missing_answer_alike_in_the_api(cast, persons):
    client = verified_client(cast[Role.CASEWORKER])
    other = client.get(f"/api/v1/persons/{persons['Shelter B'].pk}/")
    missing = client.get(f"/api/v1/persons/{uuid.uuid4()}/")
    assert other.status_code == missing.status_code == 404
    assert other.json() == missing.json()
    assert other["Content-Type"] == "application/problem+json"


def test_reading_a_person_is_audited(cast, persons):
    from haven.audit.models import AuditEntry

    caseworker = cast[Role.CASEWORKER]
    person = persons["Shelter A"]
    response = verified_client(caseworker).get(f"/persons/{person.pk}/")
    assert response.status_code == 200
    entry = AuditEntry.objects.filter(action="read", object_id=str(person.pk)).get()
    assert entry.actor_id == caseworker.pk
    assert "names" in entry.fields


def test_listing_persons_is_audited_with_the_ids_shown(cast, persons):
    from haven.audit.models import AuditEntry

    response = verified_client(cast[Role.CASEWORKER]).get("/persons/")
    assert response.status_code == 200
    entry = AuditEntry.objects.filter(action="read", object_type="person", object_id="").get()
    assert entry.detail["listed"] == [str(persons["Shelter A"].pk)]
    assert "name shelter" in response.content.decode()
    assert "name other_shelter" not in response.content.decode()


def test_agencies_admin_sees_all_others_their_own(cast, agencies):
    assert access.agencies_visible_to(cast[Role.ADMINISTRATOR]).count() == len(agencies)
    assert list(access.agencies_visible_to(cast[Role.CASEWORKER])) == [agencies["shelter"]]
    with pytest.raises(NotFound):
        access.access_agency_by_id(cast[Role.CASEWORKER], agencies["police"].pk)
    with pytest.raises(NotFound):
        access.access_agency_by_id(cast[Role.CASEWORKER], agencies["shelter"].pk, for_change=True)
