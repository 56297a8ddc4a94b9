"""Appending to the audit log. Call ``audit_record`` inside the transaction of
the change it records: if the change rolls back, so does its entry."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from haven.audit.context import current_request_id
from haven.audit.domain.chain import GENESIS_HASH, entry_hash
from haven.audit.models import CONTENT_COLUMNS, AuditEntry, AuditHead, entry_content
from haven.platform.bulk import copy_rows

SYSTEM = "system"
ANONYMOUS = "anonymous"


class AuditOutsideTransaction(RuntimeError):
    pass


@dataclass(frozen=True)
class AuditEvent:
    action: str
    object_type: str = ""
    object_id: str = ""
    fields: Sequence[str] = ()
    detail: dict[str, Any] | None = None


@dataclass(frozen=True)
class AuditPosition:
    """Where an appended entry is: its chain and its sequence in the chain."""

    chain: int
    sequence: int


def _actor_columns(actor: Any) -> dict[str, Any]:
    if actor is None:
        return {"actor_id": None, "actor_label": SYSTEM, "actor_role": "", "actor_agency_id": None}
    if isinstance(actor, str):
        return {"actor_id": None, "actor_label": actor, "actor_role": "", "actor_agency_id": None}
    if not getattr(actor, "is_authenticated", False):
        return {
            "actor_id": None,
            "actor_label": ANONYMOUS,
            "actor_role": "",
            "actor_agency_id": None,
        }
    return {
        "actor_id": actor.pk,
        "actor_label": actor.get_username(),
        "actor_role": actor.role or "",
        "actor_agency_id": actor.agency_id,
    }


def audit_record(
    *,
    actor: Any,
    action: str,
    object_type: str = "",
    object_id: object = "",
    fields: Iterable[str] = (),
    detail: dict[str, Any] | None = None,
) -> AuditPosition:
    """Append one entry. ``actor`` is a user, None for the system, or a label."""
    return audit_record_many(
        actor=actor,
        events=[AuditEvent(action, object_type, str(object_id), tuple(fields), detail)],
    )[0]


def audit_record_many(*, actor: Any, events: Sequence[AuditEvent]) -> list[AuditPosition]:
    """Append several entries under one lock (batches, bulk imports, list reads)."""
    if not transaction.get_connection().in_atomic_block:
        raise AuditOutsideTransaction(
            "audit_record must run inside the transaction of the change it records"
        )
    head = _lock_a_chain_head()
    common = {
        "chain": head.pk,
        "request_id": current_request_id.get(),
        **_actor_columns(actor),
    }
    sequence, previous = head.last_sequence, head.last_hash
    rows = []
    for event in events:
        sequence += 1
        row = {
            **common,
            "sequence": sequence,
            "created_at": datetime.now(UTC),
            "action": event.action,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "fields": sorted(event.fields),
            "detail": dict(event.detail or {}),
            "previous_hash": previous,
        }
        row["hash"] = previous = entry_hash(previous, entry_content(row))
        rows.append(row)
    _append(rows)
    with connection.cursor() as cursor:
        cursor.execute(_MOVE_HEAD, [sequence, previous, head.pk])
    return [AuditPosition(head.pk, row["sequence"]) for row in rows]


_STORED_COLUMNS = (*CONTENT_COLUMNS, "previous_hash", "hash")


def _append(rows: list[dict[str, Any]]) -> None:
    """Insert the entries. On PostgreSQL by COPY: every change in Haven
    appends here."""
    if connection.vendor == "postgresql":
        copy_rows(AuditEntry, rows, _STORED_COLUMNS)
    else:
        AuditEntry.objects.bulk_create([AuditEntry(**row) for row in rows])


def _lock_a_chain_head() -> AuditHead:
    """Lock the head of a chain no other transaction holds, looking from a
    random chain on; wait for one only when every chain is busy.

    The lock lasts until commit, so with a single chain audited transactions
    commit one after another (about a tenth of PostgreSQL's insert rate here:
    bench/RESULTS.md). Each chain on its own is a complete hash chain.
    """
    chains = max(1, int(settings.HAVEN_AUDIT_CHAINS))
    if chains == 1 or not connection.features.has_select_for_update_skip_locked:
        return _lock_head(1)
    held = _chain_held_by_this_transaction()
    if held is not None:
        # Never a second chain in one transaction: two transactions each
        # holding one head and waiting for the other's would deadlock.
        return _lock_head(held)
    _create_heads(chains)
    start = secrets.randbelow(chains)
    free = _free_head(chains, start)
    if free is None and AuditHead.objects.filter(pk__lte=chains).count() < chains:
        # Heads missing although this process created them once (a table
        # emptied or restored since): create them again rather than pile
        # every writer onto one chain.
        _create_heads(chains, again=True)
        free = _free_head(chains, start)
    head = free if free is not None else _lock_head(start + 1)
    transaction.on_commit(_HeldChain(head.pk))
    return head


# In SQL: these run in every audited transaction, and the ORM took longer to
# build them than the database took to run them. The first is PostgreSQL's.
_HEADS = AuditHead._meta.db_table
_FREE_HEAD = (
    f"SELECT id, last_sequence, last_hash FROM {_HEADS} WHERE id <= %s "
    "ORDER BY (id - 1 + %s) %% %s LIMIT 1 FOR UPDATE SKIP LOCKED"
)
_MOVE_HEAD = f"UPDATE {_HEADS} SET last_sequence = %s, last_hash = %s WHERE id = %s"


def _free_head(chains: int, start: int) -> AuditHead | None:
    """The first head no other transaction holds, from chain ``start + 1`` on."""
    with connection.cursor() as cursor:
        cursor.execute(_FREE_HEAD, [chains, chains - start, chains])
        found = cursor.fetchone()
    if found is None:
        return None
    return AuditHead(id=found[0], last_sequence=found[1], last_hash=found[2])


class _HeldChain:
    """Marks, among the transaction's commit hooks, the chain it has locked.
    Django drops a transaction's hooks when it commits or rolls back, so the
    mark lives exactly as long as the lock."""

    def __init__(self, chain: int) -> None:
        self.chain = chain

    def __call__(self) -> None:
        pass


def _chain_held_by_this_transaction() -> int | None:
    for _savepoints, hook, _robust in connection.run_on_commit:
        if isinstance(hook, _HeldChain):
            return hook.chain
    return None


_heads_created = 0


def _create_heads(chains: int, *, again: bool = False) -> None:
    """Create the chains' missing heads once per process, or ``again`` (a
    missing one is also created by ``_lock_head`` when it is needed).

    Only the missing ones: inserting a head that exists, even with ON CONFLICT
    DO NOTHING, waits for a transaction that holds its lock.
    """
    global _heads_created
    if _heads_created >= chains and not again:
        return
    existing = set(AuditHead.objects.filter(pk__lte=chains).values_list("pk", flat=True))
    missing = [chain for chain in range(1, chains + 1) if chain not in existing]
    if missing:
        AuditHead.objects.bulk_create(
            [AuditHead(pk=chain, last_sequence=0, last_hash=GENESIS_HASH) for chain in missing],
            ignore_conflicts=True,
        )
    _heads_created = chains


def _lock_head(chain: int) -> AuditHead:
    head = AuditHead.objects.select_for_update().filter(pk=chain).first()
    if head is None:
        AuditHead.objects.bulk_create(
            [AuditHead(pk=chain, last_sequence=0, last_hash=GENESIS_HASH)], ignore_conflicts=True
        )
        head = AuditHead.objects.select_for_update().get(pk=chain)
    return head
