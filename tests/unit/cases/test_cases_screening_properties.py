"""Properties of the summary over any answers (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from haven.cases.domain import catalogues
from haven.cases.domain.indicators import (
    AnswerValue,
    Catalogue,
    CatalogueKind,
    combination_branch,
    summarise,
)

ALL = tuple(catalogues.CATALOGUES.values())
TRAFFICKING = tuple(c for c in ALL if c.kind is CatalogueKind.TRAFFICKING)
VALUES = st.sampled_from(list(AnswerValue))


@st.composite
def screenings(draw, catalogue_choices=ALL):
    """A catalogue and answers to a random subset of its indicators."""
    catalogue: Catalogue = draw(st.sampled_from(catalogue_choices))
    answered = draw(st.lists(st.sampled_from(catalogue.indicator_ids), unique=True))
    answers = {indicator_id: draw(VALUES) for indicator_id in answered}
    return catalogue, answers


@settings(max_examples=150, deadline=None)
@given(screenings(), st.booleans())
def test_counts_add_up_to_the_catalogue_and_match_the_lists(screening, child):
    catalogue, answers = screening

    summary = summarise(catalogue, answers, person_is_child=child)

    counts = summary.counts
    assert counts.total == len(catalogue.indicators)
    assert counts.yes == len(summary.yes_indicators)
    assert counts.not_asked == len(catalogue.indicators) - len(answers)
    assert counts.unknown + counts.not_asked == len(summary.still_to_ask)
    assert counts.yes == sum(1 for value in answers.values() if value is AnswerValue.YES)
    if catalogue.kind is CatalogueKind.TRAFFICKING:
        assert sum(r.strong + r.medium + r.weak for r in summary.dimensions) == counts.yes
        assert sum(r.indicator_count for r in summary.dimensions) == counts.total
        assert sum(r.still_to_ask for r in summary.dimensions) == len(summary.still_to_ask)
    else:
        assert summary.forced_labour_indicators_present == summary.yes_indicators


@settings(max_examples=150, deadline=None)
@given(screenings(TRAFFICKING), st.data(), st.booleans())
def test_adding_a_yes_never_turns_a_positive_dimension_or_the_pattern_negative(
    screening, data, child
):
    catalogue, answers = screening
    target = data.draw(st.sampled_from(catalogue.indicator_ids))
    before = summarise(catalogue, answers, person_is_child=child)

    after = summarise(catalogue, {**answers, target: AnswerValue.YES}, person_is_child=child)

    for earlier, later in zip(before.dimensions, after.dimensions, strict=True):
        assert later.dimension is earlier.dimension
        assert not (earlier.positive and not later.positive)
        assert later.strong >= earlier.strong
        assert later.medium >= earlier.medium
        assert later.weak >= earlier.weak
    if before.pattern.consistent_with_trafficking:
        assert after.pattern.consistent_with_trafficking


@given(
    st.integers(0, 20),
    st.integers(0, 20),
    st.integers(0, 20),
    st.sampled_from(["strong", "medium", "weak"]),
)
def test_the_combination_rule_is_monotone_in_every_count(strong, medium, weak, added):
    counts = {"strong": strong, "medium": medium, "weak": weak}
    before = combination_branch(**counts) is not None
    counts[added] += 1

    after = combination_branch(**counts) is not None

    assert after or not before


@settings(max_examples=100, deadline=None)
@given(screenings(TRAFFICKING))
def test_the_child_rule_never_asks_more_than_the_adult_rule(screening):
    catalogue, answers = screening

    adult = summarise(catalogue, answers).pattern
    child = summarise(catalogue, answers, person_is_child=True).pattern

    if adult.consistent_with_trafficking:
        assert child.consistent_with_trafficking
