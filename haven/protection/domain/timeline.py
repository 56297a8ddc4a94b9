"""Date arithmetic the rules share: "as of" checks and calendar lengths."""

from __future__ import annotations

import calendar
from datetime import date


def happened(day: date | None, on: date) -> bool:
    """Whether something recorded as happening on ``day`` had happened by ``on``.

    The engine evaluates a case as of a date; a decision or delivery dated later has not
    happened yet on that date, so it must not count.
    """
    return day is not None and day <= on


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when that day does not exist."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)
