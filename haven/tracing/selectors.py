"""Reads of possible duplicate persons, always through accounts.access, each
one audited; and the clusters of persons confirmed to be one, so statistics
count a person once (IPU-118 op.9, IPU-145 op.14)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import transaction

from haven.accounts import access
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.tracing.models import CandidateStatus, PersonDuplicateCandidate

PAGE_SIZE = 25
# What the queue shows of each person, and the review page besides.
LISTED_FIELDS = ("names", "sex", "birth_year_min", "birth_year_max", "nationalities")
REVIEWED_FIELDS = ("names", "sex", "birth_date", "nationalities")
QUEUE_STATUSES = tuple(CandidateStatus.values)


@dataclass(frozen=True)
class PersonSide:
    """One person of a pair, as the reviewer compares them."""

    id: str
    display_name: str
    original_name: str
    original_script: str
    latin_names: tuple[str, ...]
    aliases: tuple[str, ...]
    sex: str
    sex_label: str
    birth_date: str
    birth_years: tuple[int | None, int | None]
    nationalities: tuple[str, ...]
    agency: str
    registered_on: date


@dataclass(frozen=True)
class Evidence:
    attribute: str
    level: str
    match_weight: float


@dataclass(frozen=True)
class Decision:
    decision: str
    decision_label: str
    reason: str
    reviewer: str
    decided_at: datetime


@dataclass(frozen=True)
class DuplicatePair:
    id: str
    status: str
    status_label: str
    match_probability: float
    match_weight: float
    explanation: tuple[Evidence, ...]
    person_a: PersonSide
    person_b: PersonSide
    same_agency: bool
    proposed_at: datetime
    reviewed_at: datetime | None
    version: int
    decisions: tuple[Decision, ...] = ()


def _side(person: Any, *, detailed: bool) -> PersonSide:
    names = person.names or {}
    original = names.get("original") or {}
    if not isinstance(original, dict):
        original = {"text": str(original)}
    return PersonSide(
        id=str(person.pk),
        display_name=person.display_name,
        original_name=original.get("text", ""),
        original_script=original.get("script", ""),
        latin_names=tuple(names.get("latin") or ()),
        aliases=tuple(names.get("aliases") or ()),
        sex=person.sex,
        sex_label=str(person.get_sex_display()),
        birth_date=(person.birth_date or "") if detailed else "",
        birth_years=(person.birth_year_min, person.birth_year_max),
        nationalities=tuple(person.nationalities or ()),
        agency=person.agency.name,
        registered_on=person.created_at.date(),
    )


def _pair(candidate: PersonDuplicateCandidate, *, detailed: bool) -> DuplicatePair:
    decisions: tuple[Decision, ...] = ()
    if detailed:
        decisions = tuple(
            Decision(
                decision=review.decision,
                decision_label=str(review.get_decision_display()),
                reason=review.reason or "",
                reviewer=review.reviewer.get_username(),
                decided_at=review.decided_at,
            )
            for review in candidate.reviews.select_related("reviewer").order_by("decided_at")
        )
    return DuplicatePair(
        id=str(candidate.pk),
        status=candidate.status,
        status_label=str(candidate.get_status_display()),
        match_probability=candidate.match_probability,
        match_weight=candidate.match_weight,
        explanation=tuple(
            Evidence(
                attribute=str(item.get("attribute", "")),
                level=str(item.get("level", "")),
                match_weight=float(item.get("match_weight", 0.0)),
            )
            for item in candidate.explanation or []
        ),
        person_a=_side(candidate.person_a, detailed=detailed),
        person_b=_side(candidate.person_b, detailed=detailed),
        same_agency=candidate.person_a.agency_id == candidate.person_b.agency_id,
        proposed_at=candidate.proposed_at,
        reviewed_at=candidate.reviewed_at,
        version=candidate.version,
        decisions=decisions,
    )


def duplicate_page(
    *,
    actor: Any,
    status: str = CandidateStatus.PROPOSED,
    page_number: object = 1,
    page_size: int = PAGE_SIZE,
) -> Page:
    """The review queue: pairs whose both persons the actor may open, most
    probable first. An unknown status lists the pairs to review. The names
    shown are a read of both persons: their ids are audited."""
    if status not in QUEUE_STATUSES:
        status = CandidateStatus.PROPOSED
    queryset = (
        access.person_duplicates_visible_to(actor)
        .filter(status=status)
        .select_related("person_a__agency", "person_b__agency")
        .order_by("-match_probability", "pk")
    )
    page = Paginator(queryset, page_size).get_page(page_number)
    pairs = [_pair(candidate, detailed=False) for candidate in page.object_list]
    page.object_list = pairs
    if pairs:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action=AuditAction.READ,
                object_type="person",
                fields=LISTED_FIELDS,
                detail={
                    "duplicates": [pair.id for pair in pairs],
                    "listed": sorted(
                        {pair.person_a.id for pair in pairs} | {pair.person_b.id for pair in pairs}
                    ),
                },
            )
    return page


def duplicate_counts(*, actor: Any) -> dict[str, int]:
    """How many pairs the actor may see, by status (their own scope only)."""
    from django.db.models import Count

    counts = dict.fromkeys(QUEUE_STATUSES, 0)
    for row in (
        access.person_duplicates_visible_to(actor)
        .order_by()
        .values("status")
        .annotate(count=Count("pk"))
    ):
        counts[row["status"]] = row["count"]
    return counts


def duplicate_get(*, actor: Any, candidate_id: object) -> DuplicatePair:
    """One pair side by side, for review. Raises NotFound, like a missing pair,
    unless the actor may open both persons. Reading it is audited for both."""
    candidate = access.access_person_duplicate_by_id(actor, candidate_id)
    pair = _pair(candidate, detailed=True)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.READ,
            object_type="person_duplicate",
            object_id=candidate.pk,
            fields=("status", "review_reason", "explanation"),
            detail={"persons": [pair.person_a.id, pair.person_b.id]},
        )
        for side in (pair.person_a, pair.person_b):
            audit_record(
                actor=actor,
                action=AuditAction.READ,
                object_type="person",
                object_id=side.id,
                fields=REVIEWED_FIELDS,
                detail={"duplicate": pair.id},
            )
    return pair


# --- counting each person once ----------------------------------------------


def _components(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, ...]]:
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in pairs:
        a, b = root(left), root(right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for node in parent:
        groups.setdefault(root(node), []).append(node)
    return sorted(tuple(sorted(group)) for group in groups.values())


def confirmed_person_clusters(*, actor: Any = None) -> list[tuple[str, ...]]:
    """Groups of person ids that reviewers confirmed to be one person
    (connected components of the confirmed links), each sorted, two persons or
    more; a person in no group is counted alone. For the analytics snapshot:
    ids only, never a name.

    ``actor`` None is the system (the snapshot job) and sees every confirmed
    link; a user sees only the links between persons they may open."""
    links = PersonDuplicateCandidate.objects.filter(status=CandidateStatus.CONFIRMED)
    if actor is not None:
        links = access.person_duplicates_visible_to(actor).filter(status=CandidateStatus.CONFIRMED)
    return _components(
        (str(a), str(b)) for a, b in links.values_list("person_a_id", "person_b_id").iterator()
    )


def distinct_person_count(person_ids: Iterable[object], *, actor: Any = None) -> int:
    """How many different people ``person_ids`` are once confirmed duplicates
    count once: the number of clusters they fall in."""
    ids = {str(person_id) for person_id in person_ids}
    cluster_of: dict[str, str] = {}
    for cluster in confirmed_person_clusters(actor=actor):
        for person_id in cluster:
            cluster_of[person_id] = cluster[0]
    return len({cluster_of.get(person_id, person_id) for person_id in ids})
