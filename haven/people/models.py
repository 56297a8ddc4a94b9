from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.kernel.ids import uuid7
from haven.platform.concurrency import Versioned
from haven.platform.crypto.fields import EncryptedJSONField, EncryptedTextField


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class Person(Versioned):
    """A person in the mechanism. Identity fields are encrypted at rest.

    Names are kept as written in the person's own script and as Latin
    transliterations, because agencies spell the same name differently and
    search must find it either way. Birth is often uncertain: an exact date
    when known, otherwise a range of possible birth years from an estimate.
    """

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="registered_persons"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Encrypted identity: {"original": {"text", "script"}, "latin": [...], "aliases": [...]}
    names = EncryptedJSONField()
    name_script = models.CharField(max_length=4, blank=True, help_text="ISO 15924 code")
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    birth_date = EncryptedTextField()
    birth_year_min = models.PositiveSmallIntegerField(null=True)
    birth_year_max = models.PositiveSmallIntegerField(null=True)
    age_estimated_on = models.DateField(null=True)
    nationalities = models.JSONField(default=list)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["agency", "created_at"], name="person_agency_created")]

    @property
    def display_name(self) -> str:
        names = self.names or {}
        latin = names.get("latin") or []
        original = (names.get("original") or {}).get("text", "")
        return latin[0] if latin else original

    @property
    def original_name(self) -> str:
        return ((self.names or {}).get("original") or {}).get("text", "")
