"""The firewall (DESIGN.md principle 3): what a person told a service provider
reaches an enforcement agency only with that person's recorded consent, and
withdrawal closes it again. Checked for every role."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.utils import timezone

from haven.accounts.models import Agency
from haven.accounts.roles import Role
from haven.intake.models import Intake
from haven.referrals import services as referrals
from tests.conftest import verified_client


@pytest.fixture
def portal_intake(agencies):  # type: ignore[no-untyped-def]
    Agency.objects.filter(pk=agencies["hotline"].pk).update(receives_portal_requests=True)
    Client().post(
        "/help/ask/",
        {
            "account": "SECRET-ACCOUNT my employer threatens me",
            "in_danger": "no",
            "contact_choice": "anonymous",
            "form_token": str(uuid.uuid4()),
        },
    )
    return Intake.objects.get()


def can_read(user, intake) -> bool:  # type: ignore[no-untyped-def]
    response = verified_client(user).get(f"/intake/{intake.pk}/")
    return response.status_code == 200 and "SECRET-ACCOUNT" in response.content.decode()


@pytest.mark.parametrize(
    "role,expected",
    [
        (Role.HOTLINE_OPERATOR, True),  # the receiving agency
        (Role.CASEWORKER, False),  # another service provider
        (Role.FIRST_RESPONDER, False),  # enforcement
        (Role.DECISION_MAKER, False),
        (Role.TRACING_OFFICER, False),
        (Role.ANALYST, False),
        (Role.ADMINISTRATOR, False),
    ],
)
def test_portal_requests_are_read_only_by_the_receiving_service(
    cast, portal_intake, role, expected
):
    assert can_read(cast[role], portal_intake) is expected


def test_consent_opens_access_to_the_named_agency_and_withdrawal_closes_it(
    cast, agencies, portal_intake
):
    hotline, responder = cast[Role.HOTLINE_OPERATOR], cast[Role.FIRST_RESPONDER]
    assert not can_read(responder, portal_intake)
    consent = referrals.consent_record(
        actor=hotline,
        intake_id=portal_intake.pk,
        recipient_id=agencies["police"].pk,
        scope="intake",
        purpose="Criminal investigation of the employer",
        given_how="By phone",
        given_on=timezone.localdate(),
    )
    assert can_read(responder, portal_intake)
    # Only the named agency: another enforcement agency still sees nothing.
    other_police = Agency.objects.create(name="Border unit", kind="border_guard", country="MT")
    from tests.factories import make_user

    border = make_user("border", Role.FIRST_RESPONDER, other_police)
    assert not can_read(border, portal_intake)
    referrals.consent_withdraw(actor=hotline, consent_id=consent.pk)
    assert not can_read(responder, portal_intake)


def test_consent_needs_recipient_scope_purpose_and_date(cast, agencies, portal_intake):
    from haven.kernel.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        referrals.consent_record(
            actor=cast[Role.HOTLINE_OPERATOR],
            intake_id=portal_intake.pk,
            recipient_id=agencies["police"].pk,
            scope="intake",
            purpose=" ",
            given_how="orally",
            given_on=timezone.localdate(),
        )


def test_enforcement_users_see_no_cases_whatever_their_role(cast, agencies):
    from haven.accounts import access
    from tests.factories import make_user

    police_caseworker = make_user("pc", Role.CASEWORKER, agencies["police"])
    assert list(access.cases_visible_to(police_caseworker)) == []
    assert list(access.intakes_visible_to(police_caseworker)) == []


def test_immigration_status_is_never_searchable(cast):
    from django.core.exceptions import FieldError

    from haven.people.models import Person

    with pytest.raises(FieldError):
        list(Person.objects.filter(immigration_status="irregular"))


@pytest.fixture
def portal_missing_report(agencies):  # type: ignore[no-untyped-def]
    from haven.tracing.models import MissingPersonReport

    Agency.objects.filter(pk=agencies["tracing"].pk).update(receives_portal_requests=True)
    Client().post(
        "/help/missing-relative/",
        {
            "name_latin": "SECRET-NAME Dawit",
            "inquirer_name": "Saba",
            "inquirer_relation": "sister",
            "inquirer_phone": "+2917000000",
            "form_token": str(uuid.uuid4()),
        },
    )
    return MissingPersonReport.objects.get()


@pytest.mark.parametrize(
    "role,expected",
    [
        (Role.TRACING_OFFICER, True),
        (Role.HOTLINE_OPERATOR, False),
        (Role.CASEWORKER, False),
        (Role.FIRST_RESPONDER, False),
        (Role.DECISION_MAKER, False),
        (Role.ANALYST, False),
        (Role.ADMINISTRATOR, False),
    ],
)
def test_missing_relative_reports_are_read_only_by_tracing(
    cast, portal_missing_report, role, expected
):
    client = verified_client(cast[role])
    detail = client.get(f"/tracing/reports/{portal_missing_report.pk}/")
    listing = client.get("/tracing/reports/")
    seen = any(
        r.status_code == 200 and "SECRET-NAME" in r.content.decode() for r in (detail, listing)
    )
    assert seen is expected
