"""Where the identification process stands on a date, and the periods it opens.

Several rules and the removal check need the same answers (is identification
pending? when does the recovery period end? until when is removal barred?), so
they are computed once here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from haven.kernel.i18n import gettext_noop, message
from haven.protection.domain.facts import CaseFacts, Decision, DecisionOutcome
from haven.protection.domain.obligations import Period
from haven.protection.domain.policy import (
    INTERNATIONAL_RECOVERY_PERIOD_DAYS,
    JurisdictionPolicy,
)
from haven.protection.domain.timeline import happened

# Events that end a period, shown as "(or until <event>)".
CONCLUSIVE_DECISION_EVENT = message(gettext_noop("the conclusive-grounds decision"))
REASONABLE_GROUNDS_EVENT = message(gettext_noop("the reasonable-grounds decision"))


def _decided(decision: Decision | None, on: date) -> Decision | None:
    """The decision if it had been made (positive or negative) by ``on``, else None."""
    if (
        decision is None
        or decision.outcome is DecisionOutcome.PENDING
        or not happened(decision.decided_on, on)
    ):
        return None
    return decision


@dataclass(frozen=True, slots=True)
class IdentificationState:
    referral_pending_since: date | None
    reasonable_grounds: Decision | None  # made by the evaluation date
    conclusive_grounds: Decision | None  # made by the evaluation date
    recovery_period: Period | None
    removal_stay: Period | None
    exploitation_recorded: bool

    @property
    def reasonable_grounds_positive(self) -> bool:
        return (
            self.reasonable_grounds is not None
            and self.reasonable_grounds.outcome is DecisionOutcome.POSITIVE
        )

    @property
    def reasonable_grounds_negative(self) -> bool:
        return (
            self.reasonable_grounds is not None
            and self.reasonable_grounds.outcome is DecisionOutcome.NEGATIVE
        )

    @property
    def conclusive_grounds_negative(self) -> bool:
        return (
            self.conclusive_grounds is not None
            and self.conclusive_grounds.outcome is DecisionOutcome.NEGATIVE
        )

    @property
    def identification_pending(self) -> bool:
        """A referral awaits its reasonable-grounds decision, or reasonable grounds were found
        and the conclusive decision has not been made."""
        return self.referral_pending_since is not None or (
            self.reasonable_grounds_positive and self.conclusive_grounds is None
        )

    @property
    def possible_victim(self) -> bool:
        """Exploitation is indicated or the identification process has begun and not ended in a
        negative decision. Assistance and the return safeguards follow from this, before and
        regardless of any formal identification (IOM-IDM-2009 §7, §13)."""
        if self.exploitation_recorded:
            return True
        if self.conclusive_grounds is not None:
            return self.conclusive_grounds.outcome is DecisionOutcome.POSITIVE
        return self.identification_pending


def recovery_period(
    reasonable_grounds_on: date,
    conclusive_grounds: Decision | None,
    policy: JurisdictionPolicy,
) -> Period:
    """The recovery and reflection period opened by a positive reasonable-grounds decision.

    It runs from the decision for the longer of the international minimum and the
    jurisdiction's length in force on the decision date; a jurisdiction may also make it last
    until the conclusive decision.
    """
    settings = policy.settings_on(reasonable_grounds_on)
    ends_on = max(
        reasonable_grounds_on + timedelta(days=INTERNATIONAL_RECOVERY_PERIOD_DAYS),
        settings.recovery_reflection_period.end_from(reasonable_grounds_on),
    )
    ends_with = None
    if settings.recovery_period_lasts_until_conclusive_decision:
        if conclusive_grounds is None:
            ends_with = CONCLUSIVE_DECISION_EVENT
        else:
            assert conclusive_grounds.decided_on is not None
            ends_on = max(ends_on, conclusive_grounds.decided_on)
    return Period(reasonable_grounds_on, ends_on, ends_with)


def assess_identification(
    facts: CaseFacts, policy: JurisdictionPolicy, on: date
) -> IdentificationState:
    identification = facts.identification
    reasonable_grounds = _decided(identification.reasonable_grounds, on)
    conclusive_grounds = _decided(identification.conclusive_grounds, on)
    exploitation_recorded = facts.exploitation.recorded

    referred = happened(identification.referred_on, on) or (
        identification.reasonable_grounds is not None
    )
    referral_pending_since = None
    if referred and reasonable_grounds is None:
        # A referral with no recorded date has been pending at least since the evaluation date.
        referral_pending_since = (
            identification.referred_on
            if happened(identification.referred_on, on)
            else min(facts.case_opened_on, on)
        )

    period = None
    stay = None
    if referral_pending_since is not None:
        stay = Period(referral_pending_since, None, REASONABLE_GROUNDS_EVENT)
    elif reasonable_grounds is not None and reasonable_grounds.outcome is DecisionOutcome.POSITIVE:
        assert reasonable_grounds.decided_on is not None
        period = recovery_period(reasonable_grounds.decided_on, conclusive_grounds, policy)
        referred_on = (
            identification.referred_on if happened(identification.referred_on, on) else None
        )
        stay_starts_on = min(
            day for day in (referred_on, reasonable_grounds.decided_on) if day is not None
        )
        if conclusive_grounds is None:
            stay = Period(stay_starts_on, period.ends_on, CONCLUSIVE_DECISION_EVENT)
        else:
            assert conclusive_grounds.decided_on is not None and period.ends_on is not None
            stay = Period(stay_starts_on, max(period.ends_on, conclusive_grounds.decided_on))

    return IdentificationState(
        referral_pending_since=referral_pending_since,
        reasonable_grounds=reasonable_grounds,
        conclusive_grounds=conclusive_grounds,
        recovery_period=period,
        removal_stay=stay,
        exploitation_recorded=exploitation_recorded,
    )
