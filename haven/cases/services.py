"""Every write to cases and intakes. Each service checks access, writes,
refreshes the case's obligations from the rules engine and records its audit
entry, all in one transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haven.accounts import access
from haven.accounts.roles import Permission
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.cases import lifecycle
from haven.cases.models import (
    AgeAssessment,
    AssistanceDelivery,
    Case,
    CaseReferenceCounter,
    CaseStatus,
    Charge,
    ClosureReason,
    Decision,
    DecisionKind,
    DecisionOutcome,
    DetentionEvent,
    DetentionKind,
    ExploitationDetails,
    FormDraft,
    ReturnPlan,
    Screening,
)
from haven.cases.obligations import obligations_refresh, removal_check, translated
from haven.intake.models import ClosureReason as IntakeClosureReason
from haven.intake.models import Intake, IntakeStatus
from haven.kernel.errors import Conflict, PermissionDenied, ValidationFailed
from haven.people import services as people_services
from haven.platform.concurrency import save_versioned
from haven.protection.domain import bundled_policy_names

REASONS_REQUIRED = _("A decision needs its reasons.")
REMOVAL_REFUSED = _("A removal on this date is refused: {reasons}")
ALREADY_TRIAGED = _("This intake was already triaged.")
NOT_SUBMITTED = _("Submit the case for identification before a decision is recorded.")
FUTURE_DATE = _("This date is in the future.")


def _invalid(field: str, message: Any) -> ValidationFailed:
    return ValidationFailed.for_field(field, message)


def _not_future(field: str, value: date | None) -> None:
    if value is not None and value > timezone.localdate():
        raise _invalid(field, FUTURE_DATE)


def _touch(case: Case) -> None:
    """Any change to a case's records moves its version on, so a form based on
    an older view of the case is refused rather than applied blindly."""
    now = timezone.now()
    save_versioned(case, expected_version=case.version, fields=["updated_at"], updated_at=now)
    case.updated_at = now


def _after_change(
    actor: Any, case: Case, action: str, object_type: str, object_id: Any, fields: list[str]
) -> None:
    obligations_refresh(case)
    audit_record(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        fields=fields,
        detail={"case": str(case.pk)},
    )


# --- intake ------------------------------------------------------------------


def _claim_for_triage(actor: Any, intake_id: object, expected_version: int) -> Intake:
    intake = access.access_intake_by_id(actor, intake_id, for_triage=True)
    if intake.status != IntakeStatus.NEW:
        raise Conflict(str(ALREADY_TRIAGED))
    return intake


def _finish_triage(
    actor: Any,
    intake: Intake,
    expected_version: int,
    status: str,
    case: Case | None = None,
    reason: str = "",
) -> None:
    intake.status = status
    intake.case = case
    intake.triaged_at = timezone.now()
    intake.triaged_by = actor
    intake.closure_reason = reason
    save_versioned(
        intake,
        expected_version=expected_version,
        fields=["status", "case", "triaged_at", "triaged_by", "closure_reason"],
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="intake",
        object_id=intake.pk,
        fields=["status", "case", "closure_reason"],
    )


def _next_reference(on: date) -> str:
    counter = CaseReferenceCounter.objects.select_for_update().filter(year=on.year).first()
    if counter is None:
        counter = CaseReferenceCounter(year=on.year, last=0)
        counter.save(force_insert=True)
        counter = CaseReferenceCounter.objects.select_for_update().get(year=on.year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"HVN-{on.year}-{counter.last:06d}"


def _open_case(actor: Any, person_id: object, opened_on: date | None = None) -> Case:
    access.require_permission(actor, Permission.CASE_CREATE)
    person = access.access_person_by_id(actor, person_id)
    _not_future("opened_on", opened_on)
    today = opened_on or timezone.localdate()
    now = timezone.now()
    case = Case(
        reference=_next_reference(today),
        person=person,
        agency_id=actor.agency_id,
        caseworker=actor if access.has_permission(actor, Permission.CASE_CHANGE) else None,
        opened_on=today,
        jurisdiction_country=actor.agency.country,
        created_at=now,
        updated_at=now,
    )
    case.save(force_insert=True)
    obligations_refresh(case)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="case",
        object_id=case.pk,
        fields=["person", "agency", "status"],
    )
    return case


@transaction.atomic
def case_open(*, actor: Any, person_id: object, opened_on: date | None = None) -> Case:
    """Open a case for a person found or registered by search-before-create.
    ``opened_on`` records a case taken over from paper files (never future)."""
    return _open_case(actor, person_id, opened_on)


@transaction.atomic
def intake_open_case(
    *,
    actor: Any,
    intake_id: object,
    expected_version: int,
    person_id: object | None = None,
    new_person: dict | None = None,
) -> Case:
    """Triage: open a case for the person of this intake, either an existing
    person (search-before-create found them) or a newly registered one."""
    intake = _claim_for_triage(actor, intake_id, expected_version)
    if (person_id is None) == (new_person is None):
        raise _invalid("person", _("Choose an existing person or register a new one."))
    if new_person is not None:
        person_id = people_services.person_register(actor=actor, **new_person).pk
    case = _open_case(actor, person_id)
    if intake.detained:
        DetentionEvent(
            case=case,
            kind=DetentionKind.DETENTION,
            started_on=intake.received_at.date(),
            created_at=timezone.now(),
        ).save(force_insert=True)
        obligations_refresh(case)
    _finish_triage(actor, intake, expected_version, IntakeStatus.CASE_OPENED, case)
    return case


@transaction.atomic
def intake_attach(*, actor: Any, intake_id: object, expected_version: int, case_id: object) -> Case:
    intake = _claim_for_triage(actor, intake_id, expected_version)
    case = access.access_case_by_id(actor, case_id, for_change=True)
    _finish_triage(actor, intake, expected_version, IntakeStatus.ATTACHED, case)
    return case


@transaction.atomic
def intake_close(*, actor: Any, intake_id: object, expected_version: int, reason: str) -> Intake:
    intake = _claim_for_triage(actor, intake_id, expected_version)
    if reason not in IntakeClosureReason.values:
        raise _invalid("reason", _("Choose a reason for closing."))
    _finish_triage(actor, intake, expected_version, IntakeStatus.CLOSED, reason=reason)
    return intake


# --- the case itself ---------------------------------------------------------

CASE_FACT_FIELDS = (
    "asylum_sought",
    "fears_own_state",
    "smuggled",
    "stateless",
    "proceedings_ongoing",
    "participates_as_witness",
    "witness_protection_on",
    "assistance_conditional_on_cooperation",
    "guardian_appointed_on",
    "best_interests_assessed_on",
    "policy",
)


@transaction.atomic
def case_update_facts(
    *, actor: Any, case_id: object, expected_version: int, changes: dict[str, Any]
) -> Case:
    case = access.access_case_by_id(actor, case_id, for_change=True)
    unknown = set(changes) - set(CASE_FACT_FIELDS)
    if unknown:
        raise _invalid(sorted(unknown)[0], _("This field cannot be changed here."))
    if "policy" in changes and changes["policy"] not in bundled_policy_names():
        raise _invalid("policy", _("Unknown jurisdiction policy."))
    for name in ("witness_protection_on", "guardian_appointed_on", "best_interests_assessed_on"):
        _not_future(name, changes.get(name))
    changed = [name for name, value in changes.items() if getattr(case, name) != value]
    for name in changed:
        setattr(case, name, changes[name])
    case.updated_at = timezone.now()
    save_versioned(case, expected_version=expected_version, fields=[*changed, "updated_at"])
    _after_change(actor, case, AuditAction.UPDATE, "case", case.pk, changed)
    return case


@transaction.atomic
def case_change_status(
    *,
    actor: Any,
    case_id: object,
    expected_version: int,
    status: str,
    closure_reason: str = "",
    closure_note: str = "",
) -> Case:
    case = access.access_case_by_id(actor, case_id, for_change=True)
    lifecycle.check_transition(case.status, status)
    fields = ["status", "updated_at"]
    if status == CaseStatus.CLOSED:
        if closure_reason not in ClosureReason.values:
            raise _invalid("closure_reason", _("Choose why the case is closed."))
        case.closure_reason, case.closure_note = closure_reason, closure_note
        case.closed_on = timezone.localdate()
        fields += ["closure_reason", "closure_note", "closed_on"]
    elif case.status == CaseStatus.CLOSED:
        case.closed_on, case.closure_reason = None, ""
        fields += ["closed_on", "closure_reason"]
    case.status = status
    case.updated_at = timezone.now()
    save_versioned(case, expected_version=expected_version, fields=fields)
    _after_change(actor, case, AuditAction.UPDATE, "case", case.pk, fields)
    return case


@transaction.atomic
def case_submit_for_identification(*, actor: Any, case_id: object, expected_version: int) -> Case:
    """Refer the case to the competent authority: decision makers can read it
    from now on, and the removal stay applies while they decide."""
    case = access.access_case_by_id(actor, case_id, for_change=True)
    if case.submitted_for_identification_on is None:
        case.submitted_for_identification_on = timezone.localdate()
    if case.status in (CaseStatus.OPEN, CaseStatus.SCREENING):
        case.status = CaseStatus.AWAITING_IDENTIFICATION
    case.updated_at = timezone.now()
    save_versioned(
        case,
        expected_version=expected_version,
        fields=["submitted_for_identification_on", "status", "updated_at"],
    )
    _after_change(
        actor,
        case,
        AuditAction.UPDATE,
        "case",
        case.pk,
        ["submitted_for_identification_on", "status"],
    )
    return case


@transaction.atomic
def removal_plan(*, actor: Any, case_id: object, expected_version: int, planned_on: date) -> Case:
    """Record a planned removal, unless the removal stay or the recovery period
    forbid it on that date: then it is refused with the reasons and sources."""
    case = access.access_case_by_id(actor, case_id, for_change=True)
    check = removal_check(case, planned_on)
    if not check.allowed:
        blocking = [reason for reason in check.reasons if reason.blocking]
        details = " ".join(
            f"{translated(reason.explanation)} ({', '.join(str(c) for c in reason.citations)})"
            for reason in blocking
        )
        raise ValidationFailed(
            str(REMOVAL_REFUSED).format(reasons=details),
            extra={
                "errors": {"planned_on": [details]},
                "rules": [reason.rule_id for reason in blocking],
            },
        )
    case.removal_planned_on = planned_on
    case.updated_at = timezone.now()
    save_versioned(
        case, expected_version=expected_version, fields=["removal_planned_on", "updated_at"]
    )
    _after_change(actor, case, AuditAction.UPDATE, "case", case.pk, ["removal_planned_on"])
    return case


# --- screening and exploitation ----------------------------------------------


@transaction.atomic
def screening_save(
    *, actor: Any, case_id: object, catalogue: str, answers: dict[str, dict], completed: bool
) -> Screening:
    """Record a screening against an indicator catalogue. Its summary supports
    the decision; it never replaces it."""
    from haven.cases.classification import screening_summary
    from haven.cases.facts import case_facts

    case = access.access_case_by_id(actor, case_id, for_change=True)
    facts = case_facts(case)
    estimate = facts.person.age_estimate
    possibly_child = bool(estimate and estimate.min_years < 18)
    summary = screening_summary(catalogue, answers, person_is_child=possibly_child or None)
    screening = Screening(
        case=case,
        catalogue=catalogue,
        answers=answers,
        summary=summary,
        completed=completed,
        screened_by=actor,
        screened_on=timezone.localdate(),
        created_at=timezone.now(),
    )
    screening.save(force_insert=True)
    if case.status == CaseStatus.OPEN:
        case.status = CaseStatus.SCREENING
    _touch(case)
    case.save(update_fields=["status"])
    _after_change(
        actor, case, AuditAction.CREATE, "screening", screening.pk, ["answers", "completed"]
    )
    return screening


@transaction.atomic
def exploitation_save(*, actor: Any, case_id: object, data: dict[str, Any]) -> ExploitationDetails:
    """Record how the person was exploited, in the CTDC vocabulary."""
    from haven.cases.classification import exploitation_fields

    case = access.access_case_by_id(actor, case_id, for_change=True)
    notes = data.pop("notes", None)
    cleaned = exploitation_fields(data, timezone.localdate())
    details = ExploitationDetails.objects.filter(case=case).first()
    action = AuditAction.UPDATE if details else AuditAction.CREATE
    details = details or ExploitationDetails(case=case)
    for name, value in cleaned.items():
        setattr(details, name, value)
    if notes is not None:
        details.notes = notes
    details.updated_at = timezone.now()
    details.save()
    _touch(case)
    _after_change(actor, case, action, "exploitation", details.pk, sorted(cleaned))
    return details


# --- decisions ---------------------------------------------------------------


@transaction.atomic
def decision_record(
    *,
    actor: Any,
    case_id: object,
    kind: str,
    outcome: str,
    threshold: str,
    reasons: str,
    decided_on: date,
    reconsideration_of: object | None = None,
) -> Decision:
    """A decision maker's identification decision, with reasons. The system
    never decides; it records who decided what, when and why."""
    case = access.access_case_for_decision(actor, case_id)
    if kind not in DecisionKind.values:
        raise _invalid("kind", _("Not one of the allowed kinds of decision."))
    if outcome not in DecisionOutcome.values:
        raise _invalid("outcome", _("Not one of the allowed outcomes."))
    if not reasons.strip():
        raise _invalid("reasons", REASONS_REQUIRED)
    if not threshold.strip():
        raise _invalid("threshold", _("Name the threshold the decision applies."))
    _not_future("decided_on", decided_on)
    if decided_on < case.opened_on:
        raise _invalid("decided_on", _("A decision cannot precede the opening of the case."))
    previous = None
    if reconsideration_of is not None:
        previous = Decision.objects.filter(pk=reconsideration_of, case=case).first()
        if previous is None:
            raise _invalid("reconsideration_of", _("Unknown decision."))
    elif (
        kind == DecisionKind.CONCLUSIVE
        and not case.decisions.filter(
            kind=DecisionKind.REASONABLE_GROUNDS, outcome=DecisionOutcome.POSITIVE
        ).exists()
    ):
        raise _invalid(
            "kind", _("A conclusive decision follows a positive reasonable-grounds decision.")
        )
    decision = Decision(
        case=case,
        kind=kind,
        outcome=outcome,
        threshold=threshold[:200],
        reasons=reasons,
        decided_on=decided_on,
        decided_by=actor,
        reconsideration_of=previous,
        created_at=timezone.now(),
    )
    decision.save(force_insert=True)
    if outcome == DecisionOutcome.POSITIVE and case.status == CaseStatus.AWAITING_IDENTIFICATION:
        case.status = CaseStatus.ASSISTANCE
        case.save(update_fields=["status"])
    _touch(case)
    _after_change(
        actor,
        case,
        AuditAction.CREATE,
        "decision",
        decision.pk,
        ["kind", "outcome", "threshold", "reasons", "decided_on"],
    )
    return decision


# --- detention, charges, age, return, assistance -----------------------------


def _dates_in_order(start_field: str, start: date | None, end_field: str, end: date | None) -> None:
    _not_future(start_field, start)
    _not_future(end_field, end)
    if start and end and end < start:
        raise _invalid(end_field, _("This date is before the start date."))


@transaction.atomic
def detention_record(
    *,
    actor: Any,
    case_id: object,
    kind: str,
    started_on: date,
    ended_on: date | None = None,
    place: str = "",
    authority: str = "",
    consular_rights_informed_on: date | None = None,
    consular_notification_requested_on: date | None = None,
    consulate_notified_on: date | None = None,
    opposes_consular_action: bool = False,
) -> DetentionEvent:
    case = access.access_case_by_id(actor, case_id, for_change=True)
    if kind not in DetentionKind.values:
        raise _invalid("kind", _("Not one of the allowed kinds of detention."))
    _dates_in_order("started_on", started_on, "ended_on", ended_on)
    for name, value in (
        ("consular_rights_informed_on", consular_rights_informed_on),
        ("consulate_notified_on", consulate_notified_on),
    ):
        _not_future(name, value)
    event = DetentionEvent(
        case=case,
        kind=kind,
        started_on=started_on,
        ended_on=ended_on,
        place=place,
        authority=authority[:200],
        consular_rights_informed_on=consular_rights_informed_on,
        consular_notification_requested_on=consular_notification_requested_on,
        consulate_notified_on=consulate_notified_on,
        opposes_consular_action=opposes_consular_action,
        created_at=timezone.now(),
    )
    event.save(force_insert=True)
    _touch(case)
    _after_change(
        actor,
        case,
        AuditAction.CREATE,
        "detention",
        event.pk,
        ["kind", "started_on", "ended_on", "place", "consular"],
    )
    return event


@transaction.atomic
def charge_record(
    *,
    actor: Any,
    case_id: object,
    offence: str,
    status: str,
    charged_on: date | None = None,
    compelled_by_trafficking: bool | None = None,
    linked_to_exploitation: bool = False,
    for_having_been_smuggled: bool = False,
) -> Charge:
    from haven.cases.models import ChargeStatus

    case = access.access_case_by_id(actor, case_id, for_change=True)
    if status not in ChargeStatus.values:
        raise _invalid("status", _("Not one of the allowed statuses."))
    if not offence.strip():
        raise _invalid("offence", _("Describe the offence charged."))
    _not_future("charged_on", charged_on)
    charge = Charge(
        case=case,
        offence=offence,
        status=status,
        charged_on=charged_on,
        compelled_by_trafficking=compelled_by_trafficking,
        linked_to_exploitation=linked_to_exploitation,
        for_having_been_smuggled=for_having_been_smuggled,
        created_at=timezone.now(),
    )
    charge.save(force_insert=True)
    _touch(case)
    _after_change(
        actor,
        case,
        AuditAction.CREATE,
        "charge",
        charge.pk,
        ["offence", "status", "compelled_by_trafficking"],
    )
    return charge


@transaction.atomic
def age_assessment_record(
    *,
    actor: Any,
    case_id: object,
    started_on: date,
    concluded_on: date | None = None,
    outcome: str = "",
    method: str = "",
    notes: str = "",
) -> AgeAssessment:
    from haven.cases.models import AgeAssessmentOutcome

    case = access.access_case_by_id(actor, case_id, for_change=True)
    if outcome and outcome not in AgeAssessmentOutcome.values:
        raise _invalid("outcome", _("Not one of the allowed outcomes."))
    if outcome and concluded_on is None:
        raise _invalid("concluded_on", _("An outcome needs the date the assessment concluded."))
    _dates_in_order("started_on", started_on, "concluded_on", concluded_on)
    assessment = AgeAssessment(
        case=case,
        started_on=started_on,
        concluded_on=concluded_on,
        outcome=outcome,
        method=method[:200],
        notes=notes,
        created_at=timezone.now(),
    )
    assessment.save(force_insert=True)
    _touch(case)
    _after_change(
        actor,
        case,
        AuditAction.CREATE,
        "age_assessment",
        assessment.pk,
        ["outcome", "concluded_on"],
    )
    return assessment


RETURN_FIELDS = (
    "requested_by_person",
    "voluntary",
    "destination_country",
    "planned_on",
    "risk_assessment_completed_on",
    "consular_access_offered_on",
    "reintegration_support_arranged_on",
    "notes",
)


@transaction.atomic
def return_plan_save(*, actor: Any, case_id: object, data: dict[str, Any]) -> ReturnPlan:
    case = access.access_case_by_id(actor, case_id, for_change=True)
    unknown = set(data) - set(RETURN_FIELDS)
    if unknown:
        raise _invalid(sorted(unknown)[0], _("Unknown field."))
    for name in (
        "risk_assessment_completed_on",
        "consular_access_offered_on",
        "reintegration_support_arranged_on",
    ):
        _not_future(name, data.get(name))
    plan = ReturnPlan.objects.filter(case=case).first() or ReturnPlan(
        case=case, updated_at=timezone.now()
    )
    for name, value in data.items():
        setattr(plan, name, value)
    plan.updated_at = timezone.now()
    plan.save()
    _touch(case)
    _after_change(actor, case, AuditAction.UPDATE, "return_plan", plan.pk, sorted(data))
    return plan


@transaction.atomic
def assistance_record(
    *,
    actor: Any,
    case_id: object,
    item: str,
    delivered_on: date | None = None,
    declined: bool = False,
) -> AssistanceDelivery:
    from haven.protection.domain.assistance_items import ASSISTANCE_ITEM_BY_ID

    case = access.access_case_by_id(actor, case_id, for_change=True)
    if item not in ASSISTANCE_ITEM_BY_ID:
        raise _invalid("item", _("Not one of the assistance items."))
    if not declined and delivered_on is None:
        raise _invalid("delivered_on", _("Give the date the assistance was provided."))
    _not_future("delivered_on", delivered_on)
    record = AssistanceDelivery(
        case=case,
        item=item,
        delivered_on=delivered_on,
        declined=declined,
        recorded_by=actor,
        created_at=timezone.now(),
    )
    record.save(force_insert=True)
    _touch(case)
    _after_change(actor, case, AuditAction.CREATE, "assistance", record.pk, ["item"])
    return record


# --- drafts ------------------------------------------------------------------


@transaction.atomic
def draft_save(*, actor: Any, form_key: str, data: dict[str, Any]) -> FormDraft:
    """Keep a half-filled form for its author alone; it holds what was typed,
    so it is encrypted like the record it will become."""
    if not access.is_staff_user(actor):
        raise PermissionDenied(str(access.FORBIDDEN_MESSAGE))
    draft = FormDraft.objects.select_for_update().filter(user=actor, form_key=form_key).first()
    if draft is None:
        draft = FormDraft(user=actor, form_key=form_key[:120])
    draft.data = data
    draft.updated_at = timezone.now()
    draft.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="form_draft",
        object_id=draft.pk,
        fields=["data"],
        detail={"form": form_key[:120]},
    )
    return draft


def draft_load(*, actor: Any, form_key: str) -> dict[str, Any] | None:
    draft = FormDraft.objects.filter(user=actor, form_key=form_key).first()
    return draft.data if draft else None


@transaction.atomic
def draft_discard(*, actor: Any, form_key: str) -> None:
    deleted, _rows = FormDraft.objects.filter(user=actor, form_key=form_key).delete()
    if deleted:
        audit_record(
            actor=actor,
            action=AuditAction.DELETE,
            object_type="form_draft",
            detail={"form": form_key[:120]},
        )
