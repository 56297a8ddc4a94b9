"""The guided questions of the help form: plain words drawn from the ILO
indicators of forced labour, each with the indicator it stands for. They help
the hotline understand; they never decide anything."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class GuidedQuestion:
    id: str
    text: Promise
    indicator: str  # cases/domain catalogue id of the ILO forced-labour indicator


GUIDED_QUESTIONS = (
    GuidedQuestion(
        "documents",
        _("Does someone else keep your passport or identity papers?"),
        "ilo-fl-07-retention-of-identity-documents",
    ),
    GuidedQuestion(
        "wages",
        _("Are you paid less than you were promised, or not at all?"),
        "ilo-fl-08-withholding-of-wages",
    ),
    GuidedQuestion(
        "movement",
        _("Are you stopped from leaving your work or where you live?"),
        "ilo-fl-03-restriction-of-movement",
    ),
    GuidedQuestion(
        "debt",
        _("Do you owe money to an employer or recruiter that you cannot pay back?"),
        "ilo-fl-09-debt-bondage",
    ),
    GuidedQuestion(
        "threats",
        _("Has anyone threatened you or your family?"),
        "ilo-fl-06-intimidation-and-threats",
    ),
    GuidedQuestion(
        "violence",
        _("Has anyone hurt you or forced you into sexual acts?"),
        "ilo-fl-05-physical-and-sexual-violence",
    ),
    GuidedQuestion(
        "deception",
        _("Was the work or the place different from what you were told?"),
        "ilo-fl-02-deception",
    ),
)

ANSWERS = (("yes", _("Yes")), ("no", _("No")), ("rather_not_say", _("I prefer not to say")))
