"""Messages: built once in pure code, stored as JSON, shown in any language."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haven.kernel.i18n import (
    LIST_JOIN,
    Message,
    MessageDataInvalid,
    Text,
    english,
    from_json,
    gettext_noop,
    message,
    ngettext_lazy,
    render,
    text,
    to_json,
)

GREETING = gettext_noop("Reasonable grounds were found on {day}.")
DAYS = ngettext_lazy("{count} day", "{count} days")
MISSING = gettext_noop("Still missing: {missing}.")
LABEL = gettext_noop("arrest")


class Shouting:
    """A stand-in language: every string marked "~", dates day first, numbers marked "#"."""

    def __init__(self, catalogue: dict[str, str] | None = None) -> None:
        self.catalogue = catalogue or {}

    def gettext(self, msgid: str) -> str:
        return self.catalogue.get(msgid, f"~{msgid}")

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return f"~{singular if count == 1 else plural}"

    def format_date(self, day: date) -> str:
        return day.strftime("%d/%m/%Y")

    def format_number(self, number: int) -> str:
        return f"#{number}"


def test_gettext_noop_returns_its_argument():
    assert gettext_noop("x") == "x"


def test_english_renders_the_source_with_iso_dates():
    assert english(message(GREETING, day=date(2025, 3, 5))) == (
        "Reasonable grounds were found on 2025-03-05."
    )


def test_a_translator_translates_the_template_and_formats_each_parameter():
    item = message(GREETING, day=date(2025, 3, 5))
    assert render(item, Shouting()) == "~Reasonable grounds were found on 05/03/2025."


def test_nested_messages_and_lists_are_translated_in_turn():
    item = message(MISSING, missing=[message(LABEL), message(DAYS, count=3)])
    assert english(item) == "Still missing: arrest; 3 days."
    # the list's join is a message too ("~" once for the join of two items)
    assert render(item, Shouting()) == "~Still missing: ~~arrest; ~#3 days."


def test_list_items_are_joined_the_readers_way():
    item = message(MISSING, missing=[message(LABEL), message(LABEL), message(DAYS, count=3)])
    arabic_join = {LIST_JOIN: "{items_so_far}؛ {next_item}", MISSING: "{missing}"}
    assert render(item, Shouting(arabic_join)) == "~arrest؛ ~arrest؛ ~#3 days"
    broken = {LIST_JOIN: "{items}؛ {next_item}", MISSING: "{missing}"}  # a slip: English join
    assert render(item, Shouting(broken)) == "~arrest; ~arrest; ~#3 days"


def test_plural_forms_follow_the_count():
    assert english(message(DAYS, count=1)) == "1 day"
    assert english(message(DAYS, count=30)) == "30 days"
    with pytest.raises(ValueError):
        message(DAYS)


def test_plain_text_parameters_are_never_translated_nor_formatted_again():
    item = message(gettext_noop("The charge '{offence}'."), offence="{day} theft")
    assert render(item, Shouting()) == "~The charge '{day} theft'."


def test_a_text_joins_its_messages_with_a_space_each_translated_alone():
    item = message(LABEL) + message(GREETING, day=date(2025, 1, 2))
    assert isinstance(item, Text) and len(item.parts) == 2
    assert english(item) == "arrest Reasonable grounds were found on 2025-01-02."
    assert text(item, message(LABEL)).parts[-1] == message(LABEL)


def test_a_translation_with_wrong_placeholders_falls_back_to_the_source():
    broken = Shouting({GREETING: "Motifs le {jour}."})
    assert render(message(GREETING, day=date(2025, 3, 5)), broken) == (
        "Reasonable grounds were found on 05/03/2025."
    )


def test_equal_messages_however_built():
    assert message(MISSING, missing=[message(LABEL)]) == message(MISSING, missing=(message(LABEL),))
    first = message(gettext_noop("{a} {b}"), a=1, b="x")
    assert first == message(gettext_noop("{a} {b}"), b="x", a=1)
    assert hash(first) == hash(message(gettext_noop("{a} {b}"), b="x", a=1))


@pytest.mark.parametrize("value", [None, 1.5, True, ["not a message"], {"a": 1}])
def test_parameters_of_other_kinds_are_refused(value):
    with pytest.raises(TypeError):
        message(GREETING, day=value)


def test_an_empty_message_id_is_refused():
    with pytest.raises(ValueError):
        message("  ")


leaf_messages = st.builds(
    lambda msgid, value: message(msgid, value=value),
    st.text(min_size=1).filter(str.strip),
    st.one_of(st.text(), st.integers(), st.dates()),
)
messages = st.one_of(
    leaf_messages,
    st.builds(lambda inner: message(MISSING, missing=inner), st.lists(leaf_messages, max_size=3)),
    st.builds(lambda inner: message(LABEL, nested=inner), leaf_messages),
    st.builds(lambda count: message(DAYS, count=count), st.integers(0, 400)),
)


@given(st.one_of(messages, st.lists(messages, min_size=1).map(lambda parts: text(*parts))))
def test_json_round_trip(item):
    assert from_json(to_json(item)) == item


@pytest.mark.parametrize(
    "data",
    [
        None,
        "text",
        [],
        {"params": {}},
        {"id": "x", "params": []},
        {"id": "x", "params": {"a": 1.5}},
        {"id": "x", "params": {"a": {"list": "no"}}},
        {"id": "x", "params": {"a": True}},
    ],
)
def test_stored_data_in_another_shape_is_refused(data):
    with pytest.raises(MessageDataInvalid):
        from_json(data)


def test_json_shape():
    item = message(MISSING, missing=[message(LABEL)]) + message(GREETING, day=date(2025, 3, 5))
    assert to_json(item) == [
        {"id": MISSING, "params": {"missing": {"list": [{"id": LABEL}]}}},
        {"id": GREETING, "params": {"day": {"date": "2025-03-05"}}},
    ]
    assert to_json(message(DAYS, count=2)) == {
        "id": "{count} day",
        "params": {"count": 2},
        "plural": "{count} days",
    }
    assert isinstance(from_json({"id": LABEL}), Message)
