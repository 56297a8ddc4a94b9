"""Appending to the audit log. Call ``audit_record`` inside the transaction of
the change it records: if the change rolls back, so does its entry."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import transaction

from haven.audit.context import current_request_id
from haven.audit.domain.chain import GENESIS_HASH, entry_hash
from haven.audit.models import AuditEntry, AuditHead

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
) -> AuditEntry:
    """Append one entry. ``actor`` is a user, None for the system, or a label."""
    return audit_record_many(
        actor=actor,
        events=[AuditEvent(action, object_type, str(object_id), tuple(fields), detail)],
    )[0]


def audit_record_many(*, actor: Any, events: Sequence[AuditEvent]) -> list[AuditEntry]:
    """Append several entries under one lock (bulk imports, list reads)."""
    if not transaction.get_connection().in_atomic_block:
        raise AuditOutsideTransaction(
            "audit_record must run inside the transaction of the change it records"
        )
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head = AuditHead(pk=1, last_sequence=0, last_hash=GENESIS_HASH)
        head.save(force_insert=True)
    actor_columns = _actor_columns(actor)
    request_id = current_request_id.get()
    sequence, previous = head.last_sequence, head.last_hash
    entries = []
    for event in events:
        sequence += 1
        now = datetime.now(UTC)
        entry = AuditEntry(
            sequence=sequence,
            created_at=now,
            action=event.action,
            object_type=event.object_type,
            object_id=event.object_id,
            fields=sorted(event.fields),
            detail=dict(event.detail or {}),
            request_id=request_id,
            previous_hash=previous,
            **actor_columns,
        )
        entry.hash = entry_hash(previous, entry.content())
        previous = entry.hash
        entries.append(entry)
    AuditEntry.objects.bulk_create(entries)
    AuditHead.objects.filter(pk=1).update(last_sequence=sequence, last_hash=previous)
    return entries
