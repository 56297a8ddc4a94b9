"""removal-stay and recovery-reflection-period.

removal-stay: where there are reasonable grounds to believe the person is a victim, no
removal until identification is complete (IPU-118 op.19; CoE art. 10(2)) and none during
the recovery and reflection period (IPU-118 op.16; CoE art. 13(1)). Haven also holds a
removal while a referral awaits its reasonable-grounds decision: removing the person then
would be the "summary deportation" IPU-118 op.16 asks States to protect victims from, and
would end their "effective identification" before it starts.

recovery-reflection-period: at least 30 days from a positive reasonable-grounds
decision, more where the jurisdiction says so (IPU-118 op.21; CoE art. 13(1)).

The engine never decides identification or removal; it says when removal is barred
and why, so that the people who decide can see it.
"""

from __future__ import annotations

from haven.protection.domain import sources
from haven.protection.domain.context import Rule, RuleContext
from haven.protection.domain.identification import REASONABLE_GROUNDS_EVENT
from haven.protection.domain.obligations import Obligation, ObligationStatus, Period
from haven.protection.domain.policy import INTERNATIONAL_RECOVERY_PERIOD_DAYS
from haven.protection.domain.rules.common import period_status

REMOVAL_STAY_ID = "removal-stay"
RECOVERY_PERIOD_ID = "recovery-reflection-period"

STAY_REFERRAL_PENDING_TEXT = (
    "The person has been referred for identification as a possible victim of trafficking and "
    "the reasonable-grounds decision is awaited. Do not remove the person from the country "
    "while it is awaited."
)
STAY_IDENTIFICATION_PENDING_TEXT = (
    "There are reasonable grounds (decided {decided_on}) to believe the person is a victim of "
    "trafficking. Do not remove the person until identification is complete (the conclusive "
    "decision) and, in any case, not before the recovery and reflection period ends on "
    "{period_end}."
)
STAY_IDENTIFIED_TEXT = (
    "Identification was completed by the conclusive decision of {concluded_on}. The person "
    "may not be removed before {stay_end}, the later of that decision and the end of the "
    "recovery and reflection period."
)
STAY_ENDED_TEXT = (
    "The removal stay ran from {starts_on} to {ends_on} and has ended. Any return must still "
    "follow the voluntary-return safeguards."
)
STAY_NEGATIVE_TEXT = (
    "The reasonable-grounds decision of {decided_on} was negative, so the removal stay no "
    "longer applies. If the decision is reconsidered or new information appears, record it: "
    "the stay applies again while a new referral is pending."
)
STAY_NOT_REFERRED_TEXT = (
    "No referral for identification is recorded, so no removal stay applies yet."
)
REFER_REMINDER = (
    "Indicators of exploitation are recorded but there is no referral for identification. "
    "Consider referring the person: a removal now could return a victim before anyone has "
    "looked at their case."
)
PLANNED_REMOVAL_WARNING = (
    "A removal is planned for {planned_on}, while {what} applies. It may not be carried out."
)
STAY_LABEL = "the removal stay"
PERIOD_LABEL = "the recovery and reflection period"

PERIOD_RUNNING_TEXT = (
    "Reasonable grounds were found on {starts_on}. The person has a recovery and reflection "
    "period until at least {ends_on} to recover, escape the influence of the traffickers and "
    "decide, free from pressure, whether to cooperate with the authorities. Their stay is "
    "authorised during the period, no expulsion may be enforced, and assistance continues."
)
PERIOD_UNTIL_DECISION_TEXT = (
    " Under this jurisdiction's policy the period lasts until the conclusive decision if that "
    "comes later."
)
PERIOD_MINIMUM_TEXT = (
    " The international minimum is {minimum} days; this jurisdiction sets {policy_length}."
)
PERIOD_ENDED_TEXT = (
    "The recovery and reflection period ran from {starts_on} to {ends_on} and has ended."
)
PERIOD_NOT_STARTED_TEXT = (
    "The recovery and reflection period starts on the day of a positive reasonable-grounds "
    "decision; none is recorded yet."
)
PERIOD_NEGATIVE_TEXT = (
    "The reasonable-grounds decision of {decided_on} was negative, so no recovery and "
    "reflection period applies."
)

REMOVAL_STAY_CITATIONS = (
    sources.IPU118_OP19_NO_REMOVAL,
    sources.IPU118_OP16_IDENTIFICATION,
    sources.IPU118_OP16_REFLECTION,
)
RECOVERY_PERIOD_CITATIONS = (sources.IPU118_OP21_RECOVERY, sources.IPU118_OP16_REFLECTION)

IDENTIFICATION_FACTS = (
    "identification.referred_on",
    "identification.reasonable_grounds",
    "identification.conclusive_grounds",
)


def _planned_removal_warnings(context: RuleContext, period: Period, what: str) -> tuple[str, ...]:
    planned_on = context.facts.removal.planned_on
    if planned_on is not None and planned_on >= context.on and period.covers(planned_on):
        return (PLANNED_REMOVAL_WARNING.format(planned_on=planned_on, what=what),)
    return ()


def removal_stay(context: RuleContext) -> list[Obligation]:
    state = context.identification
    common = {
        "id": REMOVAL_STAY_ID,
        "rule_id": REMOVAL_STAY_ID,
        "title": "No removal while identification is pending or during the recovery period",
        "citations": REMOVAL_STAY_CITATIONS,
        "triggered_by": IDENTIFICATION_FACTS,
    }
    stay = state.removal_stay
    if stay is None:
        if state.reasonable_grounds_negative:
            assert state.reasonable_grounds is not None
            text = STAY_NEGATIVE_TEXT.format(decided_on=state.reasonable_grounds.decided_on)
            warnings: tuple[str, ...] = ()
        else:
            text = STAY_NOT_REFERRED_TEXT
            warnings = (REFER_REMINDER,) if state.exploitation_recorded else ()
        return [
            Obligation(
                status=ObligationStatus.NOT_APPLICABLE,
                explanation=text,
                warnings=warnings,
                **common,
            )
        ]

    policy_basis = [context.policy_note("removal_stay_until_identification_complete")]
    running = stay.covers(context.on)
    if not running:
        text = STAY_ENDED_TEXT.format(starts_on=stay.starts_on, ends_on=stay.ends_on)
    elif stay.ends_with == REASONABLE_GROUNDS_EVENT:
        text = STAY_REFERRAL_PENDING_TEXT
    elif state.conclusive_grounds is None:
        assert state.reasonable_grounds is not None and state.recovery_period is not None
        text = STAY_IDENTIFICATION_PENDING_TEXT.format(
            decided_on=state.reasonable_grounds.decided_on,
            period_end=state.recovery_period.ends_on,
        )
    else:
        text = STAY_IDENTIFIED_TEXT.format(
            concluded_on=state.conclusive_grounds.decided_on, stay_end=stay.ends_on
        )
    if state.recovery_period is not None and state.reasonable_grounds is not None:
        policy_basis.append(
            context.policy_note("recovery_reflection_period", state.reasonable_grounds.decided_on)
        )
    return [
        Obligation(
            status=period_status(running),
            explanation=text,
            period=stay,
            warnings=_planned_removal_warnings(context, stay, STAY_LABEL) if running else (),
            policy_basis=tuple(policy_basis),
            **common,
        )
    ]


def recovery_reflection_period(context: RuleContext) -> list[Obligation]:
    state = context.identification
    common = {
        "id": RECOVERY_PERIOD_ID,
        "rule_id": RECOVERY_PERIOD_ID,
        "title": "Recovery and reflection period",
        "citations": RECOVERY_PERIOD_CITATIONS,
        "triggered_by": ("identification.reasonable_grounds", "identification.conclusive_grounds"),
    }
    period = state.recovery_period
    if period is None:
        if state.reasonable_grounds_negative:
            assert state.reasonable_grounds is not None
            text = PERIOD_NEGATIVE_TEXT.format(decided_on=state.reasonable_grounds.decided_on)
        else:
            text = PERIOD_NOT_STARTED_TEXT
        return [Obligation(status=ObligationStatus.NOT_APPLICABLE, explanation=text, **common)]

    settings_at_start = context.policy.settings_on(period.starts_on)
    running = period.covers(context.on)
    if running:
        text = PERIOD_RUNNING_TEXT.format(starts_on=period.starts_on, ends_on=period.ends_on)
        if period.ends_with is not None:
            text += PERIOD_UNTIL_DECISION_TEXT
        if settings_at_start.recovery_reflection_period.shortest_in_days() > (
            INTERNATIONAL_RECOVERY_PERIOD_DAYS
        ):
            text += PERIOD_MINIMUM_TEXT.format(
                minimum=INTERNATIONAL_RECOVERY_PERIOD_DAYS,
                policy_length=settings_at_start.recovery_reflection_period,
            )
    else:
        text = PERIOD_ENDED_TEXT.format(starts_on=period.starts_on, ends_on=period.ends_on)
    return [
        Obligation(
            status=period_status(running),
            explanation=text,
            period=period,
            warnings=_planned_removal_warnings(context, period, PERIOD_LABEL) if running else (),
            policy_basis=(
                context.policy_note("recovery_reflection_period", period.starts_on),
                context.policy_note(
                    "recovery_period_lasts_until_conclusive_decision", period.starts_on
                ),
            ),
            **common,
        )
    ]


REMOVAL_STAY_RULE = Rule(
    id=REMOVAL_STAY_ID,
    title="Removal stay",
    summary=(
        "While a referral awaits its reasonable-grounds decision, while reasonable grounds "
        "stand and identification is not complete, and during the recovery and reflection "
        "period, the person may not be removed."
    ),
    citations=REMOVAL_STAY_CITATIONS,
    derive=removal_stay,
)

RECOVERY_PERIOD_RULE = Rule(
    id=RECOVERY_PERIOD_ID,
    title="Recovery and reflection period",
    summary=(
        "A positive reasonable-grounds decision opens a recovery and reflection period of at "
        "least 30 days (longer where the jurisdiction says so), with authorised stay, "
        "assistance and no expulsion."
    ),
    citations=RECOVERY_PERIOD_CITATIONS,
    derive=recovery_reflection_period,
)
