"""Bad input to the API ends in an RFC 9457 problem, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client

from haven.accounts.roles import Role
from tests.conftest import verified_client


@pytest.fixture
def admin_client(cast):  # type: ignore[no-untyped-def]
    return verified_client(cast[Role.ADMINISTRATOR])


def assert_problem(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["code"] == code
    assert body["type"].endswith(code) and body["title"] and body["detail"]
    return body


def test_malformed_json(admin_client):
    response = admin_client.post(
        "/api/v1/agencies/",
        "{not json",
        content_type="application/json",
        headers={"Idempotency-Key": "key-malformed-json"},
    )
    assert_problem(response, 400, "malformed-request")


def test_wrong_types_and_missing_fields_name_the_field(admin_client):
    response = admin_client.post(
        "/api/v1/agencies/",
        {"name": ["x"], "kind": 5},
        content_type="application/json",
        headers={"Idempotency-Key": "key-wrong-types"},
    )
    body = assert_problem(response, 400, "validation-failed")
    assert set(body["errors"]) >= {"name", "kind", "country"}


def test_oversized_body(admin_client):
    response = admin_client.post(
        "/api/v1/agencies/",
        '{"name": "' + "x" * 2_000_000 + '"}',
        content_type="application/json",
        headers={"Idempotency-Key": "key-oversized"},
    )
    assert_problem(response, 413, "content-too-large")


def test_broken_encoding(admin_client):
    response = admin_client.post(
        "/api/v1/agencies/",
        b'{"name": "\xff\xfe"}',
        content_type="application/json",
        headers={"Idempotency-Key": "key-encoding"},
    )
    assert_problem(response, 400, "malformed-request")


def test_unsupported_media_type(admin_client):
    response = admin_client.post(
        "/api/v1/agencies/",
        "name=x",
        content_type="text/plain",
        headers={"Idempotency-Key": "key-media-type"},
    )
    assert_problem(response, 415, "unsupported-media-type")


def test_unknown_route_and_method(admin_client):
    assert_problem(admin_client.get("/api/v1/nothing-here/"), 404, "not-found")
    assert_problem(admin_client.delete("/api/v1/me/"), 405, "method-not-allowed")


def test_anonymous_gets_401_problem(db):
    response = Client().get("/api/v1/me/")
    assert_problem(response, 401, "not-authenticated")


def test_forbidden_role(cast):
    response = verified_client(cast[Role.ANALYST]).get("/api/v1/persons/")
    assert_problem(response, 403, "permission-denied")


def test_session_writes_need_csrf(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast[Role.ADMINISTRATOR])
    import django_otp

    from tests.factories import give_authenticator

    session = client.session
    session[django_otp.DEVICE_ID_SESSION_KEY] = give_authenticator(
        cast[Role.ADMINISTRATOR]
    ).persistent_id
    session.save()
    response = client.post(
        "/api/v1/agencies/",
        {"name": "x"},
        content_type="application/json",
        headers={"Idempotency-Key": "key-csrf-check"},
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_bearer_token_authentication(cast):
    from haven.accounts.services import api_token_create

    issued = api_token_create(actor=None, user=cast[Role.CASEWORKER], name="integration")
    client = Client()
    ok = client.get("/api/v1/me/", headers={"Authorization": f"Bearer {issued.secret}"})
    assert ok.status_code == 200 and ok.json()["username"] == cast[Role.CASEWORKER].username
    bad = client.get("/api/v1/me/", headers={"Authorization": "Bearer hvn_wrong"})
    assert_problem(bad, 401, "authentication-failed")


def test_schema_is_served_to_staff(cast):
    response = verified_client(cast[Role.CASEWORKER]).get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    assert "/api/v1/agencies/" in response.content.decode()
