"""Builders shared by the screening tests: pick indicators, answer them, make small catalogues."""

from __future__ import annotations

from collections.abc import Iterable

from haven.cases.domain.catalogue_trafficking import ADULT_LABOUR_2009
from haven.cases.domain.indicators import (
    Answer,
    AnswerValue,
    Catalogue,
    CatalogueKind,
    Dimension,
    ExploitationPurpose,
    Indicator,
    Population,
    SourceStatus,
    Strength,
)

LABOUR = ADULT_LABOUR_2009


def pick(
    dimension: Dimension,
    strength: Strength,
    count: int,
    catalogue: Catalogue = LABOUR,
) -> list[Indicator]:
    """The first ``count`` indicators of a dimension with a strength; fails if there are fewer."""
    found = [
        indicator
        for indicator in catalogue.in_dimension(dimension)
        if indicator.strength is strength
    ]
    assert len(found) >= count, f"{catalogue.version} has {len(found)} {strength} in {dimension}"
    return found[:count]


def tally(
    dimension: Dimension,
    strong: int = 0,
    medium: int = 0,
    weak: int = 0,
    catalogue: Catalogue = LABOUR,
) -> list[Indicator]:
    return (
        pick(dimension, Strength.STRONG, strong, catalogue)
        + pick(dimension, Strength.MEDIUM, medium, catalogue)
        + pick(dimension, Strength.WEAK, weak, catalogue)
    )


def yes_to(indicators: Iterable[Indicator], evidence: str | None = None) -> list[Answer]:
    return [Answer(indicator.id, AnswerValue.YES, evidence) for indicator in indicators]


def no_to(indicators: Iterable[Indicator]) -> list[Answer]:
    return [Answer(indicator.id, AnswerValue.NO) for indicator in indicators]


def full_adult_pattern() -> list[Indicator]:
    """Deceptive recruitment, exploitation and coercion at destination each positive."""
    return (
        tally(Dimension.DECEPTIVE_RECRUITMENT, strong=1, medium=1)
        + tally(Dimension.EXPLOITATIVE_CONDITIONS, strong=1, weak=1)
        + tally(Dimension.COERCION_AT_DESTINATION, strong=2)
    )


def small_trafficking_catalogue(
    population: Population = Population.ADULT,
    version: str = "test-trafficking-h1",
) -> Catalogue:
    """One strong, one medium and one weak indicator in each dimension."""
    indicators = tuple(
        Indicator(
            id=f"test-{dimension.value}-{strength.value}",
            label=f"{dimension.label}, {strength.value}",
            question=f"Synthetic question for {dimension.value} ({strength.value})?",
            dimension=dimension,
            strength=strength,
        )
        for dimension in Dimension
        for strength in Strength
    )
    return Catalogue(
        version=version,
        title="Synthetic test catalogue",
        kind=CatalogueKind.TRAFFICKING,
        population=population,
        purpose=ExploitationPurpose.LABOUR,
        source="synthetic",
        source_status=SourceStatus.PRIMARY,
        indicators=indicators,
    )
