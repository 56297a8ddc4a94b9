"""What each role finds in the menu and on its home page: data, not templates."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from haven.accounts.roles import Permission, Role


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: Promise
    description: Promise
    permission: Permission


NAV_ITEMS = (
    NavItem(
        "intake:queue",
        _("Triage queue"),
        _("Hotline calls, portal requests and referrals waiting to be triaged."),
        Permission.INTAKE_TRIAGE,
    ),
    NavItem(
        "intake:create",
        _("New intake"),
        _("Record a call, a message or a referral; anonymous if the person wishes."),
        Permission.INTAKE_CREATE,
    ),
    NavItem(
        "cases:list",
        _("Cases"),
        _("Cases, their obligations and deadlines, searchable by name in any script."),
        Permission.CASE_LIST,
    ),
    NavItem(
        "cases:deadlines",
        _("My deadlines"),
        _("Obligations due or overdue in the cases you are responsible for."),
        Permission.DEADLINES_VIEW,
    ),
    NavItem(
        "people:search",
        _("Find a person"),
        _("Search before registering: by name in any script, phone or document number."),
        Permission.PERSON_LIST,
    ),
    NavItem(
        "people:list",
        _("Persons"),
        _("People registered by your agency, with names in their own script."),
        Permission.PERSON_LIST,
    ),
    NavItem(
        "tracing:duplicate_queue",
        _("Possible duplicates"),
        _("Persons possibly registered twice or by several agencies: compare and decide."),
        Permission.PERSON_DEDUPLICATE,
    ),
    NavItem(
        "tracing:report_list",
        _("Missing-person reports"),
        _("Reports from families, the portal and partner agencies."),
        Permission.TRACING_VIEW,
    ),
    NavItem(
        "accounts:agency_list",
        _("Agencies"),
        _("Organisations taking part in the referral mechanism."),
        Permission.AGENCY_MANAGE,
    ),
    NavItem(
        "accounts:user_list",
        _("Users"),
        _("Accounts, roles and two-factor resets."),
        Permission.USER_MANAGE,
    ),
    NavItem(
        "rights:list",
        _("Rights pages"),
        _("What the public portal tells people about their rights, per language."),
        Permission.RIGHTS_MANAGE,
    ),
    NavItem(
        "audit:list",
        _("Audit log"),
        _("Who read or changed what, and when. Tamper-evident."),
        Permission.AUDIT_VIEW,
    ),
)

# One sentence per role on the home page: what this role is here to do.
ROLE_PURPOSE = {
    Role.HOTLINE_OPERATOR: _(
        "Take calls and messages, open intakes (anonymous if the caller wishes) and triage them."
    ),
    Role.CASEWORKER: _(
        "Screen, plan assistance, refer to services and follow up with the people in your care."
    ),
    Role.FIRST_RESPONDER: _(
        "Refer people you meet into the mechanism and record detention. What a person told "
        "a service provider stays with that provider unless the person consents."
    ),
    Role.DECISION_MAKER: _("Make identification decisions, always with the record of reasons."),
    Role.TRACING_OFFICER: _(
        "Record missing-person reports and found or deceased persons, and review possible "
        "matches. A found person's whereabouts are never disclosed without their consent."
    ),
    Role.ANALYST: _(
        "Read indicators and privacy-protected releases. Person-level records are not shown."
    ),
    Role.ADMINISTRATOR: _(
        "Manage users, roles and agencies. Every action, yours included, is in the audit log."
    ),
}
