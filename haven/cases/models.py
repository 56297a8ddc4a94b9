"""Case records. Narratives and reasons are encrypted; what statistics need
(forms of exploitation, dates, outcomes) is stored plainly but only ever
read through accounts.access."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.kernel.ids import uuid7
from haven.platform.concurrency import Versioned
from haven.platform.crypto.fields import EncryptedJSONField, EncryptedTextField


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    SCREENING = "screening", _("Screening")
    AWAITING_IDENTIFICATION = "awaiting_identification", _("Awaiting identification decision")
    ASSISTANCE = "assistance", _("Assistance and recovery")
    RETURN_REINTEGRATION = "return_reintegration", _("Return or reintegration")
    CLOSED = "closed", _("Closed")


class ClosureReason(models.TextChoices):
    ASSISTANCE_COMPLETED = "assistance_completed", _("Assistance completed")
    RETURNED_REINTEGRATED = "returned_reintegrated", _("Returned and reintegrated")
    TRANSFERRED = "transferred", _("Transferred to another agency")
    NO_LONGER_IN_CONTACT = "no_longer_in_contact", _("No longer in contact")
    DECLINED_SUPPORT = "declined_support", _("Person declined further support")
    NOT_A_VICTIM = "not_a_victim", _("No protection need after assessment")
    DECEASED = "deceased", _("Person deceased")
    DUPLICATE = "duplicate", _("Duplicate case")


class Case(Versioned):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    reference = models.CharField(max_length=20, unique=True)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="cases")
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="cases"
    )
    status = models.CharField(max_length=30, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    opened_on = models.DateField()
    closed_on = models.DateField(null=True)
    closure_reason = models.CharField(max_length=30, choices=ClosureReason.choices, blank=True)
    closure_note = EncryptedTextField()
    # Which jurisdiction policy the rules engine applies (protection/domain/policies).
    policy = models.CharField(max_length=40, default="international")
    jurisdiction_country = models.CharField(max_length=2)
    # Set when the caseworker refers the case to the competent authority; from
    # then decision makers can read it.
    submitted_for_identification_on = models.DateField(null=True)
    # Facts the rules engine needs that have no record of their own.
    asylum_sought = models.BooleanField(default=False)
    fears_own_state = models.BooleanField(default=False)
    smuggled = models.BooleanField(default=False)
    stateless = models.BooleanField(default=False)
    proceedings_ongoing = models.BooleanField(default=False)
    participates_as_witness = models.BooleanField(default=False)
    witness_protection_on = models.DateField(null=True)
    assistance_conditional_on_cooperation = models.BooleanField(default=False)
    guardian_appointed_on = models.DateField(null=True)
    best_interests_assessed_on = models.DateField(null=True)
    removal_planned_on = models.DateField(null=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["agency", "status"], name="case_agency_status"),
            models.Index(fields=["caseworker", "status"], name="case_worker_status"),
        ]


class CaseReferenceCounter(models.Model):
    """Sequential, human-friendly references per year (HVN-2026-000042)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)


class Screening(Versioned):
    """Answers to an indicator catalogue. Evidence is encrypted; the summary
    keeps only counts and dimension results."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="screenings")
    catalogue = models.CharField(max_length=60)
    answers = EncryptedJSONField()  # {indicator_id: {"answer": "yes", "evidence": "…"}}
    summary = models.JSONField(default=dict)
    completed = models.BooleanField(default=False)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    screened_on = models.DateField()
    created_at = models.DateTimeField()


class ExploitationDetails(Versioned):
    """Following the Counter Trafficking Data Collaborative (CTDC) standard."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="exploitation")
    forms = models.JSONField(default=list)
    labour_sectors = models.JSONField(default=list)
    sexual_types = models.JSONField(default=list)
    means_of_control = models.JSONField(default=list)
    recruiter_relations = models.JSONField(default=list)
    countries_of_origin = models.JSONField(default=list)
    countries_of_transit = models.JSONField(default=list)
    countries_of_exploitation = models.JSONField(default=list)
    started_on = models.DateField(null=True)
    ended_on = models.DateField(null=True)
    notes = EncryptedTextField()
    updated_at = models.DateTimeField()


class DecisionKind(models.TextChoices):
    REASONABLE_GROUNDS = "reasonable_grounds", _("Reasonable grounds")
    CONCLUSIVE = "conclusive", _("Conclusive grounds")


class DecisionOutcome(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEGATIVE = "negative", _("Negative")


class Decision(models.Model):
    """An identification decision, always with its reasons. A reconsideration
    is a new decision pointing at the one it reconsiders; nothing is overwritten."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(max_length=20, choices=DecisionKind.choices)
    outcome = models.CharField(max_length=10, choices=DecisionOutcome.choices)
    threshold = models.CharField(max_length=200)
    reasons = EncryptedTextField()
    decided_on = models.DateField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reconsideration_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, related_name="reconsiderations"
    )
    created_at = models.DateTimeField()


class DetentionKind(models.TextChoices):
    ARREST = "arrest", _("Arrest")
    CUSTODY = "custody", _("Custody pending trial")
    IMPRISONMENT = "imprisonment", _("Imprisonment")
    DETENTION = "detention", _("Immigration or other detention")


class DetentionEvent(Versioned):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="detentions")
    kind = models.CharField(max_length=15, choices=DetentionKind.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True)
    place = EncryptedTextField()
    authority = models.CharField(max_length=200, blank=True)
    consular_rights_informed_on = models.DateField(null=True)
    consular_notification_requested_on = models.DateField(null=True)
    consulate_notified_on = models.DateField(null=True)
    opposes_consular_action = models.BooleanField(default=False)
    created_at = models.DateTimeField()


class ChargeStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    CONVICTED = "convicted", _("Convicted")
    PENALTY_IMPOSED = "penalty-imposed", _("Penalty imposed")
    DROPPED = "dropped", _("Dropped")
    ACQUITTED = "acquitted", _("Acquitted")


class Charge(Versioned):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="charges")
    offence = EncryptedTextField()
    status = models.CharField(
        max_length=20, choices=ChargeStatus.choices, default=ChargeStatus.PENDING
    )
    charged_on = models.DateField(null=True)
    # None: not yet known whether the person was compelled by their exploiters.
    compelled_by_trafficking = models.BooleanField(null=True)
    linked_to_exploitation = models.BooleanField(default=False)
    for_having_been_smuggled = models.BooleanField(default=False)
    review_recorded_on = models.DateField(null=True)
    created_at = models.DateTimeField()


class AgeAssessmentOutcome(models.TextChoices):
    CHILD = "child", _("Child (under 18)")
    ADULT = "adult", _("Adult")


class AgeAssessment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="age_assessments")
    started_on = models.DateField()
    concluded_on = models.DateField(null=True)
    outcome = models.CharField(max_length=10, choices=AgeAssessmentOutcome.choices, blank=True)
    method = models.CharField(max_length=200, blank=True)
    notes = EncryptedTextField()
    created_at = models.DateTimeField()


class ReturnPlan(Versioned):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="return_plan")
    requested_by_person = models.BooleanField(default=False)
    # None: the free and informed consent of the person is not yet recorded.
    voluntary = models.BooleanField(null=True)
    destination_country = models.CharField(max_length=2, blank=True)
    planned_on = models.DateField(null=True)
    risk_assessment_completed_on = models.DateField(null=True)
    consular_access_offered_on = models.DateField(null=True)
    reintegration_support_arranged_on = models.DateField(null=True)
    notes = EncryptedTextField()
    updated_at = models.DateTimeField()


class AssistanceDelivery(models.Model):
    """An assistance item delivered to, or declined by, the person."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assistance")
    item = models.CharField(max_length=40)
    delivered_on = models.DateField(null=True)
    declined = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()


class ObligationStatus(models.TextChoices):
    DUE = "due", _("Due")
    OVERDUE = "overdue", _("Overdue")
    MET = "met", _("Met")
    NOT_APPLICABLE = "not-applicable", _("Not applicable")


class Obligation(models.Model):
    """What the rules engine says is owed to the person, materialised in the
    same transaction as the facts it was computed from.

    ``messages`` holds the title, explanation, warnings and ending event as the
    engine's messages (message id + parameters), translated when shown (see
    cases/obligations.py); the text columns keep their English rendering."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="obligations")
    obligation_id = models.CharField(max_length=80)
    rule_id = models.CharField(max_length=60)
    status = models.CharField(max_length=15, choices=ObligationStatus.choices)
    title = models.CharField(max_length=200)
    explanation = models.TextField()
    due_on = models.DateField(null=True)
    period_starts_on = models.DateField(null=True)
    period_ends_on = models.DateField(null=True)
    # An event that ends the period if later than period_ends_on ("the conclusive decision").
    period_ends_with = models.CharField(max_length=200, blank=True)
    citations = models.JSONField(default=list)
    warnings = models.JSONField(default=list)
    messages = models.JSONField(default=dict, blank=True)
    computed_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "obligation_id"], name="obligation_unique")
        ]
        indexes = [models.Index(fields=["status", "due_on"], name="obligation_due")]


class FormDraft(models.Model):
    """A long form saved half-way, so nothing typed is lost; one per user and form."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    form_key = models.CharField(max_length=120)
    data = EncryptedJSONField()
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "form_key"], name="draft_unique")]
