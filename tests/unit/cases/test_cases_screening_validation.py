"""Screening answers: every invalid answer is refused with the indicator named."""

from __future__ import annotations

import pytest

from haven.cases.domain.errors import (
    EXPECTED_ANSWER_VALUE,
    EXPECTED_EVIDENCE_TEXT,
    EXPECTED_KNOWN_INDICATOR,
    EXPECTED_ONE_ANSWER,
    CasesErrorCode,
    Problem,
    ScreeningAnswersInvalid,
)
from haven.cases.domain.indicators import Answer, AnswerValue, summarise, validate_answers
from tests.unit.cases.cases_builders import LABOUR

KNOWN = LABOUR.indicators[0].id
OTHER = LABOUR.indicators[1].id
ALLOWED = EXPECTED_ANSWER_VALUE.format(allowed="yes, no, unknown")


def test_given_valid_answers_in_either_form_then_they_are_returned_by_indicator():
    as_mapping = validate_answers(LABOUR, {KNOWN: "yes", OTHER: AnswerValue.UNKNOWN})
    as_answers = validate_answers(LABOUR, [Answer(KNOWN, AnswerValue.YES, " note ")])

    assert as_mapping[KNOWN] == Answer(KNOWN, AnswerValue.YES)
    assert as_mapping[OTHER].value is AnswerValue.UNKNOWN
    assert as_answers[KNOWN].evidence == "note"


def test_an_answer_for_an_indicator_the_catalogue_does_not_have_names_that_indicator():
    with pytest.raises(ScreeningAnswersInvalid) as raised:
        summarise(LABOUR, {"ilo-fl-07-retention-of-identity-documents": "yes"})

    error = raised.value
    assert error.indicator_ids == ("ilo-fl-07-retention-of-identity-documents",)
    assert error.problems == (
        Problem(
            "ilo-fl-07-retention-of-identity-documents",
            EXPECTED_KNOWN_INDICATOR.format(version=LABOUR.version),
        ),
    )
    assert "ilo-fl-07-retention-of-identity-documents" in error.message
    assert error.code is CasesErrorCode.SCREENING_ANSWERS_INVALID
    assert error.status == 400


@pytest.mark.parametrize("value", ["maybe", "YES", "", True, 1, None])
def test_a_wrong_value_names_the_indicator_and_the_values_allowed(value):
    with pytest.raises(ScreeningAnswersInvalid) as raised:
        summarise(LABOUR, {KNOWN: value})

    (problem,) = raised.value.problems
    assert problem.field == KNOWN
    assert problem.expected == ALLOWED
    assert KNOWN in raised.value.message


def test_two_answers_for_one_indicator_are_refused():
    with pytest.raises(ScreeningAnswersInvalid) as raised:
        validate_answers(LABOUR, [Answer(KNOWN, AnswerValue.YES), Answer(KNOWN, AnswerValue.NO)])

    assert raised.value.problems == (Problem(KNOWN, EXPECTED_ONE_ANSWER),)


def test_evidence_that_is_not_text_is_refused_without_echoing_it():
    with pytest.raises(ScreeningAnswersInvalid) as raised:
        validate_answers(LABOUR, [Answer(KNOWN, AnswerValue.YES, {"story": "x"})])  # type: ignore[arg-type]

    assert raised.value.problems == (Problem(KNOWN, EXPECTED_EVIDENCE_TEXT, "dict"),)
    assert "story" not in raised.value.message


def test_every_problem_is_listed_at_once():
    answers = {"not-an-indicator": "yes", KNOWN: "maybe", OTHER: "no"}

    with pytest.raises(ScreeningAnswersInvalid) as raised:
        summarise(LABOUR, answers)

    assert raised.value.indicator_ids == ("not-an-indicator", KNOWN)
    assert [problem.as_dict()["field"] for problem in raised.value.problems] == [
        "not-an-indicator",
        KNOWN,
    ]
    assert raised.value.extra["problems"][1]["found"] == "'maybe'"


def test_a_long_wrong_value_is_cut_short_in_the_error():
    long_value = "x" * 500

    with pytest.raises(ScreeningAnswersInvalid) as raised:
        summarise(LABOUR, {KNOWN: long_value})

    assert len(raised.value.problems[0].found or "") < 50


def test_a_sequence_of_something_other_than_answers_is_a_programming_error():
    with pytest.raises(TypeError):
        validate_answers(LABOUR, [(KNOWN, "yes")])  # type: ignore[list-item]
