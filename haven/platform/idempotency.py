"""Idempotency keys for non-idempotent writes (the IETF Idempotency-Key draft,
as Stripe and Zulip apply it).

- the first request with a key runs and its outcome is stored;
- a replay with the same key and payload gets the stored outcome again;
- the same key with a different payload is refused (422);
- a duplicate arriving while the first is still running waits for it to
  finish and then gets its outcome (or runs, if the first failed).

The claim, the write and its outcome are one transaction, so a crash leaves
either all or nothing, and each request commits once. A concurrent duplicate
waits on the claim's unique index until the first transaction ends (the
database does this: INSERT … ON CONFLICT DO NOTHING on PostgreSQL, SQLite's
single writer).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.request import Request
from rest_framework.response import Response

from haven.kernel.errors import ErrorCode, HavenError
from haven.platform.bulk import insert_unless_conflict, prepare_rows
from haven.platform.models import IdempotencyRecord

HEADER = "Idempotency-Key"
_KEY_PATTERN = re.compile(r"^[\x21-\x7e]{8,255}$")

KEY_MISSING_MESSAGE = _("This request needs an Idempotency-Key header (a unique random value).")
KEY_INVALID_MESSAGE = _("The Idempotency-Key must be 8 to 255 visible ASCII characters.")
KEY_REUSED_MESSAGE = _(
    "This Idempotency-Key was already used for a different request. Use a new key."
)


class IdempotencyError(HavenError):
    pass


class KeyMissing(IdempotencyError):
    code = ErrorCode.IDEMPOTENCY_KEY_MISSING
    status = 400


class KeyInvalid(IdempotencyError):
    code = ErrorCode.IDEMPOTENCY_KEY_INVALID
    status = 400


class KeyReused(IdempotencyError):
    code = ErrorCode.IDEMPOTENCY_KEY_REUSED
    status = 422


@dataclass(frozen=True)
class Outcome:
    status: int
    body: Any


def fingerprint_of(method: str, path: str, payload: Any) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{method}\n{path}\n{canonical}".encode()).hexdigest()


def validate_key(key: str | None) -> str:
    if not key:
        raise KeyMissing(str(KEY_MISSING_MESSAGE))
    if not _KEY_PATTERN.match(key):
        raise KeyInvalid(str(KEY_INVALID_MESSAGE))
    return key


def _claim(
    *, scope: str, key: str, fingerprint: str, method: str, path: str
) -> tuple[IdempotencyRecord, Outcome | None]:
    """Claim the key inside the caller's transaction. Returns the record and,
    for a replay, the stored outcome."""
    now = timezone.now()
    (row,) = prepare_rows(
        IdempotencyRecord,
        [
            {
                "scope": scope,
                "key": key,
                "method": method,
                "path": path[:500],
                "fingerprint": fingerprint,
                "created_at": now,
            }
        ],
    )
    # Waits while another transaction holds an uncommitted claim on this key.
    if insert_unless_conflict(IdempotencyRecord, row):
        claim = IdempotencyRecord(**row)
        claim._state.adding = False  # stored: completing it is an UPDATE
        return claim, None
    record = IdempotencyRecord.objects.get(scope=scope, key=key)
    if record.fingerprint != fingerprint:
        raise KeyReused(str(KEY_REUSED_MESSAGE))
    if record.state == IdempotencyRecord.State.COMPLETED:
        return record, Outcome(record.status_code or 200, record.response)
    # A claim committed without its outcome was left by an earlier version of
    # this module whose request died: take it over.
    record.created_at = now
    return record, None


def run_once(
    *,
    scope: str,
    key: str,
    fingerprint: str,
    method: str,
    path: str,
    action: Callable[[], Outcome],
) -> tuple[Outcome, bool]:
    """Run ``action`` at most once per (scope, key). Returns (outcome, replayed).
    If ``action`` raises, nothing is kept and the key stays free for a retry."""
    with transaction.atomic():
        record, stored = _claim(
            scope=scope, key=key, fingerprint=fingerprint, method=method, path=path
        )
        if stored is not None:
            return stored, True
        outcome = action()
        record.state = IdempotencyRecord.State.COMPLETED
        record.status_code = outcome.status
        record.response = outcome.body
        record.completed_at = timezone.now()
        record.save(
            update_fields=["state", "status_code", "response", "completed_at", "created_at"]
        )
    return outcome, False


def idempotent_api(method: Callable[..., Response]) -> Callable[..., Response]:
    """Decorate a DRF view method that creates something."""

    @wraps(method)
    def wrapper(view: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
        key = validate_key(request.headers.get(HEADER))
        fingerprint = fingerprint_of(request.method, request.path, request.data)
        holder: dict[str, Response] = {}

        def action() -> Outcome:
            response = method(view, request, *args, **kwargs)
            holder["response"] = response
            return Outcome(response.status_code, response.data)

        outcome, replayed = run_once(
            scope=f"api:{request.user.pk}",
            key=key,
            fingerprint=fingerprint,
            method=request.method,
            path=request.path,
            action=action,
        )
        if not replayed:
            return holder["response"]
        response = Response(outcome.body, status=outcome.status)
        response["Idempotent-Replayed"] = "true"
        return response

    wrapper.haven_idempotent = True  # type: ignore[attr-defined]
    return wrapper


def purge_expired(now: Any = None) -> int:
    cutoff = (now or timezone.now()) - settings.HAVEN_IDEMPOTENCY_TTL
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
