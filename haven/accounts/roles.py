"""Roles and what each may do (DESIGN.md, "Who uses it").

Permissions are function-level: may this role use this kind of page or
endpoint at all. Which records it may then see is decided per object in
access.py (agency scope, referral grants, consent). Deny by default: a
permission not listed for a role is refused, and so is an unknown one.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    HOTLINE_OPERATOR = "hotline_operator", _("Hotline operator")
    CASEWORKER = "caseworker", _("Caseworker")
    FIRST_RESPONDER = "first_responder", _("First responder")
    DECISION_MAKER = "decision_maker", _("Decision maker")
    TRACING_OFFICER = "tracing_officer", _("Tracing officer")
    ANALYST = "analyst", _("Analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


class Permission(StrEnum):
    HOME_VIEW = "home.view"
    PROFILE_VIEW = "profile.view"
    PERSON_LIST = "person.list"
    PERSON_VIEW = "person.view"
    PERSON_CREATE = "person.create"
    PERSON_CHANGE = "person.change"
    # Review possible duplicates among the persons one may open (access.py).
    PERSON_DEDUPLICATE = "person.deduplicate"
    INTAKE_CREATE = "intake.create"
    INTAKE_TRIAGE = "intake.triage"
    CASE_LIST = "case.list"
    CASE_VIEW = "case.view"
    CASE_CREATE = "case.create"
    CASE_CHANGE = "case.change"
    DECISION_RECORD = "decision.record"
    DEADLINES_VIEW = "deadlines.view"
    CONSENT_RECORD = "consent.record"
    TRACING_VIEW = "tracing.view"
    TRACING_RECORD = "tracing.record"
    AGENCY_VIEW_OWN = "agency.view_own"
    AGENCY_MANAGE = "agency.manage"
    USER_MANAGE = "user.manage"
    AUDIT_VIEW = "audit.view"
    RIGHTS_MANAGE = "rights.manage"


_EVERY_STAFF_ROLE = (Permission.HOME_VIEW, Permission.PROFILE_VIEW, Permission.AGENCY_VIEW_OWN)

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    # Hotline operators open intakes and triage them into cases; they see the
    # persons their agency registered, not the case files that follow.
    Role.HOTLINE_OPERATOR: frozenset(
        {
            *_EVERY_STAFF_ROLE,
            Permission.PERSON_LIST,
            Permission.PERSON_VIEW,
            Permission.PERSON_CREATE,
            Permission.INTAKE_CREATE,
            Permission.INTAKE_TRIAGE,
            Permission.CASE_CREATE,
            Permission.CONSENT_RECORD,
        }
    ),
    # Caseworkers also review possible duplicates among the persons they may
    # open (their agency's register); nothing is merged, a link is recorded.
    Role.CASEWORKER: frozenset(
        {
            *_EVERY_STAFF_ROLE,
            Permission.PERSON_LIST,
            Permission.PERSON_VIEW,
            Permission.PERSON_CREATE,
            Permission.PERSON_CHANGE,
            Permission.PERSON_DEDUPLICATE,
            Permission.INTAKE_CREATE,
            Permission.INTAKE_TRIAGE,
            Permission.CASE_LIST,
            Permission.CASE_VIEW,
            Permission.CASE_CREATE,
            Permission.CASE_CHANGE,
            Permission.DEADLINES_VIEW,
            Permission.CONSENT_RECORD,
        }
    ),
    # First responders refer people in. They never read what a person told a
    # service provider (the firewall): no case files, no persons of others.
    Role.FIRST_RESPONDER: frozenset(
        {
            *_EVERY_STAFF_ROLE,
            Permission.PERSON_LIST,
            Permission.PERSON_VIEW,
            Permission.INTAKE_CREATE,
        }
    ),
    # Decision makers read the cases submitted to them and record decisions.
    # They read persons submitted by every agency, so they are the ones who can
    # see that two agencies submitted the same person (IPU-118 op.9: count once).
    Role.DECISION_MAKER: frozenset(
        {
            *_EVERY_STAFF_ROLE,
            Permission.PERSON_VIEW,
            Permission.PERSON_DEDUPLICATE,
            Permission.CASE_LIST,
            Permission.CASE_VIEW,
            Permission.DECISION_RECORD,
        }
    ),
    Role.TRACING_OFFICER: frozenset(
        {*_EVERY_STAFF_ROLE, Permission.TRACING_VIEW, Permission.TRACING_RECORD}
    ),
    # Analysts read indicators and releases, never a person-level record.
    Role.ANALYST: frozenset(_EVERY_STAFF_ROLE),
    # Administrators run the system; they do not read case files.
    Role.ADMINISTRATOR: frozenset(
        {
            *_EVERY_STAFF_ROLE,
            Permission.AGENCY_MANAGE,
            Permission.USER_MANAGE,
            Permission.AUDIT_VIEW,
            Permission.RIGHTS_MANAGE,
        }
    ),
}


def role_has_permission(role: str | None, permission: object) -> bool:
    if role is None or not isinstance(permission, Permission):
        return False
    return permission in ROLE_PERMISSIONS.get(role, frozenset())
