"""Jurisdiction policies: validated at load; may raise a minimum, never lower it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from haven.protection.domain import (
    PolicyBelowMinimum,
    PolicyInvalid,
    PolicyUnknown,
    bundled_policy,
    bundled_policy_names,
    international_policy,
    load_policy,
)
from haven.protection.domain.errors import POLICY_BELOW_MINIMUM_MESSAGE
from haven.protection.domain.policy import (
    INTERNATIONAL_MINIMUMS,
    LengthUnit,
    PeriodLength,
    PolicySettings,
)
from haven.protection.domain.policy_loader import INHERITED_NOTE


def _policy(settings: dict, **top) -> dict:
    return {"name": "test-policy", "title": "Test policy", "settings": settings, **top}


def _setting(value, source="a test note") -> dict:
    return {"value": value, "source": source}


def test_the_bundled_policies_load_international_first_with_two_examples():
    names = bundled_policy_names()

    assert names[0] == "international"
    assert {"example-uk", "example-de"} <= set(names)
    for name in names:
        policy = bundled_policy(name)
        assert policy.name == name
        assert set(policy.source_notes) == set(PolicySettings.names())
        assert all(note.strip() for note in policy.source_notes.values())
    assert not international_policy().example
    assert bundled_policy("example-uk").example and bundled_policy("example-de").example


def test_the_international_policy_is_exactly_the_minimum():
    settings = international_policy().settings

    for minimum in INTERNATIONAL_MINIMUMS:
        assert minimum.shortfall(settings.value(minimum.setting)) is None
    assert settings.recovery_reflection_period == PeriodLength(30, LengthUnit.DAYS)


def test_a_national_policy_inherits_what_it_does_not_set_and_says_so():
    policy = load_policy(_policy({"recovery_reflection_period": _setting({"days": 60})}))

    assert policy.settings.recovery_reflection_period == PeriodLength(60, LengthUnit.DAYS)
    assert policy.settings.child_age_threshold_years == 18
    assert policy.source_notes["recovery_reflection_period"] == "a test note"
    assert policy.source_notes["child_age_threshold_years"] == INHERITED_NOTE.format(
        note=international_policy().source_notes["child_age_threshold_years"]
    )


@pytest.mark.parametrize(
    ("setting", "value", "rule_id"),
    [
        ("recovery_reflection_period", {"days": 29}, "recovery-reflection-period"),
        ("recovery_reflection_period", {"months": 1}, "recovery-reflection-period"),
        ("removal_stay_until_identification_complete", False, "removal-stay"),
        ("child_age_threshold_years", 16, "child-presumption"),
        ("assistance_items", ["secure-accommodation"], "assistance"),
        ("consular_notification_only_on_request", False, "consular-notification"),
    ],
)
def test_a_policy_below_the_international_minimum_is_refused_naming_the_rule(
    setting, value, rule_id
):
    with pytest.raises(PolicyBelowMinimum) as refused:
        load_policy(_policy({setting: _setting(value)}))

    error = refused.value
    assert error.rule_ids == (rule_id,)
    assert error.problems[0].path == f"settings.{setting}.value"
    assert str(error).startswith(POLICY_BELOW_MINIMUM_MESSAGE.format(name="test-policy"))
    assert f"[rule {rule_id}]" in str(error)


def test_one_month_is_refused_because_february_is_short():
    with pytest.raises(PolicyBelowMinimum) as refused:
        load_policy(_policy({"recovery_reflection_period": _setting({"months": 1})}))

    assert refused.value.problems[0].found == "1 month, which can be as short as 28 days"


def test_raising_a_minimum_is_accepted():
    policy = load_policy(
        _policy(
            {
                "recovery_reflection_period": _setting({"months": 6}),
                "recovery_period_lasts_until_conclusive_decision": _setting(True),
                "child_age_threshold_years": _setting(21),
                "child_guardian_appointment_within_days": _setting(7),
                "assistance_items": _setting(
                    [*international_policy().settings.assistance_items, "financial-support"]
                ),
            }
        )
    )

    assert policy.settings.recovery_reflection_period.shortest_in_days() >= 181
    assert policy.settings.child_guardian_appointment_within_days == 7


def test_an_amendment_below_the_minimum_is_refused_with_its_path():
    data = _policy(
        {"recovery_reflection_period": _setting({"days": 45})},
        amendments=[
            {
                "effective_from": "2024-01-01",
                "settings": {"recovery_reflection_period": _setting({"days": 14})},
            }
        ],
    )

    with pytest.raises(PolicyBelowMinimum) as refused:
        load_policy(data)

    assert refused.value.problems[0].path == (
        "amendments[0].settings.recovery_reflection_period.value"
    )


def test_amendments_apply_from_their_date():
    policy = bundled_policy("example-uk")

    assert policy.settings_on(date(2022, 12, 12)).recovery_reflection_period.amount == 45
    assert policy.settings_on(date(2022, 12, 13)).recovery_reflection_period.amount == 30
    assert "13 December 2022" in policy.source_note_on(
        "recovery_reflection_period", date(2023, 1, 1)
    )


def test_a_malformed_policy_lists_every_problem_with_its_path():
    data = {
        "name": "Bad Name",
        "settings": {
            "recovery_reflection_period": {"value": {"weeks": 6}, "source": "note"},
            "child_age_threshold_years": {"value": "eighteen"},
            "assistance_items": {"value": ["massage"], "source": "note"},
            "made_up_setting": {"value": 1, "source": "note"},
        },
        "amendments": [{"effective_from": "soon", "settings": {}}],
        "colour": "blue",
    }

    with pytest.raises(PolicyInvalid) as refused:
        load_policy(data)

    assert not isinstance(refused.value, PolicyBelowMinimum)
    paths = {problem.path for problem in refused.value.problems}
    assert paths == {
        "name",
        "title",
        "settings.recovery_reflection_period.value",
        "settings.child_age_threshold_years.value",
        "settings.child_age_threshold_years.source",
        "settings.assistance_items.value",
        "settings.made_up_setting",
        "amendments[0].effective_from",
        "colour",
    }


def test_the_international_policy_must_give_every_setting():
    data = {
        "name": "international",
        "title": "Incomplete",
        "settings": {"recovery_reflection_period": _setting({"days": 30})},
    }

    with pytest.raises(PolicyInvalid) as refused:
        load_policy(data)

    assert {problem.path for problem in refused.value.problems} == {
        f"settings.{name}"
        for name in PolicySettings.names()
        if name != "recovery_reflection_period"
    }


def test_amendment_dates_must_increase():
    data = _policy(
        {},
        amendments=[
            {"effective_from": "2024-01-01", "settings": {}},
            {"effective_from": "2023-01-01", "settings": {}},
        ],
    )

    with pytest.raises(PolicyInvalid) as refused:
        load_policy(data)

    assert refused.value.problems[0].path == "amendments[1].effective_from"


def test_a_policy_file_loads_from_a_path(tmp_path):
    path = tmp_path / "sixty.json"
    path.write_text(
        json.dumps(_policy({"recovery_reflection_period": _setting({"days": 60})})),
        encoding="utf-8",
    )

    assert load_policy(path).settings.recovery_reflection_period.amount == 60


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")

    with pytest.raises(PolicyInvalid) as refused:
        load_policy(path)

    assert refused.value.problems[0].expected == "valid JSON"


@pytest.mark.parametrize("name", ["atlantis", "../international", "international.json", ""])
def test_an_unknown_policy_name_is_refused_listing_the_known_ones(name):
    with pytest.raises(PolicyUnknown) as refused:
        bundled_policy(name)

    assert "international" in refused.value.extra["known"]
