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

from django.db.models import Q, QuerySet
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


def behind_the_firewall(user: Any) -> bool:
    """True for users of enforcement agencies (police, border, labour
    inspection, prosecution): whatever their role, they read nothing a person
    told a service provider unless that person consented (DESIGN.md
    principle 3). Consent records, a later module, open individual records."""
    agency = getattr(user, "agency", None)
    if agency is None:
        return False
    return agency.is_enforcement


def _is_competent_authority(user: Any) -> bool:
    agency = getattr(user, "agency", None)
    if agency is None:
        return False
    return agency.kind == "competent_authority"


# --- persons -----------------------------------------------------------------


def persons_visible_to(user: Any) -> QuerySet[Person]:
    """Persons registered by the user's own agency. Referral grants (a later
    module) will widen this to persons referred to the agency."""
    if not has_permission(user, Permission.PERSON_LIST):
        return Person.objects.none()
    if user.agency_id is None:
        return Person.objects.none()
    return Person.objects.filter(agency_id=user.agency_id)


def _persons_readable_by(user: Any) -> QuerySet[Person]:
    """Persons one may open: the agency's own, and for decision makers those
    whose case was submitted to them for identification."""
    if not has_permission(user, Permission.PERSON_VIEW):
        return Person.objects.none()
    if user.agency_id is None:
        return Person.objects.none()
    if has_permission(user, Permission.DECISION_RECORD) and _is_competent_authority(user):
        return Person.objects.filter(cases__submitted_for_identification_on__isnull=False)
    return Person.objects.filter(agency_id=user.agency_id)


def access_person_by_id(user: Any, person_id: object, *, for_change: bool = False) -> Person:
    if for_change and not has_permission(user, Permission.PERSON_CHANGE):
        raise _not_found()
    try:
        return _persons_readable_by(user).distinct().get(pk=uuid.UUID(str(person_id)))
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


# --- intakes -----------------------------------------------------------------


def intakes_visible_to(user: Any) -> QuerySet:
    """The triage queue of the user's agency; a referring first responder sees
    only the intakes they made (their status, never what the person said
    afterwards to the service provider)."""
    from haven.intake.models import Intake

    if has_permission(user, Permission.INTAKE_TRIAGE) and user.agency_id is not None:
        if behind_the_firewall(user):
            return Intake.objects.none()
        return Intake.objects.filter(agency_id=user.agency_id)
    if has_permission(user, Permission.INTAKE_CREATE):
        own = Q(created_by_id=user.pk)
        if user.agency_id is not None:
            # The firewall opens only where the person consented to this agency.
            own |= Q(pk__in=_consented_intakes(user.agency_id))
        return Intake.objects.filter(own)
    return Intake.objects.none()


def _consented_intakes(agency_id: int) -> QuerySet:
    from haven.referrals.models import Consent, ConsentScope

    return Consent.objects.filter(
        recipient_id=agency_id,
        scope=ConsentScope.INTAKE,
        withdrawn_on__isnull=True,
        intake__isnull=False,
    ).values("intake_id")


def intake_content_visible(user: Any, intake: Any) -> bool:
    """Whether the user may read what the person said in this intake: the
    triaging agency always; anyone else only with the person's consent."""
    if has_permission(user, Permission.INTAKE_TRIAGE) and intake.agency_id == user.agency_id:
        return not behind_the_firewall(user)
    if intake.created_by_id == user.pk:
        return True  # the referral they wrote themselves
    if user.agency_id is None:
        return False
    return _consented_intakes(user.agency_id).filter(intake_id=intake.pk).exists()


def access_intake_by_id(user: Any, intake_id: object, *, for_triage: bool = False):  # type: ignore[no-untyped-def]
    from haven.intake.models import Intake

    if for_triage and not has_permission(user, Permission.INTAKE_TRIAGE):
        raise _not_found()
    queryset = intakes_visible_to(user)
    if for_triage:
        queryset = queryset.filter(agency_id=user.agency_id)
    try:
        return queryset.get(pk=uuid.UUID(str(intake_id)))
    except (Intake.DoesNotExist, ValueError, TypeError):
        raise _not_found() from None


# --- cases -------------------------------------------------------------------


def cases_visible_to(user: Any) -> QuerySet:
    """Caseworkers: their agency's cases. Decision makers of a competent
    authority: cases submitted for identification. Enforcement agencies: none."""
    from haven.cases.models import Case

    if not has_permission(user, Permission.CASE_LIST):
        return Case.objects.none()
    if user.agency_id is None:
        return Case.objects.none()
    if behind_the_firewall(user):
        return Case.objects.none()
    if has_permission(user, Permission.DECISION_RECORD) and _is_competent_authority(user):
        return Case.objects.filter(submitted_for_identification_on__isnull=False)
    return Case.objects.filter(agency_id=user.agency_id)


def access_case_by_id(user: Any, case_id: object, *, for_change: bool = False):  # type: ignore[no-untyped-def]
    """One case, for reading or (``for_change``) for the owning agency's
    changes. Decision makers record decisions through access_case_for_decision."""
    from haven.cases.models import Case

    if not has_permission(user, Permission.CASE_VIEW):
        raise _not_found()
    queryset = cases_visible_to(user)
    if for_change:
        if not has_permission(user, Permission.CASE_CHANGE):
            raise _not_found()
        queryset = queryset.filter(agency_id=user.agency_id)
    try:
        return queryset.get(pk=uuid.UUID(str(case_id)))
    except (Case.DoesNotExist, ValueError, TypeError):
        raise _not_found() from None


def access_case_for_decision(user: Any, case_id: object):  # type: ignore[no-untyped-def]
    from haven.cases.models import Case

    if not has_permission(user, Permission.DECISION_RECORD):
        raise _not_found()
    if not _is_competent_authority(user):
        raise _not_found()
    try:
        return Case.objects.filter(submitted_for_identification_on__isnull=False).get(
            pk=uuid.UUID(str(case_id))
        )
    except (Case.DoesNotExist, ValueError, TypeError):
        raise _not_found() from None


# --- tracing -----------------------------------------------------------------


def missing_reports_visible_to(user: Any) -> QuerySet:
    """Missing-person reports of the tracing officer's own agency."""
    from haven.tracing.models import MissingPersonReport

    if not has_permission(user, Permission.TRACING_VIEW):
        return MissingPersonReport.objects.none()
    if user.agency_id is None or behind_the_firewall(user):
        return MissingPersonReport.objects.none()
    return MissingPersonReport.objects.filter(agency_id=user.agency_id)


def access_missing_report_by_id(user: Any, report_id: object):  # type: ignore[no-untyped-def]
    from haven.tracing.models import MissingPersonReport

    try:
        return missing_reports_visible_to(user).get(pk=uuid.UUID(str(report_id)))
    except (MissingPersonReport.DoesNotExist, ValueError, TypeError):
        raise _not_found() from None


def found_records_visible_to(user: Any) -> QuerySet:
    from haven.tracing.models import FoundRecord

    if not has_permission(user, Permission.TRACING_VIEW):
        return FoundRecord.objects.none()
    if user.agency_id is None or behind_the_firewall(user):
        return FoundRecord.objects.none()
    return FoundRecord.objects.filter(agency_id=user.agency_id)


def access_found_record_by_id(user: Any, record_id: object):  # type: ignore[no-untyped-def]
    from haven.tracing.models import FoundRecord

    try:
        return found_records_visible_to(user).get(pk=uuid.UUID(str(record_id)))
    except (FoundRecord.DoesNotExist, ValueError, TypeError):
        raise _not_found() from None


def access_candidate_by_id(user: Any, candidate_id: object):  # type: ignore[no-untyped-def]
    from haven.tracing.models import MatchCandidate

    try:
        return MatchCandidate.objects.select_related("report", "found").get(
            pk=uuid.UUID(str(candidate_id)),
            report__in=missing_reports_visible_to(user),
        )
    except (MatchCandidate.DoesNotExist, ValueError, TypeError):
        raise _not_found() from None


# --- possible duplicates of persons -------------------------------------------


def persons_for_deduplication(user: Any) -> QuerySet[Person]:
    """Persons among whom the user may look for and review duplicates: exactly
    the persons the user may open (a caseworker: their agency's register; a
    decision maker of a competent authority: the persons of the cases submitted
    to it, from every agency). Behind the firewall: none, whatever the role."""
    if not has_permission(user, Permission.PERSON_DEDUPLICATE):
        return Person.objects.none()
    if behind_the_firewall(user):
        return Person.objects.none()
    return _persons_readable_by(user)


def person_duplicates_visible_to(user: Any) -> QuerySet:
    """Possible duplicates the user may see: only pairs whose BOTH persons the
    user may open. A pair with a person of an agency the user cannot see is
    invisible, as if it did not exist, so nothing about that person, not even
    that a candidate exists, reaches the user."""
    from haven.tracing.models import PersonDuplicateCandidate

    readable = persons_for_deduplication(user)
    return PersonDuplicateCandidate.objects.filter(
        person_a__in=readable.values("pk"),
        person_b__in=readable.values("pk"),
    )


def access_person_duplicate_by_id(user: Any, candidate_id: object):  # type: ignore[no-untyped-def]
    from haven.tracing.models import PersonDuplicateCandidate

    try:
        return (
            person_duplicates_visible_to(user)
            .select_related("person_a__agency", "person_b__agency")
            .get(pk=uuid.UUID(str(candidate_id)))
        )
    except (PersonDuplicateCandidate.DoesNotExist, ValueError, TypeError):
        raise _not_found() from None
