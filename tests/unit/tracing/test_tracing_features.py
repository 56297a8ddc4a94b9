"""The columns linkage compares: birth-year intervals, name arrays, event days."""

from __future__ import annotations

import datetime

import pytest

from haven.tracing.domain.features import (
    FEATURE_SCHEMA,
    BirthYears,
    RecordRole,
    age_tolerance_years,
    birth_years,
    features_table,
    name_columns,
    record_features,
)
from haven.tracing.domain.records import AgeEstimate, PartialDate
from tests.unit.tracing.linkage_builders import day, record, year


def test_a_full_birth_date_gives_its_year_and_the_date() -> None:
    born = birth_years(record("a", birth_date=day("1990-05-17")))

    assert born == BirthYears(1990, 1990, datetime.date(1990, 5, 17))


@pytest.mark.parametrize("placeholder", ["2000-01-01", "2000-07-01"])
def test_a_placeholder_birth_date_is_read_as_its_year_alone(placeholder: str) -> None:
    born = birth_years(record("a", birth_date=day(placeholder)))

    assert born == BirthYears(2000, 2000, None)


def test_a_year_or_a_month_of_birth_gives_the_year() -> None:
    assert birth_years(record("a", birth_date=year(1988))) == BirthYears(1988, 1988)
    assert birth_years(record("a", birth_date=PartialDate(1988, 3))) == BirthYears(1988, 1988)


def test_an_age_at_a_date_gives_the_two_possible_years_widened_by_the_tolerance() -> None:
    # 25 on 2024-03-01: born between 1998-03-02 and 1999-03-01, i.e. 1998 or 1999;
    # an estimate of 25 is widened by 1 + 25 // 15 = 2 years on each side.
    reported = record("a", age=AgeEstimate(25, 25), event_date=day("2024-03-01"))

    assert age_tolerance_years(AgeEstimate(25, 25)) == 2
    assert birth_years(reported) == BirthYears(1996, 2001)


def test_the_age_date_wins_over_the_event_date() -> None:
    reported = record(
        "a", age=AgeEstimate(10, 10), age_date=day("2020-06-01"), event_date=day("2024-01-01")
    )

    assert birth_years(reported) == BirthYears(2008, 2011)


def test_an_age_at_a_year_only_date_spans_the_whole_year() -> None:
    reported = record("a", age=AgeEstimate(30, 30), event_date=year(2023))

    assert birth_years(reported) == BirthYears(2023 - 30 - 1 - 3, 2023 - 30 + 3)


def test_a_forensic_age_range_is_taken_as_given() -> None:
    found = record("a", age=AgeEstimate(25, 35), event_date=day("2024-05-02"))

    assert birth_years(found) == BirthYears(2024 - 35 - 1, 2024 - 25)


def test_the_birth_date_wins_over_an_age() -> None:
    both = record("a", birth_date=year(1990), age=AgeEstimate(50, 50), event_date=day("2024-01-01"))

    assert birth_years(both) == BirthYears(1990, 1990)


def test_no_birth_date_nor_age_gives_no_interval() -> None:
    assert birth_years(record("a", event_date=day("2024-01-01"))) is None


def test_narrow_intervals_are_blocked_on_each_year_and_wide_ones_not_at_all() -> None:
    narrow = record_features(
        record("a", age=AgeEstimate(25, 25), event_date=day("2024-03-01")), RecordRole.FOUND
    )
    wide = record_features(
        record("b", age=AgeEstimate(20, 60), event_date=day("2024-03-01")), RecordRole.FOUND
    )

    assert narrow["birth_years"] == [1996, 1997, 1998, 1999, 2000, 2001]
    assert wide["birth_years"] is None
    assert (wide["birth_year_lo"], wide["birth_year_hi"]) == (1963, 2004)


def test_names_in_two_scripts_and_orders_share_their_canonical_tokens() -> None:
    arabic = name_columns(["محمد عثمان"])
    latin = name_columns(["Othman Mohamed"])

    assert arabic["name_canonical"] == latin["name_canonical"] == ["muhammad", "uthman"]
    assert arabic["name_full_keys"] == latin["name_full_keys"] == ["muhammad uthman"]
    assert arabic["name_pair_keys"] == latin["name_pair_keys"]


def test_names_with_one_skeleton_keep_apart_by_their_keys() -> None:
    muhammad = name_columns(["Mohamed Osman"])
    mahmoud = name_columns(["Mahmoud Osman"])

    assert muhammad["name_skeleton"] == mahmoud["name_skeleton"]
    assert set(muhammad["name_keys"]) & set(mahmoud["name_keys"]) == {"=uthman"}
    assert muhammad["name_unlisted"] is False


def test_all_names_of_a_record_are_pooled_and_initials_left_out() -> None:
    pooled = name_columns(["M. Osman", "Tesfaye Gebremariam"])

    assert pooled["name_canonical"] == ["gebremariam", "tesfaye", "uthman"]


def test_a_record_without_names_has_null_name_columns() -> None:
    assert set(name_columns([]).values()) == {None}


def test_event_dates_become_the_earliest_missing_and_the_latest_found_day() -> None:
    report = record_features(record("m", event_date=PartialDate(2024, 3)), RecordRole.MISSING)
    found = record_features(record("f", event_date=PartialDate(2024, 3)), RecordRole.FOUND)
    person = record_features(record("p", event_date=PartialDate(2024, 3)), RecordRole.PERSON)
    epoch = datetime.date(1970, 1, 1)

    assert report["missing_day_lo"] == (datetime.date(2024, 3, 1) - epoch).days
    assert report["found_day_hi"] is None
    assert found["found_day_hi"] == (datetime.date(2024, 3, 31) - epoch).days
    assert found["missing_day_lo"] is None
    assert person["missing_day_lo"] is person["found_day_hi"] is None


def test_places_are_normalised_and_pooled_with_the_route() -> None:
    found = record_features(
        record("f", place="TRIPOLI", route=("Kufra", "Tripoli")), RecordRole.FOUND
    )

    assert found["place"] == "tripoli"
    assert found["places"] == ["kufra", "tripoli"]


def test_the_features_table_has_the_schema_and_reports_progress() -> None:
    reports: list[tuple[str, int, int | None]] = []

    table = features_table(
        [record("a"), record("b", names_latin=("Amina",))],
        RecordRole.PERSON,
        progress=lambda *report: reports.append(report),
    )

    assert table.schema == FEATURE_SCHEMA
    assert table.num_rows == 2
    assert reports == [("features", 0, 2), ("features", 2, 2)]
