"""Materialise the rules engine's obligations for a case, in the caller's
transaction, whenever the case's facts change; and show them in the reader's
language.

The engine returns messages (haven.kernel.i18n), not English sentences. A row
keeps them in ``messages`` (message id + parameters, as JSON) and they are
translated when shown, in the active language, with dates in its format. The
English columns (``title``, ``explanation``, ``warnings``, ``period_ends_with``)
keep the English rendering for the admin, exports and rows stored before
messages were: a row without messages is shown in that English.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import formats, timezone, translation

from haven.cases.facts import case_facts
from haven.cases.models import Case, Obligation
from haven.kernel.i18n import Message, MessageDataInvalid, Text, english, from_json, render, to_json
from haven.protection.domain import Obligation as ComputedObligation
from haven.protection.domain import bundled_policy, evaluate, removal_allowed
from haven.protection.domain.assistance_items import ASSISTANCE_ITEM_BY_ID
from haven.protection.domain.engine import RemovalCheck


def _policy(case: Case):  # type: ignore[no-untyped-def]
    return bundled_policy(case.policy)


def stored_messages(item: ComputedObligation) -> dict[str, Any]:
    """What the row keeps so that the obligation can be shown in any language."""
    ends_with = item.period.ends_with if item.period else None
    return {
        "title": to_json(item.title),
        "explanation": to_json(item.explanation),
        "warnings": [to_json(warning) for warning in item.warnings],
        "period_ends_with": to_json(ends_with) if ends_with is not None else None,
    }


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
            title=english(item.title)[:200],
            explanation=english(item.explanation),
            due_on=item.due_on,
            period_starts_on=item.period.starts_on if item.period else None,
            period_ends_on=item.period.ends_on if item.period else None,
            period_ends_with=(
                english(item.period.ends_with) if item.period and item.period.ends_with else ""
            ),
            citations=[
                {
                    "reference": str(citation),
                    "instrument": citation.instrument,
                    "article": citation.article,
                }
                for citation in item.citations
            ],
            warnings=[english(warning) for warning in item.warnings],
            messages=stored_messages(item),
            computed_on=on,
        )
        for item in computed
    ]
    return Obligation.objects.bulk_create(rows)


def removal_check(case: Case, on: date) -> RemovalCheck:
    return removal_allowed(case_facts(case), _policy(case), on)


# --- display -----------------------------------------------------------------------------


class ActiveLanguage:
    """The kernel's Translator for the language Django has active (the request's)."""

    def gettext(self, msgid: str) -> str:
        return translation.gettext(msgid)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return translation.ngettext(singular, plural, count)

    def format_date(self, day: date) -> str:
        return formats.date_format(day, "DATE_FORMAT")

    def format_number(self, number: int) -> str:
        return str(formats.number_format(number))


ACTIVE_LANGUAGE = ActiveLanguage()


def translated(item: Message | Text) -> str:
    """A message from the engine in the active language."""
    return render(item, ACTIVE_LANGUAGE)


def translated_data(data: Any, fallback: str = "") -> str:
    """Stored message data (``to_json``) in the active language; ``fallback`` when
    there is none or it cannot be read."""
    if not data:
        return fallback
    try:
        return translated(from_json(data))
    except (MessageDataInvalid, KeyError, IndexError, ValueError):
        # Data this code did not write (or a message id whose placeholders no
        # longer match its parameters): the stored English is still right.
        return fallback


def obligation_title(row: Obligation) -> str:
    return translated_data((row.messages or {}).get("title"), row.title)


def obligation_explanation(row: Obligation) -> str:
    return translated_data((row.messages or {}).get("explanation"), row.explanation)


def obligation_period_ends_with(row: Obligation) -> str:
    return translated_data((row.messages or {}).get("period_ends_with"), row.period_ends_with)


def obligation_warnings(row: Obligation) -> list[str]:
    stored = (row.messages or {}).get("warnings")
    if not isinstance(stored, list) or len(stored) != len(row.warnings or []):
        return list(row.warnings or [])
    return [
        translated_data(data, fallback) for data, fallback in zip(stored, row.warnings, strict=True)
    ]


def assistance_item_title(item_id: str) -> str:
    """The name of an assistance item in the active language (the id if unknown)."""
    item = ASSISTANCE_ITEM_BY_ID.get(item_id)
    return translated(item.title) if item is not None else item_id
