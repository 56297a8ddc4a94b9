"""Builders and hypothesis strategies for the protection engine tests (synthetic data only)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from haven.kernel.i18n import english
from haven.protection.domain import (
    CaseFacts,
    JurisdictionPolicy,
    Obligation,
    bundled_policy,
    evaluate,
)
from haven.protection.domain.assistance_items import ASSISTANCE_ITEM_BY_ID
from haven.protection.domain.facts import (
    AgeAssessment,
    AgeAssessmentOutcome,
    AgeEstimate,
    Assistance,
    Charge,
    ChargeStatus,
    ChildMeasures,
    Decision,
    DecisionOutcome,
    DeprivationOfLiberty,
    Detention,
    Exploitation,
    ExploitationForm,
    Identification,
    Person,
    Proceedings,
    Removal,
    ResidencePermit,
    ResidencePermitDecision,
    VoluntaryReturn,
)

OPENED = date(2025, 3, 1)
ADULT_BIRTH_DATE = date(1990, 6, 15)
INTERNATIONAL = "international"


def policy(name: str = INTERNATIONAL) -> JurisdictionPolicy:
    return bundled_policy(name)


def adult_victim(**changes: Any) -> CaseFacts:
    """An adult foreign national with indicators of labour exploitation, nothing decided yet."""
    facts = CaseFacts(
        case_opened_on=OPENED,
        jurisdiction_country="GB",
        person=Person(nationalities=("AL",), birth_date=ADULT_BIRTH_DATE),
        exploitation=Exploitation(
            indicators=("debt-bondage", "retention-of-identity-documents"),
            forms=(ExploitationForm.LABOUR,),
        ),
    )
    return replace(facts, **changes)


def with_reasonable_grounds(
    facts: CaseFacts,
    decided_on: date,
    outcome: DecisionOutcome = DecisionOutcome.POSITIVE,
    conclusive: Decision | None = None,
) -> CaseFacts:
    return replace(
        facts,
        identification=Identification(
            referred_on=decided_on - timedelta(days=2),
            reasonable_grounds=Decision(outcome, decided_on),
            conclusive_grounds=conclusive,
        ),
    )


def by_id(obligations: list[Obligation]) -> dict[str, Obligation]:
    return {obligation.id: obligation for obligation in obligations}


def obligation(facts: CaseFacts, obligation_id: str, on: date, policy_name: str = INTERNATIONAL):
    found = by_id(evaluate(facts, policy(policy_name), on))
    assert obligation_id in found, f"{obligation_id} not in {sorted(found)}"
    return found[obligation_id]


# --- hypothesis strategies ----------------------------------------------------------------------

FIRST_DAY = date(2020, 1, 1)
LAST_DAY = date(2026, 12, 31)
days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
optional_days = st.none() | days
countries = st.sampled_from(["AL", "VN", "GB", "ER", "NG", "UA"])


@st.composite
def persons(draw: st.DrawFn) -> Person:
    nationalities = tuple(draw(st.lists(countries, max_size=2, unique=True)))
    stateless = not nationalities and draw(st.booleans())
    estimate = None
    if draw(st.booleans()):
        minimum = draw(st.integers(0, 40))
        estimate = AgeEstimate(minimum, minimum + draw(st.integers(0, 8)), draw(days))
    assessment = None
    if draw(st.booleans()):
        outcome = draw(st.none() | st.sampled_from(AgeAssessmentOutcome))
        assessment = AgeAssessment(
            outcome=outcome,
            concluded_on=draw(days) if outcome is not None else None,
            assessed_birth_date=draw(st.none() | st.dates(date(1980, 1, 1), date(2020, 1, 1))),
        )
    return Person(
        nationalities=nationalities,
        stateless=stateless,
        birth_date=draw(st.none() | st.dates(date(1960, 1, 1), date(2022, 1, 1))),
        birth_date_disputed=draw(st.booleans()),
        age_estimate=estimate,
        age_assessment=assessment,
        asylum_sought=draw(st.booleans()),
        fears_own_state=draw(st.booleans()),
    )


@st.composite
def identifications(draw: st.DrawFn) -> Identification:
    referred_on = draw(optional_days)
    if not draw(st.booleans()):
        return Identification(referred_on=referred_on)
    outcome = draw(st.sampled_from(DecisionOutcome))
    decided_on = None
    if outcome is not DecisionOutcome.PENDING:
        earliest = referred_on or FIRST_DAY
        # mostly in order, sometimes not: the engine must not rely on the parser's checks
        decided_on = earliest + timedelta(days=draw(st.integers(-10, 200)))
    conclusive = None
    if outcome is DecisionOutcome.POSITIVE and draw(st.booleans()):
        conclusive_outcome = draw(st.sampled_from(DecisionOutcome))
        conclusive = Decision(
            conclusive_outcome,
            None
            if conclusive_outcome is DecisionOutcome.PENDING
            else decided_on + timedelta(days=draw(st.integers(-10, 400))),
        )
    return Identification(referred_on, Decision(outcome, decided_on), conclusive)


@st.composite
def detentions(draw: st.DrawFn, identifier: str) -> Detention:
    started_on = draw(days)
    return Detention(
        id=identifier,
        kind=draw(st.sampled_from(DeprivationOfLiberty)),
        started_on=started_on,
        consular_rights_informed_on=draw(optional_days),
        consular_notification_requested_on=draw(optional_days),
        consulate_notified_on=draw(optional_days),
        opposes_consular_action=draw(st.booleans()),
    )


@st.composite
def charges(draw: st.DrawFn, identifier: str) -> Charge:
    return Charge(
        id=identifier,
        offence=draw(st.sampled_from(["cannabis cultivation", "false documents", "theft"])),
        status=draw(st.sampled_from(ChargeStatus)),
        compelled_by_trafficking=draw(st.none() | st.booleans()),
        linked_to_exploitation=draw(st.booleans()),
        for_having_been_smuggled=draw(st.booleans()),
        review_recorded_on=draw(optional_days),
    )


@st.composite
def case_facts(draw: st.DrawFn) -> CaseFacts:
    detention_count = draw(st.integers(0, 2))
    charge_count = draw(st.integers(0, 2))
    return CaseFacts(
        case_opened_on=draw(days),
        jurisdiction_country=draw(countries),
        person=draw(persons()),
        exploitation=Exploitation(
            indicators=tuple(
                draw(
                    st.lists(
                        st.sampled_from(["debt-bondage", "isolation"]), max_size=2, unique=True
                    )
                )
            ),
            forms=tuple(draw(st.lists(st.sampled_from(ExploitationForm), max_size=2, unique=True))),
            began_on=draw(optional_days),
        ),
        identification=draw(identifications()),
        detentions=tuple(draw(detentions(f"d{n}")) for n in range(detention_count)),
        charges=tuple(draw(charges(f"c{n}")) for n in range(charge_count)),
        smuggled=draw(st.booleans()),
        removal=Removal(planned_on=draw(optional_days)),
        voluntary_return=VoluntaryReturn(
            requested_by_person=draw(st.booleans()),
            planned_on=draw(optional_days),
            voluntary=draw(st.none() | st.booleans()),
            risk_assessment_completed_on=draw(optional_days),
            consular_access_offered_on=draw(optional_days),
            reintegration_support_arranged_on=draw(optional_days),
        ),
        proceedings=Proceedings(
            ongoing=draw(st.booleans()),
            participates_as_witness=draw(st.booleans()),
            witness_protection_in_place_on=draw(optional_days),
            assistance_conditional_on_cooperation=draw(st.booleans()),
        ),
        child_measures=ChildMeasures(
            guardian_appointed_on=draw(optional_days),
            best_interests_assessed_on=draw(optional_days),
        ),
        assistance=Assistance(
            delivered=draw(st.dictionaries(st.sampled_from(list(ASSISTANCE_ITEM_BY_ID)), days)),
            declined=frozenset(draw(st.sets(st.sampled_from(list(ASSISTANCE_ITEM_BY_ID))))),
        ),
        residence_permit=draw(
            st.none()
            | st.builds(ResidencePermit, st.sampled_from(ResidencePermitDecision), optional_days)
        ),
    )


def english_all(messages) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Warnings (messages) as the English the command line prints."""
    return tuple(english(message) for message in messages)
