"""non-punishment, non-prosecution-smuggled, witness-support: scenarios (IPU-145 op.24,
op.25; IPU-118 op.18; CoE art. 12(6), 26; Smuggling Protocol art. 5)."""

from __future__ import annotations

from datetime import date

from haven.protection.domain import ObligationStatus
from haven.protection.domain.facts import Charge, ChargeStatus, Exploitation, Proceedings
from haven.protection.domain.rules import criminal_justice
from tests.unit.protection.protection_builders import adult_victim, english, english_all, obligation

ON = date(2025, 3, 10)


def _charged(charge: Charge, **changes):
    return adult_victim(charges=(charge,), **changes)


# --- non-punishment ------------------------------------------------------------------------------


def test_a_charge_for_a_compelled_act_is_flagged_for_review():
    facts = _charged(Charge("c1", "cannabis cultivation", compelled_by_trafficking=True))

    flagged = obligation(facts, "non-punishment:c1", ON)

    assert flagged.status is ObligationStatus.DUE
    assert english(flagged.explanation) == criminal_justice.COMPELLED_TEXT.format(
        offence="cannabis cultivation"
    )
    assert flagged.citations[0].describe() == (
        "IPU-145 op.25 (Council of Europe Convention on Action against Trafficking in Human "
        "Beings art. 26)"
    )


def test_a_penalty_already_imposed_is_still_flagged():
    facts = _charged(
        Charge("c1", "theft", status=ChargeStatus.PENALTY_IMPOSED, compelled_by_trafficking=True)
    )

    assert obligation(facts, "non-punishment:c1", ON).status is ObligationStatus.DUE


def test_unknown_compulsion_for_a_possible_victim_asks_the_question():
    facts = _charged(Charge("c1", "false documents"))

    flagged = obligation(facts, "non-punishment:c1", ON)

    assert flagged.status is ObligationStatus.DUE
    assert english(flagged.explanation) == criminal_justice.ASK_COMPULSION_TEXT.format(
        offence="false documents"
    )


def test_an_offence_linked_to_exploitation_is_asked_about_even_without_other_signs():
    facts = _charged(
        Charge("c1", "street selling", linked_to_exploitation=True), exploitation=Exploitation()
    )

    assert obligation(facts, "non-punishment:c1", ON).status is ObligationStatus.DUE


def test_no_flag_without_any_link_or_when_found_not_compelled_or_closed():
    unlinked = _charged(Charge("c1", "speeding"), exploitation=Exploitation())
    not_compelled = _charged(Charge("c1", "theft", compelled_by_trafficking=False))
    dropped = _charged(
        Charge("c1", "theft", status=ChargeStatus.DROPPED, compelled_by_trafficking=True)
    )

    assert english(obligation(unlinked, "non-punishment:c1", ON).explanation) == (
        criminal_justice.NO_LINK_TEXT.format(offence="speeding")
    )
    assert obligation(not_compelled, "non-punishment:c1", ON).status is (
        ObligationStatus.NOT_APPLICABLE
    )
    assert english(obligation(dropped, "non-punishment:c1", ON).explanation) == (
        "The charge 'theft' was dropped; nothing to review."
    )


def test_a_recorded_review_meets_the_flag():
    facts = _charged(
        Charge("c1", "theft", compelled_by_trafficking=True, review_recorded_on=date(2025, 3, 8))
    )

    assert obligation(facts, "non-punishment:c1", ON).status is ObligationStatus.MET


def test_without_charges_non_punishment_does_not_apply():
    assert english(obligation(adult_victim(), "non-punishment", ON).explanation) == (
        criminal_justice.NO_CHARGES_TEXT
    )


# --- non-prosecution-smuggled --------------------------------------------------------------------


def test_a_smuggled_person_without_such_a_charge_is_protected():
    smuggled = obligation(adult_victim(smuggled=True), "non-prosecution-smuggled", ON)

    assert smuggled.status is ObligationStatus.MET
    assert english(smuggled.explanation) == criminal_justice.SMUGGLED_TEXT
    assert smuggled.citations[0].describe() == (
        "IPU-145 op.24 (Protocol against the Smuggling of Migrants by Land, Sea and Air art. 5)"
    )


def test_a_charge_for_having_been_smuggled_is_flagged_for_withdrawal():
    facts = _charged(
        Charge("c7", "facilitated entry", for_having_been_smuggled=True), smuggled=True
    )

    flagged = obligation(facts, "non-prosecution-smuggled:c7", ON)

    assert flagged.status is ObligationStatus.DUE
    assert english_all(flagged.warnings) == (criminal_justice.SMUGGLED_CHARGE_WARNING,)


def test_not_smuggled_means_not_applicable():
    assert obligation(adult_victim(), "non-prosecution-smuggled", ON).status is (
        ObligationStatus.NOT_APPLICABLE
    )


# --- witness-support -----------------------------------------------------------------------------


def test_a_witness_is_owed_protection_and_assistance():
    facts = adult_victim(proceedings=Proceedings(ongoing=True, participates_as_witness=True))

    witness = obligation(facts, "witness-support", ON)

    assert witness.status is ObligationStatus.DUE
    assert english(witness.explanation) == criminal_justice.WITNESS_TEXT
    assert [str(c) for c in witness.citations] == ["IPU-118 op.18", "IPU-118 op.18"]
    assert witness.citations[1].article == "art. 12(6)"


def test_witness_protection_in_place_meets_it():
    facts = adult_victim(
        proceedings=Proceedings(
            ongoing=True, participates_as_witness=True, witness_protection_in_place_on=ON
        )
    )

    assert obligation(facts, "witness-support", ON).status is ObligationStatus.MET


def test_assistance_made_conditional_on_cooperation_is_flagged_even_for_a_non_witness():
    facts = adult_victim(proceedings=Proceedings(assistance_conditional_on_cooperation=True))

    witness = obligation(facts, "witness-support", ON)

    assert witness.status is ObligationStatus.DUE
    assert english_all(witness.warnings) == (criminal_justice.CONDITIONAL_WARNING,)


def test_not_a_witness_is_their_choice():
    witness = obligation(adult_victim(), "witness-support", ON)

    assert witness.status is ObligationStatus.NOT_APPLICABLE
    assert english(witness.explanation) == criminal_justice.NOT_WITNESS_TEXT
