"""Every role against every URL.

EXPECTED is written out by hand, independently of accounts/roles.py, so that
a change of who may do what has to be made twice, on purpose. A URL added
without an access declaration, or missing from EXPECTED, fails the test.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from haven.accounts.decorators import PUBLIC, SIGNED_IN
from haven.accounts.roles import Permission, Role, role_has_permission
from haven.people.services import PersonRecord, persons_import
from tests.conftest import verified_client

H, C, F, D, T, A, ADM = (
    Role.HOTLINE_OPERATOR,
    Role.CASEWORKER,
    Role.FIRST_RESPONDER,
    Role.DECISION_MAKER,
    Role.TRACING_OFFICER,
    Role.ANALYST,
    Role.ADMINISTRATOR,
)
EVERY_ROLE = {H, C, F, D, T, A, ADM}
PERSON_LISTERS = {H, C, F}
PERSON_READERS = {H, C, F, D}

# url name -> roles that pass the function-level check (GET)
EXPECTED: dict[str, set[str] | str] = {
    "web:home": EVERY_ROLE,
    "web:set_language": PUBLIC,
    "web:health": PUBLIC,
    "accounts:login": PUBLIC,
    "accounts:two_factor": SIGNED_IN,
    "accounts:two_factor_enrol": SIGNED_IN,
    "accounts:logout": SIGNED_IN,
    "accounts:profile": SIGNED_IN,
    "accounts:agency_list": {ADM},
    "accounts:agency_create": {ADM},
    "accounts:agency_edit": {ADM},
    "accounts:user_list": {ADM},
    "accounts:user_create": {ADM},
    "accounts:user_edit": {ADM},
    "accounts:user_reset_two_factor": {ADM},
    "people:list": PERSON_LISTERS,
    "people:detail": PERSON_READERS,
    "audit:list": {ADM},
    "api:me": EVERY_ROLE,
    "api:agency_list": EVERY_ROLE,
    "api:agency_detail": EVERY_ROLE,
    "api:person_list": PERSON_LISTERS,
    "api:person_detail": PERSON_READERS,
    "schema": EVERY_ROLE,
    "api_docs": EVERY_ROLE,
}


def walk(patterns, namespace=""):  # type: ignore[no-untyped-def]
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            child = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, child)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}", pattern


def access_declaration(pattern: URLPattern):  # type: ignore[no-untyped-def]
    callback = pattern.callback
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view_class is not None and hasattr(view_class, "required_permissions"):
        return view_class.required_permissions
    return getattr(callback, "haven_access", None)


def all_patterns():  # type: ignore[no-untyped-def]
    return list(walk(get_resolver().url_patterns))


def test_every_url_declares_who_may_use_it():
    undeclared = [name for name, pattern in all_patterns() if access_declaration(pattern) is None]
    assert undeclared == [], f"views without an access rule: {undeclared}"


def test_every_url_is_in_the_matrix():
    names = {name for name, _pattern in all_patterns()}
    assert names - set(EXPECTED) == set(), "add the new URLs to EXPECTED"
    assert set(EXPECTED) - names == set(), "EXPECTED lists URLs that no longer exist"


@pytest.mark.parametrize("role", sorted(EVERY_ROLE))
def test_unknown_permissions_are_denied_to_every_role(role):
    assert not role_has_permission(role, "frobnicate")
    assert not role_has_permission(role, None)
    assert not role_has_permission(None, Permission.HOME_VIEW)


@pytest.fixture
def sample_kwargs(cast, agencies):  # type: ignore[no-untyped-def]
    persons_import(
        agency_id=agencies["shelter"].pk,
        records=[PersonRecord("ሰላም", "Ethi", ["Selam"])],
    )
    from haven.people.models import Person

    return {
        "agency_id": agencies["shelter"].pk,
        "user_id": cast[C].pk,
        "person_id": Person.objects.get().pk,
    }


def url_for(name: str, pattern: URLPattern, kwargs: dict) -> str:  # type: ignore[type-arg]
    wanted = {key: kwargs[key] for key in pattern.pattern.converters}
    return reverse(name, kwargs=wanted)


def is_api(name: str) -> bool:
    return name.startswith("api:") or name in ("schema", "api_docs")


@pytest.mark.django_db
def test_matrix(cast, sample_kwargs):
    failures = []
    for name, pattern in all_patterns():
        url = url_for(name, pattern, sample_kwargs)
        expected = EXPECTED[name]
        # Anonymous visitors
        status = Client().get(url).status_code
        if expected == PUBLIC:
            if status in (401, 403, 404, 500):
                failures.append(f"anonymous {name}: {status}")
        elif is_api(name):
            if status not in (401, 403):
                failures.append(f"anonymous {name}: {status}, expected 401/403")
        elif status != 302:
            failures.append(f"anonymous {name}: {status}, expected a redirect to sign in")
        # Every role
        for role, user in cast.items():
            response = verified_client(user).get(url)
            allowed = expected in (PUBLIC, SIGNED_IN) or role in expected
            if allowed and response.status_code in (401, 403, 500):
                failures.append(f"{role} {name}: {response.status_code}, should be allowed")
            if not allowed and response.status_code != 403:
                failures.append(f"{role} {name}: {response.status_code}, should be 403")
    assert failures == []
