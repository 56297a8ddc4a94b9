"""Errors every layer can raise, each with a stable machine-readable code.

The API renders them as RFC 9457 problem details (``type`` ends with the code);
the UI shows the translated ``message``. Messages are constants so tests can
assert on them rather than on copied text.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    NOT_FOUND = "not-found"
    PERMISSION_DENIED = "permission-denied"
    VALIDATION_FAILED = "validation-failed"
    STALE_VERSION = "stale-version"
    PRECONDITION_REQUIRED = "precondition-required"
    IDEMPOTENCY_KEY_MISSING = "idempotency-key-missing"
    IDEMPOTENCY_KEY_INVALID = "idempotency-key-invalid"
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    DECRYPTION_FAILED = "decryption-failed"
    CONFLICT = "conflict"


class HavenError(Exception):
    """Base of every expected error. ``status`` is the HTTP status the API answers with."""

    code: ErrorCode = ErrorCode.VALIDATION_FAILED
    status: int = 400

    def __init__(self, message: str, *, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra or {}


class NotFound(HavenError):
    """Raised both for missing records and for records out of the actor's scope,
    so that the answer never reveals whether a record exists."""

    code = ErrorCode.NOT_FOUND
    status = 404


class PermissionDenied(HavenError):
    code = ErrorCode.PERMISSION_DENIED
    status = 403


class ValidationFailed(HavenError):
    code = ErrorCode.VALIDATION_FAILED
    status = 400

    @classmethod
    def for_field(cls, field: str, message: Any) -> ValidationFailed:
        """The error forms and the API show against one field."""
        text = str(message)
        return cls(text, extra={"errors": {field: [text]}})


class StaleVersion(HavenError):
    """Optimistic concurrency: the record changed since the client read it."""

    code = ErrorCode.STALE_VERSION
    status = 412


class Conflict(HavenError):
    code = ErrorCode.CONFLICT
    status = 409
