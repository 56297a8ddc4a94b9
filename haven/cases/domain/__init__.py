"""Screening and exploitation classification: pure Python, no Django.

``indicators`` holds the types and ``summarise``: answers to an indicator
catalogue become a summary that supports, and never replaces, the caseworker's
decision. The catalogues are data (``catalogue_forced_labour``,
``catalogue_trafficking``), looked up by version in ``catalogues``.
``exploitation`` holds the CTDC vocabulary, its export variables and the
validator for an exploitation-details record.
"""

from haven.cases.domain.catalogues import CATALOGUES, catalogue_versions, get_catalogue
from haven.cases.domain.errors import (
    CatalogueInvalid,
    CatalogueUnknown,
    ExploitationDetailsInvalid,
    Problem,
    ScreeningAnswersInvalid,
)
from haven.cases.domain.exploitation import (
    ExploitationDetails,
    ExploitationForm,
    LabourSector,
    MeansOfControl,
    RecruiterRelation,
    SexualExploitationType,
    ctdc_flags,
    parse_exploitation_details,
    validate_exploitation_details,
)
from haven.cases.domain.indicators import (
    SUPPORT_NOTICE,
    Answer,
    AnswerValue,
    Catalogue,
    Dimension,
    Indicator,
    ScreeningSummary,
    Strength,
    combination_branch,
    dimension_is_positive,
    summarise,
    validate_answers,
)

__all__ = [
    "CATALOGUES",
    "SUPPORT_NOTICE",
    "Answer",
    "AnswerValue",
    "Catalogue",
    "CatalogueInvalid",
    "CatalogueUnknown",
    "Dimension",
    "ExploitationDetails",
    "ExploitationDetailsInvalid",
    "ExploitationForm",
    "Indicator",
    "LabourSector",
    "MeansOfControl",
    "Problem",
    "RecruiterRelation",
    "ScreeningAnswersInvalid",
    "ScreeningSummary",
    "SexualExploitationType",
    "Strength",
    "catalogue_versions",
    "combination_branch",
    "ctdc_flags",
    "dimension_is_positive",
    "get_catalogue",
    "parse_exploitation_details",
    "summarise",
    "validate_answers",
    "validate_exploitation_details",
]
