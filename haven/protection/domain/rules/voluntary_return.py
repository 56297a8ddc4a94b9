"""voluntary-return: a possible victim returns only voluntarily, after a risk assessment
(for a child, an assessment of the child's best interests), with access to their
consulate and with reintegration support.

Sources: IPU-118 op.17 (the right to voluntary repatriation and to consular access;
CoE art. 16(2) "shall preferably be voluntary", with due regard for rights, safety and
dignity); IPU-118 op.19 (deport "only if repatriation is appropriate"); IPU-118 op.11
(reintegration programmes; CoE art. 16(5)); IOM-IDM-2009 §13 ("safe and dignified
return"), §15 (the return phase needs particular monitoring; reintegration on return);
for a child, IPU-145 op.25 (CoE art. 16(7): no return against the child's best
interests as shown by a risk and security assessment).

The engine lists what is missing before a return; people decide whether it happens.
"""

from __future__ import annotations

from haven.kernel.i18n import Message, gettext_noop, message
from haven.protection.domain import sources
from haven.protection.domain.context import Rule, RuleContext
from haven.protection.domain.obligations import Obligation, ObligationStatus
from haven.protection.domain.rules.common import deadline_status
from haven.protection.domain.timeline import happened

RULE_ID = "voluntary-return"

RETURN_TEXT = gettext_noop(
    "A return of the person to their country is requested or planned. It may go ahead only if "
    "it is voluntary and safe. Still missing: {missing}."
)
READY_TEXT = gettext_noop(
    "The return safeguards are in place: the person's free and informed agreement, a risk "
    "assessment, an offer of consular access and arranged reintegration support."
)
READY_CHILD_TEXT = gettext_noop(
    "The return safeguards are in place: the person's free and informed agreement, a risk "
    "assessment and of the child's best interests, an offer of consular access and arranged "
    "reintegration support."
)
NO_RETURN_TEXT = gettext_noop("No return is requested or planned.")
NOT_VICTIM_TEXT = gettext_noop(
    "The person is not a possible victim on record, so the return safeguards for victims do not "
    "apply; other protections against return, such as asylum, are not affected."
)
MISSING_CONSENT = gettext_noop("the person's free and informed agreement to return")
MISSING_RISK = gettext_noop("a risk assessment of the return")
MISSING_BEST_INTERESTS = gettext_noop("an assessment of the child's best interests")
MISSING_CONSULAR = gettext_noop("an offer of access to the person's consular representatives")
MISSING_REINTEGRATION = gettext_noop("reintegration support in the country of return")
ENFORCED_REMOVAL_WARNING = gettext_noop(
    "The authorities plan a removal on {planned_on}. The return of a victim should be "
    "voluntary; make sure the person agrees and the safeguards are in place."
)
REFUSED_WARNING = gettext_noop("The person has not agreed to return.")
CHILD_RISK_WARNING = gettext_noop(
    "A child is not returned if the risk and security assessment shows that return is not in "
    "their best interests."
)
CONSULAR_CAUTION_WARNING = gettext_noop(
    "The person has sought asylum or fears their own State: offer consular access, never "
    "impose it, and share nothing without their informed consent."
)

TITLE = message(gettext_noop("Return only if voluntary and safe"))

CITATIONS = (
    sources.IPU118_OP17_VOLUNTARY_RETURN,
    sources.IPU118_OP19_REPATRIATION_APPROPRIATE,
    sources.IPU118_OP11_REINTEGRATION,
    sources.IOM_IDM_13_SAFE_RETURN,
    sources.IOM_IDM_15_RETURN_MONITORING,
)
CHILD_CITATIONS = (sources.IPU145_OP25_BEST_INTERESTS_RETURN,)


def derive(context: RuleContext) -> list[Obligation]:
    facts = context.facts
    request = facts.voluntary_return
    child = context.child.treated_as_child
    citations = CITATIONS + (CHILD_CITATIONS if child else ())
    common = {
        "id": RULE_ID,
        "rule_id": RULE_ID,
        "title": TITLE,
        "citations": citations,
    }
    planned = [day for day in (request.planned_on, facts.removal.planned_on) if day is not None]
    if not (request.requested_by_person or planned):
        return [
            Obligation(
                status=ObligationStatus.NOT_APPLICABLE,
                explanation=message(NO_RETURN_TEXT),
                triggered_by=("voluntary_return", "removal.planned_on"),
                **common,
            )
        ]
    if not context.identification.possible_victim:
        return [
            Obligation(
                status=ObligationStatus.NOT_APPLICABLE,
                explanation=message(NOT_VICTIM_TEXT),
                triggered_by=("exploitation", "identification"),
                **common,
            )
        ]

    on = context.on
    missing: list[Message] = []
    if request.voluntary is not True:
        missing.append(message(MISSING_CONSENT))
    if not happened(request.risk_assessment_completed_on, on):
        missing.append(message(MISSING_RISK))
    if child and not happened(facts.child_measures.best_interests_assessed_on, on):
        missing.append(message(MISSING_BEST_INTERESTS))
    if not happened(request.consular_access_offered_on, on):
        missing.append(message(MISSING_CONSULAR))
    if not happened(request.reintegration_support_arranged_on, on):
        missing.append(message(MISSING_REINTEGRATION))

    warnings: list[Message] = []
    if facts.removal.planned_on is not None and facts.removal.planned_on >= on:
        warnings.append(message(ENFORCED_REMOVAL_WARNING, planned_on=facts.removal.planned_on))
    if request.voluntary is False:
        warnings.append(message(REFUSED_WARNING))
    if child:
        warnings.append(message(CHILD_RISK_WARNING))
    if facts.person.asylum_sought or facts.person.fears_own_state:
        warnings.append(message(CONSULAR_CAUTION_WARNING))

    due_on = min(planned) if planned else None
    triggered_by = ("voluntary_return", "removal.planned_on", "child_measures")
    if not missing:
        return [
            Obligation(
                status=ObligationStatus.MET,
                explanation=message(READY_CHILD_TEXT if child else READY_TEXT),
                due_on=due_on,
                triggered_by=triggered_by,
                warnings=tuple(warnings),
                **common,
            )
        ]
    return [
        Obligation(
            status=deadline_status(due_on, on),
            explanation=message(RETURN_TEXT, missing=missing),
            due_on=due_on,
            triggered_by=triggered_by,
            warnings=tuple(warnings),
            **common,
        )
    ]


RULE = Rule(
    id=RULE_ID,
    title="Voluntary and safe return",
    summary=(
        "A possible victim returns only voluntarily and after a risk assessment (for a child, "
        "an assessment of the child's best interests), with an offer of consular access and "
        "reintegration support."
    ),
    citations=CITATIONS + CHILD_CITATIONS,
    derive=derive,
)
