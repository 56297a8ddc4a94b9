"""Every role against every URL and method.

EXPECTED is written out by hand, independently of accounts/roles.py, so that
a change of who may do what has to be made twice, on purpose. A URL added
without an access declaration, or missing from EXPECTED, fails the test.
"""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from haven.accounts.decorators import PUBLIC, SIGNED_IN
from haven.accounts.roles import Permission, Role, role_has_permission
from tests.conftest import verified_client
from tests.factories import make_user

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
NOBODY: set[str] = set()

# url name -> roles allowed, for GET and POST alike, or {"GET": roles, "POST": roles, ...}.
EXPECTED: dict[str, object] = {
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
    "people:list": {H, C, F},
    "people:search": {H, C, F},
    "people:register": {H, C},
    "people:detail": {H, C, F, D},
    "people:open_case": {H, C},
    "intake:queue": {H, C},
    "intake:create": {H, C, F},
    "intake:detail": {H, C, F},
    "intake:open_case": {H, C},
    "intake:attach": {H, C},
    "intake:close": {H, C},
    "cases:list": {C, D},
    "cases:deadlines": {C},
    "cases:detail": {C, D},
    "cases:facts": {C},
    "cases:status": {C},
    "cases:submit": {C},
    "cases:removal": {C},
    "cases:decision_create": {D},
    "cases:detention_create": {C},
    "cases:charge_create": {C},
    "cases:age_assessment_create": {C},
    "cases:return_plan": {C},
    "cases:assistance_create": {C},
    "cases:screening_create": {C},
    "cases:exploitation": {C},
    "audit:list": {ADM},
    "intake:file": EVERY_ROLE,
    "intake:reply": {H, C},
    "intake:consent_create": {H, C},
    "intake:consent_withdraw": {H, C},
    "tracing:report_list": {T},
    "tracing:report_detail": {T},
    "tracing:report_reply": {T},
    "tracing:found_create": {T},
    "tracing:found_consent": {T},
    "tracing:linkage_run": {T},
    "tracing:candidate_review": {T},
    "tracing:whereabouts": {T},
    # Possible duplicate persons: those who may open persons and review them
    # (caseworkers: their register; decision makers: persons submitted to them).
    "tracing:duplicate_queue": {C, D},
    "tracing:duplicate_search": {C, D},
    "tracing:duplicate_detail": {C, D},
    "tracing:duplicate_review": {C, D},
    "rights:list": {ADM},
    "rights:edit": {ADM},
    "portal:home": PUBLIC,
    "portal:ask": PUBLIC,
    "portal:missing": PUBLIC,
    "portal:sent": PUBLIC,
    "portal:rights": PUBLIC,
    "portal:rights_detail": PUBLIC,
    "portal:follow": PUBLIC,
    "portal:request": PUBLIC,
    "portal:follow_end": PUBLIC,
    "api:me": {"GET": EVERY_ROLE},
    "api:agency_list": {"GET": EVERY_ROLE, "POST": {ADM}},
    "api:agency_detail": {"GET": EVERY_ROLE, "PATCH": {ADM}},
    "api:person_list": {"GET": {H, C, F}, "POST": {H, C}},
    "api:person_detail": {"GET": {H, C, F, D}, "PATCH": {C}},
    "api:person_search": {"POST": {H, C, F}},
    "api:intake_list": {"GET": {H, C}, "POST": {H, C, F}},
    "api:intake_batch": {"POST": {H, C, F}},
    "api:intake_triage": {"POST": {H, C}},
    "api:case_list": {"GET": {C, D}, "POST": {H, C}},
    "api:case_detail": {"GET": {C, D}, "PATCH": {C}},
    "api:case_status": {"POST": {C}},
    "api:case_obligations": {"GET": {C, D}},
    "api:decision_list": {"GET": {C, D}, "POST": {D}},
    "api:screening_create": {"POST": {C}},
    "api:deadlines": {"GET": {C}},
    "api:person_duplicate_list": {"GET": {C, D}},
    "api:person_duplicate_search": {"POST": {C, D}},
    "api:person_duplicate_detail": {"GET": {C, D}},
    "api:person_duplicate_review": {"POST": {C, D}},
    "schema": {"GET": EVERY_ROLE},
    "api_docs": {"GET": EVERY_ROLE},
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


def test_api_declarations_match_the_matrix():
    for name, pattern in all_patterns():
        declared = access_declaration(pattern)
        if isinstance(declared, dict):
            assert set(declared) == set(EXPECTED[name]), f"{name}: methods differ"


@pytest.mark.parametrize("role", sorted(EVERY_ROLE))
def test_unknown_permissions_are_denied_to_every_role(role):
    assert not role_has_permission(role, "frobnicate")
    assert not role_has_permission(role, None)
    assert not role_has_permission(None, Permission.HOME_VIEW)


@pytest.fixture
def sample_kwargs(cast, agencies):  # type: ignore[no-untyped-def]
    from haven.cases import services as case_services
    from haven.intake import services as intake_services
    from haven.people import services as people_services

    person = people_services.person_register(
        actor=cast[C], original_name="ሰላም", name_script="Ethi", latin_names=["Selam"]
    )
    case = case_services.case_open(actor=cast[C], person_id=person.pk)
    case = case_services.case_submit_for_identification(
        actor=cast[C], case_id=case.pk, expected_version=case.version
    )
    intake = intake_services.intake_create(actor=cast[C], channel="hotline")
    from django.utils import timezone

    from haven.rights.models import RightsPage
    from haven.tracing.models import MissingPersonReport

    report = MissingPersonReport(
        agency=agencies["tracing"],
        source="family",
        received_at=timezone.now(),
        names={"original": "x"},
        updated_at=timezone.now(),
    )
    report.save(force_insert=True)
    return {
        "file_id": uuid.uuid4(),
        "found_id": uuid.uuid4(),
        "candidate_id": uuid.uuid4(),
        "duplicate_id": uuid.uuid4(),
        "consent_id": uuid.uuid4(),
        "report_id": report.pk,
        "page_id": RightsPage.objects.first().pk,
        "slug": "assistance",
        "agency_id": agencies["shelter"].pk,
        "user_id": make_user("matrix_subject", C, agencies["shelter"]).pk,
        "person_id": person.pk,
        "case_id": case.pk,
        "intake_id": intake.pk,
    }


def url_for(name: str, pattern: URLPattern, kwargs: dict) -> str:  # type: ignore[type-arg]
    wanted = {key: kwargs[key] for key in pattern.pattern.converters}
    return reverse(name, kwargs=wanted)


def is_api(name: str) -> bool:
    return name.startswith("api:") or name in ("schema", "api_docs")


def request(client: Client, method: str, url: str):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(url)
    return getattr(client, method.lower())(url, {}, content_type="application/json")


def expectations(name: str):  # type: ignore[no-untyped-def]
    expected = EXPECTED[name]
    if isinstance(expected, dict):
        return expected.items()
    return [("GET", expected), ("POST", expected)]


@pytest.mark.django_db
def test_matrix(cast, sample_kwargs):
    failures = []
    clients: dict[str, Client] = {}
    for name, pattern in all_patterns():
        url = url_for(name, pattern, sample_kwargs)
        for method, allowed_roles in expectations(name):
            status = request(Client(), method, url).status_code
            if allowed_roles == PUBLIC:
                if status in (401, 403, 404, 500):
                    failures.append(f"anonymous {method} {name}: {status}")
            elif is_api(name):
                if status not in (401, 403):
                    failures.append(f"anonymous {method} {name}: {status}, expected 401/403")
            elif status not in (302, 403):  # sign-in redirect (403: CSRF on anonymous POST)
                failures.append(f"anonymous {method} {name}: {status}, expected sign-in")
            for role, user in cast.items():
                if role not in clients:
                    clients[role] = verified_client(user)
                status = request(clients[role], method, url).status_code
                if name == "accounts:logout":
                    del clients[role]  # signed out: the next request needs a new session
                allowed = allowed_roles in (PUBLIC, SIGNED_IN) or role in allowed_roles
                if allowed and status in (401, 403, 500):
                    failures.append(f"{role} {method} {name}: {status}, should be allowed")
                if not allowed and status != 403:
                    failures.append(f"{role} {method} {name}: {status}, should be 403")
    assert failures == []
