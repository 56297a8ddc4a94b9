"""The assistance a person can be owed, item by item, with the text that asks for each.

Titles and explanations are message ids (haven.kernel.i18n), translated where shown.

The items marked ``international`` are the list of IPU-118 op.20 (CoE art. 12(1)):
every jurisdiction policy must include them. A jurisdiction may add the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from haven.kernel.citations import Citation
from haven.kernel.i18n import Message, gettext_noop, message
from haven.protection.domain import sources


class ItemApplies(StrEnum):
    ALWAYS = "always"
    CHILDREN_ONLY = "children-only"
    WHEN_PROCEEDINGS = "when-proceedings"


@dataclass(frozen=True, slots=True)
class AssistanceItem:
    id: str
    title: Message
    explanation: Message
    citations: tuple[Citation, ...]
    international: bool
    applies: ItemApplies = ItemApplies.ALWAYS


SECURE_ACCOMMODATION_TEXT = gettext_noop(
    "Offer safe and secure accommodation, so that the person does not have to stay where they "
    "were exploited or depend on the people who exploited them."
)
EMERGENCY_MEDICAL_CARE_TEXT = gettext_noop(
    "Make sure the person can get emergency medical care, whatever their immigration status."
)
PSYCHOLOGICAL_COUNSELLING_TEXT = gettext_noop(
    "Offer psychological counselling and support to help the person recover from what happened."
)
TRANSLATION_TEXT = gettext_noop(
    "Provide translation and interpretation whenever the person deals with services or "
    "authorities in a language they do not speak well."
)
INFORMATION_TEXT = gettext_noop(
    "Tell the person about their rights and the services open to them, in a language they "
    "understand."
)
LEGAL_ASSISTANCE_TEXT = gettext_noop(
    "Help the person take part in the proceedings that concern them, with legal advice and "
    "assistance, so that their rights and interests are put forward and considered."
)
VOCATIONAL_TRAINING_TEXT = gettext_noop(
    "Offer vocational training where it suits the person's situation and wishes."
)
EDUCATION_TEXT = gettext_noop("Make sure the child can go to school or otherwise get an education.")
FINANCIAL_SUPPORT_TEXT = gettext_noop(
    "Provide financial or material support so the person can meet their day-to-day needs."
)

ASSISTANCE_ITEMS: tuple[AssistanceItem, ...] = (
    AssistanceItem(
        "secure-accommodation",
        message(gettext_noop("Secure accommodation")),
        message(SECURE_ACCOMMODATION_TEXT),
        (sources.IPU118_OP20_ACCOMMODATION, sources.IPU145_OP17_SHELTER),
        international=True,
    ),
    AssistanceItem(
        "emergency-medical-care",
        message(gettext_noop("Emergency medical care")),
        message(EMERGENCY_MEDICAL_CARE_TEXT),
        (sources.IPU118_OP20_MEDICAL,),
        international=True,
    ),
    AssistanceItem(
        "psychological-counselling",
        message(gettext_noop("Psychological counselling")),
        message(PSYCHOLOGICAL_COUNSELLING_TEXT),
        (sources.IPU145_OP17_COUNSELLING, sources.IPU118_OP20_INFORMATION),
        international=True,
    ),
    AssistanceItem(
        "translation-and-interpretation",
        message(gettext_noop("Translation and interpretation")),
        message(TRANSLATION_TEXT),
        (sources.IPU118_OP20_INTERPRETATION,),
        international=True,
    ),
    AssistanceItem(
        "information-in-own-language",
        message(gettext_noop("Information in a language the person understands")),
        message(INFORMATION_TEXT),
        (sources.IPU118_OP20_INFORMATION,),
        international=True,
    ),
    AssistanceItem(
        "legal-assistance-in-proceedings",
        message(gettext_noop("Legal assistance in proceedings")),
        message(LEGAL_ASSISTANCE_TEXT),
        (sources.IPU118_OP20_PROCEEDINGS, sources.IPU145_OP17_ACCESS_TO_JUSTICE),
        international=True,
        applies=ItemApplies.WHEN_PROCEEDINGS,
    ),
    AssistanceItem(
        "vocational-training",
        message(gettext_noop("Vocational training")),
        message(VOCATIONAL_TRAINING_TEXT),
        (sources.IPU118_OP20_VOCATIONAL,),
        international=True,
    ),
    AssistanceItem(
        "education-for-children",
        message(gettext_noop("Education for children")),
        message(EDUCATION_TEXT),
        (sources.IPU118_OP20_EDUCATION,),
        international=True,
        applies=ItemApplies.CHILDREN_ONLY,
    ),
    AssistanceItem(
        "financial-support",
        message(gettext_noop("Financial or material support")),
        message(FINANCIAL_SUPPORT_TEXT),
        (sources.IPU145_OP17_SUPPORT,),
        international=False,
    ),
)

ASSISTANCE_ITEM_BY_ID: Mapping[str, AssistanceItem] = MappingProxyType(
    {item.id: item for item in ASSISTANCE_ITEMS}
)
INTERNATIONAL_ASSISTANCE_ITEMS: tuple[str, ...] = tuple(
    item.id for item in ASSISTANCE_ITEMS if item.international
)
