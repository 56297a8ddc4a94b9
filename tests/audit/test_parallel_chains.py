"""Parallel audit chains: concurrent audited transactions do not queue on one
lock, one transaction stays on one chain, and every chain verifies."""

from __future__ import annotations

import threading

import pytest
from django.conf import settings
from django.db import connection, transaction

from haven.audit import db_guard
from haven.audit.models import AuditAction, AuditEntry
from haven.audit.services import audit_record
from haven.audit.verification import verify_audit_log


def _parallel() -> bool:
    """PostgreSQL spreads appends over chains (SKIP LOCKED); SQLite
    serialises writers and keeps to chain 1."""
    return connection.features.has_select_for_update_skip_locked


def _append(object_id: int) -> AuditEntry:
    position = audit_record(
        actor=None, action=AuditAction.UPDATE, object_type="thing", object_id=object_id
    )
    return AuditEntry.objects.get(chain=position.chain, sequence=position.sequence)


def _heads_in_place() -> None:
    """The chains' heads are created by the first append and committed with it.
    Two transactions that both create them wait for each other (the second
    insert of a head waits on the first), so a test of two overlapping appends
    starts with the heads in place, as they are after the first audited write
    in production."""
    with transaction.atomic():
        _append(0)


def test_one_transaction_keeps_to_one_chain(db):
    with transaction.atomic():
        entries = [_append(index) for index in range(6)]
    assert len({entry.chain for entry in entries}) == 1
    sequences = [entry.sequence for entry in entries]
    assert sequences == list(range(sequences[0], sequences[0] + 6))
    assert verify_audit_log().ok


def test_every_entry_is_on_a_configured_chain_and_the_first_without_skip_locked(db):
    chains = set()
    for index in range(8):
        with transaction.atomic():
            chains.add(_append(index).chain)
    allowed = set(range(1, settings.HAVEN_AUDIT_CHAINS + 1)) if _parallel() else {1}
    assert chains <= allowed
    assert verify_audit_log().ok


@pytest.mark.django_db(transaction=True)
def test_concurrent_transactions_append_to_different_chains_without_waiting():
    if not _parallel():
        return test_every_entry_is_on_a_configured_chain_and_the_first_without_skip_locked(None)
    _heads_in_place()
    # given one transaction that has appended and holds its chain's lock
    appended, release = threading.Event(), threading.Event()
    held: list[AuditEntry] = []

    def holder() -> None:
        try:
            with transaction.atomic():
                held.append(_append(1))
                appended.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    thread = threading.Thread(target=holder)
    thread.start()
    assert appended.wait(timeout=10)
    try:
        # when another transaction appends meanwhile (it would block on one chain)
        with transaction.atomic():
            other = _append(2)
    finally:
        release.set()
        thread.join(timeout=10)
    # then it took another chain, and both chains verify
    assert other.chain != held[0].chain
    report = verify_audit_log()
    assert report.ok, report.failure
    assert report.entries_checked == AuditEntry.objects.count()


@pytest.mark.django_db(transaction=True)
def test_an_edit_in_any_chain_is_detected():
    if not _parallel():
        return test_every_entry_is_on_a_configured_chain_and_the_first_without_skip_locked(None)
    _heads_in_place()
    done = threading.Event()
    entries: list[AuditEntry] = []

    def elsewhere() -> None:
        try:
            with transaction.atomic():
                entries.append(_append(1))
                done.wait(timeout=10)
        finally:
            connection.close()

    thread = threading.Thread(target=elsewhere)
    thread.start()
    for _ in range(500):
        if entries:
            break
        threading.Event().wait(0.01)
    with transaction.atomic():
        entries.append(_append(2))
    done.set()
    thread.join(timeout=10)
    # The two transactions overlapped, so they took two chains: edit the
    # entry that is not on the first one.
    assert len({entry.chain for entry in entries}) == 2
    second_chain = max(entries, key=lambda entry: entry.chain)
    db_guard.remove(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE audit_auditentry SET object_id = 'x' WHERE id = %s", [second_chain.pk]
            )
    finally:
        db_guard.install(connection)
    report = verify_audit_log()
    assert not report.ok
    assert "edited" in report.failure.reason
