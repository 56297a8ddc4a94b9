"""Whether a person is treated as a child on a given date, and why.

IPU-118 op.19 asks the authorities, "if the age of the victim is uncertain, to
proceed on the assumption that he or she is a child"; CoE art. 10(3) presumes a
child "when the age … is uncertain and there are reasons to believe" so. Haven
follows the wider IPU wording: whenever the age is not established and the
person could be under the threshold, they are treated as a child until an age
assessment concludes otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from haven.protection.domain.facts import AgeAssessmentOutcome, Person
from haven.protection.domain.timeline import happened


class AgeBasis(StrEnum):
    BIRTH_DATE = "birth-date"
    AGE_ASSESSMENT = "age-assessment"
    ESTIMATE = "estimate"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ChildStatus:
    treated_as_child: bool
    # True when the person is treated as a child only because their age is uncertain.
    presumed: bool
    basis: AgeBasis
    # The date the person stops being a child, when it can be known.
    adult_on: date | None = None


def full_years_between(start: date, end: date) -> int:
    """Whole years from ``start`` to ``end`` (a birthday on 29 February counts from 1 March)."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def _birthday(birth_date: date, years: int) -> date:
    year = birth_date.year + years
    try:
        return birth_date.replace(year=year)
    except ValueError:  # 29 February in a year that has none
        return date(year, 3, 1)


def child_status(person: Person, threshold_years: int, on: date) -> ChildStatus:
    """How the person's age is to be treated on ``on``.

    Order of precedence: a concluded age assessment, then an accepted birth date, then an
    estimate. An estimate of "at least N years" ages with time: on a later date the person is at
    least N plus the whole years elapsed, and is a possible child while that is below the
    threshold; a disputed birth date that would make them a child also counts. With nothing
    established (no estimate; at most a disputed birth date) the age is uncertain, so the person
    is presumed a child.
    """
    assessment = person.age_assessment
    if (
        assessment is not None
        and assessment.outcome is not None
        and happened(assessment.concluded_on, on)
    ):
        if assessment.outcome is AgeAssessmentOutcome.ADULT:
            return ChildStatus(False, False, AgeBasis.AGE_ASSESSMENT)
        if assessment.assessed_birth_date is None:
            return ChildStatus(True, False, AgeBasis.AGE_ASSESSMENT)
        adult_on = _birthday(assessment.assessed_birth_date, threshold_years)
        return ChildStatus(on < adult_on, False, AgeBasis.AGE_ASSESSMENT, adult_on)

    if person.birth_date is not None and not person.birth_date_disputed:
        adult_on = _birthday(person.birth_date, threshold_years)
        return ChildStatus(on < adult_on, False, AgeBasis.BIRTH_DATE, adult_on)

    estimate = person.age_estimate
    if estimate is not None:
        youngest_possible_age = estimate.min_years + max(
            0, full_years_between(estimate.estimated_on, on)
        )
        possible_child = youngest_possible_age < threshold_years
        # A disputed birth date that makes the person a child also counts as a reason.
        if not possible_child and person.birth_date is not None:
            possible_child = on < _birthday(person.birth_date, threshold_years)
        return ChildStatus(possible_child, possible_child, AgeBasis.ESTIMATE)

    # Nothing established: a disputed birth date alone does not settle the age either way.
    return ChildStatus(True, True, AgeBasis.UNKNOWN)


def could_have_been_child_on(person: Person, threshold_years: int, day: date, on: date) -> bool:
    """Whether the person may have been a child on an earlier ``day`` (say, when the
    exploitation began), using what is known about their age on ``on``.

    Trafficking of a child needs no "means" (Trafficking Protocol art. 3(c)), and what counts is
    the age at the time of the acts, not at the time of the case.
    """
    if child_status(person, threshold_years, on).treated_as_child:
        return True
    assessment = person.age_assessment
    assessed = (
        assessment is not None
        and assessment.outcome is not None
        and happened(assessment.concluded_on, on)
    )
    if assessed and assessment is not None and assessment.assessed_birth_date is not None:
        return day < _birthday(assessment.assessed_birth_date, threshold_years)
    if not assessed and person.birth_date is not None and not person.birth_date_disputed:
        return day < _birthday(person.birth_date, threshold_years)
    estimate = person.age_estimate
    if estimate is not None and day < estimate.estimated_on:
        # Going back in time the person was younger; count a partial year as a whole one so
        # that a possible child is never missed.
        youngest_then = estimate.min_years - full_years_between(day, estimate.estimated_on) - 1
        return youngest_then < threshold_years
    return False
