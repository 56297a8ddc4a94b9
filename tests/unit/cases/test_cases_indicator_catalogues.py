"""Indicator catalogues: integrity, the lists as the research note gives them, the registry."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from haven.cases.domain import catalogues
from haven.cases.domain.catalogue_forced_labour import ILO_FORCED_LABOUR_2012
from haven.cases.domain.catalogue_trafficking import (
    ADULT_LABOUR_2009,
    ADULT_SEXUAL_2009,
)
from haven.cases.domain.errors import CasesErrorCode, CatalogueInvalid, CatalogueUnknown
from haven.cases.domain.indicators import (
    Catalogue,
    CatalogueKind,
    Dimension,
    Indicator,
    Population,
    SourceStatus,
    Strength,
)

ALL = tuple(catalogues.CATALOGUES.values())
TRAFFICKING = tuple(c for c in ALL if c.kind is CatalogueKind.TRAFFICKING)
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize("catalogue", ALL, ids=lambda c: c.version)
def test_ids_are_unique_slugs_and_every_indicator_has_a_label_and_a_question(catalogue):
    ids = [indicator.id for indicator in catalogue.indicators]

    assert len(ids) == len(set(ids))
    assert all(SLUG.match(indicator_id) for indicator_id in ids)
    assert all(indicator.label.strip() for indicator in catalogue.indicators)
    assert all(indicator.question.endswith("?") for indicator in catalogue.indicators)


def test_ids_are_unique_across_catalogues_so_a_stored_answer_names_one_indicator():
    counts = Counter(indicator.id for catalogue in ALL for indicator in catalogue.indicators)

    assert [indicator_id for indicator_id, n in counts.items() if n > 1] == []


def test_the_ilo_forced_labour_catalogue_has_the_eleven_indicators_in_the_ilo_order():
    labels = [indicator.label for indicator in ILO_FORCED_LABOUR_2012.indicators]

    assert labels == [
        "Abuse of vulnerability",
        "Deception",
        "Restriction of movement",
        "Isolation",
        "Physical and sexual violence",
        "Intimidation and threats",
        "Retention of identity documents",
        "Withholding of wages",
        "Debt bondage",
        "Abusive working and living conditions",
        "Excessive overtime",
    ]
    numbers = [indicator.id.split("-")[2] for indicator in ILO_FORCED_LABOUR_2012.indicators]
    assert numbers == [f"{n:02d}" for n in range(1, 12)]
    document = ILO_FORCED_LABOUR_2012.indicator("ilo-fl-07-retention-of-identity-documents")
    assert document.question == "Does someone else keep your passport or ID card?"


def test_forced_labour_indicators_carry_no_dimension_or_strength():
    assert all(
        indicator.dimension is None and indicator.strength is None
        for indicator in ILO_FORCED_LABOUR_2012.indicators
    )
    assert ILO_FORCED_LABOUR_2012.source_status is SourceStatus.PRIMARY


@pytest.mark.parametrize("catalogue", TRAFFICKING, ids=lambda c: c.version)
def test_every_trafficking_indicator_has_a_dimension_and_a_strength(catalogue):
    assert all(
        isinstance(indicator.dimension, Dimension) and isinstance(indicator.strength, Strength)
        for indicator in catalogue.indicators
    )
    assert catalogue.dimensions == tuple(Dimension)


@pytest.mark.parametrize("catalogue", TRAFFICKING, ids=lambda c: c.version)
def test_the_adult_lists_have_67_items_over_the_six_dimensions(catalogue):
    # Counts per dimension as given by the research note (§5.2): 10, 10, 16, 9, 15, 7.
    counts = [len(catalogue.in_dimension(dimension)) for dimension in Dimension]

    assert counts == [10, 10, 16, 9, 15, 7]
    assert catalogue.population is Population.ADULT


def _strengths(catalogue: Catalogue, dimension: Dimension) -> tuple[int, int, int]:
    strengths = Counter(indicator.strength for indicator in catalogue.in_dimension(dimension))
    return strengths[Strength.STRONG], strengths[Strength.MEDIUM], strengths[Strength.WEAK]


def test_the_adult_labour_strengths_follow_the_research_note_table():
    table = {
        Dimension.DECEPTIVE_RECRUITMENT: (1, 8, 1),
        Dimension.COERCIVE_RECRUITMENT: (1, 9, 0),
        Dimension.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY: (0, 14, 2),
        Dimension.EXPLOITATIVE_CONDITIONS: (1, 7, 1),
        Dimension.COERCION_AT_DESTINATION: (4, 10, 1),
        Dimension.ABUSE_OF_VULNERABILITY_AT_DESTINATION: (0, 5, 2),
    }

    assert {dimension: _strengths(ADULT_LABOUR_2009, dimension) for dimension in table} == table
    strong = {i.label for i in ADULT_LABOUR_2009.indicators if i.strength is Strength.STRONG}
    assert strong == {
        "Deceived about the nature of the job, location or employer",
        "Violence on victims",
        "Excessive working days or hours",
        "Confiscation of documents",
        "Debt bondage",
        "Isolation, confinement or surveillance",
    }


def test_the_sexual_list_differs_from_the_labour_list_only_where_its_docstring_says():
    labour = {i.id.replace("adult-labour", "adult-sexual"): i for i in ADULT_LABOUR_2009.indicators}
    sexual = {i.id: i for i in ADULT_SEXUAL_2009.indicators}

    changed = {
        indicator_id
        for indicator_id, indicator in sexual.items()
        if indicator_id not in labour
        or (labour[indicator_id].strength, labour[indicator_id].label)
        != (indicator.strength, indicator.label)
    }

    prefix = "ilo-ec-adult-sexual-"
    assert changed == {
        prefix + "deceptive-recruitment-conditions-of-prostitution",
        prefix + "exploitative-conditions-of-work-excessive-working-days-or-hours",
        prefix + "coercion-at-destination-forced-tasks-or-clients",
    }
    assert _strengths(ADULT_SEXUAL_2009, Dimension.EXPLOITATIVE_CONDITIONS)[0] == 0


def test_lists_not_read_in_their_primary_source_say_so_in_a_caution():
    assert ADULT_LABOUR_2009.source_status is SourceStatus.SECONDARY
    assert "secondary source" in (ADULT_LABOUR_2009.caution or "")
    assert ADULT_SEXUAL_2009.source_status is SourceStatus.UNVERIFIED
    assert "unverified" in (ADULT_SEXUAL_2009.caution or "")
    assert ILO_FORCED_LABOUR_2012.caution is None


@pytest.mark.parametrize("catalogue", ALL, ids=lambda c: c.version)
def test_every_catalogue_cites_the_paragraphs_that_ask_for_identification(catalogue):
    assert "IPU-118 op.16" in [str(citation) for citation in catalogue.citations]


def test_the_registry_finds_each_catalogue_by_its_version():
    for catalogue in ALL:
        assert catalogues.get_catalogue(catalogue.version) is catalogue
    assert catalogues.catalogue_versions() == (
        "ilo-forced-labour-2012-h1",
        "ilo-ec-trafficking-2009-adult-labour-h1",
        "ilo-ec-trafficking-2009-adult-sexual-h1",
    )


def test_an_unknown_version_is_refused_with_the_known_ones_listed():
    with pytest.raises(CatalogueUnknown) as raised:
        catalogues.get_catalogue("ilo-ec-trafficking-2009-child-labour-h1")

    assert raised.value.code is CasesErrorCode.SCREENING_CATALOGUE_UNKNOWN
    assert raised.value.status == 404
    assert "ilo-ec-trafficking-2009-adult-labour-h1" in raised.value.message


def _indicator(indicator_id: str, **fields) -> Indicator:
    values = {
        "label": "Synthetic",
        "question": "Synthetic?",
        "dimension": Dimension.DECEPTIVE_RECRUITMENT,
        "strength": Strength.MEDIUM,
    }
    values.update(fields)
    return Indicator(id=indicator_id, **values)


def _catalogue(indicators, **fields) -> Catalogue:
    values = {
        "version": "test-broken-h1",
        "title": "Broken",
        "kind": CatalogueKind.TRAFFICKING,
        "population": Population.ADULT,
        "source": "synthetic",
        "source_status": SourceStatus.PRIMARY,
        "purpose": None,
    }
    values.update(fields)
    return Catalogue(indicators=tuple(indicators), **values)


def test_a_catalogue_with_broken_data_is_refused_with_every_problem_named():
    indicators = [
        _indicator("test-one"),
        _indicator("test-one"),
        _indicator("Test Two"),
        _indicator("test-three", dimension=None),
        _indicator("test-four", question="No question mark"),
    ]

    with pytest.raises(CatalogueInvalid) as raised:
        _catalogue(indicators, source_status=SourceStatus.SECONDARY)

    fields = raised.value.fields
    assert {"test-one", "Test Two", "test-three", "test-four"} <= set(fields)
    assert {"purpose", "caution", "coercive-recruitment"} <= set(fields)
    assert raised.value.code is CasesErrorCode.SCREENING_CATALOGUE_INVALID


def test_a_forced_labour_catalogue_may_not_carry_strengths():
    with pytest.raises(CatalogueInvalid) as raised:
        _catalogue([_indicator("test-one")], kind=CatalogueKind.FORCED_LABOUR)

    assert raised.value.fields == ("test-one",)


def test_the_domain_imports_no_django():
    code = (
        "import sys, haven.cases.domain, haven.cases.domain.exploitation;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('django', 'rest_framework')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    repository = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=repository
    )

    assert result.returncode == 0, result.stdout + result.stderr
