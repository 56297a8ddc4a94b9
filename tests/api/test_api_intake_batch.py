"""POST /api/v1/intakes/batch/: intakes recorded offline and synced together,
each created once whatever batch carries it, all or none."""

from __future__ import annotations

import json
import uuid

import pytest

from haven.accounts.roles import Role
from haven.audit.models import AuditEntry
from haven.audit.verification import verify_audit_log
from haven.intake.models import Intake
from tests.conftest import verified_client

URL = "/api/v1/intakes/batch/"


@pytest.fixture
def hotline(cast):  # type: ignore[no-untyped-def]
    return cast[Role.HOTLINE_OPERATOR]


def item(**overrides):  # type: ignore[no-untyped-def]
    return {
        "client_reference": str(uuid.uuid4()),
        "channel": "outreach",
        "account": "Met at the car wash; works without pay, documents kept by the owner.",
        "contact": {"safe_time": "mornings"},
        "language": "ti",
        **overrides,
    }


def send(client, items, key=None):  # type: ignore[no-untyped-def]
    return client.post(
        URL,
        {"intakes": items},
        content_type="application/json",
        headers={"Idempotency-Key": key or str(uuid.uuid4())},
    )


def test_a_batch_creates_each_intake_once_with_its_audit_entry(hotline):
    client = verified_client(hotline)
    items = [item() for _ in range(3)]
    response = send(client, items)
    assert response.status_code == 201
    answered = response.json()["intakes"]
    assert [a["client_reference"] for a in answered] == [i["client_reference"] for i in items]
    assert all(a["created"] for a in answered)
    intakes = Intake.objects.filter(pk__in=[a["id"] for a in answered])
    assert intakes.count() == 3
    assert {i.account for i in intakes} == {items[0]["account"]}
    assert {i.agency_id for i in intakes} == {hotline.agency_id}
    audited = AuditEntry.objects.filter(object_type="intake", action="create")
    assert set(audited.values_list("object_id", flat=True)) == {a["id"] for a in answered}
    assert verify_audit_log().ok


def test_an_item_sent_again_in_another_batch_is_not_created_twice(hotline):
    client = verified_client(hotline)
    first, second = item(), item()
    created = send(client, [first]).json()["intakes"][0]
    # the device lost the answer and resends it with a new one, under a new key
    response = send(client, [first, second])
    assert response.status_code == 201
    again, new = response.json()["intakes"]
    assert again == {**created, "created": False}
    assert new["created"] is True
    assert Intake.objects.filter(created_by=hotline).count() == 2
    assert AuditEntry.objects.filter(object_type="intake", action="create").count() == 2


def test_a_replayed_batch_key_returns_the_first_answer(hotline):
    client = verified_client(hotline)
    items, key = [item(), item()], str(uuid.uuid4())
    first = send(client, items, key=key)
    second = send(client, items, key=key)
    assert second.json() == first.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Intake.objects.filter(created_by=hotline).count() == 2


def test_one_invalid_item_fails_the_batch_naming_it_and_nothing_is_created(hotline):
    client = verified_client(hotline)
    response = send(client, [item(), item(channel="carrier pigeon")])
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "validation-failed"
    assert body["errors"]["intakes"]["1"]["channel"]  # the second item, by index
    assert not Intake.objects.filter(created_by=hotline).exists()


def test_a_lone_surrogate_in_any_text_is_refused_naming_item_and_field(hotline):
    """Text that cannot be stored as UTF-8 (a lone UTF-16 surrogate, sent as a
    JSON escape) is a clear 400, not a database error."""
    client = verified_client(hotline)
    # As a client sends it: a JSON escape of half a UTF-16 pair.
    body = json.dumps({"intakes": [item(), item(contact={"name": "Sel~am"})]})
    body = body.replace("Sel~am", "Sel\\ud800am")
    response = client.post(
        URL, body, content_type="application/json", headers={"Idempotency-Key": str(uuid.uuid4())}
    )
    assert response.status_code == 400
    errors = response.json()["errors"]["intakes"]["1"]["contact"]["name"]
    assert errors == ["Surrogate characters are not allowed: U+D800."]
    assert not Intake.objects.filter(created_by=hotline).exists()


def test_a_referral_to_an_enforcement_agency_fails_the_batch_naming_the_item(cast, agencies):
    responder = cast[Role.FIRST_RESPONDER]
    client = verified_client(responder)
    items = [
        item(channel="first_responder", agency_id=agencies["shelter"].pk),
        item(channel="first_responder", agency_id=agencies["police"].pk),
    ]
    response = send(client, items)
    assert response.status_code == 400
    assert "intakes.1.agency" in response.json()["errors"]
    assert not Intake.objects.filter(created_by=responder).exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"intakes": []}, "intakes"),
        ({"intakes": "not a list"}, "intakes"),
        ({}, "intakes"),
        ({"intakes": [{"channel": "hotline"}]}, "intakes"),
    ],
)
def test_malformed_batches_are_clear_400s(hotline, payload, field):
    client = verified_client(hotline)
    response = client.post(
        URL,
        payload,
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_batch_over_the_limit_or_with_a_repeated_reference_is_refused(hotline):
    client = verified_client(hotline)
    too_many = send(client, [item() for _ in range(101)])
    assert too_many.status_code in (400, 413)
    repeated = item()
    twice = send(client, [repeated, repeated])
    assert twice.status_code == 400
    assert "intakes" in twice.json()["errors"]
    assert not Intake.objects.filter(created_by=hotline).exists()


def test_roles_without_intake_creation_are_refused(cast):
    client = verified_client(cast[Role.ANALYST])
    response = send(client, [item()])
    assert response.status_code == 403
    assert not Intake.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_batches_carrying_the_same_intake_at_once_create_it_once(cast):
    """The device resends while its first batch is still being written: the
    second waits for the first and reports the shared intake as not created."""
    import threading

    from django.db import connection, transaction

    from haven.intake import services as intake_services

    hotline = cast[Role.HOTLINE_OPERATOR]
    shared, own = item(), item()
    first_inserted, finish = threading.Event(), threading.Event()
    first_result: list = []

    def first() -> None:
        try:
            with transaction.atomic():
                first_result.extend(
                    intake_services.intakes_create_many(actor=hotline, items=[_valid(shared)])
                )
                first_inserted.set()
                finish.wait(timeout=10)
        finally:
            connection.close()

    thread = threading.Thread(target=first)
    thread.start()
    assert first_inserted.wait(timeout=10)
    threading.Timer(0.5, finish.set).start()
    second = intake_services.intakes_create_many(actor=hotline, items=[_valid(shared), _valid(own)])
    thread.join(timeout=20)
    (outcome,) = first_result
    assert outcome.created
    assert (second[0].intake_id, second[0].created) == (outcome.intake_id, False)
    assert second[1].created is True
    assert Intake.objects.filter(created_by=hotline).count() == 2
    # the second batch's first write failed on the shared reference: rolled
    # back without a trace, then written once, with one entry per intake
    audited = AuditEntry.objects.filter(object_type="intake", action="create")
    assert sorted(audited.values_list("object_id", flat=True)) == sorted(
        [str(outcome.intake_id), str(second[1].intake_id)]
    )
    assert verify_audit_log().ok


def _valid(raw: dict) -> dict:  # what the API's serializer hands the service
    return {**raw, "client_reference": uuid.UUID(raw["client_reference"])}
