"""Telling namesakes apart in search-before-create: birth, sex and nationality.

A name alone cannot single out one of a thousand namesakes. What the person searching
also knows (a date of birth, a birth year, an age guessed at the first meeting, the sex,
a nationality) ranks them, and never filters anyone out: an estimated age is often
wrong by a few years, and a wrong estimate must not hide the person being looked for.
So each attribute is compared with the candidate's record and adds a weight (agreement),
subtracts a smaller one (disagreement) or adds nothing (either side unknown); the
person searching sees each comparison, so they can tell why a result ranks where it
does.

Pure: plain data in, plain data out. The weights are on the scale of a name score
(0.55–1.0): agreeing on everything lifts a namesake above a worse spelling of the name;
disagreeing on everything does not sink a good name below a poor one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# A stated or estimated birth year this close to the record's counts as close, not
# different: estimates ("about 25") and remembered years are often a year or two out.
CLOSE_YEARS = 2

EXACT_DATE_WEIGHT = 0.40
SAME_YEAR_WEIGHT = 0.25
CLOSE_YEAR_WEIGHT = 0.05
OTHER_YEAR_WEIGHT = -0.15
SAME_SEX_WEIGHT = 0.10
OTHER_SEX_WEIGHT = -0.20
SAME_NATIONALITY_WEIGHT = 0.10
OTHER_NATIONALITY_WEIGHT = -0.05

# Sex values that say nothing about the person.
UNKNOWN_SEX = frozenset({"", "unknown"})


class Attribute(StrEnum):
    BIRTH = "birth"
    SEX = "sex"
    NATIONALITY = "nationality"


class Agreement(StrEnum):
    SAME_DATE = "same-date"  # both exact dates of birth, equal
    SAME = "same"  # same birth year (or overlapping estimates), sex, a shared nationality
    CLOSE = "close"  # birth years a little apart
    DIFFERENT = "different"
    UNKNOWN = "unknown"  # not recorded for the candidate: no weight either way


@dataclass(frozen=True, slots=True)
class BirthYears:
    """Years the person may have been born in, both ends included."""

    earliest: int
    latest: int

    def __post_init__(self) -> None:
        if self.earliest > self.latest:
            raise ValueError("the earliest birth year comes after the latest")

    @classmethod
    def from_age(cls, age: int, on: date) -> BirthYears:
        """Someone ``age`` years old on ``on`` was born that many years before, or one more
        if their birthday is still to come this year."""
        return cls(on.year - age - 1, on.year - age)

    def gap(self, other: BirthYears) -> int:
        """Whole years between the two ranges; 0 when they overlap."""
        return max(0, self.earliest - other.latest, other.earliest - self.latest)

    @property
    def span(self) -> int:
        return self.latest - self.earliest + 1


@dataclass(frozen=True, slots=True)
class Criteria:
    """What the person searching knows besides a name, phone or document number.

    Give at most one of ``birth_date``, ``birth_years``: a birth date is also its year.
    """

    birth_date: date | None = None
    birth_years: BirthYears | None = None
    sex: str = ""
    nationality: str = ""

    def __post_init__(self) -> None:
        if self.birth_date is not None and self.birth_years is not None:
            raise ValueError("give a birth date or birth years, not both")

    @property
    def years(self) -> BirthYears | None:
        if self.birth_date is not None:
            return BirthYears(self.birth_date.year, self.birth_date.year)
        return self.birth_years

    @property
    def given(self) -> bool:
        return bool(self.years is not None or self.sex not in UNKNOWN_SEX or self.nationality)


@dataclass(frozen=True, slots=True)
class Record:
    """What the register holds about a candidate (None or empty when not recorded)."""

    birth_date: date | None = None
    birth_years: BirthYears | None = None
    sex: str = ""
    nationalities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """One comparison: which attribute, how it compares, and what it adds to the rank."""

    attribute: Attribute
    agreement: Agreement
    weight: float


def _birth(criteria: Criteria, record: Record) -> Evidence | None:
    wanted = criteria.years
    if wanted is None:
        return None
    known = record.birth_years
    if record.birth_date is not None:
        known = BirthYears(record.birth_date.year, record.birth_date.year)
    if known is None:
        return Evidence(Attribute.BIRTH, Agreement.UNKNOWN, 0.0)
    if criteria.birth_date is not None and record.birth_date is not None:
        if criteria.birth_date == record.birth_date:
            return Evidence(Attribute.BIRTH, Agreement.SAME_DATE, EXACT_DATE_WEIGHT)
    gap = wanted.gap(known)
    if gap == 0:
        # An overlap of wide estimates ("born 1980–2000") says little; of two single
        # years, a lot.
        span = max(wanted.span, known.span)
        weight = SAME_YEAR_WEIGHT * min(1.0, 2 / (span + 1))
        return Evidence(Attribute.BIRTH, Agreement.SAME, round(weight, 3))
    if gap <= CLOSE_YEARS:
        return Evidence(Attribute.BIRTH, Agreement.CLOSE, CLOSE_YEAR_WEIGHT)
    return Evidence(Attribute.BIRTH, Agreement.DIFFERENT, OTHER_YEAR_WEIGHT)


def _sex(criteria: Criteria, record: Record) -> Evidence | None:
    if criteria.sex in UNKNOWN_SEX:
        return None
    if record.sex in UNKNOWN_SEX:
        return Evidence(Attribute.SEX, Agreement.UNKNOWN, 0.0)
    if record.sex == criteria.sex:
        return Evidence(Attribute.SEX, Agreement.SAME, SAME_SEX_WEIGHT)
    return Evidence(Attribute.SEX, Agreement.DIFFERENT, OTHER_SEX_WEIGHT)


def _nationality(criteria: Criteria, record: Record) -> Evidence | None:
    if not criteria.nationality:
        return None
    if not record.nationalities:
        return Evidence(Attribute.NATIONALITY, Agreement.UNKNOWN, 0.0)
    if criteria.nationality.upper() in {code.upper() for code in record.nationalities}:
        return Evidence(Attribute.NATIONALITY, Agreement.SAME, SAME_NATIONALITY_WEIGHT)
    return Evidence(Attribute.NATIONALITY, Agreement.DIFFERENT, OTHER_NATIONALITY_WEIGHT)


def compare(criteria: Criteria, record: Record) -> tuple[Evidence, ...]:
    """How the record compares with each criterion given, in a fixed order (birth, sex,
    nationality); nothing for a criterion not given."""
    found = (_birth(criteria, record), _sex(criteria, record), _nationality(criteria, record))
    return tuple(evidence for evidence in found if evidence is not None)


def weight_of(evidence: tuple[Evidence, ...]) -> float:
    return round(sum(item.weight for item in evidence), 3)
