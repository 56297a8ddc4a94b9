"""The combination rule, branch by branch, on counts and on hand-made answers."""

from __future__ import annotations

import pytest

from haven.cases.domain.indicators import (
    CombinationBranch,
    Dimension,
    combination_branch,
    dimension_is_positive,
    summarise,
)
from tests.unit.cases.cases_builders import LABOUR, tally, yes_to

POSITIVE_CASES = [
    # (strong, medium, weak, branch)
    (2, 0, 0, CombinationBranch.TWO_STRONG),
    (1, 1, 0, CombinationBranch.STRONG_AND_MEDIUM_OR_WEAK),
    (1, 0, 1, CombinationBranch.STRONG_AND_MEDIUM_OR_WEAK),
    (0, 3, 0, CombinationBranch.THREE_MEDIUM),
    (0, 2, 1, CombinationBranch.TWO_MEDIUM_AND_WEAK),
]
NEGATIVE_CASES = [
    (0, 0, 0),
    (1, 0, 0),
    (0, 2, 0),
    (0, 1, 1),
    (0, 1, 2),
    (0, 0, 2),
]


@pytest.mark.parametrize(("strong", "medium", "weak", "branch"), POSITIVE_CASES)
def test_each_branch_makes_a_dimension_positive(strong, medium, weak, branch):
    assert combination_branch(strong, medium, weak) is branch
    assert dimension_is_positive(strong, medium, weak)


@pytest.mark.parametrize(("strong", "medium", "weak"), NEGATIVE_CASES)
def test_below_every_branch_a_dimension_is_not_positive(strong, medium, weak):
    assert combination_branch(strong, medium, weak) is None
    assert not dimension_is_positive(strong, medium, weak)


def test_the_first_branch_met_is_the_one_reported():
    assert combination_branch(3, 3, 3) is CombinationBranch.TWO_STRONG
    assert combination_branch(1, 3, 0) is CombinationBranch.STRONG_AND_MEDIUM_OR_WEAK


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        combination_branch(-1, 0, 0)


# Hand-made screenings on the adult labour list: the dimension that has the strengths asked for.
HAND_MADE = [
    (Dimension.COERCION_AT_DESTINATION, 2, 0, 0, CombinationBranch.TWO_STRONG),
    (Dimension.DECEPTIVE_RECRUITMENT, 1, 1, 0, CombinationBranch.STRONG_AND_MEDIUM_OR_WEAK),
    (Dimension.EXPLOITATIVE_CONDITIONS, 1, 0, 1, CombinationBranch.STRONG_AND_MEDIUM_OR_WEAK),
    (Dimension.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, 0, 3, 0, CombinationBranch.THREE_MEDIUM),
    (
        Dimension.ABUSE_OF_VULNERABILITY_AT_DESTINATION,
        0,
        2,
        1,
        CombinationBranch.TWO_MEDIUM_AND_WEAK,
    ),
]


@pytest.mark.parametrize(("dimension", "strong", "medium", "weak", "branch"), HAND_MADE)
def test_given_hand_made_answers_then_the_dimension_meets_the_branch(
    dimension, strong, medium, weak, branch
):
    answers = yes_to(tally(dimension, strong, medium, weak))

    result = summarise(LABOUR, answers).dimension(dimension)

    assert (result.strong, result.medium, result.weak) == (strong, medium, weak)
    assert result.branch is branch
    assert result.positive
    assert branch.label in result.describe()


@pytest.mark.parametrize(("dimension", "strong", "medium", "weak", "branch"), HAND_MADE)
def test_given_one_yes_fewer_then_the_same_dimension_is_not_positive(
    dimension, strong, medium, weak, branch
):
    indicators = tally(dimension, strong, medium, weak)
    answers = yes_to(indicators[:-1])

    result = summarise(LABOUR, answers).dimension(dimension)

    assert not result.positive
    assert "does not meet the combination rule" in result.describe()


def test_a_single_strong_indicator_alone_is_not_enough():
    answers = yes_to(tally(Dimension.COERCIVE_RECRUITMENT, strong=1))

    result = summarise(LABOUR, answers).dimension(Dimension.COERCIVE_RECRUITMENT)

    assert (result.strong, result.positive) == (1, False)
