"""non-punishment, non-prosecution-smuggled and witness-support.

non-punishment: a charge or penalty for an act the person was compelled to commit as a
consequence of being trafficked is flagged for review (IPU-145 op.25 "protected from
punishment for illegal conduct as a consequence of being trafficked"; CoE art. 26). The
engine flags; a prosecutor or court decides.

non-prosecution-smuggled: "smuggled migrants must not be prosecuted for having been
smuggled" (IPU-145 op.24; Smuggling Protocol art. 5). Other offences remain a matter for
national law.

witness-support: the person may take part in proceedings against traffickers, with
effective witness protection and assistance (IPU-118 op.18); assistance never depends
on it (CoE art. 12(6)).
"""

from __future__ import annotations

from haven.kernel.i18n import gettext_noop, message
from haven.protection.domain import sources
from haven.protection.domain.context import Rule, RuleContext
from haven.protection.domain.facts import Charge, ChargeStatus
from haven.protection.domain.obligations import Obligation, ObligationStatus
from haven.protection.domain.timeline import happened

NON_PUNISHMENT_ID = "non-punishment"
SMUGGLED_ID = "non-prosecution-smuggled"
WITNESS_ID = "witness-support"

COMPELLED_TEXT = gettext_noop(
    "The charge '{offence}' concerns an act the person was compelled to commit as a "
    "consequence of being trafficked. Flag it to the prosecutor or court for review: the "
    "person should be protected from punishment for it."
)
ASK_COMPULSION_TEXT = gettext_noop(
    "The charge '{offence}' may concern an act the person was made to commit while being "
    "exploited. Find out whether they were compelled, and if so flag the charge for review: "
    "victims should be protected from punishment for acts they were compelled to commit."
)
REVIEWED_TEXT = gettext_noop("The charge '{offence}' was flagged and its review recorded on {day}.")
NOT_COMPELLED_TEXT = gettext_noop(
    "The charge '{offence}' is recorded as not compelled by trafficking. If new information "
    "suggests otherwise, record it and the charge will be flagged."
)
# A closed charge (not live): one sentence per way it closed.
CHARGE_CLOSED_TEXTS = {
    ChargeStatus.DROPPED: gettext_noop("The charge '{offence}' was dropped; nothing to review."),
    ChargeStatus.ACQUITTED: gettext_noop(
        "The charge '{offence}' was acquitted; nothing to review."
    ),
}
NO_LINK_TEXT = gettext_noop(
    "Nothing recorded links the charge '{offence}' to exploitation, and the person is not a "
    "possible victim on record."
)
NO_CHARGES_TEXT = gettext_noop("No charge or penalty is recorded against the person.")

SMUGGLED_TEXT = gettext_noop(
    "The person was smuggled. They must not be prosecuted for having been smuggled; no such "
    "charge is recorded."
)
SMUGGLED_CHARGE_TEXT = gettext_noop(
    "The charge '{offence}' is for having been smuggled. Smuggled migrants must not be "
    "prosecuted for that: flag the charge to the prosecutor for withdrawal."
)
SMUGGLED_CHARGE_WARNING = gettext_noop("A prosecution for having been smuggled is recorded.")
NOT_SMUGGLED_TEXT = gettext_noop("The person is not recorded as having been smuggled.")

WITNESS_TEXT = gettext_noop(
    "The person is taking part in proceedings as a witness. Make sure they have effective "
    "witness protection and assistance throughout."
)
WITNESS_MET_TEXT = gettext_noop("Witness protection and assistance have been in place since {day}.")
NOT_WITNESS_TEXT = gettext_noop(
    "The person is not taking part in proceedings as a witness. Taking part is their choice, "
    "and their assistance does not depend on it."
)
CONDITIONAL_WARNING = gettext_noop(
    "Assistance has been made to depend on the person's cooperation with the authorities. "
    "Assistance must never be conditional on the person's willingness to act as a witness: "
    "remove the condition."
)

NON_PUNISHMENT_TITLE = message(
    gettext_noop("Review a charge for an act the person was compelled to commit")
)
SMUGGLED_TITLE = message(gettext_noop("No prosecution for having been smuggled"))
WITNESS_TITLE = message(
    gettext_noop("Witness protection and assistance; assistance never conditional")
)

NON_PUNISHMENT_CITATIONS = (sources.IPU145_OP25_NON_PUNISHMENT,)
SMUGGLED_CITATIONS = (sources.IPU145_OP24_SMUGGLED,)
WITNESS_CITATIONS = (sources.IPU118_OP18_WITNESS, sources.IPU118_OP18_UNCONDITIONAL)


def _charge_path(charge: Charge) -> str:
    return f"charges[id={charge.id}]"


def _non_punishment_for(context: RuleContext, charge: Charge) -> Obligation:
    path = _charge_path(charge)
    common = {
        "id": f"{NON_PUNISHMENT_ID}:{charge.id}",
        "rule_id": NON_PUNISHMENT_ID,
        "title": NON_PUNISHMENT_TITLE,
        "citations": NON_PUNISHMENT_CITATIONS,
        "triggered_by": (
            f"{path}.status",
            f"{path}.compelled_by_trafficking",
            f"{path}.linked_to_exploitation",
        ),
    }
    offence = charge.offence
    if not charge.status.is_live:
        text = message(CHARGE_CLOSED_TEXTS[charge.status], offence=offence)
        return Obligation(status=ObligationStatus.NOT_APPLICABLE, explanation=text, **common)
    if charge.compelled_by_trafficking is False:
        text = message(NOT_COMPELLED_TEXT, offence=offence)
        return Obligation(status=ObligationStatus.NOT_APPLICABLE, explanation=text, **common)
    if charge.compelled_by_trafficking is None and not (
        charge.linked_to_exploitation or context.identification.possible_victim
    ):
        text = message(NO_LINK_TEXT, offence=offence)
        return Obligation(status=ObligationStatus.NOT_APPLICABLE, explanation=text, **common)
    if happened(charge.review_recorded_on, context.on):
        text = message(REVIEWED_TEXT, offence=offence, day=charge.review_recorded_on)
        return Obligation(status=ObligationStatus.MET, explanation=text, **common)
    template = COMPELLED_TEXT if charge.compelled_by_trafficking else ASK_COMPULSION_TEXT
    return Obligation(
        status=ObligationStatus.DUE, explanation=message(template, offence=offence), **common
    )


def non_punishment(context: RuleContext) -> list[Obligation]:
    if not context.facts.charges:
        return [
            Obligation(
                id=NON_PUNISHMENT_ID,
                rule_id=NON_PUNISHMENT_ID,
                title=NON_PUNISHMENT_TITLE,
                status=ObligationStatus.NOT_APPLICABLE,
                explanation=message(NO_CHARGES_TEXT),
                citations=NON_PUNISHMENT_CITATIONS,
                triggered_by=("charges",),
            )
        ]
    return [_non_punishment_for(context, charge) for charge in context.facts.charges]


def non_prosecution_smuggled(context: RuleContext) -> list[Obligation]:
    facts = context.facts
    smuggling_charges = [
        charge
        for charge in facts.charges
        if charge.for_having_been_smuggled and charge.status.is_live
    ]
    obligations = [
        Obligation(
            id=f"{SMUGGLED_ID}:{charge.id}",
            rule_id=SMUGGLED_ID,
            title=SMUGGLED_TITLE,
            status=ObligationStatus.DUE,
            explanation=message(SMUGGLED_CHARGE_TEXT, offence=charge.offence),
            citations=SMUGGLED_CITATIONS,
            triggered_by=(f"{_charge_path(charge)}.for_having_been_smuggled",),
            warnings=(message(SMUGGLED_CHARGE_WARNING),),
        )
        for charge in smuggling_charges
    ]
    if not obligations:
        obligations.append(
            Obligation(
                id=SMUGGLED_ID,
                rule_id=SMUGGLED_ID,
                title=SMUGGLED_TITLE,
                # A standing prohibition is "met" for as long as no such charge exists.
                status=ObligationStatus.MET if facts.smuggled else ObligationStatus.NOT_APPLICABLE,
                explanation=message(SMUGGLED_TEXT if facts.smuggled else NOT_SMUGGLED_TEXT),
                citations=SMUGGLED_CITATIONS,
                triggered_by=("smuggled", "charges"),
            )
        )
    return obligations


def witness_support(context: RuleContext) -> list[Obligation]:
    proceedings = context.facts.proceedings
    warnings = (
        (message(CONDITIONAL_WARNING),) if proceedings.assistance_conditional_on_cooperation else ()
    )
    common = {
        "id": WITNESS_ID,
        "rule_id": WITNESS_ID,
        "title": WITNESS_TITLE,
        "citations": WITNESS_CITATIONS,
        "triggered_by": ("proceedings",),
        "warnings": warnings,
    }
    if not proceedings.participates_as_witness:
        # The condition on assistance is a breach whether or not the person testifies.
        status = ObligationStatus.DUE if warnings else ObligationStatus.NOT_APPLICABLE
        return [Obligation(status=status, explanation=message(NOT_WITNESS_TEXT), **common)]
    protected_on = proceedings.witness_protection_in_place_on
    if happened(protected_on, context.on) and not warnings:
        return [
            Obligation(
                status=ObligationStatus.MET,
                explanation=message(WITNESS_MET_TEXT, day=protected_on),
                **common,
            )
        ]
    return [Obligation(status=ObligationStatus.DUE, explanation=message(WITNESS_TEXT), **common)]


NON_PUNISHMENT_RULE = Rule(
    id=NON_PUNISHMENT_ID,
    title="Non-punishment",
    summary=(
        "A charge or penalty for an act the person was compelled to commit as a consequence "
        "of being trafficked is flagged for review; where compulsion is unknown for a "
        "possible victim, the question is asked."
    ),
    citations=NON_PUNISHMENT_CITATIONS,
    derive=non_punishment,
)

SMUGGLED_RULE = Rule(
    id=SMUGGLED_ID,
    title="No prosecution for having been smuggled",
    summary="A smuggled migrant is not prosecuted for having been smuggled.",
    citations=SMUGGLED_CITATIONS,
    derive=non_prosecution_smuggled,
)

WITNESS_RULE = Rule(
    id=WITNESS_ID,
    title="Witness support",
    summary=(
        "A person who takes part in proceedings has effective witness protection and "
        "assistance; assistance is never conditional on taking part."
    ),
    citations=WITNESS_CITATIONS,
    derive=witness_support,
)
