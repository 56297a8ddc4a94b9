"""The comparison level a pair falls in for birth dates with a common slip (DuckDB)."""

from __future__ import annotations

import pytest

from haven.tracing.domain.engine import Candidate, link
from haven.tracing.domain.records import Sex
from tests.unit.tracing.linkage_builders import day, record

SLIP = "same birth date but for a slip of the year, or day and month swapped"


def _person(record_id: str, name: str, born: str, *, seen: str) -> object:
    return record(
        record_id,
        names_latin=(name,),
        sex=Sex.FEMALE,
        birth_date=day(born),
        nationality=("SDN",),
        event_date=day(seen),
    )


def _pairs(reports, found) -> dict[tuple[str, str], Candidate]:
    candidates = link(reports, found, top_k=20)
    return {(candidate.left_id, candidate.right_id): candidate for candidate in candidates}


@pytest.fixture(scope="module")
def birth_pairs() -> dict[tuple[str, str], Candidate]:
    reports = [
        _person("year-off", "Amina Yusuf", "1990-05-17", seen="2023-01-01"),
        _person("swapped", "Hawa Idris", "1990-05-07", seen="2023-01-01"),
        _person("ethiopian", "Selam Tesfay", "1995-10-20", seen="2023-01-01"),
        _person("other", "Fatima Ali", "1990-05-17", seen="2023-01-01"),
    ]
    found = [
        _person("f-year-off", "Amina Yusuf", "1991-05-17", seen="2023-06-01"),
        _person("f-swapped", "Hawa Idris", "1990-07-05", seen="2023-06-01"),
        _person("f-ethiopian", "Selam Tesfay", "1988-10-20", seen="2023-06-01"),
        _person("f-other", "Fatima Ali", "1993-06-20", seen="2023-06-01"),
    ]
    return _pairs(reports, found)


@pytest.mark.parametrize("report", ["year-off", "swapped", "ethiopian"])
def test_a_birth_date_with_a_common_slip_is_nearly_the_same_date(
    birth_pairs: dict[tuple[str, str], Candidate], report: str
) -> None:
    evidence = birth_pairs[(report, f"f-{report}")].evidence("birth")

    assert evidence.level == SLIP
    assert evidence.match_weight > 0


def test_another_date_is_no_slip(birth_pairs: dict[tuple[str, str], Candidate]) -> None:
    assert birth_pairs[("other", "f-other")].evidence("birth").level != SLIP
