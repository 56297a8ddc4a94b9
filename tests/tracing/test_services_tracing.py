"""Tracing: a missing report is linked to a found record across scripts, a
tracing officer reviews, rejections are remembered, and whereabouts are shared
only with the found person's consent."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from haven.accounts.roles import Role
from haven.audit.models import AuditEntry
from haven.kernel.errors import NotFound, PermissionDenied, ValidationFailed
from haven.tracing import services
from haven.tracing.models import MatchCandidate, MissingPersonReport, ReportStatus


@pytest.fixture
def tracer(cast):  # type: ignore[no-untyped-def]
    return cast[Role.TRACING_OFFICER]


@pytest.fixture
def report(agencies):  # type: ignore[no-untyped-def]
    now = timezone.now()
    report = MissingPersonReport(
        agency=agencies["tracing"],
        source="family",
        received_at=now,
        names={"original": "محمد عثمان", "latin": ["Mohamed Osman"]},
        sex="male",
        age=24,
        nationality="SD",
        last_contact_on=timezone.localdate() - timedelta(days=200),
        last_place="Kufra",
        route="Khartoum > Kufra",
        updated_at=now,
    )
    report.save(force_insert=True)
    return report


@pytest.fixture
def found(tracer):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    return {
        "match": services.found_record_create(
            actor=tracer,
            kind="alive",
            found_on=today - timedelta(days=30),
            names={"latin": ["Muhammad Othman"]},
            sex="male",
            age=25,
            nationality="SD",
            place="Kufra shelter",
            whereabouts="Shelter Al-Amal, room 4",
        ),
        "other": services.found_record_create(
            actor=tracer,
            kind="alive",
            found_on=today - timedelta(days=30),
            names={"latin": ["Tesfay Gebremariam"]},
            sex="male",
            age=40,
            nationality="ER",
            place="Tripoli",
        ),
    }


def test_linkage_proposes_the_true_match_first_with_an_explanation(tracer, report, found):
    proposed = services.linkage_run(actor=tracer)
    assert proposed >= 1
    best = MatchCandidate.objects.filter(report=report).order_by("rank").first()
    assert best.found == found["match"]
    assert best.rank == 1
    assert {item["attribute"] for item in best.explanation} >= {"names"}
    assert AuditEntry.objects.filter(object_type="linkage_run").exists()


def test_rejections_are_remembered_and_never_proposed_again(tracer, report, found):
    services.linkage_run(actor=tracer)
    best = MatchCandidate.objects.filter(report=report).order_by("rank").first()
    services.candidate_review(actor=tracer, candidate_id=best.pk, decision="rejected")
    services.linkage_run(actor=tracer)
    pair = MatchCandidate.objects.filter(report=report, found=best.found)
    assert pair.count() == 1 and pair.get().status == "rejected"


def test_whereabouts_need_confirmation_and_the_found_persons_consent(tracer, report, found):
    services.linkage_run(actor=tracer)
    best = MatchCandidate.objects.filter(report=report).order_by("rank").first()
    with pytest.raises(PermissionDenied):
        services.whereabouts_disclose(actor=tracer, candidate_id=best.pk)
    services.candidate_review(actor=tracer, candidate_id=best.pk, decision="confirmed")
    assert MissingPersonReport.objects.get(pk=report.pk).status == ReportStatus.FOUND_ALIVE
    with pytest.raises(PermissionDenied) as refusal:
        services.whereabouts_disclose(actor=tracer, candidate_id=best.pk)
    assert "agreed" in refusal.value.message
    services.found_consent_record(
        actor=tracer, found_id=best.found_id, given_on=timezone.localdate()
    )
    assert services.whereabouts_disclose(actor=tracer, candidate_id=best.pk) == (
        "Shelter Al-Amal, room 4"
    )
    assert AuditEntry.objects.filter(action="export", object_type="match_candidate").exists()


def test_a_person_cannot_be_found_before_going_missing(tracer, report, agencies):
    early = services.found_record_create(
        actor=tracer,
        kind="alive",
        found_on=date(2000, 1, 1),
        names={"latin": ["Mohamed Osman"]},
        sex="male",
        age=24,
        nationality="SD",
    )
    services.linkage_run(actor=tracer)
    # Never proposed by linkage…
    assert not MatchCandidate.objects.filter(report=report, found=early).exists()
    # …and refused by review even if such a pair were put in front of an officer.
    pair = MatchCandidate.objects.create(
        report=report,
        found=early,
        match_probability=0.9,
        match_weight=5.0,
        rank=1,
        proposed_at=timezone.now(),
    )
    with pytest.raises(ValidationFailed):
        services.candidate_review(actor=tracer, candidate_id=pair.pk, decision="confirmed")


def test_other_roles_cannot_review_or_disclose(cast, tracer, report, found):
    services.linkage_run(actor=tracer)
    best = MatchCandidate.objects.filter(report=report).first()
    for role in (Role.CASEWORKER, Role.FIRST_RESPONDER, Role.HOTLINE_OPERATOR):
        with pytest.raises((NotFound, PermissionDenied)):
            services.candidate_review(actor=cast[role], candidate_id=best.pk, decision="confirmed")
