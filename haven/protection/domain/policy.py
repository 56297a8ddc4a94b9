"""Jurisdiction policies: the settings a State may choose, and the floor none may go below.

A policy is data (see policies/*.json, loaded by policy_loader.py). What is NOT
data is the international minimum each setting is checked against: those floors
come from the texts themselves, so they live here, next to their citations, and
a policy file cannot move them. A policy may raise a minimum, never lower it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from haven.kernel.citations import Citation
from haven.protection.domain import sources
from haven.protection.domain.assistance_items import INTERNATIONAL_ASSISTANCE_ITEMS
from haven.protection.domain.timeline import add_months


class LengthUnit(StrEnum):
    DAYS = "days"
    MONTHS = "months"


# Every start date over four consecutive years, one of them a leap year: enough to find the
# shortest span a calendar length can take, because month lengths repeat on that cycle.
_SAMPLE_STARTS = tuple(date(2001, 1, 1) + timedelta(days=offset) for offset in range(4 * 366))


@dataclass(frozen=True, slots=True)
class PeriodLength:
    """A length written the way laws write it: "30 days" or "three months"."""

    amount: int
    unit: LengthUnit

    def end_from(self, start: date) -> date:
        """The last day of a period of this length starting on ``start`` (counted from
        ``start``, so 30 days from 1 March ends on 31 March)."""
        if self.unit is LengthUnit.DAYS:
            return start + timedelta(days=self.amount)
        return add_months(start, self.amount)

    def shortest_in_days(self) -> int:
        """The fewest days this length can cover, whatever the start date.

        A month is not a fixed number of days: "one month" from 1 February is 28 days, which is
        below a 30-day floor even though "one month" sounds like more.
        """
        if self.unit is LengthUnit.DAYS:
            return self.amount
        return min((self.end_from(start) - start).days for start in _SAMPLE_STARTS)

    def __str__(self) -> str:
        unit = self.unit.value if self.amount != 1 else self.unit.value.rstrip("s")
        return f"{self.amount} {unit}"


@dataclass(frozen=True, slots=True)
class PolicySettings:
    """The settings a jurisdiction may change, each with the rule it governs.

    The names are the keys of the ``settings`` object in a policy file.
    """

    recovery_reflection_period: PeriodLength
    recovery_period_lasts_until_conclusive_decision: bool
    removal_stay_until_identification_complete: bool
    child_age_threshold_years: int
    child_guardian_appointment_within_days: int | None
    assistance_items: tuple[str, ...]
    consular_notification_only_on_request: bool

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(item.name for item in fields(cls))

    def value(self, name: str) -> Any:
        return getattr(self, name)


class MinimumKind(StrEnum):
    AT_LEAST = "at-least"
    MUST_BE_TRUE = "must-be-true"
    MUST_INCLUDE = "must-include"
    DEADLINE_AT_MOST = "deadline-at-most"


@dataclass(frozen=True, slots=True)
class InternationalMinimum:
    """The floor for one setting, the rule it protects and the texts that set it."""

    setting: str
    rule_id: str
    kind: MinimumKind
    floor: Any
    description: str
    citations: tuple[Citation, ...]

    def shortfall(self, value: Any) -> str | None:
        """None when ``value`` respects the floor; otherwise how the value falls short, in
        words that can follow "found" in an error message."""
        if self.kind is MinimumKind.AT_LEAST:
            amount = value.shortest_in_days() if isinstance(value, PeriodLength) else value
            if amount < self.floor:
                if isinstance(value, PeriodLength) and value.unit is LengthUnit.MONTHS:
                    return f"{value}, which can be as short as {amount} days"
                return str(value)
        elif self.kind is MinimumKind.MUST_BE_TRUE:
            if value is not True:
                return "false, which turns the protection off"
        elif self.kind is MinimumKind.MUST_INCLUDE:
            missing = [item for item in self.floor if item not in value]
            if missing:
                return f"a list leaving out {', '.join(missing)}"
        elif self.kind is MinimumKind.DEADLINE_AT_MOST:
            if self.floor is not None and (value is None or value > self.floor):
                return "no deadline" if value is None else f"{value} days"
        return None


INTERNATIONAL_RECOVERY_PERIOD_DAYS = 30
CHILD_AGE_YEARS = 18


INTERNATIONAL_MINIMUMS: tuple[InternationalMinimum, ...] = (
    InternationalMinimum(
        setting="recovery_reflection_period",
        rule_id="recovery-reflection-period",
        kind=MinimumKind.AT_LEAST,
        floor=INTERNATIONAL_RECOVERY_PERIOD_DAYS,
        description=f"{INTERNATIONAL_RECOVERY_PERIOD_DAYS} days",
        citations=(sources.IPU118_OP21_RECOVERY,),
    ),
    InternationalMinimum(
        setting="removal_stay_until_identification_complete",
        rule_id="removal-stay",
        kind=MinimumKind.MUST_BE_TRUE,
        floor=True,
        description="no removal until identification is complete",
        citations=(sources.IPU118_OP19_NO_REMOVAL,),
    ),
    InternationalMinimum(
        setting="child_age_threshold_years",
        rule_id="child-presumption",
        kind=MinimumKind.AT_LEAST,
        floor=CHILD_AGE_YEARS,
        description=f"{CHILD_AGE_YEARS} years (a child is anyone under 18)",
        citations=(sources.IPU118_OP19_CHILD_PRESUMPTION,),
    ),
    InternationalMinimum(
        setting="child_guardian_appointment_within_days",
        rule_id="child-presumption",
        kind=MinimumKind.DEADLINE_AT_MOST,
        floor=None,  # the texts set no number of days; a jurisdiction may add one
        description="no fixed deadline",
        citations=(sources.IPU118_OP19_CHILD_PROTECTION,),
    ),
    InternationalMinimum(
        setting="assistance_items",
        rule_id="assistance",
        kind=MinimumKind.MUST_INCLUDE,
        floor=INTERNATIONAL_ASSISTANCE_ITEMS,
        description="the eight items of the international assistance list",
        citations=(sources.IPU118_OP20_ACCOMMODATION, sources.IOM_IDM_13_ALL_EXPLOITED),
    ),
    InternationalMinimum(
        setting="consular_notification_only_on_request",
        rule_id="consular-notification",
        kind=MinimumKind.MUST_BE_TRUE,
        floor=True,
        description="the consulate is told only if the person asks",
        citations=(sources.IPU118_OP38_CONSULAR,),
    ),
)

MINIMUM_BY_SETTING: Mapping[str, InternationalMinimum] = MappingProxyType(
    {minimum.setting: minimum for minimum in INTERNATIONAL_MINIMUMS}
)


@dataclass(frozen=True, slots=True)
class PolicyAmendment:
    """A change to a policy from a date on; ``settings`` is the whole policy after it."""

    effective_from: date
    settings: PolicySettings
    source_notes: Mapping[str, str]
    changed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class JurisdictionPolicy:
    name: str
    title: str
    settings: PolicySettings
    source_notes: Mapping[str, str]
    description: str = ""
    country: str | None = None
    example: bool = False
    amendments: tuple[PolicyAmendment, ...] = field(default=())

    def _version_on(self, day: date) -> tuple[PolicySettings, Mapping[str, str]]:
        settings, notes = self.settings, self.source_notes
        for amendment in self.amendments:  # sorted by date at load
            if amendment.effective_from <= day:
                settings, notes = amendment.settings, amendment.source_notes
        return settings, notes

    def settings_on(self, day: date) -> PolicySettings:
        """The settings in force on ``day``."""
        return self._version_on(day)[0]

    def source_note_on(self, setting: str, day: date) -> str:
        """The policy's own note on where a setting comes from, as in force on ``day``."""
        return f"{self.name}: {setting} — {self._version_on(day)[1][setting]}"
