"""Model fields whose values are stored as AES-256-GCM envelopes.

The stored envelope is bound to "<app.model>.<field>:<primary key>", so models
that use these fields need a primary key known before insert (a UUID default).
Values are decrypted lazily on first attribute access. They cannot be filtered
or ordered on (every lookup but ``isnull`` is refused), and QuerySet.update()
with a plaintext value is refused, so nothing plaintext reaches the database.
"""

from __future__ import annotations

import json
from typing import Any

from django.core import checks
from django.db import models

from haven.platform.crypto.envelope import decrypt, encrypt
from haven.platform.crypto.keys import KeyRing, get_keyring


class Sealed:
    """An envelope as read from the database, not yet opened."""

    __slots__ = ("blob",)

    def __init__(self, blob: bytes) -> None:
        self.blob = blob

    def __repr__(self) -> str:
        return "<sealed>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sealed) and other.blob == self.blob

    def __hash__(self) -> int:
        return hash(self.blob)


class _EncryptedDescriptor:
    def __init__(self, field: EncryptedField) -> None:
        self.field = field

    def __get__(self, instance: models.Model | None, owner: type) -> Any:
        if instance is None:
            return self
        value = instance.__dict__.get(self.field.attname)
        if isinstance(value, Sealed):
            value = self.field.open(instance, value.blob)
            instance.__dict__[self.field.attname] = value
        return value

    def __set__(self, instance: models.Model, value: Any) -> None:
        instance.__dict__[self.field.attname] = value


class EncryptedField(models.Field):
    description = "An encrypted value"
    empty_values = [None, ""]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def get_internal_type(self) -> str:
        return "BinaryField"

    def contribute_to_class(self, cls: type[models.Model], name: str, **kwargs: Any) -> None:
        super().contribute_to_class(cls, name, **kwargs)
        setattr(cls, self.attname, _EncryptedDescriptor(self))

    def _binding_field(self) -> models.Field:
        """The field whose value identifies the row in the associated data: the
        primary key, or the one a model names in ENCRYPTION_ROW_ID."""
        name = getattr(self.model, "ENCRYPTION_ROW_ID", None)
        return self.model._meta.get_field(name) if name else self.model._meta.pk

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        errors = super().check(**kwargs)
        if self.model._meta.abstract:
            return errors
        binding = self._binding_field()
        if not isinstance(binding, models.UUIDField) or binding.default is models.NOT_PROVIDED:
            errors.append(
                checks.Error(
                    "Encrypted fields need a UUID row id with a default (the primary key "
                    "or ENCRYPTION_ROW_ID), so the ciphertext is bound to its row before insert.",
                    obj=self,
                    id="haven.E001",
                )
            )
        return errors

    @property
    def row_id_attname(self) -> str:
        """The attribute holding the row id the envelope is bound to."""
        return self._binding()[0]

    def _binding(self) -> tuple[str, str]:
        binding = self.__dict__.get("_bound")
        if binding is None:  # once per field: this runs for every value sealed or opened
            binding = self._bound = (
                self._binding_field().attname,
                f"{self.model._meta.label_lower}.{self.name}:",
            )
        return binding

    def associated_data(self, instance: models.Model) -> bytes:
        return self._associated_data_for(getattr(instance, self._binding()[0]))

    def _associated_data_for(self, row_id: Any) -> bytes:
        if row_id is None:
            raise ValueError("an encrypted value cannot be sealed before its row has an id")
        return f"{self._binding()[1]}{row_id}".encode()

    # Serialisation of the plaintext; subclasses choose the format.
    def to_bytes(self, value: Any) -> bytes:
        raise NotImplementedError

    def from_bytes(self, data: bytes) -> Any:
        raise NotImplementedError

    def seal(self, instance: models.Model, value: Any) -> Sealed:
        return self.seal_for_row(getattr(instance, self._binding()[0]), value)

    def seal_for_row(self, row_id: Any, value: Any, ring: KeyRing | None = None) -> Sealed:
        """The envelope of ``value`` for the row whose id is ``row_id``, for
        writers that insert rows without model instances (platform/bulk.py)."""
        blob = encrypt(
            ring or get_keyring(), self.to_bytes(value), self._associated_data_for(row_id)
        )
        return Sealed(blob)

    def open(self, instance: models.Model, blob: bytes) -> Any:
        return self.from_bytes(decrypt(get_keyring(), blob, self.associated_data(instance)))

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = model_instance.__dict__.get(self.attname)
        if value is None or isinstance(value, Sealed):
            return value
        return self.seal(model_instance, value)

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if value is None:
            return None
        if isinstance(value, Sealed):
            return connection.Database.Binary(value.blob)
        raise TypeError(
            f"{self.model.__name__}.{self.name} is encrypted: set it on the instance and "
            "save the instance, not through QuerySet.update() or a filter."
        )

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Sealed | None:
        if value is None:
            return None
        return Sealed(bytes(value))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        return None

    def get_transform(self, name: str) -> Any:
        return None

    def value_to_string(self, obj: models.Model) -> str:
        # Serialisers (dumpdata) never see plaintext.
        return "<sealed>"


class EncryptedTextField(EncryptedField):
    description = "Encrypted text"

    def to_bytes(self, value: Any) -> bytes:
        if not isinstance(value, str):
            raise TypeError(f"{self.name} holds text, not {type(value).__name__}")
        return value.encode("utf-8")

    def from_bytes(self, data: bytes) -> str:
        return data.decode("utf-8")

    def formfield(self, **kwargs: Any) -> Any:
        from django import forms

        return forms.CharField(required=not self.blank, **kwargs)


class EncryptedJSONField(EncryptedField):
    description = "Encrypted JSON"

    def to_bytes(self, value: Any) -> bytes:
        return json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes) -> Any:
        return json.loads(data.decode("utf-8"))


def encrypted_fields(model: type[models.Model]) -> list[EncryptedField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedField)]
