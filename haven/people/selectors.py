"""Reads of persons, always through accounts.access, each one audited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import transaction

from haven.accounts import access
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.people.models import Person

PAGE_SIZE = 25
LISTED_FIELDS = ("names", "sex", "birth_year_min", "birth_year_max", "nationalities")
# What person_search reads of each candidate: the names and a summary.
SEARCHED_FIELDS = ("version", *LISTED_FIELDS)


@dataclass(frozen=True)
class PersonSummary:
    id: str
    display_name: str
    original_name: str
    sex: str
    sex_label: str
    birth_years: tuple[int | None, int | None]
    nationalities: tuple[str, ...]
    version: int


def summary_of(person: Person) -> PersonSummary:
    return PersonSummary(
        id=str(person.pk),
        display_name=person.display_name,
        original_name=person.original_name,
        sex=person.sex,
        sex_label=str(person.get_sex_display()),
        birth_years=(person.birth_year_min, person.birth_year_max),
        nationalities=tuple(person.nationalities),
        version=person.version,
    )


def person_page(*, actor: Any, page_number: object = 1, page_size: int = PAGE_SIZE) -> Page:
    """One page of the persons the actor may see, newest first. Names shown on a
    list are a read of personal data: the page's ids are audited."""
    queryset = access.persons_visible_to(actor).order_by("-created_at", "pk")
    page = Paginator(queryset, page_size).get_page(page_number)
    summaries = [summary_of(person) for person in page.object_list]
    page.object_list = summaries
    if summaries:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action=AuditAction.READ,
                object_type="person",
                object_id="",
                fields=LISTED_FIELDS,
                detail={"listed": [summary.id for summary in summaries]},
            )
    return page


def person_get(*, actor: Any, person_id: object) -> Person:
    person = access.access_person_by_id(actor, person_id)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.READ,
            object_type="person",
            object_id=person.pk,
            fields=("names", "sex", "birth_date", "nationalities"),
        )
    return person


# --- search-before-create ----------------------------------------------------

NAME_CANDIDATES = 200
# Persons ranked by shared pair keys before the access check; the check then
# runs on them a batch at a time, best ranked first.
PAIR_RANKED = 1000
VISIBILITY_BATCH = 400
# Rows read per token key. A key thousands of persons share (a frequent given
# name on its own) is sampled rather than read whole: reading and counting all
# of them made a search cost as much as the commonest name in the register.
NAME_KEY_ROWS = 1000
MINIMUM_NAME_SCORE = 0.55


@dataclass(frozen=True)
class PersonMatch:
    person: PersonSummary
    score: float
    matched_on: tuple[str, ...]
    best_variant: str


def _sharing_pair_keys(visible: Any, digests: list[str]) -> tuple[list[str], bool]:
    """Visible persons sharing the most pair keys first, and whether the
    ranking was cut short. Ranking the key rows alone is cheap (the index holds
    them); checking access on each of thousands of rows was not, so the check
    runs on the best ranked only, until enough are found."""
    from django.db.models import Count

    from haven.people.models import PersonNameKey

    ranked = [
        str(person_id)
        for person_id in PersonNameKey.objects.filter(digest__in=digests)
        .values("person_id")
        .annotate(hits=Count("person_id"))
        .order_by("-hits")
        .values_list("person_id", flat=True)[:PAIR_RANKED]
    ]
    found: list[str] = []
    for start in range(0, len(ranked), VISIBILITY_BATCH):
        batch = ranked[start : start + VISIBILITY_BATCH]
        allowed = {str(pk) for pk in visible.filter(pk__in=batch).values_list("pk", flat=True)}
        found += [person_id for person_id in batch if person_id in allowed]
        if len(found) >= NAME_CANDIDATES:
            break
    return found[:NAME_CANDIDATES], len(ranked) == PAIR_RANKED


def _sharing_keys_visible_first(visible: Any, digests: list[str]) -> list[str]:
    """Visible persons sharing the most of these keys first, reading at most
    NAME_KEY_ROWS visible rows per key."""
    from collections import Counter

    from haven.people.models import PersonNameKey

    hits: Counter[str] = Counter()
    for digest in digests:
        hits.update(
            str(person_id)
            for person_id in PersonNameKey.objects.filter(
                digest=digest, person__in=visible
            ).values_list("person_id", flat=True)[:NAME_KEY_ROWS]
        )
    return [person_id for person_id, _count in hits.most_common(NAME_CANDIDATES)]


def _name_candidates(visible: Any, name: str) -> list[str]:
    """Ids of visible persons sharing name keys with ``name``, most keys shared
    first. Pair keys (two parts of the name together) are looked up first;
    token keys only when the pairs found fewer than NAME_CANDIDATES persons (a
    single-token query, a name part spelled unlike any stored spelling)."""
    from haven.people import indexing

    pairs, tokens = indexing.name_lookup_digests(name)
    candidates: list[str] = []
    if pairs:
        candidates, cut_short = _sharing_pair_keys(visible, pairs)
        if cut_short and len(candidates) < NAME_CANDIDATES:
            # Namesakes abound but few are visible (a small agency in a large
            # register): look for the visible ones directly.
            candidates = _sharing_keys_visible_first(visible, pairs)
    if len(candidates) < NAME_CANDIDATES and tokens:
        more = _sharing_keys_visible_first(visible, tokens)
        known = set(candidates)
        candidates += [person_id for person_id in more if person_id not in known]
    return candidates[:NAME_CANDIDATES]


def person_search(
    *,
    actor: Any,
    name: str = "",
    phone: str = "",
    document: str = "",
    limit: int = 20,
) -> list[PersonMatch]:
    """Persons the actor may see who may be the one being registered, best
    first: by name across scripts and spellings, and exactly by phone or
    document number. The query itself is never stored or logged."""
    from haven.people import indexing
    from haven.people.domain.names import name_similarity_to
    from haven.people.models import PersonIdentifierKey

    visible = access.persons_visible_to(actor)
    matched: dict[str, set[str]] = {}
    if phone.strip():
        digest = indexing.phone_digest(phone)
        for person_id in PersonIdentifierKey.objects.filter(
            kind="phone", digest=digest, person__in=visible
        ).values_list("person_id", flat=True)[:limit]:
            matched.setdefault(str(person_id), set()).add("phone")
    if document.strip():
        digest = indexing.document_digest(document)
        for person_id in PersonIdentifierKey.objects.filter(
            kind="document", digest=digest, person__in=visible
        ).values_list("person_id", flat=True)[:limit]:
            matched.setdefault(str(person_id), set()).add("document")
    name_candidates = _name_candidates(visible, name) if name.strip() else []
    ids = set(matched) | set(name_candidates)
    if not ids:
        return []
    # Only what the scoring and the summaries read (identity documents and
    # contact details stay sealed and untransferred).
    persons = visible.filter(pk__in=ids).only(*SEARCHED_FIELDS)
    # The query is normalised once; candidates often share a spelling, and each
    # distinct one is compared once.
    similarity_to_query = name_similarity_to(name)
    similarities: dict[str, float] = {}
    results = []
    for person in persons:
        identifiers = matched.get(str(person.pk), set())
        score, best = 0.0, ""
        if name.strip():
            for variant in indexing.name_variants(person.names):
                similarity = similarities.get(variant)
                if similarity is None:
                    similarity = similarities[variant] = similarity_to_query(variant)
                if similarity > score:
                    score, best = similarity, variant
        reasons = set(identifiers)
        if score >= MINIMUM_NAME_SCORE:
            reasons.add("name")
        if not reasons:
            continue
        ranking = score + (1.0 if identifiers else 0.0)
        results.append((ranking, person, round(score, 3), tuple(sorted(reasons)), best))
    results.sort(key=lambda item: -item[0])
    # Summaries (labels, display names) only for what is returned.
    found = [
        PersonMatch(summary_of(person), score, reasons, best)
        for _ranking, person, score, reasons, best in results[:limit]
    ]
    if found:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action=AuditAction.READ,
                object_type="person",
                fields=LISTED_FIELDS,
                detail={"search": True, "listed": [match.person.id for match in found]},
            )
    return found
