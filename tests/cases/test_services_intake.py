"""Intake: idempotent creation, triage into a new or existing case, closure."""

from __future__ import annotations

import pytest

from haven.accounts.roles import Role
from haven.cases import services
from haven.cases.models import Case
from haven.intake import services as intake_services
from haven.intake.models import Intake, IntakeStatus
from haven.kernel.errors import Conflict, NotFound, ValidationFailed


@pytest.fixture
def hotline(cast):  # type: ignore[no-untyped-def]
    return cast[Role.HOTLINE_OPERATOR]


def test_anonymous_hotline_intake_keeps_no_contact(hotline):
    intake = intake_services.intake_create(
        actor=hotline,
        channel="hotline",
        anonymous=True,
        contact={"phone": "+123"},
        account="Worked without pay.",
    )
    stored = Intake.objects.get(pk=intake.pk)
    assert stored.contact is None
    assert stored.account == "Worked without pay."
    assert stored.agency == hotline.agency


def test_first_responder_refers_to_a_service_provider(cast, agencies):
    responder = cast[Role.FIRST_RESPONDER]
    with pytest.raises(ValidationFailed):
        intake_services.intake_create(
            actor=responder, channel="first_responder", agency_id=agencies["police"].pk
        )
    intake = intake_services.intake_create(
        actor=responder, channel="first_responder", agency_id=agencies["hotline"].pk, detained=True
    )
    assert intake.referring_agency == agencies["police"]
    assert intake.agency == agencies["hotline"]


def test_triage_into_a_new_case_registers_the_person(hotline):
    intake = intake_services.intake_create(actor=hotline, channel="hotline", account="...")
    case = services.intake_open_case(
        actor=hotline,
        intake_id=intake.pk,
        expected_version=intake.version,
        new_person={"original_name": "يوسف", "name_script": "Arab", "latin_names": ["Youssef"]},
    )
    intake.refresh_from_db()
    assert intake.status == IntakeStatus.CASE_OPENED and intake.case == case
    assert case.person.names["latin"] == ["Youssef"]
    with pytest.raises(Conflict):
        services.intake_close(
            actor=hotline, intake_id=intake.pk, expected_version=intake.version, reason="other"
        )


def test_triage_of_a_detained_person_records_the_detention(cast, agencies, hotline):
    intake = intake_services.intake_create(
        actor=cast[Role.FIRST_RESPONDER],
        channel="first_responder",
        agency_id=agencies["hotline"].pk,
        detained=True,
    )
    case = services.intake_open_case(
        actor=hotline,
        intake_id=intake.pk,
        expected_version=intake.version,
        new_person={"original_name": "Tesfay"},
    )
    assert case.detentions.count() == 1
    assert case.obligations.filter(rule_id="consular-rights-information").exists()


def test_close_needs_a_reason_and_other_agencies_see_nothing(cast, hotline):
    intake = intake_services.intake_create(actor=hotline, channel="hotline")
    with pytest.raises(ValidationFailed):
        services.intake_close(
            actor=hotline, intake_id=intake.pk, expected_version=intake.version, reason="because"
        )
    with pytest.raises(NotFound):
        services.intake_close(
            actor=cast[Role.CASEWORKER],
            intake_id=intake.pk,
            expected_version=intake.version,
            reason="other",
        )
    services.intake_close(
        actor=hotline, intake_id=intake.pk, expected_version=intake.version, reason="unreachable"
    )
    assert Intake.objects.get(pk=intake.pk).status == IntakeStatus.CLOSED
    assert Case.objects.count() == 0
