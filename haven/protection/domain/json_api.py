"""The engine in JSON terms, for the command line and the API.

``evaluate_json`` takes facts as JSON (text or parsed), a policy name and a date, and
returns plain JSON-ready data; ``rules_catalogue`` lists every rule with its citations.
Texts are rendered in English (the source strings, dates as YYYY-MM-DD): this output is
for developers and scripts; people read the obligations in their own language in the
case page and the API. Errors are FactsInvalid / PolicyInvalid / PolicyUnknown, each
listing what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from haven.kernel.citations import Citation
from haven.kernel.clock import Clock, SystemClock
from haven.kernel.i18n import english
from haven.protection.domain.engine import RemovalReason, evaluate, removal_allowed
from haven.protection.domain.errors import FactsInvalid, Problem
from haven.protection.domain.facts_json import read_facts
from haven.protection.domain.obligations import Obligation, ObligationStatus, Period
from haven.protection.domain.policy import INTERNATIONAL_MINIMUMS, JurisdictionPolicy
from haven.protection.domain.policy_loader import INTERNATIONAL_POLICY_NAME, bundled_policy
from haven.protection.domain.rules import RULES

OUTPUT_FORMAT_VERSION = 1


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def citation_to_dict(citation: Citation) -> dict[str, str | None]:
    return {
        "reference": str(citation),
        "source": citation.source,
        "paragraph": citation.paragraph,
        "instrument": citation.instrument,
        "article": citation.article,
        "text": citation.describe(),
    }


def period_to_dict(period: Period | None) -> dict[str, str | None] | None:
    if period is None:
        return None
    return {
        "starts_on": _day(period.starts_on),
        "ends_on": _day(period.ends_on),
        "ends_with": english(period.ends_with) if period.ends_with is not None else None,
    }


def obligation_to_dict(obligation: Obligation) -> dict[str, Any]:
    return {
        "id": obligation.id,
        "rule": obligation.rule_id,
        "title": english(obligation.title),
        "status": obligation.status.value,
        "due_on": _day(obligation.due_on),
        "period": period_to_dict(obligation.period),
        "explanation": english(obligation.explanation),
        "warnings": [english(warning) for warning in obligation.warnings],
        "citations": [citation_to_dict(citation) for citation in obligation.citations],
        "triggered_by": list(obligation.triggered_by),
        "policy_basis": list(obligation.policy_basis),
    }


def removal_reason_to_dict(reason: RemovalReason) -> dict[str, Any]:
    return {
        "rule": reason.rule_id,
        "obligation": reason.obligation_id,
        "blocking": reason.blocking,
        "explanation": english(reason.explanation),
        "period": period_to_dict(reason.period),
        "due_on": _day(reason.due_on),
        "citations": [citation_to_dict(citation) for citation in reason.citations],
    }


def policy_to_dict(policy: JurisdictionPolicy) -> dict[str, Any]:
    return {
        "name": policy.name,
        "title": policy.title,
        "example": policy.example,
        "country": policy.country,
    }


def _evaluation_date(on: date | str | None, clock: Clock) -> date:
    if on is None:
        return clock.today()
    if isinstance(on, date):
        return on
    try:
        return date.fromisoformat(on)
    except ValueError:
        raise FactsInvalid([Problem("on", "a date written YYYY-MM-DD", repr(on))]) from None


def evaluate_json(
    facts: str | Mapping[str, Any],
    policy_name: str | None = None,
    on: date | str | None = None,
    *,
    clock: Clock | None = None,
) -> dict[str, Any]:
    """Evaluates facts given as JSON text or a parsed mapping.

    ``policy_name`` defaults to the international minimum; ``on`` (a date or "YYYY-MM-DD")
    defaults to today by ``clock``. Returns the obligations, the removal check for ``on``
    and a count per status, all as JSON-ready values.
    """
    case_facts = read_facts(facts)
    policy = bundled_policy(policy_name or INTERNATIONAL_POLICY_NAME)
    evaluated_on = _evaluation_date(on, clock or SystemClock())
    obligations = evaluate(case_facts, policy, evaluated_on)
    removal = removal_allowed(case_facts, policy, evaluated_on)
    counts = {status.value: 0 for status in ObligationStatus}
    for obligation in obligations:
        counts[obligation.status.value] += 1
    return {
        "format_version": OUTPUT_FORMAT_VERSION,
        "evaluated_on": evaluated_on.isoformat(),
        "policy": policy_to_dict(policy),
        "removal_on_this_date": {
            "allowed": removal.allowed,
            "reasons": [removal_reason_to_dict(reason) for reason in removal.reasons],
        },
        "counts": counts,
        "obligations": [obligation_to_dict(obligation) for obligation in obligations],
    }


def rules_catalogue() -> list[dict[str, Any]]:
    """Every rule with its citations and the policy settings that may raise its minimum."""
    catalogue = []
    for rule in RULES:
        minimums = [m for m in INTERNATIONAL_MINIMUMS if m.rule_id == rule.id]
        catalogue.append(
            {
                "id": rule.id,
                "title": rule.title,
                "summary": rule.summary,
                "citations": [citation_to_dict(citation) for citation in rule.citations],
                "policy_settings": [
                    {
                        "setting": minimum.setting,
                        "international_minimum": minimum.description,
                    }
                    for minimum in minimums
                ],
            }
        )
    return catalogue
