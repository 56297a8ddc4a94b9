from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.kernel.ids import uuid7


class ConsentScope(models.TextChoices):
    """What the consent discloses. Each later module adds the scopes it needs."""

    INTAKE = "intake", _("The request and what the person said in it")
    CASE_FILE = "case_file", _("The case file")
    WHEREABOUTS = "whereabouts", _("Where the person can be found")


class Consent(models.Model):
    """A person's recorded consent to disclose something to one agency, for a
    purpose. Withdrawing it closes access again; nothing is deleted."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    intake = models.ForeignKey(
        "intake.Intake", on_delete=models.CASCADE, null=True, related_name="consents"
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, related_name="consents"
    )
    recipient = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="consents_received"
    )
    scope = models.CharField(max_length=20, choices=ConsentScope.choices)
    purpose = models.CharField(max_length=500)
    # How the person gave it: in person, by phone, in writing, through the portal.
    given_how = models.CharField(max_length=100)
    given_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    withdrawn_on = models.DateField(null=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(intake__isnull=False) | models.Q(case__isnull=False),
                name="consent_has_a_subject",
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "scope", "withdrawn_on"], name="consent_recipient")
        ]
