"""ILO/European Commission operational indicators of trafficking in human beings (2009), as data.

Source: ILO and European Commission, *Operational indicators of trafficking in
human beings. Results from a Delphi survey implemented by the ILO and the
European Commission* (first published March 2009, revised September 2009;
ILO WCMS_105023). Four lists (adults / children × labour / sexual exploitation),
each over six dimensions, each item rated strong, medium or weak.

What Haven's copy rests on (shared/research/standards-and-rules.md §5.2):

* The six dimensions and the four lists: **primary** (the ILO and European
  Commission publication pages).
* Adults, labour exploitation: items and strengths are **secondary** — reproduced
  from a public synthesis document, not from the ILO PDF. The item counts per
  dimension (10, 10, 16, 9, 15, 7 = 67) match a second public source. Not yet
  checked against WCMS_105023; the catalogue carries a caution saying so.
* Adults, sexual exploitation: **unverified**. Neither the research note nor any
  source read for it holds this list. Haven reconstructs it from the adult labour
  list with three differences recalled from the publication and supported in part by
  the secondary synthesis: the deceptive-recruitment item on conditions of work reads
  "conditions of prostitution"; "excessive working days or hours" is medium, not
  strong (that source says this list has no strong exploitation indicator); "forced
  tasks or clients" is strong. Everything else, including every other strength, is
  assumed equal to the labour list. Check every row against WCMS_105023 before
  relying on it; the catalogue carries a caution saying so.
* The children's lists are **not included**: the only copy found is a secondary
  synthesis Haven could not check, and the brief was to add them only if they could
  be reproduced with confidence. For a child, use an adult list with
  ``summarise(..., person_is_child=True)``: the child rule of the pattern (means not
  required) still applies, but the adults' strengths are used.
* The combination rule (in ``indicators.combination_branch``) is **secondary**.

Labels follow the publication's wording, except "abuse of illegal status", which
Haven labels "abuse of irregular migration status" (people are not illegal; the
meaning is unchanged). Questions are Haven's own plain-language wording; a "yes"
means the indicator is present. Recruitment questions ask about the time before and
during the journey; destination questions about the place of work or exploitation.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from haven.cases.domain.indicators import (
    Catalogue,
    CatalogueKind,
    Dimension,
    ExploitationPurpose,
    Indicator,
    Population,
    SourceStatus,
    Strength,
)
from haven.cases.domain.sources import SCREENING_CITATIONS
from haven.kernel.i18n import gettext_noop

ADULT_LABOUR_2009_VERSION = "ilo-ec-trafficking-2009-adult-labour-h1"
ADULT_SEXUAL_2009_VERSION = "ilo-ec-trafficking-2009-adult-sexual-h1"

SOURCE_REFERENCE = (
    "ILO and European Commission, Operational indicators of trafficking in human beings: "
    "results from a Delphi survey (March 2009, revised September 2009; ILO WCMS_105023)"
)
ADULT_LABOUR_CAUTION = gettext_noop(
    "The strengths in this list and the combination rule come from a secondary source "
    "and have not yet been checked against the ILO/European Commission publication."
)
ADULT_SEXUAL_CAUTION = gettext_noop(
    "This list was reconstructed without a read copy of the ILO/European Commission "
    "publication: items and strengths are unverified, and so is the combination rule. "
    "Check them against the publication before relying on this summary."
)

D = Dimension
S, M, W = Strength.STRONG, Strength.MEDIUM, Strength.WEAK

# (dimension, item key) -> (label, question). Shared by every list, so one item reads
# the same wherever it appears.
_ITEMS: Mapping[tuple[Dimension, str], tuple[str, str]] = MappingProxyType(
    {
        # --- deceptive recruitment --------------------------------------------------------------
        (D.DECEPTIVE_RECRUITMENT, "nature-of-job-location-or-employer"): (
            gettext_noop("Deceived about the nature of the job, location or employer"),
            gettext_noop(
                "Was the job, the place or the employer different from what you were promised?"
            ),
        ),
        (D.DECEPTIVE_RECRUITMENT, "conditions-of-work"): (
            gettext_noop("Deceived about conditions of work"),
            gettext_noop("Were the working conditions different from what you were told?"),
        ),
        (D.DECEPTIVE_RECRUITMENT, "conditions-of-prostitution"): (
            gettext_noop("Deceived about conditions of prostitution"),
            gettext_noop("Were the conditions of the sex work different from what you were told?"),
        ),
        (D.DECEPTIVE_RECRUITMENT, "content-or-legality-of-contract"): (
            gettext_noop("Deceived about content or legality of work contract"),
            gettext_noop("Was your contract different from what you were told, or not legal?"),
        ),
        (D.DECEPTIVE_RECRUITMENT, "family-reunification"): (
            gettext_noop("Deceived about family reunification"),
            gettext_noop(
                "Were you promised that your family could join you, and it did not happen?"
            ),
        ),
        (D.DECEPTIVE_RECRUITMENT, "housing-and-living-conditions"): (
            gettext_noop("Deceived about housing and living conditions"),
            gettext_noop("Was the place you had to live in different from what you were promised?"),
        ),
        (D.DECEPTIVE_RECRUITMENT, "legal-documentation-or-migration-status"): (
            gettext_noop("Deceived about legal documentation or obtaining legal migration status"),
            gettext_noop("Were you lied to about your papers, your visa or your right to stay?"),
        ),
        (D.DECEPTIVE_RECRUITMENT, "travel-and-recruitment-conditions"): (
            gettext_noop("Deceived about travel and recruitment conditions"),
            gettext_noop(
                "Were you lied to about the journey, or about what recruitment would cost you?"
            ),
        ),
        (D.DECEPTIVE_RECRUITMENT, "wages-or-earnings"): (
            gettext_noop("Deceived about wages or earnings"),
            gettext_noop("Were you promised pay that you did not get?"),
        ),
        (D.DECEPTIVE_RECRUITMENT, "promises-of-marriage-or-adoption"): (
            gettext_noop("Deceived through promises of marriage or adoption"),
            gettext_noop("Were you promised a marriage or an adoption to make you come?"),
        ),
        (D.DECEPTIVE_RECRUITMENT, "access-to-education"): (
            gettext_noop("Deceived about access to education opportunities"),
            gettext_noop("Were you promised school or training that you did not get?"),
        ),
        # --- coercive recruitment ---------------------------------------------------------------
        (D.COERCIVE_RECRUITMENT, "violence-on-victim"): (
            gettext_noop("Violence on victims"),
            gettext_noop(
                "Before or during the journey, did anyone hurt you, physically or sexually?"
            ),
        ),
        (D.COERCIVE_RECRUITMENT, "abduction-forced-marriage-adoption-or-sale"): (
            gettext_noop("Abduction, forced marriage, forced adoption or selling of victim"),
            gettext_noop(
                "Were you taken against your will, sold, or forced into a marriage or an adoption?"
            ),
        ),
        (D.COERCIVE_RECRUITMENT, "confiscation-of-documents"): (
            gettext_noop("Confiscation of documents"),
            gettext_noop(
                "Before or during the journey, did someone take your passport or ID card from you?"
            ),
        ),
        (D.COERCIVE_RECRUITMENT, "debt-bondage"): (
            gettext_noop("Debt bondage"),
            gettext_noop(
                "Were you made to owe money for the job or the journey, money you could not "
                "freely pay back?"
            ),
        ),
        (D.COERCIVE_RECRUITMENT, "isolation-confinement-or-surveillance"): (
            gettext_noop("Isolation, confinement or surveillance"),
            gettext_noop(
                "Before or during the journey, were you locked in, watched, or kept away from "
                "other people?"
            ),
        ),
        (D.COERCIVE_RECRUITMENT, "threat-of-denunciation"): (
            gettext_noop("Threat of denunciation to authorities"),
            gettext_noop(
                "Did someone threaten to report you to the police or immigration to make you go?"
            ),
        ),
        (D.COERCIVE_RECRUITMENT, "threats-of-violence"): (
            gettext_noop("Threats of violence against victim"),
            gettext_noop("Were you threatened with violence to make you go?"),
        ),
        (D.COERCIVE_RECRUITMENT, "threat-to-inform-family-community-or-public"): (
            gettext_noop("Threats to inform family, community or public"),
            gettext_noop(
                "Did someone threaten to tell your family, your community or the public things "
                "about you, to make you go?"
            ),
        ),
        (D.COERCIVE_RECRUITMENT, "violence-on-family"): (
            gettext_noop("Violence on family (threats or effective)"),
            gettext_noop("Was your family hurt or threatened to make you go?"),
        ),
        (D.COERCIVE_RECRUITMENT, "withholding-of-money"): (
            gettext_noop("Withholding of money"),
            gettext_noop("Did someone keep your money back to make you go?"),
        ),
        # --- recruitment by abuse of vulnerability ----------------------------------------------
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "difficult-family-situation"): (
            gettext_noop("Abuse of difficult family situation"),
            gettext_noop(
                "Did the person who recruited you take advantage of problems in your family?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "irregular-status"): (
            gettext_noop("Abuse of irregular migration status"),
            gettext_noop(
                "Did the person who recruited you take advantage of you having no papers or "
                "no permission to stay?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "lack-of-education-or-language"): (
            gettext_noop("Abuse of lack of education (language)"),
            gettext_noop(
                "Did the person who recruited you take advantage of you not knowing the language, "
                "or not having had much schooling?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "lack-of-information"): (
            gettext_noop("Abuse of lack of information"),
            gettext_noop(
                "Did the person who recruited you take advantage of you not knowing how things "
                "work where you were going?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "control-of-exploiters"): (
            gettext_noop("Control of exploiters"),
            gettext_noop(
                "Before you left, was your life already controlled by the people who recruited you?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "economic-reasons"): (
            gettext_noop("Economic reasons"),
            gettext_noop(
                "Did the person who recruited you take advantage of you badly needing money?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "false-information-about-law-or-authorities"): (
            gettext_noop("False information about law, attitude of authorities"),
            gettext_noop(
                "Were you told lies about the law, or about how police or officials "
                "would treat you?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "false-information-about-successful-migration"): (
            gettext_noop("False information about successful migration"),
            gettext_noop("Were you told false stories about how well migrants do there?"),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "family-situation"): (
            gettext_noop("Family situation"),
            gettext_noop("Did your family situation leave you little choice but to go?"),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "personal-situation"): (
            gettext_noop("Personal situation"),
            gettext_noop(
                "Did your personal situation, for example your health or being alone, leave you "
                "little choice but to go?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "psychological-or-emotional-dependency"): (
            gettext_noop("Psychological and emotional dependency"),
            gettext_noop(
                "Did the person who recruited you use your feelings for them, or your trust in "
                "them, to make you go?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "relationship-with-authorities"): (
            gettext_noop("Relationship with authorities / legal status"),
            gettext_noop(
                "When you were recruited, were you afraid of the authorities, or was your legal "
                "status uncertain?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "difficulties-in-the-past"): (
            gettext_noop("Difficulties in the past"),
            gettext_noop(
                "Before you were recruited, had you been through serious difficulties, for example "
                "earlier exploitation or a migration that failed?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "difficulty-to-organise-travel"): (
            gettext_noop("Difficulty to organise the travel"),
            gettext_noop("Would it have been hard for you to organise the journey on your own?"),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "cultural-or-religious-beliefs"): (
            gettext_noop("Abuse of cultural or religious beliefs"),
            gettext_noop(
                "Did the person who recruited you use your beliefs or traditions, for example an "
                "oath or a ritual, to control you?"
            ),
        ),
        (D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, "general-context"): (
            gettext_noop("General context"),
            gettext_noop("Were you recruited in a place of war, disaster or crisis?"),
        ),
        # --- exploitative conditions of work ----------------------------------------------------
        (D.EXPLOITATIVE_CONDITIONS, "excessive-working-days-or-hours"): (
            gettext_noop("Excessive working days or hours"),
            gettext_noop("Did you have to work very long hours, or many days without rest?"),
        ),
        (D.EXPLOITATIVE_CONDITIONS, "bad-living-conditions"): (
            gettext_noop("Bad living conditions"),
            gettext_noop("Were the place where you slept, and the food you got, very bad?"),
        ),
        (D.EXPLOITATIVE_CONDITIONS, "hazardous-work"): (
            gettext_noop("Hazardous work"),
            gettext_noop("Was the work dangerous, or done without protection?"),
        ),
        (D.EXPLOITATIVE_CONDITIONS, "low-or-no-salary"): (
            gettext_noop("Low or no salary"),
            gettext_noop("Were you paid very little, or nothing?"),
        ),
        (D.EXPLOITATIVE_CONDITIONS, "no-respect-of-labour-laws-or-contract"): (
            gettext_noop("No respect of labour laws or contract signed"),
            gettext_noop("Did the employer ignore the contract you signed, or the labour law?"),
        ),
        (D.EXPLOITATIVE_CONDITIONS, "no-social-protection"): (
            gettext_noop("No social protection (contract, social insurance, etc.)"),
            gettext_noop("Did you work without a contract, or without health or social insurance?"),
        ),
        (D.EXPLOITATIVE_CONDITIONS, "very-bad-working-conditions"): (
            gettext_noop("Very bad working conditions"),
            gettext_noop("Were the working conditions very bad?"),
        ),
        (D.EXPLOITATIVE_CONDITIONS, "wage-manipulation"): (
            gettext_noop("Wage manipulation"),
            gettext_noop("Was your pay cut by fines or deductions, or paid to someone else?"),
        ),
        (D.EXPLOITATIVE_CONDITIONS, "no-access-to-education"): (
            gettext_noop("No access to education"),
            gettext_noop("Were you kept from going to school or training?"),
        ),
        # --- coercion at destination ------------------------------------------------------------
        (D.COERCION_AT_DESTINATION, "confiscation-of-documents"): (
            gettext_noop("Confiscation of documents"),
            gettext_noop("Did someone else keep your passport or ID card?"),
        ),
        (D.COERCION_AT_DESTINATION, "debt-bondage"): (
            gettext_noop("Debt bondage"),
            gettext_noop(
                "Did a debt you owed the employer or the recruiter keep you from leaving?"
            ),
        ),
        (D.COERCION_AT_DESTINATION, "isolation-confinement-or-surveillance"): (
            gettext_noop("Isolation, confinement or surveillance"),
            gettext_noop("Were you locked in, watched, or stopped from contacting other people?"),
        ),
        (D.COERCION_AT_DESTINATION, "violence-on-victim"): (
            gettext_noop("Violence on victims"),
            gettext_noop("Where you worked or lived, did anyone hurt you, physically or sexually?"),
        ),
        (D.COERCION_AT_DESTINATION, "forced-into-illicit-activities"): (
            gettext_noop("Forced into illicit / criminal activities"),
            gettext_noop("Were you made to do things that are against the law?"),
        ),
        (D.COERCION_AT_DESTINATION, "forced-tasks-or-clients"): (
            gettext_noop("Forced tasks or clients"),
            gettext_noop(
                "Were you forced to do tasks, or to see clients, that you had not agreed to?"
            ),
        ),
        (D.COERCION_AT_DESTINATION, "forced-to-act-against-peers"): (
            gettext_noop("Forced to act against peers"),
            gettext_noop("Were you made to control, punish or hurt other workers?"),
        ),
        (D.COERCION_AT_DESTINATION, "forced-to-lie"): (
            gettext_noop("Forced to lie to authorities, family, etc."),
            gettext_noop("Were you told to lie to officials or to your family?"),
        ),
        (D.COERCION_AT_DESTINATION, "threat-of-denunciation"): (
            gettext_noop("Threat of denunciation to authorities"),
            gettext_noop("Did someone threaten to report you to the police or immigration?"),
        ),
        (D.COERCION_AT_DESTINATION, "threat-of-worse-working-conditions"): (
            gettext_noop("Threat to impose even worse working conditions"),
            gettext_noop("Were you threatened with even worse work or conditions?"),
        ),
        (D.COERCION_AT_DESTINATION, "threats-of-violence"): (
            gettext_noop("Threats of violence against victim"),
            gettext_noop("Were you threatened with violence?"),
        ),
        (D.COERCION_AT_DESTINATION, "under-strong-influence"): (
            gettext_noop("Under strong influence"),
            gettext_noop(
                "Did the people you worked for control you so much that you felt you could not "
                "leave them?"
            ),
        ),
        (D.COERCION_AT_DESTINATION, "violence-on-family"): (
            gettext_noop("Violence on family (threats or effective)"),
            gettext_noop("Was your family hurt or threatened?"),
        ),
        (D.COERCION_AT_DESTINATION, "withholding-of-wages"): (
            gettext_noop("Withholding of wages"),
            gettext_noop("Did the employer hold back your pay to make you stay?"),
        ),
        (D.COERCION_AT_DESTINATION, "threat-to-inform-family-community-or-public"): (
            gettext_noop("Threats to inform family, community or public"),
            gettext_noop(
                "Did someone threaten to tell your family, your community or the public things "
                "about you?"
            ),
        ),
        # --- abuse of vulnerability at destination ----------------------------------------------
        (D.ABUSE_OF_VULNERABILITY_AT_DESTINATION, "dependency-on-exploiters"): (
            gettext_noop("Dependency on exploiters"),
            gettext_noop(
                "Did you depend on the people you worked for for housing, food, transport or "
                "contact with others?"
            ),
        ),
        (D.ABUSE_OF_VULNERABILITY_AT_DESTINATION, "difficulty-to-live-in-unknown-area"): (
            gettext_noop("Difficulty to live in an unknown area"),
            gettext_noop(
                "Was it hard for you to manage on your own there, for example because of the "
                "language or not knowing the area?"
            ),
        ),
        (D.ABUSE_OF_VULNERABILITY_AT_DESTINATION, "economic-reasons"): (
            gettext_noop("Economic reasons"),
            gettext_noop("Did you or your family need the money so badly that you could not stop?"),
        ),
        (D.ABUSE_OF_VULNERABILITY_AT_DESTINATION, "family-situation"): (
            gettext_noop("Family situation"),
            gettext_noop("Did your family situation keep you in that work?"),
        ),
        (D.ABUSE_OF_VULNERABILITY_AT_DESTINATION, "relationship-with-authorities"): (
            gettext_noop("Relationship with authorities / legal status"),
            gettext_noop("Were you afraid of the authorities there because of your legal status?"),
        ),
        (D.ABUSE_OF_VULNERABILITY_AT_DESTINATION, "difficulties-in-the-past"): (
            gettext_noop("Difficulties in the past"),
            gettext_noop(
                "Did hardship you had been through before make it harder for you to leave?"
            ),
        ),
        (D.ABUSE_OF_VULNERABILITY_AT_DESTINATION, "personal-characteristics"): (
            gettext_noop("Personal characteristics"),
            gettext_noop(
                "Were you treated worse there because of who you are, for example your origin, "
                "your gender or a disability?"
            ),
        ),
    }
)

ListSpec = tuple[tuple[Dimension, tuple[tuple[str, Strength], ...]], ...]

# Adults, labour exploitation: the research note's table (§5.2), row by row.
_ADULT_LABOUR: ListSpec = (
    (
        D.DECEPTIVE_RECRUITMENT,
        (
            ("nature-of-job-location-or-employer", S),
            ("conditions-of-work", M),
            ("content-or-legality-of-contract", M),
            ("family-reunification", M),
            ("housing-and-living-conditions", M),
            ("legal-documentation-or-migration-status", M),
            ("travel-and-recruitment-conditions", M),
            ("wages-or-earnings", M),
            ("promises-of-marriage-or-adoption", M),
            ("access-to-education", W),
        ),
    ),
    (
        D.COERCIVE_RECRUITMENT,
        (
            ("violence-on-victim", S),
            ("abduction-forced-marriage-adoption-or-sale", M),
            ("confiscation-of-documents", M),
            ("debt-bondage", M),
            ("isolation-confinement-or-surveillance", M),
            ("threat-of-denunciation", M),
            ("threats-of-violence", M),
            ("threat-to-inform-family-community-or-public", M),
            ("violence-on-family", M),
            ("withholding-of-money", M),
        ),
    ),
    (
        D.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY,
        (
            ("difficult-family-situation", M),
            ("irregular-status", M),
            ("lack-of-education-or-language", M),
            ("lack-of-information", M),
            ("control-of-exploiters", M),
            ("economic-reasons", M),
            ("false-information-about-law-or-authorities", M),
            ("false-information-about-successful-migration", M),
            ("family-situation", M),
            ("personal-situation", M),
            ("psychological-or-emotional-dependency", M),
            ("relationship-with-authorities", M),
            ("difficulties-in-the-past", M),
            ("difficulty-to-organise-travel", M),
            ("cultural-or-religious-beliefs", W),
            ("general-context", W),
        ),
    ),
    (
        D.EXPLOITATIVE_CONDITIONS,
        (
            ("excessive-working-days-or-hours", S),
            ("bad-living-conditions", M),
            ("hazardous-work", M),
            ("low-or-no-salary", M),
            ("no-respect-of-labour-laws-or-contract", M),
            ("no-social-protection", M),
            ("very-bad-working-conditions", M),
            ("wage-manipulation", M),
            ("no-access-to-education", W),
        ),
    ),
    (
        D.COERCION_AT_DESTINATION,
        (
            ("confiscation-of-documents", S),
            ("debt-bondage", S),
            ("isolation-confinement-or-surveillance", S),
            ("violence-on-victim", S),
            ("forced-into-illicit-activities", M),
            ("forced-tasks-or-clients", M),
            ("forced-to-act-against-peers", M),
            ("forced-to-lie", M),
            ("threat-of-denunciation", M),
            ("threat-of-worse-working-conditions", M),
            ("threats-of-violence", M),
            ("under-strong-influence", M),
            ("violence-on-family", M),
            ("withholding-of-wages", M),
            ("threat-to-inform-family-community-or-public", W),
        ),
    ),
    (
        D.ABUSE_OF_VULNERABILITY_AT_DESTINATION,
        (
            ("dependency-on-exploiters", M),
            ("difficulty-to-live-in-unknown-area", M),
            ("economic-reasons", M),
            ("family-situation", M),
            ("relationship-with-authorities", M),
            ("difficulties-in-the-past", W),
            ("personal-characteristics", W),
        ),
    ),
)

# Adults, sexual exploitation: the labour list with the three differences named in the
# module docstring. UNVERIFIED.
_SEXUAL_DIFFERENCES: Mapping[tuple[Dimension, str], tuple[str, Strength]] = MappingProxyType(
    {
        (D.DECEPTIVE_RECRUITMENT, "conditions-of-work"): ("conditions-of-prostitution", M),
        (D.EXPLOITATIVE_CONDITIONS, "excessive-working-days-or-hours"): (
            "excessive-working-days-or-hours",
            M,
        ),
        (D.COERCION_AT_DESTINATION, "forced-tasks-or-clients"): ("forced-tasks-or-clients", S),
    }
)
_ADULT_SEXUAL: ListSpec = tuple(
    (
        dimension,
        tuple(
            _SEXUAL_DIFFERENCES.get((dimension, key), (key, strength)) for key, strength in items
        ),
    )
    for dimension, items in _ADULT_LABOUR
)


def _indicators(list_slug: str, spec: ListSpec) -> tuple[Indicator, ...]:
    """Indicators of one list; an id is ``ilo-ec-<list>-<dimension>-<item>``."""
    built = []
    for dimension, items in spec:
        for key, strength in items:
            label, question = _ITEMS[(dimension, key)]
            built.append(
                Indicator(
                    id=f"ilo-ec-{list_slug}-{dimension.value}-{key}",
                    label=label,
                    question=question,
                    dimension=dimension,
                    strength=strength,
                )
            )
    return tuple(built)


ADULT_LABOUR_2009 = Catalogue(
    version=ADULT_LABOUR_2009_VERSION,
    title=gettext_noop(
        "Operational indicators of trafficking: adults, labour exploitation (ILO/EC 2009)"
    ),
    kind=CatalogueKind.TRAFFICKING,
    population=Population.ADULT,
    purpose=ExploitationPurpose.LABOUR,
    source=SOURCE_REFERENCE,
    source_status=SourceStatus.SECONDARY,
    indicators=_indicators("adult-labour", _ADULT_LABOUR),
    citations=SCREENING_CITATIONS,
    caution=ADULT_LABOUR_CAUTION,
)

ADULT_SEXUAL_2009 = Catalogue(
    version=ADULT_SEXUAL_2009_VERSION,
    title=gettext_noop(
        "Operational indicators of trafficking: adults, sexual exploitation (ILO/EC 2009)"
    ),
    kind=CatalogueKind.TRAFFICKING,
    population=Population.ADULT,
    purpose=ExploitationPurpose.SEXUAL,
    source=SOURCE_REFERENCE,
    source_status=SourceStatus.UNVERIFIED,
    indicators=_indicators("adult-sexual", _ADULT_SEXUAL),
    citations=SCREENING_CITATIONS,
    caution=ADULT_SEXUAL_CAUTION,
)
