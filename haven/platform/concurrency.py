"""Optimistic concurrency: every editable record carries a version.

A write names the version it was based on; if the row has moved on meanwhile
the write is refused (StaleVersion) instead of silently overwriting the other
person's change. The API maps it to 412 (If-Match), the UI to a "changed
meanwhile" page.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from haven.kernel.errors import StaleVersion

STALE_VERSION_MESSAGE = _(
    "This record was changed by someone else since you opened it. "
    "Review the current version and apply your change again."
)


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def save_versioned(
    instance: Versioned, *, expected_version: int, fields: list[str], **extra: Any
) -> None:
    """Save ``fields`` only if the stored version still equals ``expected_version``.

    The check and the write are one UPDATE statement, so two concurrent writers
    can never both succeed.
    """
    model = type(instance)
    values = {}
    for name in fields:
        field = model._meta.get_field(name)
        values[field.attname] = field.pre_save(instance, add=False)
    values.update(extra)
    updated = model._base_manager.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if updated != 1:
        raise StaleVersion(str(STALE_VERSION_MESSAGE))
    instance.version = expected_version + 1


def parse_if_match(header: str | None) -> int | None:
    """The version named by an If-Match header: ``"3"`` or ``W/"3"``."""
    if not header:
        return None
    value = header.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    return int(value) if value.isdigit() else None


def etag_for(version: int) -> str:
    return f'W/"{version}"'
