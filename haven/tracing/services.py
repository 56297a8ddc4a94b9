"""Tracing writes: found and deceased records, linkage runs that propose
candidates, human review, and disclosure gated by the found person's consent
(IPU-145 op.12: search for the disappeared, identify the dead, re-establish
family links)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
from haven.platform.concurrency import save_versioned
from haven.tracing.domain.engine import link
from haven.tracing.linkage import explanation_data, found_as_record, report_as_record
from haven.tracing.models import (
    CandidateStatus,
    FoundKind,
    FoundRecord,
    MatchCandidate,
    PersonDuplicateCandidate,
    PersonDuplicateReview,
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
                explanation=explanation_data(candidate),
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


# --- de-duplication of persons ----------------------------------------------

# Pairs at or above this probability are proposed for review. Lower than the
# engine's default for unattended clustering (0.9): a person decides, so near
# misses (Hassan / Hussein Ahmed, same birth year) are shown to be rejected.
DUPLICATE_REVIEW_THRESHOLD = 0.5
# What the search reads of each person: names, sex, birth, nationalities (and the
# blind indexes of document and phone numbers, from PersonIdentifierKey).
PERSON_FIELDS_COMPARED = (
    "names",
    "sex",
    "birth_date",
    "birth_year_min",
    "birth_year_max",
    "age_estimated_on",
    "nationalities",
    "created_at",
)
REVIEW_DECISIONS = (
    CandidateStatus.CONFIRMED,
    CandidateStatus.REJECTED,
    CandidateStatus.MORE_INFORMATION,
)
DECISION_REQUIRED = _("Choose: same person, not the same person, or more information needed.")
REASON_REQUIRED = _("Write the reason for your decision.")
BAD_THRESHOLD = _("The threshold is a probability between 0 and 1.")


@dataclass(frozen=True)
class DuplicateSearch:
    """What a search for duplicates did, in counts only."""

    persons: int
    proposed: int
    refreshed: int
    withdrawn: int


def _ordered(left: str, right: str) -> tuple[str, str]:
    return (left, right) if left < right else (right, left)


def _identifier_keys_of(persons: Any) -> dict[Any, list[tuple[str, str]]]:
    """The blind indexes of the persons' document and phone numbers, by person:
    linkage compares these digests, never the numbers (which stay encrypted)."""
    from haven.people.models import PersonIdentifierKey

    keys: dict[Any, list[tuple[str, str]]] = {}
    rows = PersonIdentifierKey.objects.filter(person__in=persons.values("pk")).values_list(
        "person_id", "kind", "digest"
    )
    for person_id, kind, digest in rows.iterator(5000):
        keys.setdefault(person_id, []).append((kind, digest))
    return keys


def person_duplicates_find(
    *,
    actor: Any,
    threshold: float = DUPLICATE_REVIEW_THRESHOLD,
    progress: Callable[..., None] | None = None,
) -> DuplicateSearch:
    """Look for persons registered more than once and propose the pairs for
    review (IPU-118 op.9, IPU-145 op.14: reliable data count a person once).

    ``actor`` None is the system (``haven persons dedupe``, run by an operator):
    it compares every person of every agency, so pairs across agencies are
    found. A user compares only the persons they may open (access.py), so a
    search never tells them anything about anyone else's register.

    Idempotent and safe to run concurrently: a pair is stored once (ordered,
    unique), a decided pair (confirmed, rejected, more information asked) is
    never proposed again nor changed, and reviewed pairs train the model. A
    proposed pair the model no longer proposes is withdrawn. Nothing is merged.
    """
    from haven.people.models import Person
    from haven.tracing.domain.engine import dedupe
    from haven.tracing.linkage import person_as_record

    if isinstance(threshold, bool) or not 0.0 <= float(threshold) <= 1.0:
        raise _invalid("threshold", BAD_THRESHOLD)
    if actor is None:
        persons = Person.objects.all()
    else:
        access.require_permission(actor, Permission.PERSON_DEDUPLICATE)
        persons = access.persons_for_deduplication(actor).distinct()
    identifier_keys = _identifier_keys_of(persons)
    records = [
        person_as_record(person, identifier_keys.get(person.pk, ()))
        for person in persons.only(*PERSON_FIELDS_COMPARED).order_by("pk").iterator(2000)
    ]
    in_scope = {record.id for record in records}

    def scoped(queryset: Any) -> list[tuple[str, str, str, Any]]:
        rows = queryset.values_list("person_a_id", "person_b_id", "status", "pk")
        return [
            (str(a), str(b), status, pk)
            for a, b, status, pk in rows.iterator(5000)
            if str(a) in in_scope and str(b) in in_scope
        ]

    pairs = PersonDuplicateCandidate.objects.all()
    if actor is not None:
        pairs = access.person_duplicates_visible_to(actor)
    known = scoped(pairs)
    decided = {(a, b) for a, b, status, _pk in known if status != CandidateStatus.PROPOSED}
    labelled = [
        (a, b, status == CandidateStatus.CONFIRMED)
        for a, b, status, _pk in known
        if status in (CandidateStatus.CONFIRMED, CandidateStatus.REJECTED)
    ]
    proposed_before = {
        (a, b): pk for a, b, status, pk in known if status == CandidateStatus.PROPOSED
    }
    links = []
    if len(records) >= 2:
        clusters = dedupe(
            records, threshold=threshold, labelled_pairs=labelled or None, progress=progress
        )
        links = [link for cluster in clusters for link in cluster.links]
    now = timezone.now()
    new_rows, refreshed_rows, still_proposed = [], [], set()
    for candidate in links:
        pair = _ordered(candidate.left_id, candidate.right_id)
        if pair in decided or pair in still_proposed:
            continue
        still_proposed.add(pair)
        values = {
            "match_probability": candidate.match_probability,
            "match_weight": candidate.match_weight,
            "explanation": explanation_data(candidate),
        }
        if pair in proposed_before:
            refreshed_rows.append(
                PersonDuplicateCandidate(pk=proposed_before[pair], refreshed_at=now, **values)
            )
        else:
            new_rows.append(
                PersonDuplicateCandidate(
                    person_a_id=pair[0],
                    person_b_id=pair[1],
                    proposed_at=now,
                    refreshed_at=now,
                    **values,
                )
            )
    withdrawn = [pk for pair, pk in proposed_before.items() if pair not in still_proposed]
    with transaction.atomic():
        # A concurrent search may have stored the same new pair: it is kept once.
        PersonDuplicateCandidate.objects.bulk_create(
            new_rows, batch_size=1000, ignore_conflicts=True
        )
        new_ids = [row.pk for row in new_rows]
        created = sum(
            PersonDuplicateCandidate.objects.filter(pk__in=new_ids[start : start + 1000]).count()
            for start in range(0, len(new_ids), 1000)
        )
        # Scores only: a decision taken meanwhile is never overwritten.
        PersonDuplicateCandidate.objects.bulk_update(
            refreshed_rows,
            ["match_probability", "match_weight", "explanation", "refreshed_at"],
            batch_size=1000,
        )
        removed = 0
        for start in range(0, len(withdrawn), 1000):
            removed += PersonDuplicateCandidate.objects.filter(
                pk__in=withdrawn[start : start + 1000], status=CandidateStatus.PROPOSED
            ).delete()[0]
        result = DuplicateSearch(
            persons=len(records),
            proposed=created,
            refreshed=len(refreshed_rows),
            withdrawn=removed,
        )
        audit_record(
            actor=actor,
            action=AuditAction.READ,
            object_type="person_duplicate_search",
            fields=["names", "sex", "birth", "nationalities", "identifiers"],
            detail={
                "persons": result.persons,
                "proposed": result.proposed,
                "refreshed": result.refreshed,
                "withdrawn": result.withdrawn,
                "threshold": str(threshold),
            },
        )
    return result


@transaction.atomic
def person_duplicate_review(
    *,
    actor: Any,
    candidate_id: object,
    decision: str,
    reason: str,
    expected_version: int,
) -> PersonDuplicateCandidate:
    """A reviewer's decision on a possible duplicate, with its reason: the same
    person (a link is recorded; the two records are not merged), not the same
    person (never proposed again), or more information needed. Only someone who
    may open both persons can decide (access.py); a decision may be revisited,
    and every one is kept with its reason."""
    access.require_permission(actor, Permission.PERSON_DEDUPLICATE)
    candidate = access.access_person_duplicate_by_id(actor, candidate_id)
    if decision not in REVIEW_DECISIONS:
        raise _invalid("decision", DECISION_REQUIRED)
    reason = (reason or "").strip()
    if not reason:
        raise _invalid("reason", REASON_REQUIRED)
    now = timezone.now()
    candidate.status = decision
    candidate.reviewed_by = actor
    candidate.reviewed_at = now
    candidate.review_reason = reason
    save_versioned(
        candidate,
        expected_version=expected_version,
        fields=["status", "reviewed_by", "reviewed_at", "review_reason"],
    )
    PersonDuplicateReview(
        candidate=candidate, decision=decision, reason=reason, reviewer=actor, decided_at=now
    ).save(force_insert=True)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="person_duplicate",
        object_id=candidate.pk,
        fields=["status", "review_reason"],
        detail={
            "decision": decision,
            "persons": [str(candidate.person_a_id), str(candidate.person_b_id)],
        },
    )
    return candidate
