"""consular-rights-information and consular-notification.

consular-rights-information: a foreign national who is arrested, imprisoned, in custody
or detained is told of their consular rights without delay (IPU-118 op.38 "the
obligation of the receiving State to inform foreign nationals without delay of their
rights"; OAS-2007 op.2; VCCR art. 36(1)(b)). Haven counts "without delay" as the day
the person's liberty was taken: the engine works in days, and a reminder the next day
is already late.

consular-notification: the consulate is told only if the person asks (VCCR art.
36(1)(b) "if he so requests"), never automatically. Where the person has sought asylum
or fears their own State, contacting that State can put them or their family in danger
(non-refoulement, IPU-118 op.16), so Haven warns. A person may also refuse consular
action altogether (VCCR art. 36(1)(c)).
"""

from __future__ import annotations

from haven.kernel.i18n import Message, gettext_noop, message
from haven.protection.domain import sources
from haven.protection.domain.context import Rule, RuleContext
from haven.protection.domain.facts import DeprivationOfLiberty, Detention
from haven.protection.domain.obligations import Obligation, ObligationStatus
from haven.protection.domain.rules.common import deadline_status
from haven.protection.domain.timeline import happened

INFORMATION_ID = "consular-rights-information"
NOTIFICATION_ID = "consular-notification"

INFORM_TEXT = gettext_noop(
    "The person was deprived of liberty ({kind}) on {started_on}. Tell them without delay, in "
    "a language they understand, that they may ask for their consulate to be told and may "
    "communicate with it, and that nobody will contact the consulate unless they ask."
)
INFORMED_TEXT = gettext_noop("The person was told of their consular rights on {day}.")
NATIONAL_TEXT = gettext_noop(
    "The person is a national of the country where the case is, so consular rights do not arise."
)
STATELESS_TEXT = gettext_noop(
    "The person is stateless, so there is no consulate to tell. They may instead contact a "
    "national or international authority whose task is to protect them, such as UNHCR."
)
NOT_DETAINED_TEXT = gettext_noop(
    "Consular rights arise when a foreign national is arrested, imprisoned, taken into custody "
    "or detained; no such event is recorded."
)
NOTIFY_TEXT = gettext_noop(
    "The person asked on {requested_on} for their consulate to be told of their detention. "
    "Tell the consulate without delay and forward any message from the person."
)
NOTIFIED_TEXT = gettext_noop("The consulate was told on {day}, at the person's request.")
ONLY_ON_REQUEST_TEXT = gettext_noop(
    "The consulate is told only if the person asks, never automatically. The person has not asked."
)
# One full sentence for each reason (and both), so that translators never assemble one.
DANGER_ASYLUM_WARNING = gettext_noop(
    "The person has sought asylum. Contacting the authorities of their State could put them "
    "or their family in danger. Do not contact the consulate unless the person, fully "
    "informed, asks for it, and share nothing about their case or whereabouts."
)
DANGER_FEAR_WARNING = gettext_noop(
    "The person has said they fear the authorities of their own State. Contacting the "
    "authorities of their State could put them or their family in danger. Do not contact the "
    "consulate unless the person, fully informed, asks for it, and share nothing about their "
    "case or whereabouts."
)
DANGER_ASYLUM_AND_FEAR_WARNING = gettext_noop(
    "The person has sought asylum and said they fear the authorities of their own State. "
    "Contacting the authorities of their State could put them or their family in danger. Do "
    "not contact the consulate unless the person, fully informed, asks for it, and share "
    "nothing about their case or whereabouts."
)
OPPOSES_WARNING = gettext_noop(
    "The person has said they do not want consular action; consular officers must refrain "
    "from acting for them."
)

DEPRIVATION_LABELS = {
    DeprivationOfLiberty.ARREST: message(gettext_noop("arrest")),
    DeprivationOfLiberty.CUSTODY: message(gettext_noop("custody")),
    DeprivationOfLiberty.IMPRISONMENT: message(gettext_noop("imprisonment")),
    DeprivationOfLiberty.DETENTION: message(gettext_noop("detention")),
}
INFORMATION_TITLE = message(
    gettext_noop("Tell a detained foreign national of their consular rights")
)
NOTIFICATION_TITLE = message(gettext_noop("Tell the consulate only if the person asks"))

INFORMATION_CITATIONS = (sources.IPU118_OP38_CONSULAR, sources.OAS_OP2_CONSULAR)
NOTIFICATION_CITATIONS = (sources.IPU118_OP38_CONSULAR,)
DANGER_CITATIONS = (sources.IPU118_OP16_NON_REFOULEMENT,)
OPPOSES_CITATIONS = (sources.IPU118_OP38_OPPOSITION,)


def _not_applicable_text(context: RuleContext) -> Message | None:
    if not context.foreign_national:
        return message(NATIONAL_TEXT)
    if context.facts.person.stateless:
        return message(STATELESS_TEXT)
    return None


def _detentions(context: RuleContext) -> list[Detention]:
    return [d for d in context.facts.detentions if happened(d.started_on, context.on)]


def _danger_warning(context: RuleContext) -> Message | None:
    person = context.facts.person
    if person.asylum_sought and person.fears_own_state:
        return message(DANGER_ASYLUM_AND_FEAR_WARNING)
    if person.asylum_sought:
        return message(DANGER_ASYLUM_WARNING)
    if person.fears_own_state:
        return message(DANGER_FEAR_WARNING)
    return None


def consular_rights_information(context: RuleContext) -> list[Obligation]:
    common = {
        "rule_id": INFORMATION_ID,
        "title": INFORMATION_TITLE,
        "citations": INFORMATION_CITATIONS,
    }
    detentions = _detentions(context)
    reason = _not_applicable_text(context) or (None if detentions else message(NOT_DETAINED_TEXT))
    if reason is not None:
        return [
            Obligation(
                id=INFORMATION_ID,
                status=ObligationStatus.NOT_APPLICABLE,
                explanation=reason,
                triggered_by=("person.nationalities", "person.stateless", "detentions"),
                **common,
            )
        ]
    obligations = []
    for detention in detentions:
        path = f"detentions[id={detention.id}]"
        informed_on = detention.consular_rights_informed_on
        if happened(informed_on, context.on):
            status = ObligationStatus.MET
            text = message(INFORMED_TEXT, day=informed_on)
        else:
            status = deadline_status(detention.started_on, context.on)
            text = message(
                INFORM_TEXT,
                kind=DEPRIVATION_LABELS[detention.kind],
                started_on=detention.started_on,
            )
        obligations.append(
            Obligation(
                id=f"{INFORMATION_ID}:{detention.id}",
                status=status,
                explanation=text,
                due_on=detention.started_on,
                triggered_by=(f"{path}.started_on", f"{path}.consular_rights_informed_on"),
                **common,
            )
        )
    return obligations


def _notification(context: RuleContext, detention: Detention) -> Obligation:
    path = f"detentions[id={detention.id}]"
    danger = _danger_warning(context)
    warnings = []
    citations = NOTIFICATION_CITATIONS
    if danger is not None:
        warnings.append(danger)
        citations += DANGER_CITATIONS
    if detention.opposes_consular_action:
        warnings.append(message(OPPOSES_WARNING))
        citations += OPPOSES_CITATIONS
    common = {
        "id": f"{NOTIFICATION_ID}:{detention.id}",
        "rule_id": NOTIFICATION_ID,
        "title": NOTIFICATION_TITLE,
        "citations": citations,
        "warnings": tuple(warnings),
        "policy_basis": (context.policy_note("consular_notification_only_on_request"),),
    }
    requested_on = detention.consular_notification_requested_on
    if not happened(requested_on, context.on):
        return Obligation(
            status=ObligationStatus.NOT_APPLICABLE,
            explanation=message(ONLY_ON_REQUEST_TEXT),
            triggered_by=(f"{path}.consular_notification_requested_on",),
            **common,
        )
    notified_on = detention.consulate_notified_on
    if happened(notified_on, context.on):
        return Obligation(
            status=ObligationStatus.MET,
            explanation=message(NOTIFIED_TEXT, day=notified_on),
            triggered_by=(f"{path}.consulate_notified_on",),
            **common,
        )
    return Obligation(
        status=deadline_status(requested_on, context.on),
        explanation=message(NOTIFY_TEXT, requested_on=requested_on),
        due_on=requested_on,
        triggered_by=(f"{path}.consular_notification_requested_on",),
        **common,
    )


def consular_notification(context: RuleContext) -> list[Obligation]:
    detentions = _detentions(context)
    reason = _not_applicable_text(context) or (None if detentions else message(NOT_DETAINED_TEXT))
    if reason is not None:
        return [
            Obligation(
                id=NOTIFICATION_ID,
                rule_id=NOTIFICATION_ID,
                title=NOTIFICATION_TITLE,
                status=ObligationStatus.NOT_APPLICABLE,
                explanation=reason,
                citations=NOTIFICATION_CITATIONS,
                triggered_by=("person.nationalities", "person.stateless", "detentions"),
            )
        ]
    return [_notification(context, detention) for detention in detentions]


INFORMATION_RULE = Rule(
    id=INFORMATION_ID,
    title="Consular rights information",
    summary=(
        "A foreign national who is arrested, imprisoned, in custody or detained is told of "
        "their consular rights without delay."
    ),
    citations=INFORMATION_CITATIONS,
    derive=consular_rights_information,
)

NOTIFICATION_RULE = Rule(
    id=NOTIFICATION_ID,
    title="Consular notification",
    summary=(
        "The consulate is told of a detention only if the person asks, never automatically; "
        "a warning is given where the person has sought asylum or fears their own State, and "
        "a refusal of consular action is respected."
    ),
    citations=NOTIFICATION_CITATIONS + DANGER_CITATIONS + OPPOSES_CITATIONS,
    derive=consular_notification,
)
