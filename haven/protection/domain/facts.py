"""The facts of a case that the rules engine reads.

Plain frozen dataclasses: the case service builds them from its records, the
command line builds them from a JSON file (facts_json.py). Nothing here decides
anything; a field records what a person did or decided and on which date.

Dates say when something happened. The engine evaluates "as of" a date and
treats anything dated after that date as not having happened yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType


class DecisionOutcome(StrEnum):
    PENDING = "pending"
    POSITIVE = "positive"
    NEGATIVE = "negative"


class AgeAssessmentOutcome(StrEnum):
    CHILD = "child"
    ADULT = "adult"


class ExploitationForm(StrEnum):
    SEXUAL = "sexual"
    LABOUR = "labour"
    CRIMINAL = "criminal"
    DOMESTIC_SERVITUDE = "domestic-servitude"
    ORGAN_REMOVAL = "organ-removal"
    FORCED_MARRIAGE = "forced-marriage"
    OTHER = "other"


class DeprivationOfLiberty(StrEnum):
    """The four situations named in VCCR art. 36(1)(b)."""

    ARREST = "arrest"
    CUSTODY = "custody"
    IMPRISONMENT = "imprisonment"
    DETENTION = "detention"


class ChargeStatus(StrEnum):
    PENDING = "pending"
    CONVICTED = "convicted"
    PENALTY_IMPOSED = "penalty-imposed"
    DROPPED = "dropped"
    ACQUITTED = "acquitted"

    @property
    def is_live(self) -> bool:
        """Whether the charge or its penalty can still harm the person."""
        return self not in (ChargeStatus.DROPPED, ChargeStatus.ACQUITTED)


class ResidencePermitDecision(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class AgeEstimate:
    """An estimated age range, in whole years, as estimated on a given date."""

    min_years: int
    max_years: int
    estimated_on: date


@dataclass(frozen=True, slots=True)
class AgeAssessment:
    """A formal age assessment. ``outcome`` is None while the assessment is pending."""

    outcome: AgeAssessmentOutcome | None = None
    concluded_on: date | None = None
    assessed_birth_date: date | None = None


@dataclass(frozen=True, slots=True)
class Person:
    nationalities: tuple[str, ...] = ()
    stateless: bool = False
    birth_date: date | None = None
    # A birth date the person gave but that is not accepted (no document, contested) leaves the
    # age uncertain.
    birth_date_disputed: bool = False
    age_estimate: AgeEstimate | None = None
    age_assessment: AgeAssessment | None = None
    asylum_sought: bool = False
    fears_own_state: bool = False


@dataclass(frozen=True, slots=True)
class Exploitation:
    indicators: tuple[str, ...] = ()
    forms: tuple[ExploitationForm, ...] = ()
    began_on: date | None = None

    @property
    def recorded(self) -> bool:
        return bool(self.indicators or self.forms)


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: DecisionOutcome = DecisionOutcome.PENDING
    decided_on: date | None = None


@dataclass(frozen=True, slots=True)
class Identification:
    """The identification process: referral, reasonable-grounds and conclusive decisions."""

    referred_on: date | None = None
    reasonable_grounds: Decision | None = None
    conclusive_grounds: Decision | None = None


@dataclass(frozen=True, slots=True)
class Detention:
    id: str
    kind: DeprivationOfLiberty
    started_on: date
    ended_on: date | None = None
    consular_rights_informed_on: date | None = None
    consular_notification_requested_on: date | None = None
    consulate_notified_on: date | None = None
    opposes_consular_action: bool = False


@dataclass(frozen=True, slots=True)
class Charge:
    id: str
    offence: str
    status: ChargeStatus = ChargeStatus.PENDING
    # True: compelled; False: found not compelled; None: not yet known.
    compelled_by_trafficking: bool | None = None
    # The offence was committed in the course of the exploitation (forced criminality, false
    # documents supplied by the exploiter, …) so compulsion must be asked about.
    linked_to_exploitation: bool = False
    for_having_been_smuggled: bool = False
    review_recorded_on: date | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """A removal (deportation, expulsion, transfer) planned by the authorities."""

    planned_on: date | None = None


@dataclass(frozen=True, slots=True)
class VoluntaryReturn:
    requested_by_person: bool = False
    planned_on: date | None = None
    # None: nobody has yet recorded whether the person's consent is free and informed.
    voluntary: bool | None = None
    risk_assessment_completed_on: date | None = None
    consular_access_offered_on: date | None = None
    reintegration_support_arranged_on: date | None = None


@dataclass(frozen=True, slots=True)
class Proceedings:
    ongoing: bool = False
    participates_as_witness: bool = False
    witness_protection_in_place_on: date | None = None
    # Someone made help depend on cooperating with the police or prosecutor.
    assistance_conditional_on_cooperation: bool = False


@dataclass(frozen=True, slots=True)
class ChildMeasures:
    guardian_appointed_on: date | None = None
    best_interests_assessed_on: date | None = None


@dataclass(frozen=True, slots=True)
class Assistance:
    """Assistance items delivered (item id → date) and declined by the person."""

    delivered: Mapping[str, date] = field(default_factory=lambda: MappingProxyType({}))
    declined: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        # Keep the dataclass truly immutable even when given a plain dict.
        object.__setattr__(self, "delivered", MappingProxyType(dict(self.delivered)))


@dataclass(frozen=True, slots=True)
class ResidencePermit:
    decision: ResidencePermitDecision = ResidencePermitDecision.PENDING
    decided_on: date | None = None


@dataclass(frozen=True, slots=True)
class CaseFacts:
    case_opened_on: date
    jurisdiction_country: str
    person: Person = Person()
    exploitation: Exploitation = Exploitation()
    identification: Identification = Identification()
    detentions: tuple[Detention, ...] = ()
    charges: tuple[Charge, ...] = ()
    smuggled: bool = False
    removal: Removal = Removal()
    voluntary_return: VoluntaryReturn = VoluntaryReturn()
    proceedings: Proceedings = Proceedings()
    child_measures: ChildMeasures = ChildMeasures()
    assistance: Assistance = field(default_factory=Assistance)
    residence_permit: ResidencePermit | None = None
