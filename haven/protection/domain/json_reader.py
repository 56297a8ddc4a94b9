"""Reading JSON objects field by field, collecting every problem with its path.

Shared by the facts format and the policy files. Unknown fields are problems
too: a misspelt "reasonable_ground" silently ignored would hide a decision the
rules must see.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

import pycountry

from haven.protection.domain.errors import Problem

EnumT = TypeVar("EnumT", bound=StrEnum)

SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
IDENTIFIER_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$")
# Codes that ISO 3166 leaves to users but that are in wide use for a territory.
_USER_ASSIGNED_COUNTRY_CODES = frozenset({"XK"})  # Kosovo

_MISSING = object()
UNKNOWN_FIELD_EXPECTED = "a known field name; this one is unknown (check the spelling)"


def describe_found(value: Any) -> str:
    """A short description of a wrong value, for an error message."""
    if value is _MISSING:
        return "nothing"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "…"
        return f"the text {json.dumps(shown, ensure_ascii=False)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def is_country_code(code: str) -> bool:
    return code in _USER_ASSIGNED_COUNTRY_CODES or (
        len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None
    )


def join_path(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


class ObjectReader:
    """Reads the fields of one JSON object; every problem goes into a shared list."""

    def __init__(self, data: Mapping[str, Any], path: str, problems: list[Problem]) -> None:
        self._data = data
        self._path = path
        self._problems = problems
        self._read: set[str] = set()

    @classmethod
    def of(cls, value: Any, path: str, problems: list[Problem]) -> ObjectReader | None:
        if not isinstance(value, Mapping):
            problems.append(Problem(path, "an object", describe_found(value)))
            return None
        return cls(value, path, problems)

    @property
    def path(self) -> str:
        return self._path

    def present(self, name: str) -> bool:
        """Whether the field is written at all, even as null."""
        return name in self._data

    def problem(self, name: str, expected: str, found: Any = _MISSING) -> None:
        self._problems.append(Problem(join_path(self._path, name), expected, describe_found(found)))

    def _get(self, name: str, required: bool, expected: str) -> Any:
        self._read.add(name)
        value = self._data.get(name, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.problem(name, expected, value)
            return _MISSING
        return value

    def date(self, name: str, *, required: bool = False) -> date | None:
        expected = "a date written YYYY-MM-DD"
        value = self._get(name, required, expected)
        if value is _MISSING:
            return None
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(name, expected, value)
        return None

    def boolean(self, name: str, *, default: bool = False) -> bool:
        value = self._get(name, False, "true or false")
        if value is _MISSING:
            return default
        if isinstance(value, bool):
            return value
        self.problem(name, "true or false", value)
        return default

    def optional_boolean(self, name: str) -> bool | None:
        value = self._get(name, False, "true, false or null")
        if value is _MISSING:
            return None
        if isinstance(value, bool):
            return value
        self.problem(name, "true, false or null", value)
        return None

    def integer(
        self, name: str, *, minimum: int, maximum: int, required: bool = False
    ) -> int | None:
        expected = f"a whole number from {minimum} to {maximum}"
        value = self._get(name, required, expected)
        if value is _MISSING:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= maximum:
            return value
        self.problem(name, expected, value)
        return None

    def text(
        self,
        name: str,
        *,
        required: bool = False,
        pattern: re.Pattern[str] | None = None,
        expected: str = "a non-empty text",
    ) -> str | None:
        value = self._get(name, required, expected)
        if value is _MISSING:
            return None
        if isinstance(value, str) and value.strip():
            if pattern is None or pattern.fullmatch(value):
                return value
        self.problem(name, expected, value)
        return None

    def country(self, name: str, *, required: bool = False) -> str | None:
        expected = 'an ISO 3166-1 alpha-2 country code such as "GB"'
        value = self._get(name, required, expected)
        if value is _MISSING:
            return None
        if isinstance(value, str) and is_country_code(value):
            return value
        self.problem(name, expected, value)
        return None

    def choice(self, name: str, choices: type[EnumT], *, required: bool = False) -> EnumT | None:
        expected = "one of " + ", ".join(f'"{member.value}"' for member in choices)
        value = self._get(name, required, expected)
        if value is _MISSING:
            return None
        try:
            return choices(value)
        except ValueError:
            self.problem(name, expected, value)
            return None

    def items(self, name: str, expected_items: str) -> Iterator[tuple[str, Any]]:
        """Yields (path, value) for each element of a list field; a missing list is empty."""
        value = self._get(name, False, f"a list of {expected_items}")
        if value is _MISSING:
            return
        if not isinstance(value, list):
            self.problem(name, f"a list of {expected_items}", value)
            return
        for index, element in enumerate(value):
            yield f"{join_path(self._path, name)}[{index}]", element

    def object(self, name: str, *, required: bool = False) -> ObjectReader | None:
        value = self._get(name, required, "an object")
        if value is _MISSING:
            return None
        return ObjectReader.of(value, join_path(self._path, name), self._problems)

    def raw(self, name: str) -> Any:
        """The value as given, for fields whose shape the caller checks itself."""
        value = self._get(name, False, "")
        return None if value is _MISSING else value

    def finish(self) -> None:
        """Reports fields nobody read: unknown names, most often typing mistakes."""
        for name in self._data:
            if name not in self._read:
                self._problems.append(
                    Problem(join_path(self._path, str(name)), UNKNOWN_FIELD_EXPECTED)
                )
