"""assistance: the help owed from intake to every exploited migrant, identified or not.

Sources: IPU-118 op.20 and IPU-145 op.17 list the measures (CoE art. 12(1)); IOM-IDM-2009
§7 (needs "are likely to be similar, whether or not the persons concerned have been
formally identified") and §13 ("in the first instance, aim to meet the protection and
assistance needs … of all abused and exploited migrants") are why assistance starts at
intake, before and regardless of any identification decision. The items themselves
are in assistance_items.py; the jurisdiction policy says which are owed (at least the
international ones).

Assistance is offered, never imposed (CoE art. 12(7)): an item the person declined is
not pressed on them, and may be offered again.
"""

from __future__ import annotations

from haven.kernel.i18n import gettext_noop, message
from haven.protection.domain import sources
from haven.protection.domain.assistance_items import (
    ASSISTANCE_ITEM_BY_ID,
    AssistanceItem,
    ItemApplies,
)
from haven.protection.domain.context import Rule, RuleContext
from haven.protection.domain.obligations import Obligation, ObligationStatus, Period
from haven.protection.domain.timeline import happened

RULE_ID = "assistance"

FROM_INTAKE_TEXT = gettext_noop(
    "This is owed from intake, before and whatever the outcome of any identification decision."
)
DELIVERED_TEXT = gettext_noop("Provided on {day}.")
DECLINED_TEXT = gettext_noop(
    "The person declined this. Assistance is given only with the person's agreement; offer "
    "it again if their situation or wishes change."
)
NOT_EXPLOITED_TEXT = gettext_noop(
    "Assistance is owed once there is any sign of exploitation or a referral for "
    "identification; none is recorded."
)
NOT_A_CHILD_TEXT = gettext_noop("This is owed to children; the person is not treated as a child.")
NO_PROCEEDINGS_TEXT = gettext_noop("No proceedings concerning the person are recorded.")
NO_LONGER_NEEDED_EVENT = gettext_noop("the person no longer needs it")

FROM_INTAKE_CITATIONS = (sources.IOM_IDM_7_UNIDENTIFIED, sources.IOM_IDM_13_ALL_EXPLOITED)


def _in_proceedings(context: RuleContext) -> bool:
    facts = context.facts
    return (
        facts.proceedings.ongoing
        or facts.proceedings.participates_as_witness
        or any(charge.status.is_live for charge in facts.charges)
    )


def _item_obligation(context: RuleContext, item: AssistanceItem) -> Obligation:
    facts = context.facts
    policy_basis = () if item.international else (context.policy_note("assistance_items"),)
    common = {
        "id": f"{RULE_ID}:{item.id}",
        "rule_id": RULE_ID,
        "title": item.title,
        "citations": item.citations + FROM_INTAKE_CITATIONS,
        "policy_basis": policy_basis,
    }
    if not context.identification.possible_victim:
        return Obligation(
            status=ObligationStatus.NOT_APPLICABLE,
            explanation=message(NOT_EXPLOITED_TEXT),
            triggered_by=("exploitation", "identification"),
            **common,
        )
    if item.applies is ItemApplies.CHILDREN_ONLY and not context.child.treated_as_child:
        return Obligation(
            status=ObligationStatus.NOT_APPLICABLE,
            explanation=message(NOT_A_CHILD_TEXT),
            triggered_by=("person.birth_date", "person.age_estimate", "person.age_assessment"),
            **common,
        )
    if item.applies is ItemApplies.WHEN_PROCEEDINGS and not _in_proceedings(context):
        return Obligation(
            status=ObligationStatus.NOT_APPLICABLE,
            explanation=message(NO_PROCEEDINGS_TEXT),
            triggered_by=("proceedings", "charges"),
            **common,
        )
    delivered_on = facts.assistance.delivered.get(item.id)
    if happened(delivered_on, context.on):
        return Obligation(
            status=ObligationStatus.MET,
            explanation=item.explanation + message(DELIVERED_TEXT, day=delivered_on),
            triggered_by=(f"assistance.delivered.{item.id}",),
            **common,
        )
    if item.id in facts.assistance.declined:
        return Obligation(
            status=ObligationStatus.NOT_APPLICABLE,
            explanation=message(DECLINED_TEXT),
            triggered_by=("assistance.declined",),
            **common,
        )
    return Obligation(
        status=ObligationStatus.DUE,
        explanation=item.explanation + message(FROM_INTAKE_TEXT),
        period=Period(facts.case_opened_on, None, message(NO_LONGER_NEEDED_EVENT)),
        triggered_by=("case_opened_on", "exploitation", "identification"),
        **common,
    )


def derive(context: RuleContext) -> list[Obligation]:
    return [
        _item_obligation(context, ASSISTANCE_ITEM_BY_ID[item_id])
        for item_id in context.settings.assistance_items
    ]


RULE = Rule(
    id=RULE_ID,
    title="Assistance from intake",
    summary=(
        "Secure accommodation, emergency medical care, psychological counselling, translation "
        "and interpretation, information in a language the person understands, legal "
        "assistance in proceedings, vocational training and education for children, owed from "
        "intake to every exploited migrant, identified or not."
    ),
    citations=tuple(
        dict.fromkeys(
            citation
            for item in ASSISTANCE_ITEM_BY_ID.values()
            for citation in item.citations + FROM_INTAKE_CITATIONS
        )
    ),
    derive=derive,
)
