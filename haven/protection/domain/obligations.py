"""What the engine produces: obligations owed to the person, each with its sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from haven.kernel.citations import Citation
from haven.kernel.i18n import Message, Text, text


class ObligationStatus(StrEnum):
    DUE = "due"
    MET = "met"
    OVERDUE = "overdue"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True, slots=True)
class Period:
    """A span of days, both ends included.

    ``ends_on`` is the last day. When ``ends_with`` names an event (for example "the
    conclusive-grounds decision", a message translated where it is shown) the period lasts
    until that event if it comes later than ``ends_on``; with ``ends_on`` None, only the
    event ends it.
    """

    starts_on: date
    ends_on: date | None = None
    ends_with: Message | None = None

    def __post_init__(self) -> None:
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ValueError("a period cannot end before it starts")
        if self.ends_on is None and self.ends_with is None:
            raise ValueError("a period needs an end date, an ending event, or both")

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls inside the period as known today (an awaited event has not
        yet ended it)."""
        if day < self.starts_on:
            return False
        if self.ends_with is not None:
            return True
        assert self.ends_on is not None
        return day <= self.ends_on

    @property
    def length_in_days(self) -> int | None:
        if self.ends_on is None:
            return None
        return (self.ends_on - self.starts_on).days


@dataclass(frozen=True, slots=True)
class Obligation:
    """One obligation owed to the person, as of the evaluation date.

    ``id`` is stable for the same case: the rule id, then a qualifier where a rule yields
    several obligations ("assistance:secure-accommodation", "non-punishment:charge-2").
    ``triggered_by`` names the facts (by their path in the facts format) that made the rule
    apply, or that made it not apply. ``policy_basis`` quotes the jurisdiction policy's own
    source notes for any setting that shaped the obligation.

    ``title``, ``explanation`` and ``warnings`` are messages (haven.kernel.i18n), not
    formatted text: each reader sees them in their own language. ``explanation`` may be
    given as one message; it is kept as a ``Text``.
    """

    id: str
    rule_id: str
    title: Message
    status: ObligationStatus
    explanation: Text
    citations: tuple[Citation, ...]
    due_on: date | None = None
    period: Period | None = None
    triggered_by: tuple[str, ...] = ()
    warnings: tuple[Message, ...] = ()
    policy_basis: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # The design promise "every obligation cites its source" is enforced here, not hoped for.
        if not self.citations:
            raise ValueError(f"obligation {self.id!r} has no citation")
        if not isinstance(self.title, Message):
            raise TypeError(f"obligation {self.id!r}: the title must be a message")
        explanation: object = self.explanation
        if isinstance(explanation, Message):
            object.__setattr__(self, "explanation", text(explanation))
        elif not isinstance(explanation, Text):
            raise TypeError(f"obligation {self.id!r}: the explanation must be a message")
        if not all(isinstance(warning, Message) for warning in self.warnings):
            raise TypeError(f"obligation {self.id!r}: warnings must be messages")
