"""assistance: scenarios (IPU-118 op.20; IPU-145 op.17; CoE art. 12; IOM-IDM-2009 §7, §13)."""

from __future__ import annotations

from datetime import date, timedelta

from haven.protection.domain import ObligationStatus, evaluate
from haven.protection.domain.assistance_items import (
    ASSISTANCE_ITEM_BY_ID,
    INTERNATIONAL_ASSISTANCE_ITEMS,
)
from haven.protection.domain.facts import (
    Assistance,
    Charge,
    Decision,
    DecisionOutcome,
    Exploitation,
    Identification,
)
from haven.protection.domain.rules import assistance
from tests.unit.protection.protection_builders import (
    OPENED,
    adult_victim,
    by_id,
    english,
    obligation,
    policy,
    with_reasonable_grounds,
)

ON = date(2025, 3, 10)
ADULT_ITEMS = [
    item
    for item in INTERNATIONAL_ASSISTANCE_ITEMS
    if item not in ("education-for-children", "legal-assistance-in-proceedings")
]


def _assistance(facts, on=ON, policy_name="international"):
    return {
        o.id.removeprefix("assistance:"): o
        for o in evaluate(facts, policy(policy_name), on)
        if o.rule_id == "assistance"
    }


def test_given_indicators_and_no_decision_then_assistance_is_due_from_intake():
    found = _assistance(adult_victim())

    for item_id in ADULT_ITEMS:
        item = found[item_id]
        assert item.status is ObligationStatus.DUE, item_id
        assert item.period.starts_on == OPENED
        assert (
            english(item.explanation) == f"{english(ASSISTANCE_ITEM_BY_ID[item_id].explanation)} "
            f"{assistance.FROM_INTAKE_TEXT}"
        )
        references = {str(citation) for citation in item.citations}
        assert {"IOM-IDM-2009 §7", "IOM-IDM-2009 §13"} <= references


def test_secure_accommodation_cites_the_resolution_and_the_convention():
    item = _assistance(adult_victim())["secure-accommodation"]

    assert item.citations[0].describe() == (
        "IPU-118 op.20 (Council of Europe Convention on Action against Trafficking in Human "
        "Beings art. 12(1)(a))"
    )


def test_assistance_continues_after_a_negative_decision_for_an_exploited_migrant():
    conclusive = Decision(DecisionOutcome.NEGATIVE, date(2025, 5, 1))
    facts = with_reasonable_grounds(adult_victim(), date(2025, 3, 5), conclusive=conclusive)

    found = _assistance(facts, on=date(2025, 6, 1))

    assert found["secure-accommodation"].status is ObligationStatus.DUE


def test_given_a_referral_without_indicators_then_assistance_is_still_due():
    facts = adult_victim(
        exploitation=Exploitation(), identification=Identification(referred_on=OPENED)
    )

    assert _assistance(facts)["emergency-medical-care"].status is ObligationStatus.DUE


def test_given_no_sign_of_exploitation_then_assistance_does_not_apply():
    found = _assistance(adult_victim(exploitation=Exploitation()))

    assert all(o.status is ObligationStatus.NOT_APPLICABLE for o in found.values())
    assert english(found["secure-accommodation"].explanation) == assistance.NOT_EXPLOITED_TEXT


def test_a_delivered_item_is_met_and_a_declined_item_is_not_pressed():
    facts = adult_victim(
        assistance=Assistance(
            delivered={"secure-accommodation": date(2025, 3, 2)},
            declined=frozenset({"vocational-training"}),
        )
    )

    found = _assistance(facts)

    assert found["secure-accommodation"].status is ObligationStatus.MET
    assert found["vocational-training"].status is ObligationStatus.NOT_APPLICABLE
    assert english(found["vocational-training"].explanation) == assistance.DECLINED_TEXT
    # delivered after the evaluation date: still due on that date
    assert _assistance(facts, on=OPENED)["secure-accommodation"].status is ObligationStatus.DUE


def test_legal_assistance_applies_only_when_there_are_proceedings():
    without = _assistance(adult_victim())["legal-assistance-in-proceedings"]
    with_charge = _assistance(adult_victim(charges=(Charge("c1", "false documents"),)))[
        "legal-assistance-in-proceedings"
    ]

    assert without.status is ObligationStatus.NOT_APPLICABLE
    assert english(without.explanation) == assistance.NO_PROCEEDINGS_TEXT
    assert with_charge.status is ObligationStatus.DUE


def test_education_is_owed_to_a_child_only():
    adult = _assistance(adult_victim())["education-for-children"]

    assert adult.status is ObligationStatus.NOT_APPLICABLE
    assert english(adult.explanation) == assistance.NOT_A_CHILD_TEXT


def test_a_jurisdiction_may_add_assistance_and_says_where_it_comes_from():
    found = _assistance(adult_victim(), policy_name="example-uk")
    international = _assistance(adult_victim())

    assert "financial-support" not in international
    assert found["financial-support"].status is ObligationStatus.DUE
    assert found["financial-support"].policy_basis[0].startswith("example-uk: assistance_items")


def test_assistance_obligation_ids_are_stable():
    ids = [o.id for o in evaluate(adult_victim(), policy(), ON) if o.rule_id == "assistance"]

    assert ids == [f"assistance:{item}" for item in INTERNATIONAL_ASSISTANCE_ITEMS]
    assert obligation(adult_victim(), "assistance:secure-accommodation", ON + timedelta(days=9))
    assert (
        by_id(evaluate(adult_victim(), policy(), ON)).keys()
        == by_id(evaluate(adult_victim(), policy(), ON + timedelta(days=9))).keys()
    )
