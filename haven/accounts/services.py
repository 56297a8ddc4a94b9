"""Every change to users, agencies, devices and tokens: permission check,
write, audit entry, one transaction."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pycountry
from django.contrib.auth import password_validation
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haven.accounts import access
from haven.accounts.models import Agency, AgencyKind, ApiToken, TwoFactorDevice, User
from haven.accounts.roles import Permission, Role
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.kernel.errors import NotFound, ValidationFailed
from haven.platform.concurrency import save_versioned

AGENCY_NAME_TAKEN = _("An agency with this name already exists.")
UNKNOWN_COUNTRY = _("Unknown country code: use ISO 3166-1 alpha-2, such as KE or FR.")
UNKNOWN_KIND = _("Unknown kind of agency.")
UNKNOWN_ROLE = _("Unknown role.")
AGENCY_REQUIRED = _("Every role except administrator belongs to an agency.")
USERNAME_TAKEN = _("This username is taken.")
CODE_REFUSED = _("The code was not accepted. Codes can be used only once.")
NO_PENDING_DEVICE = _("There is no authenticator waiting for confirmation.")

API_TOKEN_LIFETIME = timedelta(days=90)


def _invalid(field: str, message: Any) -> ValidationFailed:
    return ValidationFailed.for_field(field, message)


def _clean_country(country: str) -> str:
    code = (country or "").strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise _invalid("country", UNKNOWN_COUNTRY)
    return code


# --- agencies ----------------------------------------------------------------


@transaction.atomic
def agency_create(
    *, actor: Any, name: str, kind: str, country: str, contact_email: str = ""
) -> Agency:
    access.require_permission(actor, Permission.AGENCY_MANAGE)
    if kind not in AgencyKind.values:
        raise _invalid("kind", UNKNOWN_KIND)
    agency = Agency(
        name=name.strip(),
        kind=kind,
        country=_clean_country(country),
        contact_email=contact_email.strip(),
    )
    try:
        with transaction.atomic():
            agency.save(force_insert=True)
    except IntegrityError:
        raise _invalid("name", AGENCY_NAME_TAKEN) from None
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="agency",
        object_id=agency.pk,
        fields=["name", "kind", "country", "contact_email"],
    )
    return agency


AGENCY_EDITABLE_FIELDS = (
    "name",
    "kind",
    "country",
    "contact_email",
    "is_active",
    "receives_portal_requests",
)


@transaction.atomic
def agency_update(
    *, actor: Any, agency_id: object, expected_version: int, changes: dict[str, Any]
) -> Agency:
    agency = access.access_agency_by_id(actor, agency_id, for_change=True)
    unknown = set(changes) - set(AGENCY_EDITABLE_FIELDS)
    if unknown:
        raise _invalid(sorted(unknown)[0], _("This field cannot be changed."))
    if "kind" in changes and changes["kind"] not in AgencyKind.values:
        raise _invalid("kind", UNKNOWN_KIND)
    if "country" in changes:
        changes["country"] = _clean_country(changes["country"])
    if "name" in changes:
        changes["name"] = str(changes["name"]).strip()
        if Agency.objects.filter(name=changes["name"]).exclude(pk=agency.pk).exists():
            raise _invalid("name", AGENCY_NAME_TAKEN)
    changed = [name for name, value in changes.items() if getattr(agency, name) != value]
    for name in changed:
        setattr(agency, name, changes[name])
    save_versioned(agency, expected_version=expected_version, fields=changed)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="agency",
        object_id=agency.pk,
        fields=changed,
    )
    return agency


# --- users -------------------------------------------------------------------


def _validate_role_and_agency(role: str, agency: Agency | None) -> None:
    if role not in Role.values:
        raise _invalid("role", UNKNOWN_ROLE)
    if role != Role.ADMINISTRATOR and agency is None:
        raise _invalid("agency", AGENCY_REQUIRED)


@transaction.atomic
def user_create(
    *,
    actor: Any,
    username: str,
    password: str,
    role: str,
    agency_id: int | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    """``actor`` None means the system itself (the `haven createuser` command)."""
    if actor is not None:
        access.require_permission(actor, Permission.USER_MANAGE)
    agency = Agency.objects.filter(pk=agency_id).first() if agency_id else None
    _validate_role_and_agency(role, agency)
    user = User(
        username=username.strip(),
        role=role,
        agency=agency,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    try:
        password_validation.validate_password(password, user)
    except DjangoValidationError as error:
        raise ValidationFailed(
            " ".join(error.messages), extra={"errors": {"password": error.messages}}
        ) from None
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save(force_insert=True)
    except IntegrityError:
        raise _invalid("username", USERNAME_TAKEN) from None
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="user",
        object_id=user.pk,
        fields=["username", "role", "agency"],
    )
    return user


@transaction.atomic
def user_update(
    *,
    actor: Any,
    user_id: object,
    expected_version: int,
    role: str,
    agency_id: int | None,
    is_active: bool,
) -> User:
    user = access.access_user_by_id(actor, user_id)
    agency = Agency.objects.filter(pk=agency_id).first() if agency_id else None
    _validate_role_and_agency(role, agency)
    changed = []
    for name, value in (("role", role), ("agency", agency), ("is_active", is_active)):
        if getattr(user, name) != value:
            setattr(user, name, value)
            changed.append(name)
    save_versioned(user, expected_version=expected_version, fields=changed)
    if "is_active" in changed and not is_active:
        _end_sessions_of(user)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="user",
        object_id=user.pk,
        fields=changed,
    )
    return user


@transaction.atomic
def user_set_password(*, actor: Any, user: User, new_password: str) -> None:
    """Changing a password ends every session of that user (ASVS 7.4.3)."""
    try:
        password_validation.validate_password(new_password, user)
    except DjangoValidationError as error:
        raise ValidationFailed(
            " ".join(error.messages), extra={"errors": {"new_password": error.messages}}
        ) from None
    user.set_password(new_password)
    user.save(update_fields=["password"])
    _end_sessions_of(user)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="user",
        object_id=user.pk,
        fields=["password"],
    )


def _end_sessions_of(user: User) -> None:
    """Delete the user's server-side sessions. Django's session hash already
    invalidates them on a password change; deleting them also covers deactivation."""
    user_id = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator(2000):
        if session.get_decoded().get("_auth_user_id") == user_id:
            session.delete()


# --- sign-in events ----------------------------------------------------------


@transaction.atomic
def login_record(*, user: User) -> None:
    audit_record(actor=user, action=AuditAction.LOGIN, object_type="user", object_id=user.pk)


@transaction.atomic
def login_failure_record(*, username: str) -> None:
    """The attempted name is kept only if it is a real account: a mistyped
    password entered in the username box must not end up in the log."""
    user = User.objects.filter(username=username).first()
    audit_record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        object_type="user",
        object_id=user.pk if user else "",
        detail={"known_user": user is not None},
    )


@transaction.atomic
def logout_record(*, user: User) -> None:
    audit_record(actor=user, action=AuditAction.LOGOUT, object_type="user", object_id=user.pk)


# --- two-factor devices ------------------------------------------------------


def two_factor_device_of(user: User) -> TwoFactorDevice | None:
    return TwoFactorDevice.objects.filter(user=user, confirmed=True).first()


@transaction.atomic
def two_factor_enrol(*, user: User) -> TwoFactorDevice:
    """A new, unconfirmed authenticator; any earlier unconfirmed one is replaced."""
    TwoFactorDevice.objects.filter(user=user, confirmed=False).delete()
    device = TwoFactorDevice(
        user=user, name="authenticator", confirmed=False, secret=secrets.token_hex(20)
    )
    device.save(force_insert=True)
    return device


@transaction.atomic
def two_factor_confirm(*, user: User, token: str) -> TwoFactorDevice:
    device = TwoFactorDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None:
        raise ValidationFailed(str(NO_PENDING_DEVICE))
    if not device.verify_token(token):
        raise _invalid("token", CODE_REFUSED)
    TwoFactorDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(
        actor=user,
        action=AuditAction.UPDATE,
        object_type="user",
        object_id=user.pk,
        fields=["two_factor_device"],
    )
    return device


def two_factor_verify(*, user: User, token: str) -> TwoFactorDevice | None:
    """Check a sign-in code. The device row is locked so a code cannot be used
    twice by concurrent requests; a failure is throttled and audited."""
    with transaction.atomic():
        device = (
            TwoFactorDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        )
        if device is not None and device.verify_token(token):
            return device
        audit_record(
            actor=user,
            action=AuditAction.TWO_FACTOR_FAILED,
            object_type="user",
            object_id=user.pk,
        )
    return None


@transaction.atomic
def two_factor_reset(*, actor: Any, user_id: object) -> None:
    """An administrator removes a lost authenticator; the user enrols again."""
    user = access.access_user_by_id(actor, user_id)
    TwoFactorDevice.objects.filter(user=user).delete()
    _end_sessions_of(user)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="user",
        object_id=user.pk,
        fields=["two_factor_device"],
    )


# --- API tokens --------------------------------------------------------------


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, actor: Any, user: User, name: str) -> IssuedToken:
    """Issued by the user for themselves or by an administrator (``actor``
    None: the CLI). The secret is returned once and never stored."""
    if actor is not None and actor != user:
        access.require_permission(actor, Permission.USER_MANAGE)
    secret = "hvn_" + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name[:100],
        prefix=secret[4:12],
        digest=token_digest(secret),
        expires_at=timezone.now() + API_TOKEN_LIFETIME,
    )
    token.save(force_insert=True)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="api_token",
        object_id=token.pk,
        detail={"user_id": user.pk},
    )
    return IssuedToken(token, secret)


@transaction.atomic
def api_token_revoke(*, actor: Any, token_id: int) -> None:
    token = ApiToken.objects.select_for_update().filter(pk=token_id).first()
    if token is None or (token.user != actor and not access.is_administrator(actor)):
        raise NotFound(str(access.NOT_FOUND_MESSAGE))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="api_token",
        object_id=token.pk,
        fields=["revoked_at"],
    )
