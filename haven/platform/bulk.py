"""Appending many rows at once without the ORM's per-value work.

``bulk_create`` passes every value of every row through several layers of
field methods and, on PostgreSQL, quotes it into the statement in Python: for
the append-heavy paths (the audit log, intakes synced in batches) that was
most of the cost of a write. Here the rows are prepared once (defaults filled
in, encrypted fields sealed to their row) and, on PostgreSQL, sent by COPY,
which takes the values as they are.

What the ORM would convert is not converted: values must already be of their
field's type (a UUID for a UUIDField, an aware datetime for a DateTimeField).
No model signal is sent; Haven uses none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models

from haven.platform.crypto.fields import EncryptedField, Sealed
from haven.platform.crypto.keys import get_keyring


def prepare_rows(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Complete rows given by attribute name (``agency_id``, not ``agency``):
    every concrete field missing gets its default (as the ORM's: None or ""
    for a field without one), and every encrypted value is sealed to the
    row's id."""
    fields = model._meta.concrete_fields
    known = {field.attname for field in fields}
    # Defaults that are values, not functions, are the same for every row.
    generated = [(f.attname, f) for f in fields if f.has_default() and callable(f.default)]
    generated_names = {attname for attname, _field in generated}
    constant = {f.attname: f.get_default() for f in fields if f.attname not in generated_names}
    encrypted = [field for field in fields if isinstance(field, EncryptedField)]
    ring = get_keyring()  # one ring for the batch (looked up once per value otherwise)
    prepared = []
    for row in rows:
        unknown = row.keys() - known
        if unknown:
            raise TypeError(f"{model.__name__} has no column for {sorted(unknown)}")
        complete = {**constant, **row}
        for attname, field in generated:
            if attname not in row:
                complete[attname] = field.get_default()
        row_ids: dict[str, str] = {}  # the row id as text, once per row
        for field in encrypted:
            value = complete[field.attname]
            if value is not None and not isinstance(value, Sealed):
                id_name = field.row_id_attname
                if id_name not in row_ids:
                    row_ids[id_name] = str(complete[id_name])
                complete[field.attname] = field.seal_for_row(row_ids[id_name], value, ring)
        prepared.append(complete)
    return prepared


def copy_rows(
    model: type[models.Model], rows: Sequence[dict[str, Any]], columns: Sequence[str] = ()
) -> None:
    """Insert prepared rows by COPY (PostgreSQL only). ``columns`` are the
    attribute names to send (default: every concrete field); a column not
    sent takes the database's default. A unique or foreign-key violation
    raises IntegrityError and leaves the transaction to be rolled back (to a
    savepoint, if the caller wants to go on)."""
    from psycopg import sql

    if connection.vendor != "postgresql":
        raise RuntimeError("copy_rows needs PostgreSQL; use bulk_create elsewhere")
    meta = model._meta
    fields = [meta.get_field(name) for name in columns] if columns else meta.concrete_fields
    names = [field.attname for field in fields]
    json_columns = {field.attname for field in fields if isinstance(field, models.JSONField)}
    sealed_columns = {field.attname for field in fields if isinstance(field, EncryptedField)}
    statement = sql.SQL("COPY {table} ({columns}) FROM STDIN").format(
        table=sql.Identifier(meta.db_table),
        columns=sql.SQL(", ").join(sql.Identifier(field.column) for field in fields),
    )

    # Sealed envelopes go as their bytes, JSON as its text (which the column
    # parses: cheaper than psycopg's Jsonb wrapper); the rest as they are.
    converters = [
        (index, _blob if name in sealed_columns else json.dumps)
        for index, name in enumerate(names)
        if name in sealed_columns or name in json_columns
    ]
    # The raw cursor's errors become Django's (IntegrityError…) as the ORM's do.
    with connection.wrap_database_errors, connection.cursor() as cursor:
        with cursor.cursor.copy(statement) as copy:
            for row in rows:
                values = [row[name] for name in names]
                for index, convert in converters:
                    if values[index] is not None:
                        values[index] = convert(values[index])
                copy.write_row(values)


def _blob(value: Sealed) -> bytes:
    return value.blob


def insert_unless_conflict(model: type[models.Model], row: dict[str, Any]) -> bool:
    """Insert one prepared row, or nothing if it conflicts with a unique
    constraint (waiting, as INSERT does, for a transaction that holds the
    conflicting key). Answers whether the row was inserted: one statement
    where ``bulk_create(ignore_conflicts=True)`` needs a read after it."""
    meta = model._meta
    fields = meta.concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    values = [field.get_db_prep_save(row[field.attname], connection) for field in fields]
    statement = (
        f"INSERT INTO {quote(meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT DO NOTHING RETURNING {quote(meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, values)
        return cursor.fetchone() is not None
