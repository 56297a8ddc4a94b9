"""child-presumption: a person who may be under 18 is treated as a child, with a child's
protections.

Sources: IPU-118 op.19 ("if the age of the victim is uncertain, to proceed on the
assumption that he or she is a child"; CoE art. 10(3)); guardian or representative:
IPU-118 op.19 "all necessary measures of protection", IPU-145 op.17 "child-sensitive
measures" (CoE art. 10(4)); best interests: IPU-145 op.25 "child-sensitive manner"
(CoE art. 14(2), 16(7)); no "means" element for a child: IPU-118 op.26 (Trafficking
Protocol art. 3(c)). Education for children is an assistance item (rules/assistance.py).
"""

from __future__ import annotations

from datetime import timedelta

from haven.kernel.i18n import gettext_noop, message, ngettext_lazy, text
from haven.protection.domain import sources
from haven.protection.domain.age import AgeBasis, could_have_been_child_on
from haven.protection.domain.context import Rule, RuleContext
from haven.protection.domain.obligations import Obligation, ObligationStatus, Period
from haven.protection.domain.rules.common import deadline_status
from haven.protection.domain.timeline import happened

RULE_ID = "child-presumption"

PRESUMED_CHILD_TEXT = gettext_noop(
    "The person's age is uncertain and they may be under {threshold}. Treat them as a child, "
    "with every protection a child is owed, until an age assessment concludes otherwise."
)
PRESUMED_CHILD_UNKNOWN_AGE_TEXT = gettext_noop(
    "No age has been established for the person. Until it is, treat them as a child, with "
    "every protection a child is owed; an age assessment can conclude otherwise."
)
ASSESSMENT_PENDING_WARNING = gettext_noop(
    "An age assessment is under way; the presumption holds until it concludes."
)
KNOWN_CHILD_TEXT = gettext_noop(
    "The person's age is established ({basis}): they are a child. No presumption is needed; "
    "the child protections apply."
)
ADULT_TEXT = gettext_noop(
    "The person's age is established ({basis}) as {threshold} or over, so the child "
    "presumption does not apply."
)
ADULT_BY_ESTIMATE_TEXT = gettext_noop(
    "Every recorded estimate puts the person at {threshold} or over, so the child "
    "presumption does not apply. If there is any reason to think they may be younger, "
    "record it: the presumption would then apply."
)
GUARDIAN_TEXT = gettext_noop(
    "Appoint a guardian or legal representative to act in the child's best interests, "
    "especially if the child is unaccompanied or separated from their family."
)
GUARDIAN_DEADLINE_TEXT = ngettext_lazy(
    "The jurisdiction asks for the appointment within {count} day.",
    "The jurisdiction asks for the appointment within {count} days.",
)
GUARDIAN_MET_TEXT = gettext_noop("A guardian or legal representative was appointed on {day}.")
BEST_INTERESTS_TEXT = gettext_noop(
    "Assess the child's best interests before any decision that affects them, in particular "
    "a residence permit or a return; a child is not returned if the risk and security "
    "assessment shows that return is not in their best interests."
)
BEST_INTERESTS_MET_TEXT = gettext_noop("The child's best interests were assessed on {day}.")
NO_MEANS_TEXT = gettext_noop(
    "The person was or may have been a child when the exploitation began. Recruiting, "
    "transporting, transferring, harbouring or receiving a child for exploitation is "
    "trafficking even without threats, force, deception or any other 'means': do not ask "
    "for evidence of means when screening or deciding."
)
NOT_A_CHILD_TEXT = gettext_noop(
    "The person is not treated as a child, so this child protection does not apply."
)
NO_EXPLOITATION_TEXT = gettext_noop(
    "No exploitation or referral for identification is recorded, so there is no trafficking "
    "question to decide yet."
)

BASIS_LABELS = {
    AgeBasis.BIRTH_DATE: message(gettext_noop("from an accepted birth date")),
    AgeBasis.AGE_ASSESSMENT: message(gettext_noop("by a concluded age assessment")),
    AgeBasis.ESTIMATE: message(gettext_noop("from an estimate")),
    AgeBasis.UNKNOWN: message(gettext_noop("unknown")),
}
PRESUMPTION_ENDS = message(gettext_noop("an age assessment concludes otherwise"))
GUARDIAN_APPOINTED = message(gettext_noop("a guardian is appointed"))

PRESUMPTION_CITATIONS = (sources.IPU118_OP19_CHILD_PRESUMPTION,)
GUARDIAN_CITATIONS = (sources.IPU118_OP19_CHILD_PROTECTION, sources.IPU145_OP17_CHILD_SENSITIVE)
BEST_INTERESTS_CITATIONS = (
    sources.IPU145_OP25_BEST_INTERESTS_PERMIT,
    sources.IPU145_OP25_BEST_INTERESTS_RETURN,
)
NO_MEANS_CITATIONS = (sources.IPU118_OP26_CHILD_NO_MEANS,)

AGE_FACTS = ("person.birth_date", "person.age_estimate", "person.age_assessment")


def _presumption(context: RuleContext) -> Obligation:
    child = context.child
    threshold = context.settings.child_age_threshold_years
    person = context.facts.person
    basis = BASIS_LABELS[child.basis]
    common = {
        "id": RULE_ID,
        "rule_id": RULE_ID,
        "title": message(gettext_noop("Treat a person who may be a child as a child")),
        "citations": PRESUMPTION_CITATIONS,
        "triggered_by": AGE_FACTS,
        "policy_basis": (context.policy_note("child_age_threshold_years"),),
    }
    if child.presumed:
        explanation = (
            message(PRESUMED_CHILD_UNKNOWN_AGE_TEXT)
            if child.basis is AgeBasis.UNKNOWN
            else message(PRESUMED_CHILD_TEXT, threshold=threshold)
        )
        assessment_pending = (
            person.age_assessment is not None and person.age_assessment.outcome is None
        )
        return Obligation(
            status=ObligationStatus.DUE,
            explanation=explanation,
            period=Period(context.facts.case_opened_on, None, PRESUMPTION_ENDS),
            warnings=(message(ASSESSMENT_PENDING_WARNING),) if assessment_pending else (),
            **common,
        )
    if child.treated_as_child:
        explanation = message(KNOWN_CHILD_TEXT, basis=basis)
    elif child.basis is AgeBasis.ESTIMATE:
        explanation = message(ADULT_BY_ESTIMATE_TEXT, threshold=threshold)
    else:
        explanation = message(ADULT_TEXT, basis=basis, threshold=threshold)
    return Obligation(status=ObligationStatus.NOT_APPLICABLE, explanation=explanation, **common)


def _guardian(context: RuleContext) -> Obligation:
    common = {
        "id": f"{RULE_ID}:guardian",
        "rule_id": RULE_ID,
        "title": message(gettext_noop("Guardian or legal representative for the child")),
        "citations": GUARDIAN_CITATIONS,
    }
    if not context.child.treated_as_child:
        return Obligation(
            status=ObligationStatus.NOT_APPLICABLE,
            explanation=message(NOT_A_CHILD_TEXT),
            triggered_by=AGE_FACTS,
            **common,
        )
    appointed_on = context.facts.child_measures.guardian_appointed_on
    triggered_by = (*AGE_FACTS, "child_measures.guardian_appointed_on")
    if happened(appointed_on, context.on):
        return Obligation(
            status=ObligationStatus.MET,
            explanation=message(GUARDIAN_MET_TEXT, day=appointed_on),
            triggered_by=triggered_by,
            **common,
        )
    within_days = context.settings.child_guardian_appointment_within_days
    explanation = text(message(GUARDIAN_TEXT))
    due_on = None
    policy_basis: tuple[str, ...] = ()
    if within_days is not None:
        due_on = context.facts.case_opened_on + timedelta(days=within_days)
        explanation += message(GUARDIAN_DEADLINE_TEXT, count=within_days)
        policy_basis = (context.policy_note("child_guardian_appointment_within_days"),)
    return Obligation(
        status=deadline_status(due_on, context.on),
        explanation=explanation,
        due_on=due_on,
        period=Period(context.facts.case_opened_on, None, GUARDIAN_APPOINTED),
        triggered_by=triggered_by,
        policy_basis=policy_basis,
        **common,
    )


def _best_interests(context: RuleContext) -> Obligation:
    common = {
        "id": f"{RULE_ID}:best-interests",
        "rule_id": RULE_ID,
        "title": message(gettext_noop("Assess the child's best interests")),
        "citations": BEST_INTERESTS_CITATIONS,
    }
    if not context.child.treated_as_child:
        return Obligation(
            status=ObligationStatus.NOT_APPLICABLE,
            explanation=message(NOT_A_CHILD_TEXT),
            triggered_by=AGE_FACTS,
            **common,
        )
    assessed_on = context.facts.child_measures.best_interests_assessed_on
    if happened(assessed_on, context.on):
        return Obligation(
            status=ObligationStatus.MET,
            explanation=message(BEST_INTERESTS_MET_TEXT, day=assessed_on),
            triggered_by=(*AGE_FACTS, "child_measures.best_interests_assessed_on"),
            **common,
        )
    # The assessment must come before any return, whether the child asked for it or not.
    planned = [
        day
        for day in (
            context.facts.voluntary_return.planned_on,
            context.facts.removal.planned_on,
        )
        if day is not None
    ]
    due_on = min(planned) if planned else None
    return Obligation(
        status=deadline_status(due_on, context.on),
        explanation=message(BEST_INTERESTS_TEXT),
        due_on=due_on,
        triggered_by=(*AGE_FACTS, "voluntary_return.planned_on", "removal.planned_on"),
        **common,
    )


def _no_means(context: RuleContext) -> Obligation:
    facts = context.facts
    threshold = context.settings.child_age_threshold_years
    common = {
        "id": f"{RULE_ID}:no-means-element",
        "rule_id": RULE_ID,
        "title": message(gettext_noop("No 'means' element for a child")),
        "citations": NO_MEANS_CITATIONS,
    }
    began_on = facts.exploitation.began_on
    was_child = context.child.treated_as_child or (
        began_on is not None
        and could_have_been_child_on(facts.person, threshold, began_on, context.on)
    )
    triggered_by = (*AGE_FACTS, "exploitation.began_on")
    if not was_child:
        return Obligation(
            status=ObligationStatus.NOT_APPLICABLE,
            explanation=message(NOT_A_CHILD_TEXT),
            triggered_by=triggered_by,
            **common,
        )
    if not context.identification.possible_victim:
        return Obligation(
            status=ObligationStatus.NOT_APPLICABLE,
            explanation=message(NO_EXPLOITATION_TEXT),
            triggered_by=(*triggered_by, "exploitation", "identification"),
            **common,
        )
    return Obligation(
        status=ObligationStatus.DUE,
        explanation=message(NO_MEANS_TEXT),
        triggered_by=(*triggered_by, "exploitation", "identification"),
        **common,
    )


def derive(context: RuleContext) -> list[Obligation]:
    return [
        _presumption(context),
        _guardian(context),
        _best_interests(context),
        _no_means(context),
    ]


RULE = Rule(
    id=RULE_ID,
    title="Child presumption and child protections",
    summary=(
        "A person whose age is uncertain and who may be under 18 is treated as a child until an "
        "age assessment concludes otherwise. A child is owed a guardian or representative, an "
        "assessment of their best interests and education; trafficking of a child needs no "
        "'means' element."
    ),
    citations=(
        *PRESUMPTION_CITATIONS,
        *GUARDIAN_CITATIONS,
        *BEST_INTERESTS_CITATIONS,
        *NO_MEANS_CITATIONS,
    ),
    derive=derive,
)
