"""Checks on person data with messages that name the field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pycountry
from django.utils.translation import gettext_lazy as _

from haven.kernel.errors import ValidationFailed
from haven.people.models import Sex
from haven.people.vocabulary import (
    AgeEstimateMethod,
    DocumentStatus,
    DocumentType,
    Gender,
    ImmigrationStatus,
    Vulnerability,
)

EARLIEST_BIRTH_YEAR = 1900
MAX_NAME_LENGTH = 300
MAX_VARIANTS = 20


def invalid(field: str, message: Any) -> ValidationFailed:
    return ValidationFailed.for_field(field, message)


def clean_choice(field: str, value: str, choices: type) -> str:
    if value not in choices.values:
        raise invalid(field, _("Not one of the allowed values."))
    return value


def clean_countries(field: str, codes: Any) -> list[str]:
    if not isinstance(codes, list | tuple):
        raise invalid(field, _("Expected a list of country codes."))
    cleaned = []
    for code in codes:
        upper = str(code).strip().upper()
        if len(upper) != 2 or pycountry.countries.get(alpha_2=upper) is None:
            raise invalid(field, _("Unknown country code: use ISO 3166-1 alpha-2, such as ER."))
        if upper not in cleaned:
            cleaned.append(upper)
    return cleaned


def clean_languages(field: str, codes: Any) -> list[str]:
    if not isinstance(codes, list | tuple):
        raise invalid(field, _("Expected a list of language codes."))
    cleaned = []
    for code in codes:
        lower = str(code).strip().lower()
        known = (
            pycountry.languages.get(alpha_2=lower)
            if len(lower) == 2
            else pycountry.languages.get(alpha_3=lower)
        )
        if known is None:
            raise invalid(field, _("Unknown language code: use ISO 639, such as ti or amh."))
        if lower not in cleaned:
            cleaned.append(lower)
    return cleaned


def clean_names(original: str, latin: Any, aliases: Any) -> dict:
    original = (original or "").strip()
    latin = [str(v).strip() for v in (latin or []) if str(v).strip()]
    aliases = [str(v).strip() for v in (aliases or []) if str(v).strip()]
    if not original and not latin and not aliases:
        raise invalid("names", _("Give at least one name, in any script."))
    for value in [original, *latin, *aliases]:
        if len(value) > MAX_NAME_LENGTH:
            raise invalid("names", _("A name is longer than 300 characters."))
    if len(latin) > MAX_VARIANTS or len(aliases) > MAX_VARIANTS:
        raise invalid("names", _("Too many name variants (at most 20 of each kind)."))
    return {"original": {"text": original}, "latin": latin, "aliases": aliases}


def clean_birth(
    birth_date: date | None, year_min: int | None, year_max: int | None, today: date
) -> tuple[date | None, int | None, int | None]:
    if birth_date is not None:
        if birth_date > today or birth_date.year < EARLIEST_BIRTH_YEAR:
            raise invalid("birth_date", _("The date of birth is not plausible."))
        return birth_date, birth_date.year, birth_date.year
    if (year_min is None) != (year_max is None):
        raise invalid("birth_year_max", _("Give both ends of the estimated birth-year range."))
    if year_min is not None:
        if not (EARLIEST_BIRTH_YEAR <= year_min <= year_max <= today.year):
            raise invalid("birth_year_min", _("The estimated birth years are not plausible."))
    return None, year_min, year_max


def clean_documents(documents: Any) -> list[dict]:
    if not isinstance(documents, list):
        raise invalid("documents", _("Expected a list of documents."))
    cleaned = []
    for document in documents:
        if not isinstance(document, dict):
            raise invalid("documents", _("Each document is an object."))
        number = str(document.get("number", "")).strip()
        if len(number) > 64:
            raise invalid("documents", _("A document number is longer than 64 characters."))
        cleaned.append(
            {
                "type": clean_choice("documents", document.get("type", "other"), DocumentType),
                "number": number,
                "country": (
                    clean_countries("documents", [document["country"]])[0]
                    if document.get("country")
                    else ""
                ),
                "status": clean_choice("documents", document.get("status", "held"), DocumentStatus),
            }
        )
    return cleaned


def clean_person_fields(data: dict, today: date) -> dict:
    """Validate and normalise the fields a person form or API sends."""
    cleaned: dict[str, Any] = {}
    if "sex" in data:
        cleaned["sex"] = clean_choice("sex", data["sex"], Sex)
    if "gender" in data:
        cleaned["gender"] = clean_choice("gender", data["gender"], Gender)
    if "age_estimate_method" in data:
        cleaned["age_estimate_method"] = clean_choice(
            "age_estimate_method", data["age_estimate_method"], AgeEstimateMethod
        )
    if "nationalities" in data:
        cleaned["nationalities"] = clean_countries("nationalities", data["nationalities"])
    if "languages" in data:
        cleaned["languages"] = clean_languages("languages", data["languages"])
    if "vulnerabilities" in data:
        values = data["vulnerabilities"] or []
        cleaned["vulnerabilities"] = [
            clean_choice("vulnerabilities", v, Vulnerability) for v in values
        ]
    if "documents" in data:
        cleaned["documents"] = clean_documents(data["documents"] or [])
    if "immigration_status" in data and data["immigration_status"]:
        cleaned["immigration_status"] = clean_choice(
            "immigration_status", data["immigration_status"], ImmigrationStatus
        )
    if "contact" in data:
        contact = data["contact"] or {}
        if not isinstance(contact, dict):
            raise invalid("contact", _("Expected contact details as an object."))
        phones = [str(p).strip() for p in contact.get("phones", []) if str(p).strip()]
        cleaned["contact"] = {
            "phones": phones[:10],
            "emails": [str(e).strip() for e in contact.get("emails", [])][:10],
            "address": str(contact.get("address", ""))[:500],
            "safe_contact": str(contact.get("safe_contact", ""))[:500],
        }
    return cleaned
