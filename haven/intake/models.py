from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.kernel.ids import uuid7
from haven.platform.concurrency import Versioned
from haven.platform.crypto.fields import EncryptedJSONField, EncryptedTextField


class Channel(models.TextChoices):
    HOTLINE = "hotline", _("Hotline call or message")
    PORTAL = "portal", _("Public portal")
    FIRST_RESPONDER = "first_responder", _("First-responder referral")
    OUTREACH = "outreach", _("Outreach")
    SELF_REFERRAL = "self_referral", _("Self-referral in person")
    OTHER_AGENCY = "other_agency", _("Referral from another agency")


# What staff may record (the portal channel is the portal's own).
STAFF_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.PORTAL]


class IntakeStatus(models.TextChoices):
    NEW = "new", _("Waiting for triage")
    CASE_OPENED = "case_opened", _("New case opened")
    ATTACHED = "attached", _("Added to an existing case")
    CLOSED = "closed", _("Closed")


class ClosureReason(models.TextChoices):
    DUPLICATE = "duplicate", _("Duplicate of another intake")
    NO_PROTECTION_NEED = "no_protection_need", _("No protection need identified")
    UNREACHABLE = "unreachable", _("Person could not be reached")
    REFERRED_ELSEWHERE = "referred_elsewhere", _("Referred to another service")
    WITHDRAWN = "withdrawn", _("Person withdrew the request")
    OTHER = "other", _("Other")


class Intake(Versioned):
    """A first contact. What the person said is encrypted; an anonymous
    intake has no contact details at all."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField()
    # The agency that triages it (the hotline, or the service a responder refers to).
    # No index of its own on the FKs below but created_by: the queue index
    # starts with the agency, and nothing looks intakes up by the others
    # (users and agencies are deactivated, never deleted). Each index is work
    # on every intake inserted.
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="intakes", db_index=False
    )
    referring_agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        null=True,
        related_name="referred_intakes",
        db_index=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    anonymous = models.BooleanField(default=False)
    # {"name", "phone", "safe_time", "safe_channel", "relation"}
    contact = EncryptedJSONField()
    account = EncryptedTextField()
    # {"place", "when", "answers": {question_id: "yes" | "no" | "rather_not_say"}}
    circumstances = EncryptedJSONField()
    # {"original_name", "latin_name", "sex", "age", "nationality"} as reported.
    person_details = EncryptedJSONField()
    language = models.CharField(max_length=3, blank=True)
    in_danger = models.BooleanField(default=False)
    # First-responder referrals: the person is detained or arrested now.
    detained = models.BooleanField(default=False)
    status = models.CharField(max_length=12, choices=IntakeStatus.choices, default=IntakeStatus.NEW)
    triaged_at = models.DateTimeField(null=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        db_index=False,
    )
    closure_reason = models.CharField(max_length=20, choices=ClosureReason.choices, blank=True)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, null=True, related_name="intakes"
    )
    # The sender's own id for an intake sent in a batch (an outreach device
    # syncing what it recorded offline): the same reference from the same
    # user is never created twice, whichever batch carries it.
    client_reference = models.UUIDField(null=True, editable=False)

    class Meta:
        indexes = [models.Index(fields=["agency", "status", "received_at"], name="intake_queue")]
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "client_reference"],
                condition=models.Q(client_reference__isnull=False),
                name="intake_unique_client_reference",
            )
        ]


class PublicTicket(models.Model):
    """What a person without an account holds to follow their request: a
    tracking code and a passphrase (stored hashed), both shown once."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    code = models.CharField(max_length=20, unique=True)
    passphrase_hash = models.CharField(max_length=200)
    intake = models.OneToOneField(
        Intake, on_delete=models.CASCADE, null=True, related_name="ticket"
    )
    missing_report = models.OneToOneField(
        "tracing.MissingPersonReport", on_delete=models.CASCADE, null=True, related_name="ticket"
    )
    language = models.CharField(max_length=8)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(intake__isnull=False) | models.Q(missing_report__isnull=False),
                name="ticket_has_a_request",
            )
        ]


class TicketMessage(models.Model):
    """A message between the person and the service, shown on both sides."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    ticket = models.ForeignKey(PublicTicket, on_delete=models.CASCADE, related_name="messages")
    from_person = models.BooleanField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    body = EncryptedTextField()
    attachment = models.ForeignKey(
        "platform.StoredFile", on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField()
