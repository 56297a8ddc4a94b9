"""The fast validation path agrees with the serializer it is read from: it
accepts only what DRF accepts, with the same validated values, and leaves
everything else (errors, coercions) to DRF."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rest_framework import serializers

from haven.cases.api import IntakeBatchInput, IntakeListApi
from haven.platform.fast_input import FastInput, Unsupported

FAST = FastInput(IntakeBatchInput)
FAST_SINGLE = FastInput(IntakeListApi.IntakeInput)

# Values of every JSON type, including those DRF coerces or refuses.
odd = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, width=16),
    st.lists(st.integers(0, 2), max_size=2),
    st.dictionaries(st.sampled_from(["name", "x"]), st.text(max_size=3), max_size=2),
)
texts = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "  ", " Amina ", "a\x00b", "Sel\ud800am", "x" * 201, "tir", "ar"]),
)
references = st.one_of(
    st.uuids().map(str),
    st.uuids().map(lambda u: u.hex.upper()),
    st.uuids().map(lambda u: "{" + str(u) + "}"),
    st.sampled_from(["not-a-uuid", "", "urn:uuid:12345678-1234-5678-1234-567812345678"]),
)


def maybe(strategy):  # type: ignore[no-untyped-def]
    """A field that is sometimes missing, sometimes odd."""
    return st.one_of(strategy, strategy, strategy, odd)


people = st.fixed_dictionaries(
    {},
    optional={
        "name": maybe(texts),
        "sex": maybe(texts),
        "age": maybe(texts),
        "nationality": maybe(texts),
        "unknown": odd,
    },
)
intakes = st.fixed_dictionaries(
    {"client_reference": maybe(references)},
    optional={
        "channel": maybe(st.sampled_from(["hotline", "outreach", "portal", "HOTLINE", ""])),
        "account": maybe(texts),
        "anonymous": maybe(st.booleans()),
        "contact": maybe(people),
        "person_details": maybe(people),
        "language": maybe(texts),
        "in_danger": maybe(st.booleans()),
        "detained": maybe(st.booleans()),
        "agency_id": maybe(st.integers(1, 5)),
    },
)


def text_up_to(size: int):  # type: ignore[no-untyped-def]
    """Text that DRF accepts as it is or after trimming spaces."""
    letters = st.characters(blacklist_categories=("Cs", "Cc"))
    return st.one_of(st.text(letters, max_size=size), st.just(" "), st.just(" ab "[: size + 2]))


clean_people = st.fixed_dictionaries(
    {},
    optional={
        "name": text_up_to(200),
        "phone": text_up_to(40),
        "sex": text_up_to(10),
        "nationality": text_up_to(2),
    },
)
clean_intakes = st.fixed_dictionaries(
    {"client_reference": st.uuids().map(str), "channel": st.sampled_from(["hotline", "outreach"])},
    optional={
        "account": text_up_to(300),
        "anonymous": st.booleans(),
        "contact": clean_people,
        "person_details": clean_people,
        "language": text_up_to(3),
        "in_danger": st.booleans(),
        "agency_id": st.one_of(st.none(), st.integers(1, 5)),
    },
)
batches = st.one_of(
    st.fixed_dictionaries({"intakes": st.lists(clean_intakes, min_size=1, max_size=4)}),
    st.fixed_dictionaries({"intakes": st.lists(st.one_of(clean_intakes, intakes), max_size=4)}),
    st.fixed_dictionaries({"intakes": odd}),
    odd,
)


def _plain(value):  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@settings(max_examples=600)
@given(batches)
def test_whatever_the_fast_path_accepts_drf_accepts_with_the_same_values(data):
    fast = FAST.validate(data)
    serializer = IntakeBatchInput(data=data)
    valid = serializer.is_valid()
    if fast is not None:
        assert valid, serializer.errors
        assert fast == _plain(serializer.validated_data)


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@settings(max_examples=300)
@given(st.one_of(clean_intakes, intakes, odd))
def test_the_single_intake_fast_path_agrees_with_drf_too(data):
    fast = FAST_SINGLE.validate(data)
    serializer = IntakeListApi.IntakeInput(data=data)
    valid = serializer.is_valid()
    if fast is not None:
        assert valid, serializer.errors
        assert fast == _plain(serializer.validated_data)


def _intake(**overrides):  # type: ignore[no-untyped-def]
    return {
        "client_reference": str(uuid.uuid4()),
        "channel": "hotline",
        "account": "Works without pay; documents held by the employer.",
        "contact": {"name": "Amina", "phone": "+356 2123 4567"},
        "person_details": {"sex": "female", "age": "about 30", "nationality": "SD"},
        "language": "ar",
        **overrides,
    }


def test_well_formed_batches_take_the_fast_path():
    # Otherwise the agreement above would hold trivially.
    data = {"intakes": [_intake(), _intake(anonymous=True, contact={}), _intake(agency_id=3)]}
    fast = FAST.validate(data)
    serializer = IntakeBatchInput(data=data)
    assert serializer.is_valid(), serializer.errors
    assert fast is not None
    assert fast == _plain(serializer.validated_data)


@pytest.mark.parametrize(
    "item",
    [
        _intake(channel="portal"),  # not a staff channel
        _intake(account="x" * 20_001),
        _intake(in_danger="yes"),  # DRF coerces some strings: DRF decides
        _intake(agency_id="3"),
        _intake(contact={"name": "a\x00b"}),
        _intake(client_reference="12"),
    ],
)
def test_anything_to_refuse_or_coerce_is_left_to_drf(item):
    assert FAST.validate({"intakes": [item]}) is None


def test_form_data_is_left_to_drf_which_reads_dotted_keys_as_nested_objects():
    from django.http import QueryDict

    form = QueryDict(mutable=True)
    form.update({"channel": "hotline", "contact.name": "Amina"})

    assert FAST_SINGLE.validate(form) is None
    drf = IntakeListApi.IntakeInput(data=form)
    assert drf.is_valid(), drf.errors
    assert drf.validated_data["contact"] == {"name": "Amina"}  # what a fast path would lose


def test_serializers_with_their_own_validation_are_not_given_a_fast_path():
    class Checked(serializers.Serializer):
        name = serializers.CharField()

        def validate_name(self, value):  # type: ignore[no-untyped-def]
            return value

    class Unknown(serializers.Serializer):
        when = serializers.DateField()

    for serializer in (Checked, Unknown):
        with pytest.raises(Unsupported):
            FastInput(serializer)
