"""What every rule reads: the facts, the policy, the date, and answers computed once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from haven.kernel.citations import Citation
from haven.protection.domain.age import ChildStatus, child_status
from haven.protection.domain.facts import CaseFacts
from haven.protection.domain.identification import IdentificationState, assess_identification
from haven.protection.domain.obligations import Obligation
from haven.protection.domain.policy import JurisdictionPolicy, PolicySettings


@dataclass(frozen=True, slots=True)
class RuleContext:
    facts: CaseFacts
    policy: JurisdictionPolicy
    on: date
    settings: PolicySettings  # in force on ``on``
    child: ChildStatus
    identification: IdentificationState

    @property
    def foreign_national(self) -> bool:
        """Not a national of the State where the case is. With no nationality recorded the
        person is treated as foreign: consular rights arise as soon as there are grounds to
        think the person is a foreign national."""
        return self.facts.jurisdiction_country not in self.facts.person.nationalities

    def policy_note(self, setting: str, day: date | None = None) -> str:
        return self.policy.source_note_on(setting, day or self.on)


def build_context(facts: CaseFacts, policy: JurisdictionPolicy, on: date) -> RuleContext:
    settings = policy.settings_on(on)
    return RuleContext(
        facts=facts,
        policy=policy,
        on=on,
        settings=settings,
        child=child_status(facts.person, settings.child_age_threshold_years, on),
        identification=assess_identification(facts, policy, on),
    )


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the engine: an id, what it is about, the texts behind it, and the function
    that derives its obligations from a case."""

    id: str
    title: str
    summary: str
    citations: tuple[Citation, ...]
    derive: Callable[[RuleContext], Sequence[Obligation]]
