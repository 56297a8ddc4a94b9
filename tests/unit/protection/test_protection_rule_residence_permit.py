"""residence-permit: scenarios (IPU-118 op.16, op.21; IPU-145 op.17; CoE art. 14)."""

from __future__ import annotations

from datetime import date, timedelta

from haven.protection.domain import ObligationStatus
from haven.protection.domain.facts import (
    Decision,
    DecisionOutcome,
    Person,
    ResidencePermit,
    ResidencePermitDecision,
)
from haven.protection.domain.rules import residence_permit
from tests.unit.protection.protection_builders import (
    ADULT_BIRTH_DATE,
    adult_victim,
    english,
    english_all,
    obligation,
    with_reasonable_grounds,
)

DECIDED = date(2025, 3, 5)
PERIOD_END = DECIDED + timedelta(days=30)


def test_given_reasonable_grounds_then_a_permit_is_considered_by_the_end_of_the_period():
    facts = with_reasonable_grounds(adult_victim(), DECIDED)

    permit = obligation(facts, "residence-permit", DECIDED)

    assert permit.status is ObligationStatus.DUE
    assert permit.due_on == PERIOD_END
    assert english(permit.explanation) == residence_permit.CONSIDER_TEXT.format(due_on=PERIOD_END)
    assert [str(c) for c in permit.citations] == ["IPU-118 op.21", "IPU-118 op.16", "IPU-145 op.17"]
    assert {c.article for c in permit.citations} == {"art. 14(1)"}


def test_an_undecided_permit_is_overdue_after_the_period():
    facts = with_reasonable_grounds(adult_victim(), DECIDED)

    assert obligation(facts, "residence-permit", PERIOD_END + timedelta(days=1)).status is (
        ObligationStatus.OVERDUE
    )


def test_a_decision_either_way_meets_the_obligation_to_consider():
    for decision in (ResidencePermitDecision.GRANTED, ResidencePermitDecision.REFUSED):
        facts = adult_victim(
            residence_permit=ResidencePermit(decision, DECIDED + timedelta(days=20))
        )
        facts = with_reasonable_grounds(facts, DECIDED)

        permit = obligation(facts, "residence-permit", PERIOD_END)

        assert permit.status is ObligationStatus.MET
        assert decision.value in english(permit.explanation)


def test_asylum_is_not_replaced_by_the_permit():
    facts = with_reasonable_grounds(
        adult_victim(person=Person(("ER",), birth_date=ADULT_BIRTH_DATE, asylum_sought=True)),
        DECIDED,
    )

    assert english_all(obligation(facts, "residence-permit", DECIDED).warnings) == (
        residence_permit.ASYLUM_WARNING,
    )


def test_a_child_permit_is_decided_in_the_childs_best_interests():
    facts = with_reasonable_grounds(
        adult_victim(person=Person(("ER",), birth_date=date(2010, 1, 1))), DECIDED
    )

    permit = obligation(facts, "residence-permit", DECIDED)

    assert english(permit.explanation).endswith(residence_permit.CHILD_TEXT)
    assert "art. 14(2)" in {c.article for c in permit.citations}


def test_no_permit_for_a_national_without_grounds_or_after_a_negative_conclusion():
    national = with_reasonable_grounds(
        adult_victim(person=Person(("GB",), birth_date=ADULT_BIRTH_DATE)), DECIDED
    )
    no_grounds = adult_victim()
    negative = with_reasonable_grounds(
        adult_victim(), DECIDED, conclusive=Decision(DecisionOutcome.NEGATIVE, DECIDED)
    )

    assert english(obligation(national, "residence-permit", DECIDED).explanation) == (
        residence_permit.NATIONAL_TEXT
    )
    assert english(obligation(no_grounds, "residence-permit", DECIDED).explanation) == (
        residence_permit.NO_GROUNDS_TEXT
    )
    assert english(obligation(negative, "residence-permit", DECIDED).explanation) == (
        residence_permit.NEGATIVE_TEXT
    )
