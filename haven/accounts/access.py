"""The one place that decides what a user may see and change.

Every read of a record goes through a pair of functions here, one for a
single object (``access_<thing>_by_id``) and one that filters a queryset
(``<things>_visible_to``), so list pages cannot leak what detail pages hide.
Rules:

- deny by default: an inactive or anonymous user, a user without a role, or
  a permission not granted to the role sees nothing;
- an object out of scope raises NotFound, exactly like a missing one, so the
  answer never reveals that a record exists;
- each condition sits on its own line, so coverage shows every case tested.

Later modules add their pairs here (cases, referrals, tracing records) and
the firewall: what a person told a service provider is visible to an
enforcement agency only with that person's recorded consent.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Agency, User
from haven.accounts.roles import Permission, Role, role_has_permission
from haven.kernel.errors import NotFound, PermissionDenied
from haven.people.models import Person

NOT_FOUND_MESSAGE = _("Not found.")
FORBIDDEN_MESSAGE = _("You do not have permission to do this.")


def is_staff_user(user: Any) -> bool:
    if user is None:
        return False
    if not getattr(user, "is_authenticated", False):
        return False
    if not getattr(user, "is_active", False):
        return False
    if not getattr(user, "role", None):
        return False
    return True


def has_permission(user: Any, permission: Permission) -> bool:
    if not is_staff_user(user):
        return False
    return role_has_permission(user.role, permission)


def require_permission(user: Any, permission: Permission) -> None:
    if not has_permission(user, permission):
        raise PermissionDenied(str(FORBIDDEN_MESSAGE))


def _not_found() -> NotFound:
    return NotFound(str(NOT_FOUND_MESSAGE))


# --- persons -----------------------------------------------------------------


def persons_visible_to(user: Any) -> QuerySet[Person]:
    """Persons registered by the user's own agency. Referral grants (a later
    module) will widen this to persons referred to the agency."""
    if not has_permission(user, Permission.PERSON_LIST):
        return Person.objects.none()
    if user.agency_id is None:
        return Person.objects.none()
    return Person.objects.filter(agency_id=user.agency_id)


def access_person_by_id(user: Any, person_id: object) -> Person:
    if not has_permission(user, Permission.PERSON_VIEW):
        raise _not_found()
    try:
        return persons_visible_to(user).get(pk=uuid.UUID(str(person_id)))
    except (Person.DoesNotExist, ValueError, TypeError):
        raise _not_found() from None


# --- agencies ----------------------------------------------------------------


def agencies_visible_to(user: Any) -> QuerySet[Agency]:
    if has_permission(user, Permission.AGENCY_MANAGE):
        return Agency.objects.all()
    if has_permission(user, Permission.AGENCY_VIEW_OWN) and user.agency_id is not None:
        return Agency.objects.filter(pk=user.agency_id)
    return Agency.objects.none()


def access_agency_by_id(user: Any, agency_id: object, *, for_change: bool = False) -> Agency:
    if for_change and not has_permission(user, Permission.AGENCY_MANAGE):
        raise _not_found()
    try:
        return agencies_visible_to(user).get(pk=int(str(agency_id)))
    except (Agency.DoesNotExist, ValueError, TypeError):
        raise _not_found() from None


# --- users -------------------------------------------------------------------


def users_visible_to(user: Any) -> QuerySet[User]:
    if has_permission(user, Permission.USER_MANAGE):
        return User.objects.all()
    return User.objects.none()


def access_user_by_id(user: Any, user_id: object) -> User:
    try:
        return users_visible_to(user).get(pk=int(str(user_id)))
    except (User.DoesNotExist, ValueError, TypeError):
        raise _not_found() from None


def is_administrator(user: Any) -> bool:
    return is_staff_user(user) and user.role == Role.ADMINISTRATOR


# --- audit log ---------------------------------------------------------------


def audit_entries_visible_to(user: Any) -> QuerySet:
    """Administrators read the whole log; it holds ids and field names, never
    the values of personal data."""
    from haven.audit.models import AuditEntry

    if not has_permission(user, Permission.AUDIT_VIEW):
        return AuditEntry.objects.none()
    return AuditEntry.objects.all()
