"""voluntary-return: scenarios (IPU-118 op.11, op.17, op.19; IOM-IDM-2009 §13, §15;
CoE art. 16)."""

from __future__ import annotations

from datetime import date

from haven.protection.domain import ObligationStatus, removal_allowed
from haven.protection.domain.facts import (
    ChildMeasures,
    Exploitation,
    Person,
    Removal,
    VoluntaryReturn,
)
from haven.protection.domain.rules import voluntary_return
from tests.unit.protection.protection_builders import (
    ADULT_BIRTH_DATE,
    adult_victim,
    english,
    english_all,
    obligation,
    policy,
)

PLANNED = date(2025, 5, 1)
ON = date(2025, 4, 1)
SAFEGUARDS_IN_PLACE = VoluntaryReturn(
    requested_by_person=True,
    planned_on=PLANNED,
    voluntary=True,
    risk_assessment_completed_on=date(2025, 3, 20),
    consular_access_offered_on=date(2025, 3, 21),
    reintegration_support_arranged_on=date(2025, 3, 22),
)


def test_a_requested_return_lists_every_missing_safeguard():
    facts = adult_victim(voluntary_return=VoluntaryReturn(requested_by_person=True))

    ret = obligation(facts, "voluntary-return", ON)

    assert ret.status is ObligationStatus.DUE
    assert english(ret.explanation) == voluntary_return.RETURN_TEXT.format(
        missing="; ".join(
            [
                voluntary_return.MISSING_CONSENT,
                voluntary_return.MISSING_RISK,
                voluntary_return.MISSING_CONSULAR,
                voluntary_return.MISSING_REINTEGRATION,
            ]
        )
    )
    assert {str(c) for c in ret.citations} == {
        "IPU-118 op.17",
        "IPU-118 op.19",
        "IPU-118 op.11",
        "IOM-IDM-2009 §13",
        "IOM-IDM-2009 §15",
    }


def test_with_every_safeguard_in_place_the_return_is_met():
    ret = obligation(adult_victim(voluntary_return=SAFEGUARDS_IN_PLACE), "voluntary-return", ON)

    assert ret.status is ObligationStatus.MET
    assert ret.due_on == PLANNED


def test_a_child_also_needs_a_best_interests_assessment():
    child = Person(("AL",), birth_date=date(2010, 1, 1))
    missing = obligation(
        adult_victim(person=child, voluntary_return=SAFEGUARDS_IN_PLACE), "voluntary-return", ON
    )
    complete = obligation(
        adult_victim(
            person=child,
            voluntary_return=SAFEGUARDS_IN_PLACE,
            child_measures=ChildMeasures(best_interests_assessed_on=date(2025, 3, 25)),
        ),
        "voluntary-return",
        ON,
    )

    assert voluntary_return.MISSING_BEST_INTERESTS in english(missing.explanation)
    assert voluntary_return.CHILD_RISK_WARNING in english_all(missing.warnings)
    assert "art. 16(7)" in {c.article for c in missing.citations}
    assert complete.status is ObligationStatus.MET


def test_an_enforced_removal_of_a_possible_victim_is_reminded_to_be_voluntary():
    facts = adult_victim(removal=Removal(planned_on=PLANNED))

    ret = obligation(facts, "voluntary-return", ON)
    allowed, reasons = removal_allowed(facts, policy(), PLANNED)

    assert english_all(ret.warnings)[0] == voluntary_return.ENFORCED_REMOVAL_WARNING.format(
        planned_on=PLANNED
    )
    # no identification under way: the engine does not bar the removal, it reminds
    assert allowed
    assert [(r.obligation_id, r.blocking) for r in reasons] == [("voluntary-return", False)]


def test_overdue_when_the_planned_date_passes_without_the_safeguards():
    facts = adult_victim(voluntary_return=VoluntaryReturn(planned_on=PLANNED, voluntary=False))

    ret = obligation(facts, "voluntary-return", date(2025, 5, 2))

    assert ret.status is ObligationStatus.OVERDUE
    assert voluntary_return.REFUSED_WARNING in english_all(ret.warnings)


def test_consular_caution_for_an_asylum_seeker():
    person = Person(("ER",), birth_date=ADULT_BIRTH_DATE, asylum_sought=True)
    facts = adult_victim(person=person, voluntary_return=VoluntaryReturn(requested_by_person=True))

    assert voluntary_return.CONSULAR_CAUTION_WARNING in english_all(
        obligation(facts, "voluntary-return", ON).warnings
    )


def test_not_applicable_without_a_return_or_for_someone_not_a_possible_victim():
    nothing_planned = obligation(adult_victim(), "voluntary-return", ON)
    not_victim = obligation(
        adult_victim(exploitation=Exploitation(), removal=Removal(planned_on=PLANNED)),
        "voluntary-return",
        ON,
    )

    assert english(nothing_planned.explanation) == voluntary_return.NO_RETURN_TEXT
    assert english(not_victim.explanation) == voluntary_return.NOT_VICTIM_TEXT
