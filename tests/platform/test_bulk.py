"""Rows written without model instances (platform/bulk.py) read back through
the model exactly as rows the ORM wrote: defaults filled in, encrypted values
sealed to their own row."""

from __future__ import annotations

import uuid

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from haven.intake.models import Intake, IntakeStatus
from haven.platform.bulk import copy_rows, insert_unless_conflict, prepare_rows
from haven.platform.crypto.fields import Sealed

pytestmark = pytest.mark.django_db


def _row(agency, **overrides):  # type: ignore[no-untyped-def]
    return {
        "channel": "outreach",
        "received_at": timezone.now(),
        "agency_id": agency.pk,
        "account": "Works without pay; the employer keeps her passport.",
        "contact": {"phone": "+356 2100 0000", "safe_time": "mornings"},
        "person_details": {"name": "ሰላም ተስፋይ"},
        "client_reference": uuid.uuid4(),
        **overrides,
    }


def _write(rows):  # type: ignore[no-untyped-def]
    if connection.vendor == "postgresql":
        copy_rows(Intake, rows)
    else:
        Intake.objects.bulk_create([Intake(**row) for row in rows])


def test_prepared_rows_get_defaults_and_sealed_values(agencies):
    (row,) = prepare_rows(Intake, [_row(agencies["shelter"])])
    assert isinstance(row["id"], uuid.UUID)
    assert (row["status"], row["version"], row["closure_reason"]) == (IntakeStatus.NEW, 1, "")
    assert row["triaged_at"] is None and row["circumstances"] is None
    assert all(isinstance(row[name], Sealed) for name in ("account", "contact", "person_details"))
    assert b"passport" not in row["account"].blob


def test_written_rows_read_back_through_the_model(agencies):
    given = [_row(agencies["shelter"]), _row(agencies["shelter"], anonymous=True, contact=None)]
    rows = prepare_rows(Intake, given)
    _write(rows)
    for original, prepared in zip(given, rows, strict=True):
        stored = Intake.objects.get(pk=prepared["id"])
        assert stored.account == original["account"]
        assert stored.contact == original["contact"]
        assert stored.person_details == original["person_details"]
        assert stored.client_reference == original["client_reference"]
        assert stored.status == IntakeStatus.NEW


def test_a_value_sealed_for_one_row_does_not_open_in_another(agencies):
    first, second = prepare_rows(Intake, [_row(agencies["shelter"]), _row(agencies["shelter"])])
    second["account"] = first["account"]  # an envelope moved between rows
    _write([first, second])
    from haven.platform.crypto.envelope import DecryptionError

    with pytest.raises(DecryptionError):
        _ = Intake.objects.get(pk=second["id"]).account


def test_an_unknown_column_is_refused(agencies):
    with pytest.raises(TypeError, match="agency"):
        prepare_rows(Intake, [{**_row(agencies["shelter"]), "agency": agencies["shelter"]}])


def test_copy_a_unique_violation_is_an_integrity_error_the_caller_can_roll_back(agencies, cast):
    user = next(iter(cast.values()))
    reference = uuid.uuid4()

    def rows():  # type: ignore[no-untyped-def]
        fields = {"created_by_id": user.pk, "client_reference": reference}
        return prepare_rows(Intake, [_row(agencies["shelter"], **fields)])

    if connection.vendor != "postgresql":  # COPY is PostgreSQL's: refused elsewhere
        with pytest.raises(RuntimeError, match="PostgreSQL"):
            copy_rows(Intake, rows())
        return
    copy_rows(Intake, rows())
    with pytest.raises(IntegrityError), transaction.atomic():
        copy_rows(Intake, rows())
    assert Intake.objects.filter(client_reference=reference).count() == 1


def test_insert_unless_conflict_answers_whether_it_inserted(agencies, cast):
    user = next(iter(cast.values()))
    fields = {"created_by_id": user.pk, "client_reference": uuid.uuid4()}
    (first,) = prepare_rows(Intake, [_row(agencies["shelter"], **fields)])
    (second,) = prepare_rows(Intake, [_row(agencies["shelter"], **fields)])
    assert insert_unless_conflict(Intake, first) is True
    assert insert_unless_conflict(Intake, second) is False  # same sender, same reference
    (stored,) = Intake.objects.filter(client_reference=fields["client_reference"])
    assert stored.pk == first["id"]
    assert stored.account == "Works without pay; the employer keeps her passport."
