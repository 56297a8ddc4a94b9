"""Tracing writes: found and deceased records, linkage runs that propose
candidates, human review, and disclosure gated by the found person's consent
(IPU-145 op.12: search for the disappeared, identify the dead, re-establish
family links)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pycountry
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haven.accounts import access
from haven.accounts.roles import Permission
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.kernel.errors import PermissionDenied, ValidationFailed
from haven.tracing.domain import records as linkage_records
from haven.tracing.domain.engine import link
from haven.tracing.models import (
    CandidateStatus,
    FoundKind,
    FoundRecord,
    MatchCandidate,
    MissingPersonReport,
    ReportStatus,
)

NO_CONSENT = _(
    "The person found has not agreed to their whereabouts being shared. Ask them "
    "first, and record their consent."
)
NOT_CONFIRMED = _("Only a confirmed match can lead to sharing whereabouts.")
DECEASED_HAS_NO_WHEREABOUTS = _(
    "A deceased person's record has no whereabouts to share; "
    "inform the family through the agreed procedure."
)
FOUND_BEFORE_MISSING = _("A person cannot be found before they went missing.")


def _invalid(field: str, message: Any) -> ValidationFailed:
    return ValidationFailed.for_field(field, message)


@transaction.atomic
def found_record_create(
    *,
    actor: Any,
    kind: str,
    found_on: date,
    names: dict[str, Any],
    sex: str = "",
    age: int | None = None,
    nationality: str = "",
    place: str = "",
    route_position: str = "",
    description: str = "",
    personal_effects: str = "",
    whereabouts: str = "",
) -> FoundRecord:
    access.require_permission(actor, Permission.TRACING_RECORD)
    if kind not in FoundKind.values:
        raise _invalid("kind", _("Choose alive or deceased."))
    if found_on > timezone.localdate():
        raise _invalid("found_on", _("This date is in the future."))
    if nationality and pycountry.countries.get(alpha_2=nationality.upper()) is None:
        raise _invalid("nationality", _("Unknown country code: use ISO 3166-1 alpha-2."))
    if not (names.get("original") or names.get("latin") or description):
        raise _invalid("names", _("Give a name or, if unknown, a description."))
    now = timezone.now()
    record = FoundRecord(
        kind=kind,
        agency_id=actor.agency_id,
        created_by=actor,
        found_on=found_on,
        names=names,
        sex=sex,
        age=age,
        nationality=nationality.upper(),
        place=place,
        route_position=route_position,
        description=description,
        personal_effects=personal_effects,
        whereabouts=whereabouts if kind == FoundKind.ALIVE else "",
        created_at=now,
        updated_at=now,
    )
    record.save(force_insert=True)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="found_record",
        object_id=record.pk,
        fields=["names", "place", "description", "whereabouts"],
    )
    return record


@transaction.atomic
def found_consent_record(*, actor: Any, found_id: object, given_on: date) -> FoundRecord:
    """The found person agreed that their family may be told where they are."""
    access.require_permission(actor, Permission.TRACING_RECORD)
    record = access.access_found_record_by_id(actor, found_id)
    if given_on > timezone.localdate():
        raise _invalid("given_on", _("This date is in the future."))
    record.consents_to_family_contact_on = given_on
    record.save(update_fields=["consents_to_family_contact_on"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="found_record",
        object_id=record.pk,
        fields=["consents_to_family_contact_on"],
    )
    return record


# --- linkage -----------------------------------------------------------------


def _alpha3(alpha2: str) -> tuple[str, ...]:
    country = pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None
    return (country.alpha_3,) if country else ()


def _names(names: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = names or {}
    latin = tuple(n for n in [*(names.get("latin") or []), *(names.get("aliases") or [])] if n)
    original = names.get("original")
    if isinstance(original, dict):
        original = original.get("text")
    return latin, ((original,) if original else ())


def _partial(day: date | None) -> linkage_records.PartialDate | None:
    return linkage_records.PartialDate(day.year, day.month, day.day) if day else None


def _sex(value: str) -> linkage_records.Sex | None:
    return {
        "female": linkage_records.Sex.FEMALE,
        "male": linkage_records.Sex.MALE,
        "other": linkage_records.Sex.OTHER,
    }.get(value or "")


def report_as_record(report: MissingPersonReport) -> linkage_records.LinkageRecord:
    latin, original = _names(report.names)
    return linkage_records.LinkageRecord(
        id=str(report.pk),
        names_latin=latin,
        names_original=original,
        sex=_sex(report.sex),
        age=linkage_records.AgeEstimate(report.age, report.age) if report.age is not None else None,
        age_date=_partial(report.received_at.date()),
        nationality=_alpha3(report.nationality),
        place=report.last_place or None,
        route=tuple(p.strip() for p in (report.route or "").split(">") if p.strip()),
        event_date=_partial(report.last_contact_on or report.received_at.date()),
    )


def found_as_record(record: FoundRecord) -> linkage_records.LinkageRecord:
    latin, original = _names(record.names)
    return linkage_records.LinkageRecord(
        id=str(record.pk),
        names_latin=latin,
        names_original=original,
        sex=_sex(record.sex),
        age=linkage_records.AgeEstimate(record.age, record.age) if record.age is not None else None,
        nationality=_alpha3(record.nationality),
        place=record.place or None,
        route=tuple(p.strip() for p in (record.route_position or "").split(">") if p.strip()),
        event_date=_partial(record.found_on),
    )


def linkage_run(
    *,
    actor: Any,
    top_k: int = 10,
    threshold: float = 0.01,
    progress: Callable[..., None] | None = None,
) -> int:
    """Propose candidates for the open reports of the actor's agency among its
    found and deceased records. Reviewed pairs train the model and are never
    proposed again; nothing is merged or disclosed."""
    access.require_permission(actor, Permission.TRACING_RECORD)
    reports = list(
        access.missing_reports_visible_to(actor).exclude(
            status__in=[ReportStatus.CLOSED, ReportStatus.FOUND_ALIVE, ReportStatus.FOUND_DECEASED]
        )
    )
    found = list(access.found_records_visible_to(actor))
    reviewed = MatchCandidate.objects.filter(report__in=reports).exclude(
        status=CandidateStatus.PROPOSED
    )
    labelled = [
        (str(c.report_id), str(c.found_id), c.status == CandidateStatus.CONFIRMED) for c in reviewed
    ]
    candidates = link(
        [report_as_record(r) for r in reports],
        [found_as_record(f) for f in found],
        top_k=top_k,
        threshold=threshold,
        labelled_pairs=labelled or None,
        progress=progress,
    )
    settled = {(str(c.report_id), str(c.found_id)) for c in reviewed}
    now = timezone.now()
    with transaction.atomic():
        MatchCandidate.objects.filter(report__in=reports, status=CandidateStatus.PROPOSED).delete()
        rows = [
            MatchCandidate(
                report_id=candidate.left_id,
                found_id=candidate.right_id,
                match_probability=candidate.match_probability,
                match_weight=candidate.match_weight,
                rank=candidate.rank,
                explanation=[
                    {
                        "attribute": e.attribute,
                        "level": e.level,
                        "match_weight": round(e.match_weight, 3),
                    }
                    for e in candidate.explanation
                ],
                proposed_at=now,
            )
            for candidate in candidates
            if (candidate.left_id, candidate.right_id) not in settled
        ]
        MatchCandidate.objects.bulk_create(rows)
        audit_record(
            actor=actor,
            action=AuditAction.READ,
            object_type="linkage_run",
            fields=["names", "birth", "sex", "nationality", "place"],
            detail={"reports": len(reports), "found": len(found), "candidates": len(rows)},
        )
    return len(rows)


@transaction.atomic
def candidate_review(
    *, actor: Any, candidate_id: object, decision: str, note: str = ""
) -> MatchCandidate:
    """A tracing officer's decision on a candidate: confirm, reject (never
    proposed again) or ask for more information."""
    access.require_permission(actor, Permission.TRACING_RECORD)
    candidate = access.access_candidate_by_id(actor, candidate_id)
    if decision not in (
        CandidateStatus.CONFIRMED,
        CandidateStatus.REJECTED,
        CandidateStatus.MORE_INFORMATION,
    ):
        raise _invalid("decision", _("Choose confirm, reject or more information."))
    if decision == CandidateStatus.CONFIRMED and (
        candidate.found.found_on < (candidate.report.last_contact_on or date.min)
    ):
        raise _invalid("decision", FOUND_BEFORE_MISSING)
    candidate.status = decision
    candidate.reviewed_by = actor
    candidate.reviewed_at = timezone.now()
    candidate.review_note = note
    candidate.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
    report = candidate.report
    if decision == CandidateStatus.CONFIRMED:
        report.status = (
            ReportStatus.FOUND_DECEASED
            if candidate.found.kind == FoundKind.DECEASED
            else ReportStatus.FOUND_ALIVE
        )
    elif decision == CandidateStatus.MORE_INFORMATION:
        report.status = ReportStatus.MATCH_UNDER_REVIEW
    report.updated_at = timezone.now()
    report.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="match_candidate",
        object_id=candidate.pk,
        fields=["status", "review_note"],
        detail={"decision": decision},
    )
    return candidate


@transaction.atomic
def whereabouts_disclose(*, actor: Any, candidate_id: object) -> str:
    """Where the found person is, for telling the family: only for a confirmed
    match of a living person who consented. Every disclosure is audited."""
    access.require_permission(actor, Permission.TRACING_RECORD)
    candidate = access.access_candidate_by_id(actor, candidate_id)
    if candidate.status != CandidateStatus.CONFIRMED:
        raise PermissionDenied(str(NOT_CONFIRMED))
    if candidate.found.kind != FoundKind.ALIVE:
        raise PermissionDenied(str(DECEASED_HAS_NO_WHEREABOUTS))
    if candidate.found.consents_to_family_contact_on is None:
        raise PermissionDenied(str(NO_CONSENT))
    candidate.disclosed_at = timezone.now()
    candidate.save(update_fields=["disclosed_at"])
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        object_type="match_candidate",
        object_id=candidate.pk,
        fields=["whereabouts"],
        detail={"report": str(candidate.report_id)},
    )
    return candidate.found.whereabouts
