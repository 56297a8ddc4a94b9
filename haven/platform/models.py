from __future__ import annotations

from django.db import models

from haven.kernel.ids import uuid7
from haven.platform.crypto.fields import EncryptedJSONField


class IdempotencyRecord(models.Model):
    """The first outcome of a non-idempotent request, keyed by its client's key.

    The stored response may contain personal data, so it is encrypted; the
    record is purged after HAVEN_IDEMPOTENCY_TTL.
    """

    class State(models.TextChoices):
        STARTED = "started"
        COMPLETED = "completed"

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    scope = models.CharField(max_length=64)
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    fingerprint = models.CharField(max_length=64)
    state = models.CharField(max_length=10, choices=State.choices, default=State.STARTED)
    status_code = models.PositiveSmallIntegerField(null=True)
    response = EncryptedJSONField()
    created_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="idempotency_unique_scope_key")
        ]
        indexes = [models.Index(fields=["created_at"], name="idempotency_created")]


class StoredFile(models.Model):
    """An uploaded file, kept encrypted outside the web root (HAVEN_UPLOAD_DIR),
    bound to this row; served only by views that check access to its owner."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    original_name = EncryptedJSONField()
    created_at = models.DateTimeField()


class RateLimitBucket(models.Model):
    """Requests counted per keyed hash of (scope, client) and time window; the
    client address itself is never stored."""

    digest = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["digest", "window_start"], name="rate_limit_unique")
        ]
