"""The linkage engine's explanation in the reader's language.

The engine (pure, English) names each attribute and comparison level; these
are their translations for the review pages. A level the engine gains without
a label here is shown in English, and tests/tracing/test_labels.py fails.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from haven.tracing.domain import settings as model

ATTRIBUTE_LABELS = {
    model.NAMES: _("Names"),
    model.BIRTH: _("Birth"),
    model.SEX: _("Sex"),
    model.NATIONALITY: _("Nationality"),
    model.PLACE: _("Places"),
    model.IDENTIFIERS: _("Document and phone numbers"),
}

LEVEL_LABELS = {
    model.UNKNOWN_LABEL: _("not known on both records"),
    # names
    "same names, any order or script": _("same names, any order or script"),
    "every part of one name in the other": _("every part of one name in the other"),
    "3 or more name parts shared": _("3 or more name parts shared"),
    "2 name parts shared": _("2 name parts shared"),
    "2 name parts alike in spelling": _("2 name parts alike in spelling"),
    "names one letter apart": _("names one letter apart"),
    "one name part shared": _("one name part shared"),
    "no name part shared": _("no name part shared"),
    # birth
    "same date of birth": _("same date of birth"),
    "same birth date but for a slip of the year, or day and month swapped": _(
        "same birth date but for a slip of the year, or day and month swapped"
    ),
    "same year of birth": _("same year of birth"),
    "birth years compatible": _("birth years compatible"),
    "birth years within 2 years": _("birth years within 2 years"),
    "birth years within 5 years": _("birth years within 5 years"),
    "birth years further apart": _("birth years further apart"),
    # sex
    "same sex": _("same sex"),
    "different sex": _("different sex"),
    # nationality
    "a nationality shared": _("a nationality shared"),
    "different nationalities": _("different nationalities"),
    # places
    "same place": _("same place"),
    "2 or more places of the route shared": _("2 or more places of the route shared"),
    "a place shared": _("a place shared"),
    "no place shared": _("no place shared"),
    # document and phone numbers
    "a document number shared": _("a document number shared"),
    "a phone number shared": _("a phone number shared"),
    "no document or phone number shared": _("no document or phone number shared"),
}


def attribute_label(attribute: str) -> str:
    return str(ATTRIBUTE_LABELS.get(attribute, attribute))


def level_label(level: str) -> str:
    return str(LEVEL_LABELS.get(level, level))
