"""The ILO Indicators of Forced Labour (ILO SAP-FL, 2012): the 11 indicators, as data.

Source [P in shared/research/standards-and-rules.md §5.1]: the ILO booklet
*ILO Indicators of Forced Labour* (Special Action Programme to Combat Forced
Labour, 2012). The eleven indicator names and their order are the ILO's; the
numbers in the ids follow that order. The questions are Haven's own plain-language
wording, not the ILO's text. The indicators rest on the definition in ILO
Convention No. 29: "all work or service which is exacted from any person under the
menace of any penalty and for which the said person has not offered himself
voluntarily". In the ILO's words a single indicator may in some cases imply forced
labour, while in others several are needed; the list is not scored.
"""

from __future__ import annotations

from haven.cases.domain.indicators import (
    Catalogue,
    CatalogueKind,
    Indicator,
    Population,
    SourceStatus,
)
from haven.cases.domain.sources import SCREENING_CITATIONS
from haven.kernel.i18n import gettext_noop

ILO_FORCED_LABOUR_2012_VERSION = "ilo-forced-labour-2012-h1"

_INDICATORS: tuple[tuple[str, str, str], ...] = (
    (
        "ilo-fl-01-abuse-of-vulnerability",
        gettext_noop("Abuse of vulnerability"),
        gettext_noop(
            "Does the employer take advantage of a difficult situation you are in, "
            "for example having no papers, no money or no one else to turn to?"
        ),
    ),
    (
        "ilo-fl-02-deception",
        gettext_noop("Deception"),
        gettext_noop(
            "Were you lied to about the work, the pay or the conditions to make you take this job?"
        ),
    ),
    (
        "ilo-fl-03-restriction-of-movement",
        gettext_noop("Restriction of movement"),
        gettext_noop(
            "Are you stopped from leaving the workplace or the place where you live "
            "when you want to?"
        ),
    ),
    (
        "ilo-fl-04-isolation",
        gettext_noop("Isolation"),
        gettext_noop(
            "Are you kept away from other people, or stopped from contacting your family "
            "or friends?"
        ),
    ),
    (
        "ilo-fl-05-physical-and-sexual-violence",
        gettext_noop("Physical and sexual violence"),
        gettext_noop("Has anyone at work, or where you live, hurt you physically or sexually?"),
    ),
    (
        "ilo-fl-06-intimidation-and-threats",
        gettext_noop("Intimidation and threats"),
        gettext_noop(
            "Has anyone threatened you or your family, for example with violence "
            "or with being reported to the police or immigration?"
        ),
    ),
    (
        "ilo-fl-07-retention-of-identity-documents",
        gettext_noop("Retention of identity documents"),
        gettext_noop("Does someone else keep your passport or ID card?"),
    ),
    (
        "ilo-fl-08-withholding-of-wages",
        gettext_noop("Withholding of wages"),
        gettext_noop("Does the employer hold back your pay, or not pay you at all?"),
    ),
    (
        "ilo-fl-09-debt-bondage",
        gettext_noop("Debt bondage"),
        gettext_noop(
            "Do you owe a debt to the employer or the recruiter that you must work off "
            "before you can leave?"
        ),
    ),
    (
        "ilo-fl-10-abusive-working-and-living-conditions",
        gettext_noop("Abusive working and living conditions"),
        gettext_noop(
            "Are the conditions where you work or live degrading, dangerous or unhealthy?"
        ),
    ),
    (
        "ilo-fl-11-excessive-overtime",
        gettext_noop("Excessive overtime"),
        gettext_noop(
            "Are you made to work far beyond normal hours, or on rest days, "
            "without being able to say no?"
        ),
    ),
)

ILO_FORCED_LABOUR_2012 = Catalogue(
    version=ILO_FORCED_LABOUR_2012_VERSION,
    title=gettext_noop("ILO Indicators of Forced Labour"),
    kind=CatalogueKind.FORCED_LABOUR,
    population=Population.ANY,
    source="ILO Special Action Programme to Combat Forced Labour, ILO Indicators of Forced Labour "
    "(Geneva, 2012)",
    source_status=SourceStatus.PRIMARY,
    indicators=tuple(
        Indicator(id=indicator_id, label=label, question=question)
        for indicator_id, label, question in _INDICATORS
    ),
    citations=SCREENING_CITATIONS,
)
