from __future__ import annotations

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
    by migration 0002); ``haven audit verify`` recomputes the chain.
    """

    sequence = models.BigIntegerField(unique=True)
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
        ordering = ["sequence"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
            models.Index(fields=["actor_id", "created_at"], name="audit_actor_time"),
        ]
        verbose_name_plural = "audit entries"

    def content(self) -> dict:
        """What the hash covers: every column but the hashes themselves."""
        return {
            "sequence": self.sequence,
            "created_at": self.created_at.isoformat(timespec="microseconds"),
            "actor_id": self.actor_id,
            "actor_label": self.actor_label,
            "actor_role": self.actor_role,
            "actor_agency_id": self.actor_agency_id,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "fields": list(self.fields),
            "detail": dict(self.detail),
            "request_id": self.request_id,
        }


class AuditHead(models.Model):
    """The chain's last sequence and hash, one row, locked by every append so
    that entries get consecutive sequences and no fork."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_sequence = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)
