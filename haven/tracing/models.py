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
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="missing_reports"
    )
    source = models.CharField(max_length=20, choices=ReportSource.choices)
    received_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
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
    status = models.CharField(
        max_length=20, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    updated_at = models.DateTimeField()


class FoundKind(models.TextChoices):
    ALIVE = "alive", _("Found alive (shelter, detention, hospital…)")
    DECEASED = "deceased", _("Unidentified deceased person")


class FoundRecord(Versioned):
    """A person found alive, or an unidentified deceased person. Where a living
    person is now is encrypted and disclosed to a family only with that
    person's recorded consent."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    kind = models.CharField(max_length=10, choices=FoundKind.choices)
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="found_records"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    found_on = models.DateField()
    names = EncryptedJSONField()
    sex = models.CharField(max_length=10, blank=True)
    age = models.PositiveSmallIntegerField(null=True)
    nationality = models.CharField(max_length=2, blank=True)
    place = EncryptedTextField()
    route_position = EncryptedTextField()
    description = EncryptedTextField()
    personal_effects = EncryptedTextField()
    # Alive only: where the person can be reached now, and their consent to tell family.
    whereabouts = EncryptedTextField()
    consents_to_family_contact_on = models.DateField(null=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()


class CandidateStatus(models.TextChoices):
    PROPOSED = "proposed", _("To review")
    CONFIRMED = "confirmed", _("Confirmed: same person")
    REJECTED = "rejected", _("Rejected: not the same person")
    MORE_INFORMATION = "more_information", _("More information needed")


class MatchCandidate(models.Model):
    """A possible match proposed by linkage, for a tracing officer to review.
    Nothing is merged or disclosed automatically; a rejection is remembered so
    the same pair is never proposed again."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    report = models.ForeignKey(
        MissingPersonReport, on_delete=models.CASCADE, related_name="candidates"
    )
    found = models.ForeignKey(FoundRecord, on_delete=models.CASCADE, related_name="candidates")
    match_probability = models.FloatField()
    match_weight = models.FloatField()
    rank = models.PositiveSmallIntegerField()
    explanation = models.JSONField(default=list)
    status = models.CharField(
        max_length=20, choices=CandidateStatus.choices, default=CandidateStatus.PROPOSED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True)
    review_note = EncryptedTextField()
    disclosed_at = models.DateTimeField(null=True)
    proposed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "found"], name="candidate_unique_pair")
        ]
        indexes = [models.Index(fields=["report", "status", "rank"], name="candidate_review")]


class PersonDuplicateCandidate(Versioned):
    """Two registered persons that record linkage takes to be possibly the same
    person, typically registered by different agencies (IPU-118 op.9, IPU-145
    op.14: reliable data count each person once).

    A reviewer who may open both persons confirms, rejects or asks for more
    information. Confirming records a link; it never merges the two records,
    which stay with the agencies that registered them. A decided pair is never
    proposed again. The pair is stored in one order (``person_a`` < ``person_b``)
    and at most once, whoever runs the search and however often."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    person_a = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    match_probability = models.FloatField()
    match_weight = models.FloatField()
    # [{"attribute", "level", "match_weight"}]: levels and weights only, no names.
    explanation = models.JSONField(default=list)
    status = models.CharField(
        max_length=20, choices=CandidateStatus.choices, default=CandidateStatus.PROPOSED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True)
    review_reason = EncryptedTextField()
    proposed_at = models.DateTimeField()
    # The last search that proposed the pair again (its score may have changed).
    refreshed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person_a", "person_b"], name="person_duplicate_unique_pair"
            ),
            models.CheckConstraint(
                condition=models.Q(person_a__lt=models.F("person_b")),
                name="person_duplicate_ordered_pair",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-match_probability"], name="person_duplicate_queue"),
            models.Index(fields=["person_b", "status"], name="person_duplicate_b"),
        ]


class PersonDuplicateReview(models.Model):
    """Every decision on a pair, with its reason, in order: the candidate holds
    the latest; this keeps the record of who decided what and why."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    candidate = models.ForeignKey(
        PersonDuplicateCandidate, on_delete=models.CASCADE, related_name="reviews"
    )
    decision = models.CharField(max_length=20, choices=CandidateStatus.choices)
    reason = EncryptedTextField()
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
