"""The registry of indicator catalogues, by version.

A stored screening keeps the version it was answered against and looks the
catalogue up here. Versions are never removed or changed once published: a new
list, strength or question is a new version added beside the old one.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from haven.cases.domain.catalogue_forced_labour import ILO_FORCED_LABOUR_2012
from haven.cases.domain.catalogue_trafficking import ADULT_LABOUR_2009, ADULT_SEXUAL_2009
from haven.cases.domain.errors import CatalogueUnknown
from haven.cases.domain.indicators import Catalogue

CATALOGUES: Mapping[str, Catalogue] = MappingProxyType(
    {
        catalogue.version: catalogue
        for catalogue in (ILO_FORCED_LABOUR_2012, ADULT_LABOUR_2009, ADULT_SEXUAL_2009)
    }
)


def catalogue_versions() -> tuple[str, ...]:
    return tuple(CATALOGUES)


def get_catalogue(version: str) -> Catalogue:
    """The catalogue with this version; ``CatalogueUnknown`` lists the known ones otherwise."""
    found = CATALOGUES.get(version)
    if found is None:
        raise CatalogueUnknown(version, catalogue_versions())
    return found
