"""The audit log: written with the change, append-only in the database,
and verifiable end to end."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from haven.accounts.roles import Role
from haven.audit import db_guard
from haven.audit.models import AuditAction, AuditEntry, AuditHead
from haven.audit.services import AuditOutsideTransaction, audit_record
from haven.audit.verification import verify_audit_log
from haven.cli import main as haven_main


def record(n: int = 1, actor=None) -> list[AuditEntry]:
    positions = []
    with transaction.atomic():
        for index in range(n):
            positions.append(
                audit_record(
                    actor=actor,
                    action=AuditAction.UPDATE,
                    object_type="thing",
                    object_id=index,
                    fields=["b", "a"],
                )
            )
    return [AuditEntry.objects.get(chain=p.chain, sequence=p.sequence) for p in positions]


def test_entry_records_actor_action_object_and_sorted_field_names(cast):
    # given a caseworker
    caseworker = cast[Role.CASEWORKER]
    # when an action is recorded
    (entry,) = record(actor=caseworker)
    # then
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.actor_id == caseworker.pk
    assert stored.actor_role == Role.CASEWORKER
    assert stored.actor_agency_id == caseworker.agency_id
    assert stored.action == "update"
    assert stored.object_type == "thing"
    assert stored.fields == ["a", "b"]
    assert stored.sequence == AuditHead.objects.get(pk=stored.chain).last_sequence


def test_a_rolled_back_change_leaves_no_entry(db):
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(actor=None, action=AuditAction.CREATE, object_type="thing", object_id=1)
        raise RuntimeError("the change failed")
    assert AuditEntry.objects.count() == before
    assert verify_audit_log().ok


def test_recording_outside_a_transaction_is_refused(db):
    # pytest-django wraps each test in a transaction: pretend it does not.
    saved = connection.in_atomic_block
    connection.in_atomic_block = False
    try:
        with pytest.raises(AuditOutsideTransaction):
            audit_record(actor=None, action=AuditAction.CREATE)
    finally:
        connection.in_atomic_block = saved


def test_sequences_are_consecutive_and_the_chain_verifies(db):
    entries = record(5)
    sequences = [entry.sequence for entry in entries]
    assert sequences == list(range(sequences[0], sequences[0] + 5))
    report = verify_audit_log()
    assert report.ok
    assert report.entries_checked == AuditEntry.objects.count()


def test_the_database_refuses_update_and_delete(db):
    (entry,) = record()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="delete")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET object_id = 'x'")
    assert AuditEntry.objects.get(pk=entry.pk).action == "update"


def _tamper(sql: str, params: list) -> None:
    """What an attacker with owner rights on the database would do."""
    db_guard.remove(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        db_guard.install(connection)


def test_verify_detects_an_edited_entry(db):
    entries = record(3)
    _tamper("UPDATE audit_auditentry SET object_id = %s WHERE id = %s", ["999", entries[1].pk])
    report = verify_audit_log()
    assert not report.ok
    assert report.failure.sequence == entries[1].sequence
    assert "edited" in report.failure.reason


def test_verify_detects_a_deleted_entry(db):
    entries = record(3)
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [entries[1].pk])
    report = verify_audit_log()
    assert not report.ok
    assert report.failure.sequence == entries[2].sequence


def test_verify_detects_a_removed_tail(db):
    entries = record(3)
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [entries[2].pk])
    report = verify_audit_log()
    assert not report.ok
    assert "removed from the end" in report.failure.reason


def test_haven_audit_verify_command_passes_then_fails_after_an_edit(db, capsys):
    entries = record(4)
    assert haven_main(["audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out
    _tamper(
        "UPDATE audit_auditentry SET actor_label = %s WHERE id = %s", ["someone", entries[0].pk]
    )
    assert haven_main(["audit", "verify"]) == 1
    assert f"BROKEN at entry {entries[0].sequence}" in capsys.readouterr().err
