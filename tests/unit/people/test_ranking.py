"""Ranking namesakes by birth, sex and nationality: agreement lifts, disagreement
lowers less, silence weighs nothing, and nothing is ever filtered out."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.people.domain.ranking import (
    CLOSE_YEAR_WEIGHT,
    EXACT_DATE_WEIGHT,
    OTHER_YEAR_WEIGHT,
    SAME_YEAR_WEIGHT,
    Agreement,
    Attribute,
    BirthYears,
    Criteria,
    Record,
    compare,
    weight_of,
)

SEXES = st.sampled_from(["", "unknown", "female", "male", "other"])
CODES = st.sampled_from(["", "ER", "ET", "SD", "SY"])


@st.composite
def years(draw):  # type: ignore[no-untyped-def]
    earliest = draw(st.integers(1900, 2025))
    return BirthYears(earliest, draw(st.integers(earliest, min(2025, earliest + 20))))


@st.composite
def criteria(draw):  # type: ignore[no-untyped-def]
    kind = draw(st.sampled_from(["date", "years", "none"]))
    return Criteria(
        birth_date=draw(st.dates(date(1900, 1, 1), date(2025, 12, 31))) if kind == "date" else None,
        birth_years=draw(years()) if kind == "years" else None,
        sex=draw(SEXES),
        nationality=draw(CODES),
    )


@st.composite
def records(draw):  # type: ignore[no-untyped-def]
    birth_date = draw(st.none() | st.dates(date(1900, 1, 1), date(2025, 12, 31)))
    return Record(
        birth_date=birth_date,
        birth_years=(
            BirthYears(birth_date.year, birth_date.year)
            if birth_date
            else draw(st.none() | years())
        ),
        sex=draw(SEXES),
        nationalities=tuple(draw(st.lists(CODES.filter(bool), max_size=2, unique=True))),
    )


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(criteria(), records())
def test_every_criterion_given_is_compared_once_and_bounded(wanted, record):
    evidence = compare(wanted, record)
    attributes = [item.attribute for item in evidence]
    assert len(attributes) == len(set(attributes))
    assert (Attribute.BIRTH in attributes) == (wanted.years is not None)
    assert (Attribute.SEX in attributes) == (wanted.sex not in ("", "unknown"))
    assert (Attribute.NATIONALITY in attributes) == bool(wanted.nationality)
    for item in evidence:
        assert -0.2 <= item.weight <= EXACT_DATE_WEIGHT
        if item.agreement is Agreement.UNKNOWN:
            assert item.weight == 0
        if item.agreement is Agreement.DIFFERENT:
            assert item.weight < 0
        if item.agreement in (Agreement.SAME, Agreement.SAME_DATE, Agreement.CLOSE):
            assert item.weight > 0
    # Disagreeing on everything never costs more than a fair name score could lose.
    assert weight_of(evidence) >= -0.4


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(criteria(), records())
def test_the_record_itself_ranks_at_least_as_high_as_any_other(wanted, record):
    # Criteria taken from the record agree with it at least as much as with another.
    own = Criteria(
        birth_date=record.birth_date,
        birth_years=None if record.birth_date else record.birth_years,
        sex=record.sex,
        nationality=record.nationalities[0] if record.nationalities else "",
    )
    other = Record(
        birth_date=wanted.birth_date,
        birth_years=wanted.years,
        sex=wanted.sex,
        nationalities=(wanted.nationality,) if wanted.nationality else (),
    )
    assert weight_of(compare(own, record)) >= weight_of(compare(own, other))


def test_an_exact_date_outweighs_a_year_and_a_year_outweighs_a_close_one():
    born = date(1994, 6, 2)
    exact = compare(Criteria(birth_date=born), Record(birth_date=born))
    same_year = compare(Criteria(birth_date=born), Record(birth_date=date(1994, 1, 1)))
    close = compare(Criteria(birth_date=born), Record(birth_years=BirthYears(1996, 1996)))
    far = compare(Criteria(birth_date=born), Record(birth_years=BirthYears(2000, 2001)))
    assert [e[0].agreement for e in (exact, same_year, close, far)] == [
        Agreement.SAME_DATE,
        Agreement.SAME,
        Agreement.CLOSE,
        Agreement.DIFFERENT,
    ]
    assert [e[0].weight for e in (exact, same_year, close, far)] == [
        EXACT_DATE_WEIGHT,
        SAME_YEAR_WEIGHT,
        CLOSE_YEAR_WEIGHT,
        OTHER_YEAR_WEIGHT,
    ]


def test_a_wide_estimate_that_overlaps_says_little():
    narrow = compare(
        Criteria(birth_years=BirthYears(1994, 1994)), Record(birth_years=BirthYears(1994, 1994))
    )
    wide = compare(
        Criteria(birth_years=BirthYears(1994, 1994)), Record(birth_years=BirthYears(1980, 2000))
    )
    assert narrow[0].agreement is wide[0].agreement is Agreement.SAME
    assert wide[0].weight < narrow[0].weight / 5


def test_an_age_is_the_two_years_the_person_may_have_been_born_in():
    assert BirthYears.from_age(30, date(2025, 3, 1)) == BirthYears(1994, 1995)
    assert BirthYears(1994, 1995).gap(BirthYears(1998, 2000)) == 3
    assert BirthYears(1994, 1995).gap(BirthYears(1990, 1994)) == 0


def test_silence_weighs_nothing():
    evidence = compare(
        Criteria(birth_years=BirthYears(1990, 1990), sex="female", nationality="ER"), Record()
    )
    assert [item.agreement for item in evidence] == [Agreement.UNKNOWN] * 3
    assert weight_of(evidence) == 0


def test_a_birth_date_and_years_together_are_refused():
    with pytest.raises(ValueError):
        Criteria(birth_date=date(1990, 1, 1), birth_years=BirthYears(1990, 1990))
    with pytest.raises(ValueError):
        BirthYears(2000, 1990)
