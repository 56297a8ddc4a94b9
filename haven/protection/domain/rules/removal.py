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

from haven.kernel.i18n import Message, gettext_noop, message, ngettext_lazy, text
from haven.protection.domain import sources
from haven.protection.domain.context import Rule, RuleContext
from haven.protection.domain.identification import REASONABLE_GROUNDS_EVENT
from haven.protection.domain.obligations import Obligation, ObligationStatus, Period
from haven.protection.domain.policy import (
    INTERNATIONAL_RECOVERY_PERIOD_DAYS,
    LengthUnit,
    PeriodLength,
)
from haven.protection.domain.rules.common import period_status

REMOVAL_STAY_ID = "removal-stay"
RECOVERY_PERIOD_ID = "recovery-reflection-period"

STAY_REFERRAL_PENDING_TEXT = gettext_noop(
    "The person has been referred for identification as a possible victim of trafficking and "
    "the reasonable-grounds decision is awaited. Do not remove the person from the country "
    "while it is awaited."
)
STAY_IDENTIFICATION_PENDING_TEXT = gettext_noop(
    "There are reasonable grounds (decided {decided_on}) to believe the person is a victim of "
    "trafficking. Do not remove the person until identification is complete (the conclusive "
    "decision) and, in any case, not before the recovery and reflection period ends on "
    "{period_end}."
)
STAY_IDENTIFIED_TEXT = gettext_noop(
    "Identification was completed by the conclusive decision of {concluded_on}. The person "
    "may not be removed before {stay_end}, the later of that decision and the end of the "
    "recovery and reflection period."
)
STAY_ENDED_TEXT = gettext_noop(
    "The removal stay ran from {starts_on} to {ends_on} and has ended. Any return must still "
    "follow the voluntary-return safeguards."
)
STAY_NEGATIVE_TEXT = gettext_noop(
    "The reasonable-grounds decision of {decided_on} was negative, so the removal stay no "
    "longer applies. If the decision is reconsidered or new information appears, record it: "
    "the stay applies again while a new referral is pending."
)
STAY_NOT_REFERRED_TEXT = gettext_noop(
    "No referral for identification is recorded, so no removal stay applies yet."
)
REFER_REMINDER = gettext_noop(
    "Indicators of exploitation are recorded but there is no referral for identification. "
    "Consider referring the person: a removal now could return a victim before anyone has "
    "looked at their case."
)
# One full sentence for each period, so that translators never assemble one.
PLANNED_REMOVAL_DURING_STAY_WARNING = gettext_noop(
    "A removal is planned for {planned_on}, while the removal stay applies. It may not be "
    "carried out."
)
PLANNED_REMOVAL_DURING_PERIOD_WARNING = gettext_noop(
    "A removal is planned for {planned_on}, while the recovery and reflection period applies. "
    "It may not be carried out."
)

PERIOD_RUNNING_TEXT = gettext_noop(
    "Reasonable grounds were found on {starts_on}. The person has a recovery and reflection "
    "period until at least {ends_on} to recover, escape the influence of the traffickers and "
    "decide, free from pressure, whether to cooperate with the authorities. Their stay is "
    "authorised during the period, no expulsion may be enforced, and assistance continues."
)
PERIOD_UNTIL_DECISION_TEXT = gettext_noop(
    "Under this jurisdiction's policy the period lasts until the conclusive decision if that "
    "comes later."
)
PERIOD_MINIMUM_TEXT = gettext_noop(
    "The international minimum is {minimum}; this jurisdiction sets {policy_length}."
)
DAYS_LENGTH = ngettext_lazy("{count} day", "{count} days")
MONTHS_LENGTH = ngettext_lazy("{count} month", "{count} months")
PERIOD_ENDED_TEXT = gettext_noop(
    "The recovery and reflection period ran from {starts_on} to {ends_on} and has ended."
)
PERIOD_NOT_STARTED_TEXT = gettext_noop(
    "The recovery and reflection period starts on the day of a positive reasonable-grounds "
    "decision; none is recorded yet."
)
PERIOD_NEGATIVE_TEXT = gettext_noop(
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


def _length(length: PeriodLength) -> Message:
    template = DAYS_LENGTH if length.unit is LengthUnit.DAYS else MONTHS_LENGTH
    return message(template, count=length.amount)


def _planned_removal_warnings(
    context: RuleContext, period: Period, template: str
) -> tuple[Message, ...]:
    planned_on = context.facts.removal.planned_on
    if planned_on is not None and planned_on >= context.on and period.covers(planned_on):
        return (message(template, planned_on=planned_on),)
    return ()


def removal_stay(context: RuleContext) -> list[Obligation]:
    state = context.identification
    common = {
        "id": REMOVAL_STAY_ID,
        "rule_id": REMOVAL_STAY_ID,
        "title": message(
            gettext_noop("No removal while identification is pending or during the recovery period")
        ),
        "citations": REMOVAL_STAY_CITATIONS,
        "triggered_by": IDENTIFICATION_FACTS,
    }
    stay = state.removal_stay
    if stay is None:
        if state.reasonable_grounds_negative:
            assert state.reasonable_grounds is not None
            explanation = message(
                STAY_NEGATIVE_TEXT, decided_on=state.reasonable_grounds.decided_on
            )
            warnings: tuple[Message, ...] = ()
        else:
            explanation = message(STAY_NOT_REFERRED_TEXT)
            warnings = (message(REFER_REMINDER),) if state.exploitation_recorded else ()
        return [
            Obligation(
                status=ObligationStatus.NOT_APPLICABLE,
                explanation=explanation,
                warnings=warnings,
                **common,
            )
        ]

    policy_basis = [context.policy_note("removal_stay_until_identification_complete")]
    running = stay.covers(context.on)
    if not running:
        assert stay.ends_on is not None
        explanation = message(STAY_ENDED_TEXT, starts_on=stay.starts_on, ends_on=stay.ends_on)
    elif stay.ends_with == REASONABLE_GROUNDS_EVENT:
        explanation = message(STAY_REFERRAL_PENDING_TEXT)
    elif state.conclusive_grounds is None:
        assert state.reasonable_grounds is not None and state.recovery_period is not None
        explanation = message(
            STAY_IDENTIFICATION_PENDING_TEXT,
            decided_on=state.reasonable_grounds.decided_on,
            period_end=state.recovery_period.ends_on,
        )
    else:
        explanation = message(
            STAY_IDENTIFIED_TEXT,
            concluded_on=state.conclusive_grounds.decided_on,
            stay_end=stay.ends_on,
        )
    if state.recovery_period is not None and state.reasonable_grounds is not None:
        policy_basis.append(
            context.policy_note("recovery_reflection_period", state.reasonable_grounds.decided_on)
        )
    return [
        Obligation(
            status=period_status(running),
            explanation=explanation,
            period=stay,
            warnings=(
                _planned_removal_warnings(context, stay, PLANNED_REMOVAL_DURING_STAY_WARNING)
                if running
                else ()
            ),
            policy_basis=tuple(policy_basis),
            **common,
        )
    ]


def recovery_reflection_period(context: RuleContext) -> list[Obligation]:
    state = context.identification
    common = {
        "id": RECOVERY_PERIOD_ID,
        "rule_id": RECOVERY_PERIOD_ID,
        "title": message(gettext_noop("Recovery and reflection period")),
        "citations": RECOVERY_PERIOD_CITATIONS,
        "triggered_by": ("identification.reasonable_grounds", "identification.conclusive_grounds"),
    }
    period = state.recovery_period
    if period is None:
        if state.reasonable_grounds_negative:
            assert state.reasonable_grounds is not None
            explanation = message(
                PERIOD_NEGATIVE_TEXT, decided_on=state.reasonable_grounds.decided_on
            )
        else:
            explanation = message(PERIOD_NOT_STARTED_TEXT)
        return [
            Obligation(status=ObligationStatus.NOT_APPLICABLE, explanation=explanation, **common)
        ]

    settings_at_start = context.policy.settings_on(period.starts_on)
    running = period.covers(context.on)
    assert period.ends_on is not None
    if running:
        explanation = text(
            message(PERIOD_RUNNING_TEXT, starts_on=period.starts_on, ends_on=period.ends_on)
        )
        if period.ends_with is not None:
            explanation += message(PERIOD_UNTIL_DECISION_TEXT)
        if settings_at_start.recovery_reflection_period.shortest_in_days() > (
            INTERNATIONAL_RECOVERY_PERIOD_DAYS
        ):
            explanation += message(
                PERIOD_MINIMUM_TEXT,
                minimum=message(DAYS_LENGTH, count=INTERNATIONAL_RECOVERY_PERIOD_DAYS),
                policy_length=_length(settings_at_start.recovery_reflection_period),
            )
    else:
        explanation = text(
            message(PERIOD_ENDED_TEXT, starts_on=period.starts_on, ends_on=period.ends_on)
        )
    return [
        Obligation(
            status=period_status(running),
            explanation=explanation,
            period=period,
            warnings=(
                _planned_removal_warnings(context, period, PLANNED_REMOVAL_DURING_PERIOD_WARNING)
                if running
                else ()
            ),
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
