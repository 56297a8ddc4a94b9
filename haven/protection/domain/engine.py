"""The protection rules engine: from a case's facts, a policy and a date, the obligations.

Pure and deterministic: the same facts, policy and date always give the same
obligations in the same order (the order of the rules table, then of the facts).
The engine never decides identification or removal; it computes what is owed,
by when, and why, and says when a removal would breach a stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from haven.kernel.citations import Citation
from haven.kernel.i18n import Text
from haven.protection.domain.context import build_context
from haven.protection.domain.facts import CaseFacts
from haven.protection.domain.obligations import Obligation, ObligationStatus, Period
from haven.protection.domain.policy import JurisdictionPolicy
from haven.protection.domain.rules import RULES
from haven.protection.domain.rules.child import RULE_ID as CHILD_RULE_ID
from haven.protection.domain.rules.removal import RECOVERY_PERIOD_ID, REMOVAL_STAY_ID
from haven.protection.domain.rules.voluntary_return import RULE_ID as RETURN_RULE_ID

# Obligations whose period bars removal while it runs.
REMOVAL_BARRING_RULES = (REMOVAL_STAY_ID, RECOVERY_PERIOD_ID)
# Obligations a removal must respect but that do not by themselves bar it: people decide.
REMOVAL_REMINDER_IDS = (RETURN_RULE_ID, f"{CHILD_RULE_ID}:best-interests")


class RuleDefect(RuntimeError):
    """A rule produced something the engine cannot vouch for (a programming error)."""


def evaluate(facts: CaseFacts, policy: JurisdictionPolicy, on: date) -> list[Obligation]:
    """Every obligation owed to the person as of ``on``, including the ones that do not
    apply, each with the reason and its citations."""
    context = build_context(facts, policy, on)
    obligations: list[Obligation] = []
    seen_ids: set[str] = set()
    for rule in RULES:
        for obligation in rule.derive(context):
            if obligation.rule_id != rule.id:
                raise RuleDefect(
                    f"rule {rule.id} produced {obligation.id} for {obligation.rule_id}"
                )
            if obligation.id in seen_ids:
                raise RuleDefect(f"obligation id {obligation.id} produced twice")
            seen_ids.add(obligation.id)
            obligations.append(obligation)
    return obligations


@dataclass(frozen=True, slots=True)
class RemovalReason:
    """Why a removal on a date is barred (``blocking``) or what it must still respect."""

    rule_id: str
    obligation_id: str
    blocking: bool
    explanation: Text
    citations: tuple[Citation, ...]
    period: Period | None = None
    due_on: date | None = None


class RemovalCheck(NamedTuple):
    """``allowed, reasons = removal_allowed(...)``. ``allowed`` is False while any blocking
    reason stands; non-blocking reasons are reminders for the person who decides."""

    allowed: bool
    reasons: tuple[RemovalReason, ...]


def removal_allowed(facts: CaseFacts, policy: JurisdictionPolicy, on: date) -> RemovalCheck:
    """Whether a removal on ``on`` would respect the removal stay and the recovery period.

    Used by the case service to refuse a planned removal while the stay applies. Allowed
    does not mean advisable: the reasons also carry the return safeguards still missing.
    """
    reasons = []
    for obligation in evaluate(facts, policy, on):
        if obligation.rule_id in REMOVAL_BARRING_RULES:
            if (
                obligation.status is ObligationStatus.DUE
                and obligation.period is not None
                and obligation.period.covers(on)
            ):
                reasons.append(_reason(obligation, blocking=True))
        elif obligation.id in REMOVAL_REMINDER_IDS and obligation.status in (
            ObligationStatus.DUE,
            ObligationStatus.OVERDUE,
        ):
            reasons.append(_reason(obligation, blocking=False))
    allowed = not any(reason.blocking for reason in reasons)
    return RemovalCheck(allowed, tuple(reasons))


def _reason(obligation: Obligation, *, blocking: bool) -> RemovalReason:
    return RemovalReason(
        rule_id=obligation.rule_id,
        obligation_id=obligation.id,
        blocking=blocking,
        explanation=obligation.explanation,
        citations=obligation.citations,
        period=obligation.period,
        due_on=obligation.due_on,
    )
