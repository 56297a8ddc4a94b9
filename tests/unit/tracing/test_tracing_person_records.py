"""A registered person as de-duplication compares them: names in both scripts
and aliases, the birth date or the range of years an estimate gave, sex and
nationalities. Django-free: plain objects stand for the stored person."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from haven.tracing.domain.features import birth_years
from haven.tracing.domain.records import PartialDate, Sex
from haven.tracing.linkage import person_as_record

REGISTERED = datetime(2026, 3, 1, 10, 0)


def person(**fields):  # type: ignore[no-untyped-def]
    values = {
        "pk": "0190c3f0-0000-7000-8000-000000000001",
        "names": {
            "original": {"text": "محمد عثمان", "script": "Arab"},
            "latin": ["Mohamed Osman"],
            "aliases": ["Abu Ali"],
        },
        "sex": "male",
        "birth_date": None,
        "birth_year_min": None,
        "birth_year_max": None,
        "age_estimated_on": None,
        "nationalities": ["SD"],
        "created_at": REGISTERED,
    }
    values.update(fields)
    return SimpleNamespace(**values)


def test_names_sex_nationality_and_registration_date():
    record = person_as_record(person())
    assert record.id == "0190c3f0-0000-7000-8000-000000000001"
    assert record.names_latin == ("Mohamed Osman", "Abu Ali")
    assert record.names_original == ("محمد عثمان",)
    assert record.sex is Sex.MALE
    assert record.nationality == ("SDN",)
    assert record.event_date == PartialDate(2026, 3, 1)


def test_a_known_birth_date_is_used_as_is():
    record = person_as_record(person(birth_date="1998-05-02", birth_year_min=1998))
    assert record.birth_date == PartialDate(1998, 5, 2)
    assert record.age is None


def test_one_estimated_birth_year_is_a_year_only_date():
    record = person_as_record(person(birth_year_min=1990, birth_year_max=1990))
    assert record.birth_date == PartialDate(1990)


def test_a_range_of_birth_years_becomes_an_age_range_covering_it():
    record = person_as_record(
        person(birth_year_min=2000, birth_year_max=2002, age_estimated_on=date(2025, 6, 1))
    )
    assert record.birth_date is None
    years = birth_years(record)
    assert years.lowest <= 2000 and years.highest >= 2002


def test_unknowns_stay_unknown():
    record = person_as_record(
        person(names={"latin": ["Selam"]}, sex="unknown", nationalities=["ZZ"])
    )
    assert record.names_original == ()
    assert record.sex is None
    assert record.nationality == ()
    assert record.birth_date is None and record.age is None
