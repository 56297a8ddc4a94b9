"""consular-rights-information and consular-notification: scenarios (IPU-118 op.38;
OAS-2007 op.2; VCCR art. 36(1)(b), (c))."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from haven.protection.domain import ObligationStatus, evaluate
from haven.protection.domain.facts import DeprivationOfLiberty, Detention, Person
from haven.protection.domain.rules import consular
from tests.unit.protection.protection_builders import (
    ADULT_BIRTH_DATE,
    adult_victim,
    by_id,
    english,
    english_all,
    obligation,
    policy,
)

ARRESTED = date(2025, 3, 4)


def _arrested(**detention_fields) -> Detention:
    return Detention("d1", DeprivationOfLiberty.ARREST, ARRESTED, **detention_fields)


def _detained_foreigner(person: Person | None = None, **detention_fields):
    facts = adult_victim(detentions=(_arrested(**detention_fields),))
    return replace(facts, person=person) if person else facts


def test_a_detained_foreign_national_is_told_of_consular_rights_the_same_day():
    facts = _detained_foreigner()

    same_day = obligation(facts, "consular-rights-information:d1", ARRESTED)
    next_day = obligation(facts, "consular-rights-information:d1", date(2025, 3, 5))

    assert same_day.status is ObligationStatus.DUE and same_day.due_on == ARRESTED
    assert english(same_day.explanation) == consular.INFORM_TEXT.format(
        kind="arrest", started_on=ARRESTED
    )
    assert next_day.status is ObligationStatus.OVERDUE
    assert [c.describe() for c in same_day.citations] == [
        "IPU-118 op.38 (Vienna Convention on Consular Relations art. 36(1)(b))",
        "OAS-2007 op.2 (Vienna Convention on Consular Relations art. 36(1)(b))",
    ]


def test_informing_the_person_meets_the_obligation():
    facts = _detained_foreigner(consular_rights_informed_on=ARRESTED)

    assert obligation(facts, "consular-rights-information:d1", date(2025, 3, 9)).status is (
        ObligationStatus.MET
    )


def test_no_consular_rights_for_a_national_a_stateless_person_or_without_detention():
    national = _detained_foreigner(Person(("GB",), birth_date=ADULT_BIRTH_DATE))
    stateless = _detained_foreigner(Person((), stateless=True, birth_date=ADULT_BIRTH_DATE))
    free = adult_victim()

    assert english(obligation(national, "consular-rights-information", ARRESTED).explanation) == (
        consular.NATIONAL_TEXT
    )
    assert english(obligation(stateless, "consular-rights-information", ARRESTED).explanation) == (
        consular.STATELESS_TEXT
    )
    assert english(obligation(free, "consular-rights-information", ARRESTED).explanation) == (
        consular.NOT_DETAINED_TEXT
    )
    assert obligation(free, "consular-notification", ARRESTED).status is (
        ObligationStatus.NOT_APPLICABLE
    )


def test_unknown_nationality_counts_as_foreign():
    facts = _detained_foreigner(Person((), birth_date=ADULT_BIRTH_DATE))

    assert obligation(facts, "consular-rights-information:d1", ARRESTED).status is (
        ObligationStatus.DUE
    )


def test_the_consulate_is_never_told_automatically():
    facts = _detained_foreigner()

    notification = obligation(facts, "consular-notification:d1", ARRESTED)

    assert notification.status is ObligationStatus.NOT_APPLICABLE
    assert english(notification.explanation) == consular.ONLY_ON_REQUEST_TEXT
    assert notification.policy_basis[0].startswith(
        "international: consular_notification_only_on_request"
    )


def test_on_request_the_consulate_is_told_without_delay():
    facts = _detained_foreigner(consular_notification_requested_on=ARRESTED)

    due = obligation(facts, "consular-notification:d1", ARRESTED)
    late = obligation(facts, "consular-notification:d1", date(2025, 3, 5))
    done = obligation(
        _detained_foreigner(
            consular_notification_requested_on=ARRESTED, consulate_notified_on=ARRESTED
        ),
        "consular-notification:d1",
        date(2025, 3, 5),
    )

    assert due.status is ObligationStatus.DUE and due.due_on == ARRESTED
    assert late.status is ObligationStatus.OVERDUE
    assert done.status is ObligationStatus.MET


def test_warning_where_the_person_sought_asylum_or_fears_their_state():
    asylum = Person(("ER",), birth_date=ADULT_BIRTH_DATE, asylum_sought=True)
    fear = Person(("ER",), birth_date=ADULT_BIRTH_DATE, fears_own_state=True)

    both = Person(("ER",), birth_date=ADULT_BIRTH_DATE, asylum_sought=True, fears_own_state=True)

    for person, warning in (
        (asylum, consular.DANGER_ASYLUM_WARNING),
        (fear, consular.DANGER_FEAR_WARNING),
        (both, consular.DANGER_ASYLUM_AND_FEAR_WARNING),
    ):
        for requested in (None, ARRESTED):
            facts = _detained_foreigner(person, consular_notification_requested_on=requested)
            notification = obligation(facts, "consular-notification:d1", ARRESTED)
            assert english_all(notification.warnings) == (warning,)
            assert "IPU-118 op.16" in {str(c) for c in notification.citations}


def test_a_refusal_of_consular_action_is_respected():
    facts = _detained_foreigner(opposes_consular_action=True)

    notification = obligation(facts, "consular-notification:d1", ARRESTED)

    assert consular.OPPOSES_WARNING in english_all(notification.warnings)
    assert "art. 36(1)(c)" in {c.article for c in notification.citations}


def test_each_detention_gets_its_own_obligations_and_future_ones_are_ignored():
    later = Detention("d2", DeprivationOfLiberty.DETENTION, date(2025, 4, 1))
    facts = adult_victim(detentions=(_arrested(), later))

    now = by_id(evaluate(facts, policy(), ARRESTED))
    then = by_id(evaluate(facts, policy(), date(2025, 4, 1)))

    assert "consular-rights-information:d2" not in now
    assert then["consular-rights-information:d2"].status is ObligationStatus.DUE
    assert then["consular-rights-information:d1"].status is ObligationStatus.OVERDUE
