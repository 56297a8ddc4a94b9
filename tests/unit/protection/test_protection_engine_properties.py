"""Properties of the engine that must hold for every case, policy and date."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from haven.kernel.i18n import english
from haven.protection.domain import (
    CaseFacts,
    ObligationStatus,
    PolicyBelowMinimum,
    bundled_policy,
    bundled_policy_names,
    evaluate,
    load_policy,
    removal_allowed,
)
from haven.protection.domain.age import full_years_between
from haven.protection.domain.facts import DecisionOutcome
from haven.protection.domain.policy import INTERNATIONAL_RECOVERY_PERIOD_DAYS
from haven.protection.domain.rules import RULE_BY_ID
from tests.unit.protection.protection_builders import case_facts, days

policy_names = st.sampled_from(bundled_policy_names())
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)


def _positive_reasonable_grounds_on(facts: CaseFacts, on: date) -> date | None:
    decision = facts.identification.reasonable_grounds
    if (
        decision is not None
        and decision.outcome is DecisionOutcome.POSITIVE
        and decision.decided_on is not None
        and decision.decided_on <= on
    ):
        return decision.decided_on
    return None


def _decided_by(decision, on: date) -> bool:
    return (
        decision is not None
        and decision.outcome is not DecisionOutcome.PENDING
        and decision.decided_on is not None
        and decision.decided_on <= on
    )


@PROPERTY_SETTINGS
@given(facts=case_facts(), policy_name=policy_names, on=days)
def test_every_obligation_cites_a_source_and_explains_itself(facts, policy_name, on):
    for obligation in evaluate(facts, bundled_policy(policy_name), on):
        assert obligation.citations, obligation.id
        assert all(str(citation).strip() for citation in obligation.citations)
        assert english(obligation.explanation).strip(), obligation.id
        assert english(obligation.title).strip(), obligation.id


@PROPERTY_SETTINGS
@given(facts=case_facts(), policy_name=policy_names, on=days)
def test_obligation_ids_are_unique_and_belong_to_a_rule(facts, policy_name, on):
    obligations = evaluate(facts, bundled_policy(policy_name), on)
    ids = [obligation.id for obligation in obligations]
    assert len(ids) == len(set(ids))
    for obligation in obligations:
        assert obligation.rule_id in RULE_BY_ID
        assert obligation.id == obligation.rule_id or obligation.id.startswith(
            f"{obligation.rule_id}:"
        )
    # every rule says something, even if only why it does not apply
    assert {obligation.rule_id for obligation in obligations} == set(RULE_BY_ID)


@PROPERTY_SETTINGS
@given(facts=case_facts(), policy_name=policy_names, on=days)
def test_evaluation_is_deterministic(facts, policy_name, on):
    policy = bundled_policy(policy_name)
    assert evaluate(facts, policy, on) == evaluate(facts, policy, on)


@PROPERTY_SETTINGS
@given(facts=case_facts(), policy_name=policy_names, on=days)
def test_overdue_only_after_a_due_date(facts, policy_name, on):
    for obligation in evaluate(facts, bundled_policy(policy_name), on):
        if obligation.status is ObligationStatus.OVERDUE:
            assert obligation.due_on is not None and on > obligation.due_on, obligation.id


@PROPERTY_SETTINGS
@given(facts=case_facts(), policy_name=policy_names, on=days)
def test_recovery_period_never_shorter_than_the_policy_or_the_international_minimum(
    facts, policy_name, on
):
    policy = bundled_policy(policy_name)
    decided_on = _positive_reasonable_grounds_on(facts, on)
    recovery = {o.id: o for o in evaluate(facts, policy, on)}["recovery-reflection-period"]
    if decided_on is None:
        assert recovery.status is ObligationStatus.NOT_APPLICABLE
        return
    period = recovery.period
    assert period is not None and period.starts_on == decided_on
    assert period.ends_on is not None
    policy_length = policy.settings_on(decided_on).recovery_reflection_period
    assert period.length_in_days >= INTERNATIONAL_RECOVERY_PERIOD_DAYS
    assert period.length_in_days >= policy_length.shortest_in_days()
    assert period.ends_on >= policy_length.end_from(decided_on)


@PROPERTY_SETTINGS
@given(facts=case_facts(), policy_name=policy_names, on=days)
def test_removal_never_allowed_while_identification_pending_or_during_recovery(
    facts, policy_name, on
):
    policy = bundled_policy(policy_name)
    identification = facts.identification
    referred = (
        identification.referred_on is not None and identification.referred_on <= on
    ) or identification.reasonable_grounds is not None
    reasonable_decided = _decided_by(identification.reasonable_grounds, on)
    positive_on = _positive_reasonable_grounds_on(facts, on)
    awaiting_reasonable_grounds = referred and not reasonable_decided
    awaiting_conclusive = positive_on is not None and not _decided_by(
        identification.conclusive_grounds, on
    )
    in_recovery_period = positive_on is not None and on <= positive_on + timedelta(
        days=max(
            INTERNATIONAL_RECOVERY_PERIOD_DAYS,
            policy.settings_on(positive_on).recovery_reflection_period.shortest_in_days(),
        )
    )

    allowed, reasons = removal_allowed(facts, policy, on)

    if awaiting_reasonable_grounds or awaiting_conclusive or in_recovery_period:
        assert not allowed
        assert any(reason.blocking for reason in reasons)
        assert all(reason.citations for reason in reasons)


@PROPERTY_SETTINGS
@given(facts=case_facts(), policy_name=policy_names, on=days)
def test_a_possible_minor_is_always_treated_as_a_child(facts, policy_name, on):
    policy = bundled_policy(policy_name)
    person = facts.person
    threshold = policy.settings_on(on).child_age_threshold_years
    assessment = person.age_assessment
    age_established = (
        assessment is not None
        and assessment.outcome is not None
        and assessment.concluded_on is not None
        and assessment.concluded_on <= on
    ) or (person.birth_date is not None and not person.birth_date_disputed)
    if age_established:
        return
    estimate = person.age_estimate
    possible_minor = estimate is None or (
        estimate.min_years + max(0, full_years_between(estimate.estimated_on, on)) < threshold
    )
    if not possible_minor:
        return

    found = {o.id: o for o in evaluate(facts, policy, on)}
    assert found["child-presumption"].status is ObligationStatus.DUE
    assert found["child-presumption:guardian"].status is not ObligationStatus.NOT_APPLICABLE
    assert found["child-presumption:best-interests"].status is not (ObligationStatus.NOT_APPLICABLE)


@settings(max_examples=100, deadline=None)
@given(
    days_value=st.integers(1, 120),
    facts=case_facts(),
    on=days,
)
def test_a_policy_loads_only_at_or_above_the_minimum_and_then_governs(days_value, facts, on):
    data = {
        "name": "generated",
        "title": "Generated policy",
        "settings": {
            "recovery_reflection_period": {"value": {"days": days_value}, "source": "test"},
        },
    }
    if days_value < INTERNATIONAL_RECOVERY_PERIOD_DAYS:
        try:
            load_policy(data)
        except PolicyBelowMinimum as error:
            assert error.rule_ids == ("recovery-reflection-period",)
        else:
            raise AssertionError("a policy below the minimum was accepted")
        return
    policy = load_policy(data)
    decided_on = _positive_reasonable_grounds_on(facts, on)
    if decided_on is None:
        return
    recovery = {o.id: o for o in evaluate(facts, policy, on)}["recovery-reflection-period"]
    assert recovery.period.length_in_days >= days_value
