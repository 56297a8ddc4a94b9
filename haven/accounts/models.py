from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin
from django_otp.oath import TOTP

from haven.accounts.roles import Role
from haven.kernel.ids import uuid7
from haven.platform.concurrency import Versioned
from haven.platform.crypto.fields import EncryptedTextField


class AgencyKind(models.TextChoices):
    NGO = "ngo", _("Non-governmental organisation")
    SHELTER = "shelter", _("Shelter")
    MIGRANT_RESOURCE_CENTRE = "migrant_resource_centre", _("Migrant resource centre")
    SOCIAL_SERVICES = "social_services", _("Social services")
    HEALTH = "health", _("Health service")
    LEGAL_AID = "legal_aid", _("Legal aid")
    HOTLINE = "hotline", _("Hotline")
    COMPETENT_AUTHORITY = "competent_authority", _("Competent authority")
    TRACING_SERVICE = "tracing_service", _("Tracing service")
    POLICE = "police", _("Police")
    BORDER_GUARD = "border_guard", _("Border guard")
    LABOUR_INSPECTORATE = "labour_inspectorate", _("Labour inspectorate")
    PROSECUTOR = "prosecutor", _("Prosecutor")
    STATISTICS_OFFICE = "statistics_office", _("Statistics office")
    PARLIAMENT = "parliament", _("Parliament or committee")
    OMBUDSPERSON = "ombudsperson", _("Ombudsperson or national rapporteur")


# Agencies whose mandate includes enforcement: behind the firewall, they see
# nothing a person told a service provider without that person's consent.
ENFORCEMENT_KINDS = frozenset(
    {
        AgencyKind.POLICE,
        AgencyKind.BORDER_GUARD,
        AgencyKind.LABOUR_INSPECTORATE,
        AgencyKind.PROSECUTOR,
    }
)


class Agency(Versioned):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=40, choices=AgencyKind.choices)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2"))
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    # Requests from the public portal land in this agency's triage queue
    # (help requests) or tracing list (missing relatives).
    receives_portal_requests = models.BooleanField(_("receives portal requests"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    @property
    def is_enforcement(self) -> bool:
        return self.kind in ENFORCEMENT_KINDS


class User(AbstractUser):
    """A staff account. Migrants never have one: the portal needs no account."""

    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = UserManager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="administrator") | models.Q(agency__isnull=False),
                name="user_agency_required_except_administrators",
            )
        ]


class TwoFactorDevice(ThrottlingMixin, Device):
    """A TOTP authenticator whose secret is encrypted at rest (ASVS 13.3.1).

    Codes are accepted once (``last_t``), failures are throttled with
    exponential back-off, and verification locks the row so that two
    concurrent requests cannot both use the same code.
    """

    ENCRYPTION_ROW_ID = "uid"

    uid = models.UUIDField(default=uuid7, unique=True, editable=False)
    secret = EncryptedTextField()
    step = models.PositiveSmallIntegerField(default=30)
    digits = models.PositiveSmallIntegerField(default=6)
    # One step either side absorbs clock drift between phone and server.
    tolerance = models.PositiveSmallIntegerField(default=1)
    drift = models.SmallIntegerField(default=0)
    last_t = models.BigIntegerField(default=-1)
    created_at = models.DateTimeField(auto_now_add=True)

    def get_throttle_factor(self) -> int:
        return getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)

    @property
    def secret_bytes(self) -> bytes:
        return bytes.fromhex(self.secret)

    def totp(self, at: float | None = None) -> TOTP:
        generator = TOTP(self.secret_bytes, self.step, 0, self.digits, self.drift)
        generator.time = time.time() if at is None else at
        return generator

    def verify_token(self, token: object) -> bool:
        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        try:
            code = int(str(token).strip())
        except ValueError:
            code = None
        generator = self.totp()
        if code is not None and generator.verify(code, self.tolerance, self.last_t + 1):
            self.last_t = generator.t()
            self.drift = generator.drift
            self.throttling_failure_timestamp = None
            self.throttling_failure_count = 0
            self.save(
                update_fields=[
                    "last_t",
                    "drift",
                    "throttling_failure_timestamp",
                    "throttling_failure_count",
                ]
            )
            return True
        self.throttle_increment(commit=True)
        return False


class ApiToken(models.Model):
    """A bearer token for programs. Only its SHA-256 is stored; the token
    itself is shown once when it is created."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=8)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True)
    revoked_at = models.DateTimeField(null=True)
