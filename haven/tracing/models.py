"""Tracing records. The missing-person report comes first (from families, the
portal, partner agencies); found and deceased records and the review of
candidate matches follow in the tracing module."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.kernel.ids import uuid7
from haven.platform.concurrency import Versioned
from haven.platform.crypto.fields import EncryptedJSONField, EncryptedTextField


class ReportSource(models.TextChoices):
    PORTAL = "portal", _("Public portal")
    FAMILY = "family", _("Family, in person or by phone")
    PARTNER_AGENCY = "partner_agency", _("Partner agency")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Searching")
    MATCH_UNDER_REVIEW = "match_under_review", _("A possible match is being checked")
    FOUND_ALIVE = "found_alive", _("Found alive")
    FOUND_DECEASED = "found_deceased", _("Found deceased")
    CLOSED = "closed", _("Closed")


class MissingPersonReport(Versioned):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT,
                               related_name="missing_reports")
    source = models.CharField(max_length=20, choices=ReportSource.choices)
    received_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, related_name="+")
    # {"original": "...", "script": "...", "latin": [...], "aliases": [...]}
    names = EncryptedJSONField()
    sex = models.CharField(max_length=10, blank=True)
    age = models.PositiveSmallIntegerField(null=True)
    birth_year_min = models.PositiveSmallIntegerField(null=True)
    birth_year_max = models.PositiveSmallIntegerField(null=True)
    nationality = models.CharField(max_length=2, blank=True)
    languages = models.JSONField(default=list)
    description = EncryptedTextField()
    last_contact_on = models.DateField(null=True)
    last_place = EncryptedTextField()
    route = EncryptedTextField()
    # {"name", "phone", "email", "relation", "safe_time"}
    inquirer = EncryptedJSONField()
    status = models.CharField(max_length=20, choices=ReportStatus.choices,
                              default=ReportStatus.OPEN)
    updated_at = models.DateTimeField()
