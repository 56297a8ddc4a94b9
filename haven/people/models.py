from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.kernel.ids import uuid7
from haven.people.vocabulary import AgeEstimateMethod, Gender
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
    gender = models.CharField(max_length=12, choices=Gender.choices, default=Gender.NOT_STATED)
    birth_date = EncryptedTextField()
    birth_year_min = models.PositiveSmallIntegerField(null=True)
    birth_year_max = models.PositiveSmallIntegerField(null=True)
    age_estimated_on = models.DateField(null=True)
    age_estimate_method = models.CharField(
        max_length=16, choices=AgeEstimateMethod.choices, default=AgeEstimateMethod.UNKNOWN
    )
    nationalities = models.JSONField(default=list)
    # ISO 639 codes: who needs an interpreter, in which language.
    languages = models.JSONField(default=list)
    vulnerabilities = models.JSONField(default=list)
    # {"phones": [...], "emails": [...], "address": "...", "safe_contact": "..."}
    contact = EncryptedJSONField()
    # [{"type", "number", "country", "status"}]; numbers also in PersonIdentifierKey.
    documents = EncryptedJSONField()
    # Coarse, optional, never searchable or filterable: the firewall.
    immigration_status = EncryptedTextField()
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


class PersonNameKey(models.Model):
    """Keyed hashes of a person's name keys, for search across scripts and
    spellings without storing any name in the clear. people/domain/names.py
    makes the keys; the blind index hashes them."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_keys")
    digest = models.CharField(max_length=32)

    class Meta:
        indexes = [models.Index(fields=["digest", "person"], name="person_name_key")]


class PersonIdentifierKey(models.Model):
    """Blind indexes of phone and document numbers, for exact lookups."""

    class Kind(models.TextChoices):
        PHONE = "phone"
        DOCUMENT = "document"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identifier_keys")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    digest = models.CharField(max_length=32)

    class Meta:
        indexes = [models.Index(fields=["kind", "digest"], name="person_identifier_key")]
