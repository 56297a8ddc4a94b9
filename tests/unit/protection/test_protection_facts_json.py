"""The JSON facts format: the documented examples parse; mistakes are named precisely."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from haven.protection.domain import FactsInvalid, parse_facts, parse_facts_text
from haven.protection.domain.errors import FACTS_INVALID_MESSAGE
from haven.protection.domain.facts import ChargeStatus, DecisionOutcome, DeprivationOfLiberty
from haven.protection.domain.facts_json import ASSISTANCE_ITEM_EXPECTED
from haven.protection.domain.json_reader import UNKNOWN_FIELD_EXPECTED

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"
MINIMAL = {"case_opened_on": "2025-03-01", "jurisdiction_country": "GB"}


def _problems(data) -> dict[str, str]:
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(data)
    return {problem.path: problem.expected for problem in refused.value.problems}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_documented_example_parses(path):
    facts = parse_facts_text(path.read_text(encoding="utf-8"))

    assert facts.case_opened_on.year >= 2024


def test_there_are_at_least_three_examples():
    assert len(list(EXAMPLES.glob("*.json"))) >= 3


def test_the_minimal_facts_are_two_fields():
    facts = parse_facts(MINIMAL)

    assert facts.case_opened_on == date(2025, 3, 1)
    assert facts.jurisdiction_country == "GB"
    assert facts.detentions == () and facts.residence_permit is None


def test_a_full_example_reads_into_the_right_types():
    facts = parse_facts_text((EXAMPLES / "adult-labour-exploitation.json").read_text("utf-8"))

    assert facts.person.nationalities == ("AL",)
    assert facts.identification.reasonable_grounds.outcome is DecisionOutcome.POSITIVE
    assert facts.detentions[0].kind is DeprivationOfLiberty.ARREST
    assert facts.charges[0].status is ChargeStatus.PENDING
    assert facts.charges[0].compelled_by_trafficking is None
    assert facts.assistance.delivered["secure-accommodation"] == date(2025, 3, 1)
    assert facts.assistance.declined == frozenset({"vocational-training"})


def test_missing_required_fields_are_named():
    assert _problems({}) == {
        "case_opened_on": "a date written YYYY-MM-DD",
        "jurisdiction_country": 'an ISO 3166-1 alpha-2 country code such as "GB"',
    }


def test_every_problem_is_reported_at_once_with_its_path():
    data = {
        **MINIMAL,
        "case_opened_on": "01/03/2025",
        "person": {
            "nationalities": ["Albania"],
            "age_estimate": {"min_years": 19, "max_years": 16, "estimated_on": "2025-03-01"},
        },
        "identification": {"reasonable_grounds": {"outcome": "maybe"}},
        "detentions": [{"kind": "kettling", "started_on": "2025-03-01"}],
        "charges": [{"offence": "theft", "compelled_by_trafficking": "yes"}],
        "assistance": {"delivered": {"massage": "2025-03-01"}, "declined": ["spa"]},
        "reasonable_ground": {"outcome": "positive"},
    }

    problems = _problems(data)

    assert problems == {
        "case_opened_on": "a date written YYYY-MM-DD",
        "person.nationalities[0]": 'an ISO 3166-1 alpha-2 country code such as "AL"',
        "person.age_estimate.max_years": "a number of years no smaller than min_years (19)",
        "identification.reasonable_grounds.outcome": ('one of "pending", "positive", "negative"'),
        "detentions[0].kind": 'one of "arrest", "custody", "imprisonment", "detention"',
        "charges[0].compelled_by_trafficking": "true, false or null",
        "assistance.delivered.massage": UNKNOWN_FIELD_EXPECTED,
        "assistance.declined[0]": ASSISTANCE_ITEM_EXPECTED,
        "reasonable_ground": UNKNOWN_FIELD_EXPECTED,
    }


def test_the_error_message_lists_path_expected_and_found():
    with pytest.raises(FactsInvalid) as refused:
        parse_facts({**MINIMAL, "smuggled": "yes"})

    message = str(refused.value)
    assert message.startswith(FACTS_INVALID_MESSAGE)
    assert 'smuggled: expected true or false, found the text "yes"' in message
    assert refused.value.extra["problems"][0]["path"] == "smuggled"


def test_decisions_must_follow_in_order():
    problems = _problems(
        {
            **MINIMAL,
            "identification": {
                "referred_on": "2025-03-05",
                "reasonable_grounds": {"outcome": "positive", "decided_on": "2025-03-01"},
                "conclusive_grounds": {"outcome": "negative", "decided_on": "2025-02-01"},
            },
        }
    )

    assert set(problems) == {
        "identification.reasonable_grounds.decided_on",
        "identification.conclusive_grounds.decided_on",
    }


def test_a_conclusive_decision_needs_positive_reasonable_grounds():
    problems = _problems(
        {
            **MINIMAL,
            "identification": {
                "conclusive_grounds": {"outcome": "positive", "decided_on": "2025-03-01"}
            },
        }
    )

    assert problems == {
        "identification.reasonable_grounds": (
            "a positive reasonable-grounds decision before any conclusive decision"
        )
    }


def test_a_made_decision_needs_its_date_and_a_pending_one_has_none():
    problems = _problems(
        {
            **MINIMAL,
            "identification": {
                "reasonable_grounds": {"outcome": "positive"},
                "conclusive_grounds": {"outcome": "pending", "decided_on": "2025-03-01"},
            },
        }
    )

    assert problems == {
        "identification.reasonable_grounds.decided_on": "a date written YYYY-MM-DD",
        "identification.conclusive_grounds.decided_on": "no date while the outcome is pending",
    }


def test_ids_must_be_unique_and_default_to_the_position():
    problems = _problems(
        {
            **MINIMAL,
            "charges": [{"id": "c", "offence": "theft"}, {"id": "c", "offence": "fraud"}],
        }
    )
    facts = parse_facts({**MINIMAL, "charges": [{"offence": "theft"}, {"offence": "fraud"}]})

    assert problems == {"charges[1].id": "an id not used by another entry"}
    assert [charge.id for charge in facts.charges] == ["1", "2"]


def test_stateless_with_nationalities_is_contradictory():
    problems = _problems({**MINIMAL, "person": {"nationalities": ["AL"], "stateless": True}})

    assert problems == {"person.stateless": "false when nationalities are given"}


def test_an_age_assessment_outcome_and_its_date_go_together():
    problems = _problems({**MINIMAL, "person": {"age_assessment": {"outcome": "adult"}}})

    assert set(problems) == {"person.age_assessment.concluded_on"}


def test_invalid_json_text_is_reported_with_its_position():
    with pytest.raises(FactsInvalid) as refused:
        parse_facts_text('{"case_opened_on": ')

    problem = refused.value.problems[0]
    assert problem.expected == "valid JSON"
    assert "line 1" in problem.found


def test_the_top_level_must_be_an_object():
    assert _problems(["not", "an", "object"]) == {"": "an object"}


def test_kosovo_code_is_accepted():
    assert parse_facts({**MINIMAL, "person": {"nationalities": ["XK"]}}).person.nationalities == (
        "XK",
    )


def test_the_examples_are_valid_json_documents_for_other_tools():
    for path in EXAMPLES.glob("*.json"):
        assert isinstance(json.loads(path.read_text("utf-8")), dict)
