"""Turn a case's records into the rules engine's facts (plain data)."""

from __future__ import annotations

from datetime import date

from haven.cases.models import (
    AgeAssessment,
    Case,
    Charge,
    Decision,
    DecisionKind,
    DetentionEvent,
)
from haven.protection.domain import facts as f

# CTDC forms of exploitation (cases/domain/exploitation.py) → engine forms.
_FORM_MAP = {
    "forced-labour": f.ExploitationForm.LABOUR,
    "sexual-exploitation": f.ExploitationForm.SEXUAL,
    "domestic-servitude": f.ExploitationForm.DOMESTIC_SERVITUDE,
    "forced-criminality": f.ExploitationForm.CRIMINAL,
    "forced-marriage": f.ExploitationForm.FORCED_MARRIAGE,
    "organ-removal": f.ExploitationForm.ORGAN_REMOVAL,
}


def _age_estimate(case: Case) -> f.AgeEstimate | None:
    person = case.person
    if person.birth_date or person.birth_year_min is None or person.birth_year_max is None:
        return None
    on = person.age_estimated_on or case.opened_on
    # Born in [min, max]: the youngest possible age counts a birthday not yet reached.
    youngest = max(0, on.year - person.birth_year_max - 1)
    oldest = max(youngest, on.year - person.birth_year_min)
    return f.AgeEstimate(min_years=youngest, max_years=oldest, estimated_on=on)


def _age_assessment(case: Case) -> f.AgeAssessment | None:
    latest = AgeAssessment.objects.filter(case=case).order_by("-started_on", "-created_at").first()
    if latest is None:
        return None
    outcome = f.AgeAssessmentOutcome(latest.outcome) if latest.outcome else None
    return f.AgeAssessment(outcome=outcome, concluded_on=latest.concluded_on)


def _decision(case: Case, kind: str) -> f.Decision | None:
    """The decision in force: the latest of its kind (a reconsideration
    replaces what it reconsiders)."""
    latest = (
        Decision.objects.filter(case=case, kind=kind).order_by("-decided_on", "-created_at").first()
    )
    if latest is None:
        return None
    return f.Decision(outcome=f.DecisionOutcome(latest.outcome), decided_on=latest.decided_on)


def _exploitation(case: Case) -> f.Exploitation:
    indicators: list[str] = []
    screening = case.screenings.filter(completed=True).order_by("-screened_on").first()
    if screening is not None:
        indicators = sorted(
            indicator
            for indicator, answer in (screening.answers or {}).items()
            if answer.get("answer") == "yes"
        )
    details = getattr(case, "exploitation", None)
    forms: list[f.ExploitationForm] = []
    began_on = None
    if details is not None:
        for form in details.forms:
            mapped = _FORM_MAP.get(form, f.ExploitationForm.OTHER)
            if mapped not in forms:
                forms.append(mapped)
        began_on = details.started_on
    return f.Exploitation(indicators=tuple(indicators), forms=tuple(forms), began_on=began_on)


def _detentions(case: Case) -> tuple[f.Detention, ...]:
    return tuple(
        f.Detention(
            id=f"detention-{event.pk}",
            kind=f.DeprivationOfLiberty(event.kind),
            started_on=event.started_on,
            ended_on=event.ended_on,
            consular_rights_informed_on=event.consular_rights_informed_on,
            consular_notification_requested_on=event.consular_notification_requested_on,
            consulate_notified_on=event.consulate_notified_on,
            opposes_consular_action=event.opposes_consular_action,
        )
        for event in DetentionEvent.objects.filter(case=case).order_by("started_on", "created_at")
    )


def _charges(case: Case) -> tuple[f.Charge, ...]:
    # The offence text is encrypted case content: obligations (stored in the
    # clear) name the charge by its record, never by what it says.
    return tuple(
        f.Charge(
            id=f"charge-{charge.pk}",
            offence="recorded charge",
            status=f.ChargeStatus(charge.status),
            compelled_by_trafficking=charge.compelled_by_trafficking,
            linked_to_exploitation=charge.linked_to_exploitation,
            for_having_been_smuggled=charge.for_having_been_smuggled,
            review_recorded_on=charge.review_recorded_on,
        )
        for charge in Charge.objects.filter(case=case).order_by("created_at")
    )


def _voluntary_return(case: Case) -> f.VoluntaryReturn:
    plan = getattr(case, "return_plan", None)
    if plan is None:
        return f.VoluntaryReturn()
    return f.VoluntaryReturn(
        requested_by_person=plan.requested_by_person,
        planned_on=plan.planned_on,
        voluntary=plan.voluntary,
        risk_assessment_completed_on=plan.risk_assessment_completed_on,
        consular_access_offered_on=plan.consular_access_offered_on,
        reintegration_support_arranged_on=plan.reintegration_support_arranged_on,
    )


def _assistance(case: Case) -> f.Assistance:
    delivered: dict[str, date] = {}
    declined: set[str] = set()
    for record in case.assistance.order_by("created_at"):
        if record.declined:
            declined.add(record.item)
        elif record.delivered_on:
            delivered[record.item] = record.delivered_on
    return f.Assistance(delivered=delivered, declined=frozenset(declined))


def case_facts(case: Case) -> f.CaseFacts:
    person = case.person
    birth_date = date.fromisoformat(person.birth_date) if person.birth_date else None
    return f.CaseFacts(
        case_opened_on=case.opened_on,
        jurisdiction_country=case.jurisdiction_country,
        person=f.Person(
            nationalities=tuple(person.nationalities),
            stateless=case.stateless,
            birth_date=birth_date,
            birth_date_disputed=person.age_estimate_method == "appearance",
            age_estimate=_age_estimate(case),
            age_assessment=_age_assessment(case),
            asylum_sought=case.asylum_sought,
            fears_own_state=case.fears_own_state,
        ),
        exploitation=_exploitation(case),
        identification=f.Identification(
            referred_on=case.submitted_for_identification_on,
            reasonable_grounds=_decision(case, DecisionKind.REASONABLE_GROUNDS),
            conclusive_grounds=_decision(case, DecisionKind.CONCLUSIVE),
        ),
        detentions=_detentions(case),
        charges=_charges(case),
        smuggled=case.smuggled,
        removal=f.Removal(planned_on=case.removal_planned_on),
        voluntary_return=_voluntary_return(case),
        proceedings=f.Proceedings(
            ongoing=case.proceedings_ongoing,
            participates_as_witness=case.participates_as_witness,
            witness_protection_in_place_on=case.witness_protection_on,
            assistance_conditional_on_cooperation=case.assistance_conditional_on_cooperation,
        ),
        child_measures=f.ChildMeasures(
            guardian_appointed_on=case.guardian_appointed_on,
            best_interests_assessed_on=case.best_interests_assessed_on,
        ),
        assistance=_assistance(case),
    )
