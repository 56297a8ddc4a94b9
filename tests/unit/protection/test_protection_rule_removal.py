"""removal-stay and recovery-reflection-period: scenarios (IPU-118 op.16, op.19, op.21;
CoE art. 10(2), 13)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from haven.protection.domain import ObligationStatus, evaluate, load_policy, removal_allowed
from haven.protection.domain.facts import (
    Decision,
    DecisionOutcome,
    Exploitation,
    Identification,
    Removal,
)
from haven.protection.domain.rules import removal
from tests.unit.protection.protection_builders import (
    adult_victim,
    by_id,
    english,
    english_all,
    obligation,
    policy,
    with_reasonable_grounds,
)

REFERRED = date(2025, 3, 3)
DECIDED = date(2025, 3, 5)


def _referred_only():
    return adult_victim(identification=Identification(referred_on=REFERRED))


# --- removal-stay --------------------------------------------------------------------------------


def test_given_a_pending_referral_then_no_removal_until_the_decision():
    facts = _referred_only()

    stay = obligation(facts, "removal-stay", date(2025, 6, 1))
    check = removal_allowed(facts, policy(), date(2025, 6, 1))

    assert stay.status is ObligationStatus.DUE
    assert english(stay.explanation) == removal.STAY_REFERRAL_PENDING_TEXT
    assert stay.period.starts_on == REFERRED and stay.period.ends_on is None
    assert not check.allowed
    assert [reason.rule_id for reason in check.reasons if reason.blocking] == ["removal-stay"]


def test_given_reasonable_grounds_then_no_removal_until_conclusive_decision_even_after_period():
    facts = with_reasonable_grounds(adult_victim(), DECIDED)
    long_after = DECIDED + timedelta(days=200)

    stay = obligation(facts, "removal-stay", long_after)
    allowed, reasons = removal_allowed(facts, policy(), long_after)

    assert stay.status is ObligationStatus.DUE
    assert english(stay.period.ends_with) == "the conclusive-grounds decision"
    assert english(stay.explanation) == removal.STAY_IDENTIFICATION_PENDING_TEXT.format(
        decided_on=DECIDED, period_end=DECIDED + timedelta(days=30)
    )
    assert not allowed
    assert {str(citation) for citation in reasons[0].citations} == {
        "IPU-118 op.19",
        "IPU-118 op.16",
    }


def test_given_a_quick_conclusive_decision_then_the_recovery_period_still_bars_removal():
    conclusive = Decision(DecisionOutcome.NEGATIVE, DECIDED + timedelta(days=10))
    facts = with_reasonable_grounds(adult_victim(), DECIDED, conclusive=conclusive)
    last_day = DECIDED + timedelta(days=30)

    blocked = removal_allowed(facts, policy(), last_day)
    free = removal_allowed(facts, policy(), last_day + timedelta(days=1))

    assert not blocked.allowed
    assert {reason.rule_id for reason in blocked.reasons if reason.blocking} == {
        "removal-stay",
        "recovery-reflection-period",
    }
    assert free.allowed
    assert obligation(facts, "removal-stay", last_day + timedelta(days=1)).status is (
        ObligationStatus.MET
    )


def test_given_a_positive_conclusive_decision_after_the_period_then_stay_ends_that_day():
    concluded_on = DECIDED + timedelta(days=90)
    conclusive = Decision(DecisionOutcome.POSITIVE, concluded_on)
    facts = with_reasonable_grounds(adult_victim(), DECIDED, conclusive=conclusive)

    stay = obligation(facts, "removal-stay", concluded_on)

    assert stay.status is ObligationStatus.DUE
    assert stay.period.ends_on == concluded_on and stay.period.ends_with is None
    assert removal_allowed(facts, policy(), concluded_on + timedelta(days=1)).allowed


def test_given_a_negative_reasonable_grounds_decision_then_no_stay():
    facts = with_reasonable_grounds(adult_victim(), DECIDED, outcome=DecisionOutcome.NEGATIVE)

    stay = obligation(facts, "removal-stay", DECIDED)

    assert stay.status is ObligationStatus.NOT_APPLICABLE
    assert english(stay.explanation) == removal.STAY_NEGATIVE_TEXT.format(decided_on=DECIDED)
    assert removal_allowed(facts, policy(), DECIDED).allowed


def test_given_indicators_but_no_referral_then_a_reminder_to_refer_and_no_bar():
    facts = adult_victim()

    stay = obligation(facts, "removal-stay", date(2025, 3, 10))

    assert stay.status is ObligationStatus.NOT_APPLICABLE
    assert english_all(stay.warnings) == (removal.REFER_REMINDER,)
    assert removal_allowed(facts, policy(), date(2025, 3, 10)).allowed


def test_given_no_sign_of_exploitation_then_no_reminder():
    facts = adult_victim(exploitation=Exploitation())

    assert english_all(obligation(facts, "removal-stay", date(2025, 3, 10)).warnings) == ()


def test_a_planned_removal_inside_the_stay_is_flagged():
    facts = replace(
        with_reasonable_grounds(adult_victim(), DECIDED),
        removal=Removal(planned_on=DECIDED + timedelta(days=7)),
    )

    stay = obligation(facts, "removal-stay", DECIDED)

    assert english_all(stay.warnings) == (
        removal.PLANNED_REMOVAL_DURING_STAY_WARNING.format(planned_on=DECIDED + timedelta(days=7)),
    )


def test_a_decision_dated_after_the_evaluation_date_has_not_happened_yet():
    facts = with_reasonable_grounds(adult_victim(), DECIDED)

    before = obligation(facts, "removal-stay", DECIDED - timedelta(days=1))

    assert english(before.explanation) == removal.STAY_REFERRAL_PENDING_TEXT


# --- recovery-reflection-period ------------------------------------------------------------------


def test_international_recovery_period_is_30_days_from_the_decision():
    facts = with_reasonable_grounds(adult_victim(), DECIDED)

    period_obligation = obligation(facts, "recovery-reflection-period", DECIDED)

    assert period_obligation.status is ObligationStatus.DUE
    assert period_obligation.period.starts_on == DECIDED
    assert period_obligation.period.ends_on == DECIDED + timedelta(days=30)
    assert period_obligation.period.ends_with is None
    assert [c.describe() for c in period_obligation.citations][0] == (
        "IPU-118 op.21 (Council of Europe Convention on Action against Trafficking in Human "
        "Beings art. 13(1))"
    )


def test_recovery_period_is_met_once_it_has_run():
    facts = with_reasonable_grounds(adult_victim(), DECIDED)

    ended = obligation(facts, "recovery-reflection-period", DECIDED + timedelta(days=31))

    assert ended.status is ObligationStatus.MET
    assert english(ended.explanation) == removal.PERIOD_ENDED_TEXT.format(
        starts_on=DECIDED, ends_on=DECIDED + timedelta(days=30)
    )


def test_recovery_period_does_not_start_without_reasonable_grounds():
    pending = obligation(_referred_only(), "recovery-reflection-period", DECIDED)
    negative = obligation(
        with_reasonable_grounds(adult_victim(), DECIDED, DecisionOutcome.NEGATIVE),
        "recovery-reflection-period",
        DECIDED,
    )

    assert pending.status is ObligationStatus.NOT_APPLICABLE
    assert english(pending.explanation) == removal.PERIOD_NOT_STARTED_TEXT
    assert english(negative.explanation) == removal.PERIOD_NEGATIVE_TEXT.format(decided_on=DECIDED)


def test_uk_style_policy_uses_the_length_in_force_on_the_decision_date():
    before_change = date(2022, 11, 1)
    after_change = date(2023, 1, 10)

    old = obligation(
        with_reasonable_grounds(adult_victim(), before_change),
        "recovery-reflection-period",
        before_change,
        "example-uk",
    )
    new = obligation(
        with_reasonable_grounds(adult_victim(), after_change),
        "recovery-reflection-period",
        after_change,
        "example-uk",
    )

    assert old.period.ends_on == before_change + timedelta(days=45)
    assert new.period.ends_on == after_change + timedelta(days=30)
    # this jurisdiction keeps the period open until the conclusive decision
    assert english(new.period.ends_with) == "the conclusive-grounds decision"
    assert "45 days" in old.policy_basis[0] and "30 days rather than 45" in new.policy_basis[0]


def test_germany_style_three_months_is_counted_in_calendar_months():
    facts = with_reasonable_grounds(adult_victim(), date(2025, 1, 31))

    period_obligation = obligation(
        facts, "recovery-reflection-period", date(2025, 2, 1), "example-de"
    )

    assert period_obligation.period.ends_on == date(2025, 4, 30)
    assert "3 months" in english(period_obligation.explanation)


def test_a_longer_policy_period_is_counted_in_full():
    policy_31 = load_policy(
        {
            "name": "thirty-one",
            "title": "31 days",
            "settings": {"recovery_reflection_period": {"value": {"days": 31}, "source": "t"}},
        }
    )
    facts = with_reasonable_grounds(adult_victim(), date(2025, 2, 1))

    found = by_id(evaluate(facts, policy_31, date(2025, 2, 1)))

    assert found["recovery-reflection-period"].period.ends_on == date(2025, 3, 4)
