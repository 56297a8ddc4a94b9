"""The screening summary: the pattern for adults and children, what is left to ask, and
that it supports, and never states, a decision."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from haven.cases.domain import indicators as screening
from haven.cases.domain.catalogue_forced_labour import ILO_FORCED_LABOUR_2012
from haven.cases.domain.catalogue_trafficking import ADULT_SEXUAL_2009
from haven.cases.domain.indicators import (
    SUPPORT_NOTICE,
    Answer,
    AnswerValue,
    Dimension,
    PatternElement,
    Population,
    ScreeningSummary,
    summarise,
)
from tests.unit.cases.cases_builders import (
    LABOUR,
    full_adult_pattern,
    no_to,
    small_trafficking_catalogue,
    tally,
    yes_to,
)

EXPLOITATION_ONLY = tally(Dimension.EXPLOITATIVE_CONDITIONS, strong=1, medium=1)


def test_given_recruitment_exploitation_and_coercion_then_consistent_with_trafficking():
    summary = summarise(LABOUR, yes_to(full_adult_pattern()))

    pattern = summary.pattern
    assert pattern is not None
    assert pattern.consistent_with_trafficking
    assert pattern.missing == ()
    assert not pattern.child_rule
    assert pattern.explanation.startswith("Indicators consistent with trafficking")
    assert "deceptive recruitment" in pattern.explanation


@pytest.mark.parametrize(
    "recruitment",
    [
        Dimension.DECEPTIVE_RECRUITMENT,
        Dimension.COERCIVE_RECRUITMENT,
        Dimension.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY,
    ],
)
def test_any_one_recruitment_dimension_completes_the_recruitment_element(recruitment):
    answers = yes_to(
        tally(recruitment, medium=3)
        + EXPLOITATION_ONLY
        + tally(Dimension.COERCION_AT_DESTINATION, strong=2)
    )

    pattern = summarise(LABOUR, answers).pattern

    assert pattern is not None and pattern.consistent_with_trafficking
    recruitment_element = pattern.elements[0]
    assert recruitment_element.element is PatternElement.RECRUITMENT
    assert recruitment_element.dimensions_met == (recruitment,)


def test_given_no_coercion_at_destination_then_an_adult_pattern_is_incomplete_and_says_so():
    answers = yes_to(tally(Dimension.DECEPTIVE_RECRUITMENT, strong=1, medium=1) + EXPLOITATION_ONLY)

    pattern = summarise(LABOUR, answers).pattern

    assert pattern is not None
    assert not pattern.consistent_with_trafficking
    assert pattern.missing == (PatternElement.COERCION_AT_DESTINATION,)
    assert pattern.explanation == screening.PATTERN_INCOMPLETE_ADULT.format(
        missing="coercion at destination"
    )


def test_abuse_of_vulnerability_at_destination_does_not_stand_in_for_coercion():
    answers = yes_to(
        tally(Dimension.DECEPTIVE_RECRUITMENT, strong=1, medium=1)
        + EXPLOITATION_ONLY
        + tally(Dimension.ABUSE_OF_VULNERABILITY_AT_DESTINATION, medium=3)
    )

    summary = summarise(LABOUR, answers)

    assert summary.dimension(Dimension.ABUSE_OF_VULNERABILITY_AT_DESTINATION).positive
    assert summary.pattern is not None and not summary.pattern.consistent_with_trafficking


def test_given_only_exploitation_then_a_child_pattern_is_consistent_but_an_adult_one_is_not():
    answers = yes_to(EXPLOITATION_ONLY)

    adult = summarise(LABOUR, answers).pattern
    child = summarise(LABOUR, answers, person_is_child=True).pattern

    assert adult is not None and not adult.consistent_with_trafficking
    assert set(adult.missing) == {
        PatternElement.RECRUITMENT,
        PatternElement.COERCION_AT_DESTINATION,
    }
    assert child is not None and child.consistent_with_trafficking
    assert child.child_rule
    assert child.explanation == screening.PATTERN_CONSISTENT_CHILD
    assert [element.required for element in child.elements] == [False, True, False]


def test_the_child_rule_cites_palermo_article_3c_through_ipu_118():
    summary = summarise(LABOUR, yes_to(EXPLOITATION_ONLY), person_is_child=True)

    child_citation = summary.pattern.citations[0]
    assert str(child_citation) == "IPU-118 op.26"
    assert child_citation.article == "art. 3(c)"
    assert child_citation in summary.citations


def test_given_no_exploitation_then_even_a_child_pattern_is_incomplete():
    answers = yes_to(
        tally(Dimension.COERCIVE_RECRUITMENT, strong=1, medium=1)
        + tally(Dimension.COERCION_AT_DESTINATION, strong=2)
    )

    pattern = summarise(LABOUR, answers, person_is_child=True).pattern

    assert pattern is not None and not pattern.consistent_with_trafficking
    assert pattern.missing == (PatternElement.EXPLOITATION,)
    assert pattern.explanation == screening.PATTERN_INCOMPLETE_CHILD


def test_a_childrens_catalogue_applies_the_child_rule_by_itself_and_refuses_an_adult():
    catalogue = small_trafficking_catalogue(Population.CHILD, "test-child-h1")
    exploitation = [
        i for i in catalogue.indicators if i.dimension is Dimension.EXPLOITATIVE_CONDITIONS
    ]

    summary = summarise(catalogue, yes_to(exploitation[:2]))

    assert summary.pattern is not None and summary.pattern.child_rule
    assert summary.pattern.consistent_with_trafficking
    with pytest.raises(ValueError):
        summarise(catalogue, [], person_is_child=False)


def test_the_forced_labour_summary_lists_the_indicators_answered_yes_and_has_no_pattern():
    documents = ILO_FORCED_LABOUR_2012.indicator("ilo-fl-07-retention-of-identity-documents")
    debt = ILO_FORCED_LABOUR_2012.indicator("ilo-fl-09-debt-bondage")
    isolation = ILO_FORCED_LABOUR_2012.indicator("ilo-fl-04-isolation")

    summary = summarise(
        ILO_FORCED_LABOUR_2012,
        [*yes_to([debt, documents], evidence="synthetic note"), *no_to([isolation])],
    )

    assert summary.forced_labour_indicators_present == (documents, debt)  # catalogue order
    assert summary.pattern is None
    assert summary.dimensions == ()
    assert (
        screening.FORCED_LABOUR_PRESENT_LINE.format(
            labels="Retention of identity documents; Debt bondage"
        )
        in summary.lines()
    )
    assert screening.FORCED_LABOUR_READING_LINE in summary.lines()


def test_unknown_and_unasked_questions_are_listed_to_ask_in_catalogue_order():
    first, second, third, *rest = ILO_FORCED_LABOUR_2012.indicators
    answers = {
        third.id: AnswerValue.UNKNOWN,
        first.id: AnswerValue.NO,
        second.id: "yes",
    }

    summary = summarise(ILO_FORCED_LABOUR_2012, answers)

    assert summary.still_to_ask == (third, *rest)
    assert (summary.counts.yes, summary.counts.no) == (1, 1)
    assert (summary.counts.unknown, summary.counts.not_asked) == (1, 8)
    assert screening.STILL_TO_ASK_LINE.format(count=9) in summary.lines()


def test_when_every_question_has_a_yes_or_no_then_nothing_is_left_to_ask():
    summary = summarise(ILO_FORCED_LABOUR_2012, no_to(ILO_FORCED_LABOUR_2012.indicators))

    assert summary.still_to_ask == ()
    assert screening.ALL_ANSWERED_LINE in summary.lines()
    assert screening.FORCED_LABOUR_NONE_LINE in summary.lines()


def test_yes_answers_without_evidence_are_pointed_out_and_blank_evidence_counts_as_none():
    with_evidence, blank, without = ILO_FORCED_LABOUR_2012.indicators[:3]
    answers = [
        Answer(with_evidence.id, AnswerValue.YES, "synthetic: employer holds passport"),
        Answer(blank.id, AnswerValue.YES, "   "),
        Answer(without.id, AnswerValue.YES),
    ]

    summary = summarise(ILO_FORCED_LABOUR_2012, answers)

    assert summary.yes_without_evidence == (blank, without)
    assert (
        screening.EVIDENCE_REMINDER_LINE.format(count=2, labels=f"{blank.label}; {without.label}")
        in summary.lines()
    )


def test_evidence_text_never_appears_in_the_summary():
    secret = "synthetic-evidence-7f3a"
    summary = summarise(LABOUR, yes_to(full_adult_pattern(), evidence=secret))

    assert all(secret not in line for line in summary.lines())
    assert secret not in repr(summary)
    assert secret not in repr(Answer(LABOUR.indicators[0].id, AnswerValue.YES, secret))


def test_a_catalogue_not_read_in_its_source_carries_its_caution_into_the_summary():
    summary = summarise(ADULT_SEXUAL_2009, [])

    assert summary.caution == ADULT_SEXUAL_2009.caution
    assert summary.lines()[1] == ADULT_SEXUAL_2009.caution


# --- the summary supports and never replaces the decision ---------------------------------------

# Phrases by which a summary would claim a decision about the person.
CLAIMS_OF_A_DECISION = re.compile(
    r"\b(is|was|are|is not|was not) (a )?(victim|trafficked)\b"
    r"|\bnot a victim\b|\bidentified as\b|\bconfirm|\bdetermin|\bconclusive"
    r"|\bproven?\b|\bproves\b|\bdecided\b|\bdecision:",
    re.IGNORECASE,
)

SCREENINGS = [
    ("nothing answered", LABOUR, [], None),
    ("full adult pattern", LABOUR, yes_to(full_adult_pattern()), None),
    ("every indicator yes", LABOUR, yes_to(LABOUR.indicators), None),
    ("every indicator no", LABOUR, no_to(LABOUR.indicators), None),
    ("child, exploitation only", LABOUR, yes_to(EXPLOITATION_ONLY), True),
    ("child, nothing", LABOUR, [], True),
    (
        "forced labour, all yes",
        ILO_FORCED_LABOUR_2012,
        yes_to(ILO_FORCED_LABOUR_2012.indicators),
        None,
    ),
    ("forced labour, nothing", ILO_FORCED_LABOUR_2012, [], None),
    ("sexual list, all yes", ADULT_SEXUAL_2009, yes_to(ADULT_SEXUAL_2009.indicators), None),
]


@pytest.mark.parametrize(
    ("catalogue", "answers", "child"), [s[1:] for s in SCREENINGS], ids=[s[0] for s in SCREENINGS]
)
def test_the_summary_never_claims_a_decision_and_always_says_it_supports_one(
    catalogue, answers, child
):
    summary = summarise(catalogue, answers, person_is_child=child)

    lines = summary.lines()
    assert lines[-1] == SUPPORT_NOTICE == summary.notice
    assert "supports" in SUPPORT_NOTICE and "never replaces" in SUPPORT_NOTICE
    assert "People decide, the system reminds" in SUPPORT_NOTICE
    claims = [line for line in lines[:-1] if CLAIMS_OF_A_DECISION.search(line)]
    assert claims == []


def test_the_summary_has_no_field_that_could_hold_a_decision():
    names = {field.name for field in fields(ScreeningSummary)}

    assert not {name for name in names if "decision" in name or "victim" in name}
    assert "consistent_with_trafficking" in {f.name for f in fields(screening.TraffickingPattern)}


def test_an_incomplete_pattern_says_it_is_not_a_finding_either_way():
    summary = summarise(LABOUR, [])

    assert "This is not a finding either way." in summary.pattern.explanation
