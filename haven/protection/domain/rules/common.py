"""Small helpers the rules share."""

from __future__ import annotations

from datetime import date

from haven.protection.domain.obligations import ObligationStatus


def deadline_status(due_on: date | None, on: date) -> ObligationStatus:
    """Due until the end of the due date, overdue after it; due with no deadline."""
    if due_on is not None and on > due_on:
        return ObligationStatus.OVERDUE
    return ObligationStatus.DUE


def period_status(still_running: bool) -> ObligationStatus:
    """For an obligation that is a period (a stay, a recovery period): due while it runs, met
    once it has run its course."""
    return ObligationStatus.DUE if still_running else ObligationStatus.MET
