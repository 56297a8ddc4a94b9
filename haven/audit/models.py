from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("create")
    READ = "read", _("read")
    UPDATE = "update", _("update")
    DELETE = "delete", _("delete")
    EXPORT = "export", _("export")
    LOGIN = "login", _("login")
    LOGIN_FAILED = "login_failed", _("failed login")
    LOGOUT = "logout", _("logout")
    TWO_FACTOR_FAILED = "two_factor_failed", _("failed two-factor code")
    KEY_ROTATION = "key_rotation", _("key rotation")


class AuditEntry(models.Model):
    """One event. Holds ids and field names, never the values of personal data.

    The database refuses UPDATE and DELETE on this table (triggers installed
    by migration 0002); ``haven audit verify`` recomputes the chains.

    The log is a few parallel hash chains (``chain``, each with its own head
    and consecutive ``sequence``) so that concurrent writers do not queue on a
    single lock until their commit; ``created_at`` and ``id`` order the log
    as a whole.
    """

    chain = models.PositiveSmallIntegerField(default=1)
    sequence = models.BigIntegerField()
    created_at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True)
    actor_label = models.CharField(max_length=150)
    actor_role = models.CharField(max_length=32, blank=True)
    actor_agency_id = models.BigIntegerField(null=True)
    action = models.CharField(max_length=32)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    fields = models.JSONField(default=list)
    detail = models.JSONField(default=dict)
    request_id = models.CharField(max_length=32, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "sequence"], name="audit_chain_sequence")
        ]
        indexes = [
            models.Index(fields=["created_at"], name="audit_created"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
            models.Index(fields=["actor_id", "created_at"], name="audit_actor_time"),
        ]
        verbose_name_plural = "audit entries"

    def content(self) -> dict:
        """What the hash covers: every column but the hashes themselves."""
        return entry_content({name: getattr(self, name) for name in CONTENT_COLUMNS})


CONTENT_COLUMNS = (
    "chain",
    "sequence",
    "created_at",
    "actor_id",
    "actor_label",
    "actor_role",
    "actor_agency_id",
    "action",
    "object_type",
    "object_id",
    "fields",
    "detail",
    "request_id",
)


def entry_content(columns: Mapping[str, Any]) -> dict:
    """The hashed content of an entry given its column values (an entry's
    ``__dict__`` or the row about to be appended). Entries of the first chain
    predate chains and leave it implicit."""
    content = {
        "sequence": columns["sequence"],
        "created_at": columns["created_at"].isoformat(timespec="microseconds"),
        "actor_id": columns["actor_id"],
        "actor_label": columns["actor_label"],
        "actor_role": columns["actor_role"],
        "actor_agency_id": columns["actor_agency_id"],
        "action": columns["action"],
        "object_type": columns["object_type"],
        "object_id": columns["object_id"],
        "fields": list(columns["fields"]),
        "detail": dict(columns["detail"]),
        "request_id": columns["request_id"],
    }
    if columns["chain"] != 1:
        content["chain"] = columns["chain"]
    return content


class AuditHead(models.Model):
    """A chain's last sequence and hash (the row's id is the chain's number),
    locked by every append to that chain so that its entries get consecutive
    sequences and no fork."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_sequence = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)
