"""A fast path for validating large, well-formed inputs against a DRF
serializer, used where one request carries many records (batch intakes).

DRF validates field by field through several layers of calls: for a batch of
100 intakes that was a fifth of the request's CPU. ``FastInput`` reads a
serializer's declared fields once and checks plain JSON values directly. It
accepts only what DRF would accept *and turn into the same value*; anything
else (a wrong type, a value DRF would coerce, an unknown field class, any
custom validation) gives ``None``, and the caller runs the serializer, which
produces the error messages. So the serializer stays the one definition of
the input and of its errors; a test checks that both paths agree.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.core import validators as django_validators
from rest_framework import fields as drf_fields
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from haven.platform.api_fields import SURROGATE, TextField

_REJECT = object()  # a value the fast path does not decide: ask DRF
_SKIP = object()  # a missing optional field without a default
_TEXT_VALIDATORS = (
    django_validators.MaxLengthValidator,
    django_validators.MinLengthValidator,
    django_validators.ProhibitNullCharactersValidator,
    ProhibitSurrogateCharactersValidator,  # and its subclasses (api_fields)
)

Check = Callable[[Any], Any]


class Unsupported(Exception):
    """The serializer uses something the fast path does not reproduce."""


def _text(field: serializers.CharField) -> Check:
    if not all(isinstance(v, _TEXT_VALIDATORS) for v in field.validators):
        raise Unsupported(f"{field.field_name}: custom validators")
    trim, blank = field.trim_whitespace, field.allow_blank
    longest, shortest = field.max_length, field.min_length

    def check(value: Any) -> Any:
        if type(value) is not str:
            return _REJECT  # DRF would coerce numbers: leave it to DRF
        text = value.strip() if trim else value
        if not text:
            return "" if blank else _REJECT
        if longest is not None and len(text) > longest:
            return _REJECT
        if shortest is not None and len(text) < shortest:
            return _REJECT
        if "\x00" in text or SURROGATE.search(text):
            return _REJECT
        return text

    return check


def _choice(field: serializers.ChoiceField) -> Check:
    if field.validators:
        raise Unsupported(f"{field.field_name}: custom validators")
    choices = dict(field.choice_strings_to_values)
    blank = field.allow_blank

    def check(value: Any) -> Any:
        if type(value) is not str:
            return _REJECT
        if value == "" and blank:
            return ""
        return choices.get(value, _REJECT)

    return check


def _boolean(field: serializers.BooleanField) -> Check:
    return lambda value: value if type(value) is bool else _REJECT


def _integer(field: serializers.IntegerField) -> Check:
    if field.validators or field.max_value is not None or field.min_value is not None:
        raise Unsupported(f"{field.field_name}: bounds or validators")
    return lambda value: value if type(value) is int else _REJECT


def _uuid(field: serializers.UUIDField) -> Check:
    if field.validators:
        raise Unsupported(f"{field.field_name}: custom validators")

    def check(value: Any) -> Any:
        if type(value) is not str:
            return _REJECT
        try:
            return uuid.UUID(value)
        except ValueError:
            return _REJECT

    return check


def _list(field: serializers.ListSerializer) -> Check:
    if field.validators:
        raise Unsupported(f"{field.field_name}: custom validators")
    child = _compile(field.child)
    shortest, longest, empty_ok = field.min_length, field.max_length, field.allow_empty

    def check(value: Any) -> Any:
        if type(value) is not list:
            return _REJECT
        if (not value and not empty_ok) or (shortest is not None and len(value) < shortest):
            return _REJECT
        if longest is not None and len(value) > longest:
            return _REJECT
        items = []
        for item in value:
            checked = child(item)
            if checked is _REJECT:
                return _REJECT
            items.append(checked)
        return items

    return check


def _serializer(serializer: serializers.Serializer) -> Check:
    cls = type(serializer)
    hooks = [n for n in dir(cls) if n.startswith("validate") or n == "to_internal_value"]
    base = serializers.Serializer
    if any(getattr(cls, name) is not getattr(base, name, None) for name in hooks):
        raise Unsupported(f"{cls.__name__}: custom validation")
    if serializer.validators:
        raise Unsupported(f"{cls.__name__}: validators")
    plan = []
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        if field.source != name:
            raise Unsupported(f"{cls.__name__}.{name}: source")
        plan.append((name, _compile(field), _when_missing(field), field.allow_null))

    def check(value: Any) -> Any:
        # Parsed JSON only: DRF reads form data (a QueryDict) differently,
        # e.g. "contact.name" keys make a nested object.
        if type(value) is not dict:
            return _REJECT
        validated = {}
        for name, field_check, missing, nullable in plan:
            given = value.get(name, _SKIP)
            if given is _SKIP:
                if missing is _REJECT:
                    return _REJECT
                if missing is not _SKIP:
                    validated[name] = missing()
                continue
            if given is None:
                if not nullable:
                    return _REJECT
                validated[name] = None
                continue
            checked = field_check(given)
            if checked is _REJECT:
                return _REJECT
            validated[name] = checked
        return validated

    return check


def _when_missing(field: drf_fields.Field) -> Any:
    """What DRF puts in place of a missing field: a default's factory, a
    skip, or a refusal (required)."""
    if field.required:
        return _REJECT
    if field.default is drf_fields.empty:
        return _SKIP
    default = field.default
    if callable(default):
        if getattr(default, "requires_context", False):
            raise Unsupported(f"{field.field_name}: default with context")
        return default
    return lambda: default


# Exact classes only: a subclass may accept other values than its parent.
_FIELD_COMPILERS: dict[type, Callable[[Any], Check]] = {
    serializers.CharField: _text,
    TextField: _text,
    serializers.ChoiceField: _choice,
    serializers.BooleanField: _boolean,
    serializers.IntegerField: _integer,
    serializers.UUIDField: _uuid,
}


def _compile(field: drf_fields.Field) -> Check:
    if isinstance(field, serializers.ListSerializer):
        return _list(field)
    if isinstance(field, serializers.Serializer):
        return _serializer(field)
    compiler = _FIELD_COMPILERS.get(type(field))
    if compiler is None:
        raise Unsupported(f"{field.field_name}: {type(field).__name__}")
    return compiler(field)


class FastInput:
    """``FastInput(SerializerClass).validate(data)``: the validated data, as
    the serializer would give it, or None when the serializer must decide."""

    def __init__(self, serializer_class: type[serializers.Serializer]) -> None:
        self._check = _compile(serializer_class())

    def validate(self, data: Any) -> dict | None:
        checked = self._check(data)
        return None if checked is _REJECT else checked
