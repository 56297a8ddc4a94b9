"""residence-permit: consider a renewable residence permit for a possible victim.

Sources: IPU-118 op.21 (a recovery period "backed by renewable residence permits"),
op.16 ("temporary or permanent residence permits"), IPU-145 op.17 ("extension of
residence permits during their recovery"); CoE art. 14(1) (a renewable permit where
the stay is necessary owing to the person's personal situation and/or for cooperation
with the authorities), 14(2) (a child's permit in the child's best interests), 14(5)
(without prejudice to asylum).

Haven asks for the decision by the end of the recovery and reflection period, because
the permit is what keeps the person's stay lawful once the period ends. The texts set
no date; that deadline is Haven's reading of "backed by".
"""

from __future__ import annotations

from haven.kernel.i18n import gettext_noop, message, text
from haven.protection.domain import sources
from haven.protection.domain.context import Rule, RuleContext
from haven.protection.domain.facts import ResidencePermitDecision
from haven.protection.domain.obligations import Obligation, ObligationStatus
from haven.protection.domain.rules.common import deadline_status
from haven.protection.domain.timeline import happened

RULE_ID = "residence-permit"

CONSIDER_TEXT = gettext_noop(
    "Consider a renewable residence permit for the person, where their stay is necessary "
    "because of their personal situation or for their cooperation with the authorities in "
    "an investigation or proceedings. Decide before the recovery and reflection period ends "
    "on {due_on}, so that the person's stay remains lawful after it."
)
CHILD_TEXT = gettext_noop("For a child, the permit is decided in the child's best interests.")
DECIDED_TEXTS = {
    ResidencePermitDecision.GRANTED: gettext_noop(
        "A residence permit was considered: granted on {decided_on}."
    ),
    ResidencePermitDecision.REFUSED: gettext_noop(
        "A residence permit was considered: refused on {decided_on}."
    ),
}
NATIONAL_TEXT = gettext_noop(
    "The person is a national of the country where the case is, so no residence permit is needed."
)
NO_GROUNDS_TEXT = gettext_noop(
    "A residence permit is considered once there are reasonable grounds to believe the person "
    "is a victim; no positive reasonable-grounds decision is recorded."
)
NEGATIVE_TEXT = gettext_noop(
    "The conclusive decision was negative, so a residence permit as a victim is not owed. "
    "Other grounds for staying, including asylum, are not affected."
)
ASYLUM_WARNING = gettext_noop(
    "The person has sought asylum. A permit as a victim of trafficking is without prejudice "
    "to the right to seek and enjoy asylum: one must not be made to replace the other."
)

TITLE = message(gettext_noop("Consider a residence permit"))

CITATIONS = (
    sources.IPU118_OP21_RESIDENCE,
    sources.IPU118_OP16_RESIDENCE,
    sources.IPU145_OP17_RESIDENCE,
)
CHILD_CITATIONS = (sources.IPU145_OP25_BEST_INTERESTS_PERMIT,)


def derive(context: RuleContext) -> list[Obligation]:
    state = context.identification
    facts = context.facts
    citations = CITATIONS + (CHILD_CITATIONS if context.child.treated_as_child else ())
    common = {"id": RULE_ID, "rule_id": RULE_ID, "title": TITLE}
    permit = facts.residence_permit
    if not context.foreign_national:
        return [
            Obligation(
                status=ObligationStatus.NOT_APPLICABLE,
                explanation=message(NATIONAL_TEXT),
                citations=citations,
                triggered_by=("person.nationalities", "jurisdiction_country"),
                **common,
            )
        ]
    if (
        permit is not None
        and permit.decision is not ResidencePermitDecision.PENDING
        and happened(permit.decided_on, context.on)
    ):
        return [
            Obligation(
                status=ObligationStatus.MET,
                explanation=message(DECIDED_TEXTS[permit.decision], decided_on=permit.decided_on),
                citations=citations,
                triggered_by=("residence_permit",),
                **common,
            )
        ]
    if state.conclusive_grounds_negative:
        return [
            Obligation(
                status=ObligationStatus.NOT_APPLICABLE,
                explanation=message(NEGATIVE_TEXT),
                citations=citations,
                triggered_by=("identification.conclusive_grounds",),
                **common,
            )
        ]
    if state.recovery_period is None:
        return [
            Obligation(
                status=ObligationStatus.NOT_APPLICABLE,
                explanation=message(NO_GROUNDS_TEXT),
                citations=citations,
                triggered_by=("identification.reasonable_grounds",),
                **common,
            )
        ]
    due_on = state.recovery_period.ends_on
    explanation = text(message(CONSIDER_TEXT, due_on=due_on))
    if context.child.treated_as_child:
        explanation += message(CHILD_TEXT)
    return [
        Obligation(
            status=deadline_status(due_on, context.on),
            explanation=explanation,
            citations=citations,
            due_on=due_on,
            triggered_by=("identification.reasonable_grounds", "residence_permit"),
            warnings=(message(ASYLUM_WARNING),) if facts.person.asylum_sought else (),
            **common,
        )
    ]


RULE = Rule(
    id=RULE_ID,
    title="Residence permit",
    summary=(
        "Once there are reasonable grounds, a renewable residence permit is considered, "
        "decided by the end of the recovery and reflection period; for a child in the "
        "child's best interests; never in place of asylum."
    ),
    citations=CITATIONS + CHILD_CITATIONS,
    derive=derive,
)
