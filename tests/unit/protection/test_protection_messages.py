"""Every sentence the engine produces can be translated: its message id is a
literal that makemessages extracts (an argument of gettext_noop or
ngettext_lazy in the source), and its parameters fill its placeholders."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import haven.protection.domain as domain_package
from haven.kernel.i18n import Message, Text
from haven.protection.domain import bundled_policy, bundled_policy_names, evaluate
from haven.protection.domain.assistance_items import ASSISTANCE_ITEMS
from tests.unit import i18n_markers as markers
from tests.unit.protection.protection_builders import case_facts, days


def extracted_msgids() -> frozenset[str]:
    return markers.extracted_msgids(Path(domain_package.__file__).parent)


def assert_translatable(item: Message | Text) -> None:
    markers.assert_translatable(item, extracted_msgids())


@settings(max_examples=300, deadline=None)
@given(facts=case_facts(), policy_name=st.sampled_from(bundled_policy_names()), on=days)
def test_every_text_of_every_obligation_is_marked_for_translation(facts, policy_name, on):
    for obligation in evaluate(facts, bundled_policy(policy_name), on):
        assert_translatable(obligation.title)
        assert_translatable(obligation.explanation)
        for warning in obligation.warnings:
            assert_translatable(warning)
        if obligation.period is not None and obligation.period.ends_with is not None:
            assert_translatable(obligation.period.ends_with)


def test_every_assistance_item_is_marked_for_translation():
    for item in ASSISTANCE_ITEMS:
        assert_translatable(item.title)
        assert_translatable(item.explanation)


def test_no_source_string_starts_or_ends_with_a_space():
    # Parts of a text are joined with a space where they are shown; a space inside a
    # message id would be one more thing for translators to get exactly right.
    assert [m for m in extracted_msgids() if m != m.strip()] == []
