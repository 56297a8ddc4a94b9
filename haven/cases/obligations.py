"""Materialise the rules engine's obligations for a case, in the caller's
transaction, whenever the case's facts change."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from haven.cases.facts import case_facts
from haven.cases.models import Case, Obligation
from haven.protection.domain import bundled_policy, evaluate, removal_allowed
from haven.protection.domain.engine import RemovalCheck


def _policy(case: Case):  # type: ignore[no-untyped-def]
    return bundled_policy(case.policy)


def obligations_refresh(case: Case, on: date | None = None) -> list[Obligation]:
    on = on or timezone.localdate()
    computed = evaluate(case_facts(case), _policy(case), on)
    Obligation.objects.filter(case=case).delete()
    rows = [
        Obligation(
            case=case,
            obligation_id=item.id,
            rule_id=item.rule_id,
            status=item.status.value,
            title=item.title[:200],
            explanation=item.explanation,
            due_on=item.due_on,
            period_starts_on=item.period.starts_on if item.period else None,
            period_ends_on=item.period.ends_on if item.period else None,
            period_ends_with=(item.period.ends_with or "") if item.period else "",
            citations=[
                {
                    "reference": str(citation),
                    "instrument": citation.instrument,
                    "article": citation.article,
                }
                for citation in item.citations
            ],
            warnings=list(item.warnings),
            computed_on=on,
        )
        for item in computed
    ]
    return Obligation.objects.bulk_create(rows)


def removal_check(case: Case, on: date) -> RemovalCheck:
    return removal_allowed(case_facts(case), _policy(case), on)
