"""Every sentence the engine produces can be translated: its message id is a
literal that makemessages extracts (an argument of gettext_noop or
ngettext_lazy in the source), and its parameters fill its placeholders."""

from __future__ import annotations

import ast
import string
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import haven.protection.domain as domain_package
from haven.kernel.i18n import Message, Text, english
from haven.protection.domain import bundled_policy, bundled_policy_names, evaluate
from haven.protection.domain.assistance_items import ASSISTANCE_ITEMS
from tests.unit.protection.protection_builders import case_facts, days

MARKERS = {"gettext_noop": 1, "ngettext_lazy": 2}


@cache
def extracted_msgids() -> frozenset[str]:
    """The strings xgettext would take from the engine's source: literal arguments of
    the markers (adjacent literals joined, as Python and xgettext both do)."""
    found: set[str] = set()
    for path in Path(domain_package.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
            ):
                for argument in node.args[: MARKERS[node.func.id]]:
                    assert isinstance(argument, ast.Constant) and isinstance(argument.value, str), (
                        f"{path.name}:{node.lineno}: a marker needs a literal string"
                    )
                    found.add(argument.value)
    return frozenset(found)


def messages_in(item: Message | Text):  # type: ignore[no-untyped-def]
    parts = item.parts if isinstance(item, Text) else (item,)
    for part in parts:
        yield part
        for _name, value in part.params:
            if isinstance(value, Message):
                yield from messages_in(value)
            elif isinstance(value, tuple):
                for nested in value:
                    yield from messages_in(nested)


def assert_translatable(item: Message | Text) -> None:
    for part in messages_in(item):
        assert part.msgid in extracted_msgids(), f"not marked for translation: {part.msgid!r}"
        if part.plural is not None:
            assert part.plural in extracted_msgids(), part.plural
        placeholders = {
            name for _t, name, _f, _c in string.Formatter().parse(part.msgid) if name is not None
        }
        assert placeholders == {name for name, _v in part.params}, part.msgid
    assert english(item).strip()


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
