"""Case services: obligations follow the facts, decisions need reasons and a
decision maker, a removal during the stay is refused with its sources."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from haven.audit.models import AuditEntry
from haven.cases import services
from haven.cases.models import Case, CaseStatus, Obligation
from haven.kernel.errors import NotFound, StaleVersion, ValidationFailed


def obligations(case: Case) -> dict[str, Obligation]:
    return {o.obligation_id: o for o in Obligation.objects.filter(case=case)}


def refreshed(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def test_opening_a_case_materialises_obligations_with_citations(case):
    # given a case just opened for an adult-or-child (born 2000-2002) woman
    found = obligations(case)
    # then obligations exist, each citing its sources
    assert found
    assert all(o.citations for o in found.values())
    assert case.reference.startswith(f"HVN-{timezone.localdate().year}-")
    assert AuditEntry.objects.filter(
        object_type="case", action="create", object_id=str(case.pk)
    ).exists()


def test_references_are_sequential(caseworker, person):
    first = services.case_open(actor=caseworker, person_id=person.pk)
    second = services.case_open(actor=caseworker, person_id=person.pk)
    assert int(second.reference[-6:]) == int(first.reference[-6:]) + 1


def test_reasonable_grounds_decision_starts_recovery_period_and_removal_stay(
    case, caseworker, decider
):
    # given the case submitted for identification
    case = services.case_submit_for_identification(
        actor=caseworker, case_id=case.pk, expected_version=case.version
    )
    today = timezone.localdate()
    # when the decision maker records positive reasonable grounds
    services.decision_record(
        actor=decider,
        case_id=case.pk,
        kind="reasonable_grounds",
        outcome="positive",
        threshold="Reasonable grounds to believe",
        reasons="Consistent account; indicators.",
        decided_on=today,
    )
    # then the removal stay and a recovery period of at least 30 days apply
    found = obligations(case)
    assert found["removal-stay"].status == "due"
    recovery = found["recovery-reflection-period"]
    assert recovery.status == "due"
    assert recovery.period_starts_on == today
    assert recovery.period_ends_on >= today + timedelta(days=29)
    assert any(c["reference"] == "IPU-118 op.21" for c in recovery.citations)
    assert refreshed(case).status == CaseStatus.ASSISTANCE


def test_a_removal_during_the_stay_is_refused_with_the_reason(case, caseworker, decider):
    case = services.case_submit_for_identification(
        actor=caseworker, case_id=case.pk, expected_version=case.version
    )
    today = timezone.localdate()
    services.decision_record(
        actor=decider,
        case_id=case.pk,
        kind="reasonable_grounds",
        outcome="positive",
        threshold="RG",
        reasons="Reasons.",
        decided_on=today,
    )
    case = refreshed(case)
    with pytest.raises(ValidationFailed) as refusal:
        services.removal_plan(
            actor=caseworker,
            case_id=case.pk,
            expected_version=case.version,
            planned_on=today + timedelta(days=10),
        )
    assert "removal-stay" in refusal.value.extra["rules"]
    assert "IPU-118" in refusal.value.message
    assert refreshed(case).removal_planned_on is None


def test_a_decision_needs_reasons_and_a_submitted_case(case, caseworker, decider):
    with pytest.raises(NotFound):
        services.decision_record(
            actor=decider,
            case_id=case.pk,
            kind="reasonable_grounds",
            outcome="positive",
            threshold="RG",
            reasons="x",
            decided_on=timezone.localdate(),
        )
    case = services.case_submit_for_identification(
        actor=caseworker, case_id=case.pk, expected_version=case.version
    )
    with pytest.raises(ValidationFailed) as error:
        services.decision_record(
            actor=decider,
            case_id=case.pk,
            kind="reasonable_grounds",
            outcome="positive",
            threshold="RG",
            reasons="  ",
            decided_on=timezone.localdate(),
        )
    assert "reasons" in error.value.extra["errors"]


def test_caseworkers_cannot_decide(case, caseworker):
    case = services.case_submit_for_identification(
        actor=caseworker, case_id=case.pk, expected_version=case.version
    )
    with pytest.raises(NotFound):
        services.decision_record(
            actor=caseworker,
            case_id=case.pk,
            kind="reasonable_grounds",
            outcome="positive",
            threshold="RG",
            reasons="x",
            decided_on=timezone.localdate(),
        )


def test_detention_makes_consular_rights_information_due(case, caseworker):
    services.detention_record(
        actor=caseworker, case_id=case.pk, kind="arrest", started_on=timezone.localdate()
    )
    found = obligations(case)
    consular = [o for o in found.values() if o.rule_id == "consular-rights-information"]
    assert consular and consular[0].status in ("due", "overdue")
    assert any(
        "VCCR" in (c["instrument"] or "") or c["reference"].startswith("OAS-2007")
        for c in consular[0].citations
    )


def test_a_compelled_offence_is_flagged_for_non_punishment_review(case, caseworker):
    services.charge_record(
        actor=caseworker,
        case_id=case.pk,
        offence="Cannabis cultivation",
        status="pending",
        compelled_by_trafficking=True,
        linked_to_exploitation=True,
    )
    flagged = [o for o in obligations(case).values() if o.rule_id == "non-punishment"]
    assert flagged and flagged[0].status in ("due", "overdue")
    # The offence text is encrypted case content; obligations never repeat it.
    assert all("Cannabis" not in o.explanation for o in obligations(case).values())


def test_status_lifecycle_refuses_unlisted_transitions(case, caseworker):
    with pytest.raises(ValidationFailed):
        services.case_change_status(
            actor=caseworker,
            case_id=case.pk,
            expected_version=case.version,
            status=CaseStatus.RETURN_REINTEGRATION,
        )
    with pytest.raises(ValidationFailed) as error:
        services.case_change_status(
            actor=caseworker,
            case_id=case.pk,
            expected_version=case.version,
            status=CaseStatus.CLOSED,
        )
    assert "closure_reason" in error.value.extra["errors"]
    closed = services.case_change_status(
        actor=caseworker,
        case_id=case.pk,
        expected_version=case.version,
        status=CaseStatus.CLOSED,
        closure_reason="assistance_completed",
    )
    assert closed.closed_on == timezone.localdate()


def test_stale_versions_are_refused(case, caseworker):
    services.case_update_facts(
        actor=caseworker,
        case_id=case.pk,
        expected_version=case.version,
        changes={"asylum_sought": True},
    )
    with pytest.raises(StaleVersion):
        services.case_update_facts(
            actor=caseworker,
            case_id=case.pk,
            expected_version=case.version,
            changes={"smuggled": True},
        )


def test_other_agencies_cannot_change_the_case(case, cast):
    from haven.accounts.roles import Role

    for role in (
        Role.HOTLINE_OPERATOR,
        Role.FIRST_RESPONDER,
        Role.ANALYST,
        Role.ADMINISTRATOR,
        Role.TRACING_OFFICER,
    ):
        with pytest.raises(NotFound):
            services.case_update_facts(
                actor=cast[role],
                case_id=case.pk,
                expected_version=case.version,
                changes={"smuggled": True},
            )


def test_future_dates_are_refused(case, caseworker):
    with pytest.raises(ValidationFailed) as error:
        services.detention_record(
            actor=caseworker,
            case_id=case.pk,
            kind="arrest",
            started_on=date.today() + timedelta(days=5),
        )
    assert "started_on" in error.value.extra["errors"]


def test_assistance_is_owed_once_referred_and_met_when_delivered(case, caseworker):
    assert obligations(case)["assistance:secure-accommodation"].status == "not-applicable"
    case = services.case_submit_for_identification(
        actor=caseworker, case_id=case.pk, expected_version=case.version
    )
    assert obligations(case)["assistance:secure-accommodation"].status == "due"
    services.assistance_record(
        actor=caseworker,
        case_id=case.pk,
        item="secure-accommodation",
        delivered_on=timezone.localdate(),
    )
    found = obligations(case)
    assert found["assistance:secure-accommodation"].status == "met"
