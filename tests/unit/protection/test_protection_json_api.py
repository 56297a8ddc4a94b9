"""evaluate_json and rules_catalogue: what the command line prints."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from haven.kernel.clock import FixedClock
from haven.protection.domain import (
    FactsInvalid,
    PolicyUnknown,
    evaluate_json,
    rules_catalogue,
)
from haven.protection.domain.policy import PolicySettings
from haven.protection.domain.rules import RULES

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"
ISSUE_RULE_IDS = {
    "child-presumption",
    "removal-stay",
    "recovery-reflection-period",
    "residence-permit",
    "assistance",
    "consular-rights-information",
    "consular-notification",
    "non-punishment",
    "non-prosecution-smuggled",
    "voluntary-return",
    "witness-support",
}


def _example(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def test_evaluate_json_returns_plain_json_with_policy_date_and_obligations():
    result = evaluate_json(_example("adult-labour-exploitation.json"), "example-uk", "2025-03-10")

    assert json.loads(json.dumps(result)) == result  # JSON all the way down
    assert result["evaluated_on"] == "2025-03-10"
    assert result["policy"] == {
        "name": "example-uk",
        "title": "Example: a United Kingdom-style policy",
        "example": True,
        "country": "GB",
    }
    assert sum(result["counts"].values()) == len(result["obligations"])
    stay = next(o for o in result["obligations"] if o["id"] == "removal-stay")
    assert stay["status"] == "due"
    assert stay["period"] == {
        "starts_on": "2025-03-02",
        "ends_on": "2025-04-04",
        "ends_with": "the conclusive-grounds decision",
    }
    assert stay["citations"][0] == {
        "reference": "IPU-118 op.19",
        "source": "IPU-118",
        "paragraph": "op.19",
        "instrument": "Council of Europe Convention on Action against Trafficking in Human Beings",
        "article": "art. 10(2)",
        "text": (
            "IPU-118 op.19 (Council of Europe Convention on Action against Trafficking in "
            "Human Beings art. 10(2))"
        ),
    }
    assert stay["warnings"] == [
        "A removal is planned for 2025-03-20, while the removal stay applies. "
        "It may not be carried out."
    ]
    assert result["removal_on_this_date"]["allowed"] is False


def test_every_obligation_in_the_output_has_a_citation():
    for path in EXAMPLES.glob("*.json"):
        for policy_name in ("international", "example-uk", "example-de"):
            result = evaluate_json(path.read_text("utf-8"), policy_name, "2025-05-01")
            assert all(o["citations"] for o in result["obligations"]), path.name


def test_the_default_policy_is_international_and_the_default_date_comes_from_the_clock():
    clock = FixedClock(datetime(2025, 4, 12, 9, 30, tzinfo=UTC))

    result = evaluate_json(json.loads(_example("possible-child.json")), clock=clock)

    assert result["policy"]["name"] == "international"
    assert result["evaluated_on"] == "2025-04-12"


def test_a_date_object_is_accepted_and_output_is_deterministic():
    first = evaluate_json(_example("smuggled-witness-return.json"), None, date(2025, 5, 1))
    second = evaluate_json(_example("smuggled-witness-return.json"), None, date(2025, 5, 1))

    assert first == second


def test_bad_date_bad_policy_and_bad_facts_raise_clear_errors():
    with pytest.raises(FactsInvalid) as bad_date:
        evaluate_json(_example("possible-child.json"), None, "12/04/2025")
    with pytest.raises(PolicyUnknown):
        evaluate_json(_example("possible-child.json"), "narnia", "2025-04-12")
    with pytest.raises(FactsInvalid):
        evaluate_json("{}", None, "2025-04-12")

    assert bad_date.value.problems[0].path == "on"


def test_rules_catalogue_lists_every_rule_of_the_issue_with_citations():
    catalogue = rules_catalogue()

    assert [entry["id"] for entry in catalogue] == [rule.id for rule in RULES]
    assert {entry["id"] for entry in catalogue} == ISSUE_RULE_IDS
    for entry in catalogue:
        assert entry["title"] and entry["summary"]
        assert entry["citations"], entry["id"]
    recovery = next(e for e in catalogue if e["id"] == "recovery-reflection-period")
    assert recovery["policy_settings"] == [
        {"setting": "recovery_reflection_period", "international_minimum": "30 days"}
    ]
    assert json.loads(json.dumps(catalogue)) == catalogue


@pytest.mark.parametrize(
    ("rule_id", "expected"),
    [
        ("child-presumption", {"IPU-118 op.19 (art. 10(3))", "IPU-118 op.26 (art. 3(c))"}),
        ("removal-stay", {"IPU-118 op.19 (art. 10(2))", "IPU-118 op.16 (art. 13(1))"}),
        ("recovery-reflection-period", {"IPU-118 op.21 (art. 13(1))"}),
        (
            "residence-permit",
            {
                "IPU-118 op.16 (art. 14(1))",
                "IPU-118 op.21 (art. 14(1))",
                "IPU-145 op.17 (art. 14(1))",
            },
        ),
        (
            "assistance",
            {
                "IPU-118 op.20 (art. 12(1)(a))",
                "IPU-145 op.17 (art. 12(1)(a))",
                "IOM-IDM-2009 §7",
                "IOM-IDM-2009 §13",
            },
        ),
        (
            "consular-rights-information",
            {"IPU-118 op.38 (art. 36(1)(b))", "OAS-2007 op.2 (art. 36(1)(b))"},
        ),
        ("consular-notification", {"IPU-118 op.38 (art. 36(1)(b))"}),
        ("non-punishment", {"IPU-145 op.25 (art. 26)"}),
        ("non-prosecution-smuggled", {"IPU-145 op.24 (art. 5)"}),
        (
            "voluntary-return",
            {
                "IPU-118 op.17 (art. 16(2))",
                "IPU-118 op.11 (art. 16(5))",
                "IOM-IDM-2009 §13",
                "IOM-IDM-2009 §15",
            },
        ),
        ("witness-support", {"IPU-118 op.18 (art. 12(6))"}),
    ],
)
def test_each_rule_carries_the_paragraphs_and_articles_the_issue_names(rule_id, expected):
    entry = next(e for e in rules_catalogue() if e["id"] == rule_id)
    found = {
        f"{c['reference']} ({c['article']})" if c["article"] else c["reference"]
        for c in entry["citations"]
    }

    assert expected <= found


def test_the_rules_document_mentions_every_rule_and_every_policy_setting():
    document = (EXAMPLES.parent / "rules.md").read_text(encoding="utf-8")

    for rule in RULES:
        assert f"`{rule.id}`" in document, rule.id
    for setting in PolicySettings.names():
        assert f"`{setting}`" in document, setting
