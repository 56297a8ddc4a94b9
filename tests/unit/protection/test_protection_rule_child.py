"""child-presumption: scenarios (IPU-118 op.19; CoE art. 10(3), 10(4); Palermo art. 3(c))."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from haven.protection.domain import ObligationStatus, evaluate, load_policy
from haven.protection.domain.age import AgeBasis, child_status, could_have_been_child_on
from haven.protection.domain.facts import (
    AgeAssessment,
    AgeAssessmentOutcome,
    AgeEstimate,
    ChildMeasures,
    Exploitation,
    Person,
    Removal,
)
from haven.protection.domain.rules import child
from tests.unit.protection.protection_builders import (
    OPENED,
    adult_victim,
    by_id,
    english,
    english_all,
    obligation,
    policy,
)

ON = date(2025, 3, 10)


def _person(**fields) -> Person:
    return Person(nationalities=("VN",), **fields)


def test_given_an_estimate_spanning_18_when_evaluated_then_presumed_a_child():
    facts = adult_victim(person=_person(age_estimate=AgeEstimate(16, 19, OPENED)))

    presumption = obligation(facts, "child-presumption", ON)

    assert presumption.status is ObligationStatus.DUE
    assert english(presumption.explanation) == child.PRESUMED_CHILD_TEXT.format(threshold=18)
    assert english(presumption.period.ends_with) == "an age assessment concludes otherwise"
    assert [str(c) for c in presumption.citations] == ["IPU-118 op.19"]
    assert presumption.citations[0].article == "art. 10(3)"


def test_given_no_age_information_when_evaluated_then_presumed_a_child():
    facts = adult_victim(person=_person())

    presumption = obligation(facts, "child-presumption", ON)

    assert presumption.status is ObligationStatus.DUE
    assert english(presumption.explanation) == child.PRESUMED_CHILD_UNKNOWN_AGE_TEXT


def test_given_a_pending_age_assessment_then_the_presumption_holds_with_a_note():
    facts = adult_victim(
        person=_person(age_estimate=AgeEstimate(16, 19, OPENED), age_assessment=AgeAssessment())
    )

    presumption = obligation(facts, "child-presumption", ON)

    assert presumption.status is ObligationStatus.DUE
    assert english_all(presumption.warnings) == (child.ASSESSMENT_PENDING_WARNING,)


def test_given_an_assessment_concluding_adult_then_the_presumption_ends_that_day():
    assessed = AgeAssessment(AgeAssessmentOutcome.ADULT, concluded_on=date(2025, 3, 20))
    facts = adult_victim(
        person=_person(age_estimate=AgeEstimate(16, 19, OPENED), age_assessment=assessed)
    )

    before = obligation(facts, "child-presumption", date(2025, 3, 19))
    after = obligation(facts, "child-presumption", date(2025, 3, 20))

    assert before.status is ObligationStatus.DUE
    assert after.status is ObligationStatus.NOT_APPLICABLE
    assert obligation(facts, "child-presumption:guardian", date(2025, 3, 20)).status is (
        ObligationStatus.NOT_APPLICABLE
    )


def test_given_an_estimate_entirely_over_18_then_no_presumption():
    facts = adult_victim(person=_person(age_estimate=AgeEstimate(25, 30, OPENED)))

    presumption = obligation(facts, "child-presumption", ON)

    assert presumption.status is ObligationStatus.NOT_APPLICABLE
    assert english(presumption.explanation) == child.ADULT_BY_ESTIMATE_TEXT.format(threshold=18)


def test_an_estimate_ages_with_time():
    person = _person(age_estimate=AgeEstimate(16, 17, date(2023, 1, 1)))

    assert child_status(person, 18, date(2024, 12, 31)).treated_as_child
    assert not child_status(person, 18, date(2025, 1, 1)).treated_as_child


def test_a_disputed_birth_date_making_the_person_a_child_outweighs_an_adult_estimate():
    person = _person(
        birth_date=date(2009, 1, 1),
        birth_date_disputed=True,
        age_estimate=AgeEstimate(19, 22, OPENED),
    )

    status = child_status(person, 18, ON)

    assert status.treated_as_child and status.presumed


def test_given_an_accepted_birth_date_of_a_child_then_child_protections_without_presumption():
    facts = adult_victim(person=_person(birth_date=date(2010, 5, 1)))

    found = by_id(evaluate(facts, policy(), ON))

    assert found["child-presumption"].status is ObligationStatus.NOT_APPLICABLE
    assert english(found["child-presumption"].explanation) == child.KNOWN_CHILD_TEXT.format(
        basis="from an accepted birth date"
    )
    assert found["child-presumption:guardian"].status is ObligationStatus.DUE
    assert found["child-presumption:best-interests"].status is ObligationStatus.DUE
    assert found["assistance:education-for-children"].status is ObligationStatus.DUE
    assert found["child-presumption:no-means-element"].status is ObligationStatus.DUE


def test_a_child_born_on_29_february_becomes_an_adult_on_1_march():
    person = _person(birth_date=date(2008, 2, 29))

    the_day_before = child_status(person, 18, date(2026, 2, 28))
    the_day = child_status(person, 18, date(2026, 3, 1))

    assert the_day_before.treated_as_child and the_day_before.adult_on == date(2026, 3, 1)
    assert the_day.basis is AgeBasis.BIRTH_DATE and not the_day.treated_as_child


def test_given_an_adult_then_child_obligations_do_not_apply():
    found = by_id(evaluate(adult_victim(), policy(), ON))

    for obligation_id in (
        "child-presumption",
        "child-presumption:guardian",
        "child-presumption:best-interests",
        "child-presumption:no-means-element",
        "assistance:education-for-children",
    ):
        assert found[obligation_id].status is ObligationStatus.NOT_APPLICABLE, obligation_id


def test_guardian_and_best_interests_are_met_once_recorded():
    facts = adult_victim(
        person=_person(birth_date=date(2010, 5, 1)),
        child_measures=ChildMeasures(
            guardian_appointed_on=date(2025, 3, 3), best_interests_assessed_on=date(2025, 3, 4)
        ),
    )

    assert obligation(facts, "child-presumption:guardian", ON).status is ObligationStatus.MET
    assert obligation(facts, "child-presumption:best-interests", ON).status is ObligationStatus.MET
    # recorded later than the evaluation date: not yet done on that date
    assert obligation(facts, "child-presumption:guardian", date(2025, 3, 2)).status is (
        ObligationStatus.DUE
    )


def test_best_interests_are_due_before_a_planned_return_and_overdue_after():
    facts = adult_victim(
        person=_person(birth_date=date(2010, 5, 1)), removal=Removal(planned_on=date(2025, 4, 1))
    )

    due = obligation(facts, "child-presumption:best-interests", date(2025, 4, 1))
    overdue = obligation(facts, "child-presumption:best-interests", date(2025, 4, 2))

    assert due.status is ObligationStatus.DUE and due.due_on == date(2025, 4, 1)
    assert overdue.status is ObligationStatus.OVERDUE


def test_a_jurisdiction_deadline_for_the_guardian_makes_it_overdue():
    policy = load_policy(
        {
            "name": "guardian-deadline",
            "title": "Test policy with a guardian deadline",
            "settings": {
                "child_guardian_appointment_within_days": {"value": 3, "source": "test note"}
            },
        }
    )
    facts = adult_victim(person=_person(birth_date=date(2010, 5, 1)))

    found = by_id(evaluate(facts, policy, date(2025, 3, 5)))

    guardian = found["child-presumption:guardian"]
    assert guardian.status is ObligationStatus.OVERDUE
    assert guardian.due_on == date(2025, 3, 4)
    assert guardian.policy_basis == (
        "guardian-deadline: child_guardian_appointment_within_days — test note",
    )


def test_no_means_applies_to_an_adult_who_was_a_child_when_exploitation_began():
    facts = adult_victim(
        person=_person(birth_date=date(2005, 1, 1)),
        exploitation=Exploitation(indicators=("isolation",), began_on=date(2021, 6, 1)),
    )

    no_means = obligation(facts, "child-presumption:no-means-element", ON)

    assert no_means.status is ObligationStatus.DUE
    assert english(no_means.explanation) == child.NO_MEANS_TEXT
    assert no_means.citations[0].instrument.startswith("Protocol to Prevent, Suppress")
    assert no_means.citations[0].article == "art. 3(c)"


def test_could_have_been_a_child_from_an_estimate_counts_a_partial_year():
    person = _person(age_estimate=AgeEstimate(20, 24, date(2025, 3, 1)))

    assert could_have_been_child_on(person, 18, date(2022, 6, 1), ON)
    assert not could_have_been_child_on(person, 18, date(2024, 6, 1), ON)


def test_no_means_does_not_apply_without_any_sign_of_exploitation():
    facts = replace(
        adult_victim(person=_person(birth_date=date(2010, 5, 1))), exploitation=Exploitation()
    )

    no_means = obligation(facts, "child-presumption:no-means-element", ON)

    assert no_means.status is ObligationStatus.NOT_APPLICABLE
    assert english(no_means.explanation) == child.NO_EXPLOITATION_TEXT
