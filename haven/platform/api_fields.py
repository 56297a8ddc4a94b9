"""Serializer fields shared by the API."""

from __future__ import annotations

import re
from typing import Any

from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.validators import ProhibitSurrogateCharactersValidator

# Half of a UTF-16 surrogate pair: text that cannot be stored as UTF-8.
SURROGATE = re.compile("[\ud800-\udfff]")


class _ProhibitSurrogates(ProhibitSurrogateCharactersValidator):
    """DRF's check, same message and code, as one regular-expression scan:
    DRF's walks the text a character at a time in Python, which dominated
    the validation of a batch of long accounts."""

    def __call__(self, value: Any) -> None:
        found = SURROGATE.search(str(value))
        if found:
            message = self.message.format(code_point=ord(found.group()))
            raise ValidationError(message, code=self.code)


class TextField(serializers.CharField):
    """A CharField for free text that may be long (accounts, narratives)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [
            _ProhibitSurrogates() if type(v) is ProhibitSurrogateCharactersValidator else v
            for v in self.validators
        ]
