"""The case status lifecycle as data (Oscar's pipeline idea): a transition not
listed here is refused with a message naming both statuses."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from haven.cases.models import CaseStatus
from haven.kernel.errors import ValidationFailed

S = CaseStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.OPEN: frozenset({S.SCREENING, S.AWAITING_IDENTIFICATION, S.ASSISTANCE, S.CLOSED}),
    S.SCREENING: frozenset({S.AWAITING_IDENTIFICATION, S.ASSISTANCE, S.CLOSED}),
    S.AWAITING_IDENTIFICATION: frozenset({S.ASSISTANCE, S.CLOSED}),
    S.ASSISTANCE: frozenset({S.AWAITING_IDENTIFICATION, S.RETURN_REINTEGRATION, S.CLOSED}),
    S.RETURN_REINTEGRATION: frozenset({S.ASSISTANCE, S.CLOSED}),
    # A closed case can be reopened (the person comes back); nothing is deleted.
    S.CLOSED: frozenset({S.OPEN}),
}

TRANSITION_REFUSED = _("A case cannot go from “{current}” to “{target}”.")


def allowed_targets(current: str) -> list[str]:
    return sorted(TRANSITIONS.get(current, frozenset()))


def check_transition(current: str, target: str) -> None:
    if target not in TRANSITIONS.get(current, frozenset()):
        labels = dict(CaseStatus.choices)
        message = str(TRANSITION_REFUSED).format(
            current=labels.get(current, current), target=labels.get(target, target)
        )
        raise ValidationFailed(message, extra={"errors": {"status": [message]}})
