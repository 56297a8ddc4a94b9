"""Closed vocabularies for person records, with translatable labels."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    OTHER = "other", _("Other")
    NOT_STATED = "not_stated", _("Not stated")


class AgeEstimateMethod(models.TextChoices):
    DOCUMENT = "document", _("Identity document")
    SELF_DECLARED = "self_declared", _("Self-declared")
    AGE_ASSESSMENT = "age_assessment", _("Age assessment")
    APPEARANCE = "appearance", _("Appearance only (provisional)")
    UNKNOWN = "unknown", _("Unknown")


class Vulnerability(models.TextChoices):
    CHILD = "child", _("Child")
    UNACCOMPANIED_CHILD = "unaccompanied_child", _("Unaccompanied or separated child")
    DISABILITY = "disability", _("Disability")
    PREGNANCY = "pregnancy", _("Pregnancy")
    SERIOUS_ILLNESS = "serious_illness", _("Serious illness")
    MENTAL_HEALTH = "mental_health", _("Mental health needs")
    OLDER_PERSON = "older_person", _("Older person")
    SURVIVOR_OF_VIOLENCE = "survivor_of_violence", _("Survivor of torture or violence")
    NO_SHELTER = "no_shelter", _("Without shelter")


class DocumentType(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    NATIONAL_ID = "national_id", _("National identity card")
    RESIDENCE_PERMIT = "residence_permit", _("Residence permit")
    WORK_PERMIT = "work_permit", _("Work permit")
    BIRTH_CERTIFICATE = "birth_certificate", _("Birth certificate")
    REFUGEE_DOCUMENT = "refugee_document", _("Refugee or asylum document")
    OTHER = "other", _("Other document")


class DocumentStatus(models.TextChoices):
    HELD = "held", _("Held by the person")
    CONFISCATED = "confiscated", _("Confiscated or withheld by someone else")
    LOST = "lost", _("Lost or destroyed")
    WITH_AUTHORITIES = "with_authorities", _("With the authorities")


class ImmigrationStatus(models.TextChoices):
    """Deliberately coarse. Optional, encrypted, never searchable or filterable
    (the firewall, DESIGN.md principle 3): help never depends on it."""

    REGULAR = "regular", _("Regular stay")
    IRREGULAR = "irregular", _("Irregular stay")
    ASYLUM_SEEKER = "asylum_seeker", _("Asylum seeker")
    REFUGEE_OR_PROTECTED = "protected", _("Refugee or other protection")
    CITIZEN = "citizen", _("Citizen of this country")
    UNKNOWN = "unknown", _("Unknown or not asked")
