"""Stored records as the linkage engine reads them, and its answers as stored.

The engine (``domain/engine.py``) compares plain ``LinkageRecord`` values; this
module turns missing-person reports, found and deceased records and registered
persons into them, and a candidate's explanation into the JSON kept with a
proposed pair. Both linkage jobs (missing <-> found, and de-duplication of
persons) use the same conversions, so a name, a birth year or a nationality is
read the same way in each.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import pycountry

from haven.tracing.domain import records as linkage_records
from haven.tracing.domain.engine import Candidate


def alpha3(alpha2: str) -> tuple[str, ...]:
    country = pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None
    return (country.alpha_3,) if country else ()


def names_for_linkage(names: dict[str, Any] | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(Latin names and aliases, names in the original script)."""
    names = names or {}
    latin = tuple(n for n in [*(names.get("latin") or []), *(names.get("aliases") or [])] if n)
    original = names.get("original")
    if isinstance(original, dict):
        original = original.get("text")
    return latin, ((original,) if original else ())


def partial_date(day: date | None) -> linkage_records.PartialDate | None:
    return linkage_records.PartialDate(day.year, day.month, day.day) if day else None


def sex_for_linkage(value: str) -> linkage_records.Sex | None:
    return {
        "female": linkage_records.Sex.FEMALE,
        "male": linkage_records.Sex.MALE,
        "other": linkage_records.Sex.OTHER,
    }.get(value or "")


def _route(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(">") if part.strip())


def _age(age: int | None) -> linkage_records.AgeEstimate | None:
    return linkage_records.AgeEstimate(age, age) if age is not None else None


def report_as_record(report: Any) -> linkage_records.LinkageRecord:
    latin, original = names_for_linkage(report.names)
    return linkage_records.LinkageRecord(
        id=str(report.pk),
        names_latin=latin,
        names_original=original,
        sex=sex_for_linkage(report.sex),
        age=_age(report.age),
        age_date=partial_date(report.received_at.date()),
        nationality=alpha3(report.nationality),
        place=report.last_place or None,
        route=_route(report.route),
        event_date=partial_date(report.last_contact_on or report.received_at.date()),
    )


def found_as_record(record: Any) -> linkage_records.LinkageRecord:
    latin, original = names_for_linkage(record.names)
    return linkage_records.LinkageRecord(
        id=str(record.pk),
        names_latin=latin,
        names_original=original,
        sex=sex_for_linkage(record.sex),
        age=_age(record.age),
        nationality=alpha3(record.nationality),
        place=record.place or None,
        route=_route(record.route_position),
        event_date=partial_date(record.found_on),
    )


def _birth_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


# The kinds of ``people.PersonIdentifierKey`` as linkage reads them.
_IDENTIFIER_KINDS = {
    "document": linkage_records.IdentifierKind.DOCUMENT,
    "phone": linkage_records.IdentifierKind.PHONE,
}


def identifiers_for_linkage(
    identifier_keys: Iterable[tuple[str, str]],
) -> tuple[linkage_records.Identifier, ...]:
    """A person's document and phone numbers as linkage compares them: their blind
    indexes (``(kind, digest)`` of ``PersonIdentifierKey``), so no number leaves
    the encrypted store in clear; kinds linkage does not know are left out."""
    return tuple(
        linkage_records.Identifier(_IDENTIFIER_KINDS[kind], digest)
        for kind, digest in identifier_keys
        if kind in _IDENTIFIER_KINDS and digest
    )


def person_as_record(
    person: Any, identifier_keys: Iterable[tuple[str, str]] = ()
) -> linkage_records.LinkageRecord:
    """A registered person for de-duplication: names in the original script and
    in Latin letters (aliases too), sex, the birth date or the range of birth
    years an age estimate gave, nationalities, the blind indexes of document and
    phone numbers (``identifier_keys``: ``(kind, digest)`` pairs); the event is
    the registration."""
    latin, original = names_for_linkage(person.names)
    registered = person.created_at.date()
    birth = _birth_date(person.birth_date)
    birth_partial: linkage_records.PartialDate | None = partial_date(birth)
    age, age_date = None, None
    lowest, highest = person.birth_year_min, person.birth_year_max
    if birth is None and (lowest or highest):
        lowest, highest = lowest or highest, highest or lowest
        if lowest > highest:
            lowest, highest = highest, lowest
        if lowest == highest:
            birth_partial = linkage_records.PartialDate(lowest)
        else:
            # A range of birth years is an age range at the estimate's date.
            reference = person.age_estimated_on or registered
            if reference.year >= highest:
                age = linkage_records.AgeEstimate(
                    reference.year - highest, min(reference.year - lowest, 130)
                )
                age_date = partial_date(reference)
    nationalities = tuple(
        code for alpha2 in (person.nationalities or []) for code in alpha3(str(alpha2))
    )
    return linkage_records.LinkageRecord(
        id=str(person.pk),
        names_latin=latin,
        names_original=original,
        sex=sex_for_linkage(person.sex),
        birth_date=birth_partial,
        age=age,
        age_date=age_date,
        nationality=nationalities,
        event_date=partial_date(registered),
        identifiers=identifiers_for_linkage(identifier_keys),
    )


def explanation_data(candidate: Candidate) -> list[dict[str, Any]]:
    """A candidate's attribute-by-attribute explanation as stored: levels and
    weights, never the compared values."""
    return [
        {
            "attribute": evidence.attribute,
            "level": evidence.level,
            "match_weight": round(evidence.match_weight, 3),
        }
        for evidence in candidate.explanation
    ]
