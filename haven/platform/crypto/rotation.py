"""Re-encryption under the primary key after a rotation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction

from haven.platform.crypto.envelope import key_id_of
from haven.platform.crypto.fields import EncryptedField, Sealed, encrypted_fields
from haven.platform.crypto.keys import get_keyring


@dataclass(frozen=True)
class ReencryptionResult:
    model_label: str
    rows_rewritten: int


def models_with_encrypted_fields() -> Iterator[tuple[type[models.Model], list[EncryptedField]]]:
    for model in apps.get_models():
        fields = encrypted_fields(model)
        if fields:
            yield model, fields


def count_values_not_under_primary() -> dict[str, int]:
    """How many stored values per model still use a non-primary key."""
    primary = get_keyring().primary_key_id
    counts: dict[str, int] = {}
    for model, fields in models_with_encrypted_fields():
        stale = 0
        for row in model._base_manager.only("pk", *[f.name for f in fields]).iterator(2000):
            if any(_is_stale(row, field, primary) for field in fields):
                stale += 1
        counts[model._meta.label] = stale
    return counts


def _is_stale(row: models.Model, field: EncryptedField, primary: str) -> bool:
    value = row.__dict__.get(field.attname)
    return isinstance(value, Sealed) and key_id_of(value.blob) != primary


def reencrypt_all(
    *,
    batch_size: int = 500,
    on_batch: Callable[[str, list[str]], None] | None = None,
) -> list[ReencryptionResult]:
    """Rewrite every value not under the primary key. Each batch is one
    transaction, and ``on_batch`` (the audit record) runs inside it."""
    primary = get_keyring().primary_key_id
    results = []
    for model, fields in models_with_encrypted_fields():
        rewritten = 0
        queryset = model._base_manager.only("pk", *[f.name for f in fields]).order_by("pk")
        batch: list[models.Model] = []
        for row in queryset.iterator(batch_size):
            if any(_is_stale(row, field, primary) for field in fields):
                batch.append(row)
            if len(batch) >= batch_size:
                rewritten += _rewrite(model, fields, batch, on_batch)
                batch = []
        if batch:
            rewritten += _rewrite(model, fields, batch, on_batch)
        results.append(ReencryptionResult(model._meta.label, rewritten))
    return results


def _rewrite(
    model: type[models.Model],
    fields: list[EncryptedField],
    rows: list[models.Model],
    on_batch: Callable[[str, list[str]], None] | None,
) -> int:
    with transaction.atomic():
        for row in rows:
            for field in fields:
                # Reading opens the old envelope; saving seals under the primary key.
                setattr(row, field.attname, getattr(row, field.attname))
            row.save(update_fields=[f.name for f in fields])
        if on_batch:
            on_batch(model._meta.label, [str(row.pk) for row in rows])
    return len(rows)
