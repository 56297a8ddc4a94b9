"""Idempotency keys on API creations and on UI forms."""

from __future__ import annotations

import threading
import uuid

import pytest
from django.db import connection

from haven.accounts.models import Agency
from haven.accounts.roles import Role
from haven.audit.models import AuditEntry
from haven.platform.idempotency import Outcome, run_once
from tests.conftest import verified_client
from tests.factories import make_user

PAYLOAD = {"name": "New shelter", "kind": "shelter", "country": "mt"}


@pytest.fixture
def admin_client(cast):  # type: ignore[no-untyped-def]
    return verified_client(cast[Role.ADMINISTRATOR])


def create(client, payload=PAYLOAD, key=None):  # type: ignore[no-untyped-def]
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(
        "/api/v1/agencies/", payload, content_type="application/json", headers=headers
    )


def test_a_replay_returns_the_first_result_and_creates_once(admin_client):
    key = str(uuid.uuid4())
    first = create(admin_client, key=key)
    second = create(admin_client, key=key)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Agency.objects.filter(name="New shelter").count() == 1
    assert AuditEntry.objects.filter(action="create", object_type="agency").count() == 1


def test_the_same_key_with_another_payload_is_refused(admin_client):
    key = str(uuid.uuid4())
    create(admin_client, key=key)
    response = create(admin_client, {**PAYLOAD, "name": "Another"}, key=key)
    assert response.status_code == 422
    assert response.json()["code"] == "idempotency-key-reused"
    assert not Agency.objects.filter(name="Another").exists()


def test_a_missing_or_malformed_key_is_a_clear_400(admin_client):
    missing = create(admin_client)
    assert missing.status_code == 400
    assert missing.json()["code"] == "idempotency-key-missing"
    malformed = create(admin_client, key="short")
    assert malformed.json()["code"] == "idempotency-key-invalid"
    assert not Agency.objects.filter(name="New shelter").exists()


def test_a_failed_request_frees_its_key_for_a_corrected_retry(admin_client):
    key = str(uuid.uuid4())
    invalid = create(admin_client, {**PAYLOAD, "country": "ZZ"}, key=key)
    assert invalid.status_code == 400
    assert invalid.json()["errors"]["country"]
    corrected = create(admin_client, key=key)
    assert corrected.status_code == 201


def test_keys_are_scoped_to_the_caller(cast, agencies, admin_client):
    other_admin = make_user("second_admin", Role.ADMINISTRATOR, None)
    key = str(uuid.uuid4())
    assert create(admin_client, key=key).status_code == 201
    again = create(verified_client(other_admin), {**PAYLOAD, "name": "Theirs"}, key=key)
    assert again.status_code == 201


def test_the_ui_form_creates_once_when_submitted_twice(admin_client):
    token = str(uuid.uuid4())
    data = {"name": "Form shelter", "kind": "shelter", "country": "MT", "form_token": token}
    first = admin_client.post("/accounts/manage/agencies/new/", data)
    second = admin_client.post("/accounts/manage/agencies/new/", data)
    assert first.status_code == second.status_code == 302
    assert Agency.objects.filter(name="Form shelter").count() == 1


def _run(key: str, action) -> tuple[Outcome, bool]:  # type: ignore[no-untyped-def]
    return run_once(
        scope="api:1", key=key, fingerprint="f", method="POST", path="/x", action=action
    )


@pytest.mark.django_db(transaction=True)
def test_a_concurrent_duplicate_waits_for_the_first_and_replays_it():
    """Two requests with one key at the same time: the second waits on the
    first's uncommitted claim, then gets its outcome. Never two rows."""
    running, finish = threading.Event(), threading.Event()
    results: list[tuple[Outcome, bool]] = []

    def slow_action() -> Outcome:
        running.set()
        finish.wait(timeout=10)
        Agency.objects.create(name="Concurrent", kind="ngo", country="MT")
        return Outcome(201, {"ok": True})

    def first_request() -> None:
        try:
            results.append(_run("concurrent-key-1", slow_action))
        finally:
            connection.close()

    thread = threading.Thread(target=first_request)
    thread.start()
    assert running.wait(timeout=10)
    threading.Timer(0.5, finish.set).start()
    outcome, replayed = _run("concurrent-key-1", slow_action)
    thread.join(timeout=20)
    assert results and results[0][1] is False
    assert replayed and outcome == Outcome(201, {"ok": True})
    assert Agency.objects.filter(name="Concurrent").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_duplicate_waiting_on_a_request_that_fails_runs_itself():
    running, finish = threading.Event(), threading.Event()

    def failing_action() -> Outcome:
        running.set()
        finish.wait(timeout=10)
        Agency.objects.create(name="Never kept", kind="ngo", country="MT")
        raise RuntimeError("the first request failed")

    def first_request() -> None:
        try:
            with pytest.raises(RuntimeError):
                _run("concurrent-key-2", failing_action)
        finally:
            connection.close()

    thread = threading.Thread(target=first_request)
    thread.start()
    assert running.wait(timeout=10)
    threading.Timer(0.5, finish.set).start()

    def action() -> Outcome:
        Agency.objects.create(name="Second", kind="ngo", country="MT")
        return Outcome(201, {"second": True})

    outcome, replayed = _run("concurrent-key-2", action)
    thread.join(timeout=20)
    assert not replayed and outcome.body == {"second": True}
    assert not Agency.objects.filter(name="Never kept").exists()
    assert Agency.objects.filter(name="Second").count() == 1
