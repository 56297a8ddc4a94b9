"""Reads of persons, always through accounts.access, each one audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from haven.accounts import access
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.kernel.errors import ValidationFailed
from haven.people.domain.ranking import (
    CLOSE_YEARS,
    Agreement,
    Attribute,
    BirthYears,
    Criteria,
    Evidence,
    Record,
    compare,
    weight_of,
)
from haven.people.models import Person, Sex

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


MATCHED_ON_LABELS = {
    "name": pgettext_lazy("a person's", "name"),
    "phone": _("phone number"),
    "document": _("document number"),
}
EVIDENCE_LABELS = {
    (Attribute.BIRTH, Agreement.SAME_DATE): _("same date of birth"),
    (Attribute.BIRTH, Agreement.SAME): _("same birth year"),
    (Attribute.BIRTH, Agreement.CLOSE): _("birth year close"),
    (Attribute.BIRTH, Agreement.DIFFERENT): _("other birth year"),
    (Attribute.BIRTH, Agreement.UNKNOWN): _("birth not recorded"),
    (Attribute.SEX, Agreement.SAME): _("same sex"),
    (Attribute.SEX, Agreement.DIFFERENT): _("other sex"),
    (Attribute.SEX, Agreement.UNKNOWN): _("sex not recorded"),
    (Attribute.NATIONALITY, Agreement.SAME): _("same nationality"),
    (Attribute.NATIONALITY, Agreement.DIFFERENT): _("other nationality"),
    (Attribute.NATIONALITY, Agreement.UNKNOWN): _("nationality not recorded"),
}


@dataclass(frozen=True)
class RankingReason:
    """One comparison that moved a match up or down, in words."""

    attribute: str
    agreement: str
    weight: float
    label: str


@dataclass(frozen=True)
class PersonMatch:
    """``score`` is the name similarity; ``rank`` orders the results: the name, plus
    one for a phone or document number found, plus or minus what birth, sex and
    nationality say (``evidence``)."""

    person: PersonSummary
    score: float
    matched_on: tuple[str, ...]
    best_variant: str
    rank: float = 0.0
    evidence: tuple[Evidence, ...] = ()

    @property
    def matched_on_labels(self) -> list[str]:
        return [str(MATCHED_ON_LABELS.get(reason, reason)) for reason in self.matched_on]

    @property
    def reasons(self) -> list[RankingReason]:
        """Why the match ranks where it does, each reason in the active language."""
        return [
            RankingReason(
                attribute=item.attribute.value,
                agreement=item.agreement.value,
                weight=item.weight,
                label=str(EVIDENCE_LABELS[(item.attribute, item.agreement)]),
            )
            for item in self.evidence
        ]


def search_criteria(
    *,
    name: str = "",
    phone: str = "",
    document: str = "",
    birth_date: date | None = None,
    birth_year: int | None = None,
    age: int | None = None,
    sex: str = "",
    nationality: str = "",
    today: date | None = None,
) -> Criteria:
    """What ranks namesakes, checked: one of birth date, birth year or age; a known
    sex; a country code. They only rank, so a name, phone or document number must
    find the candidates."""
    from haven.people.validation import EARLIEST_BIRTH_YEAR, clean_countries, invalid

    today = today or timezone.localdate()
    given = [
        field
        for field, value in (("birth_date", birth_date), ("birth_year", birth_year), ("age", age))
        if value is not None
    ]
    if len(given) > 1:
        raise invalid(given[-1], _("Give a date of birth, a birth year or an age, not several."))
    years = None
    if birth_date is not None and (birth_date > today or birth_date.year < EARLIEST_BIRTH_YEAR):
        raise invalid("birth_date", _("The date of birth is not plausible."))
    if birth_year is not None:
        if not EARLIEST_BIRTH_YEAR <= birth_year <= today.year:
            raise invalid("birth_year", _("The birth year is not plausible."))
        years = BirthYears(birth_year, birth_year)
    if age is not None:
        if not 0 <= age <= today.year - EARLIEST_BIRTH_YEAR:
            raise invalid("age", _("The age is not plausible."))
        years = BirthYears.from_age(age, today)
    if sex and sex not in Sex.values:
        raise invalid("sex", _("Not one of the allowed values."))
    code = clean_countries("nationality", [nationality])[0] if nationality.strip() else ""
    criteria = Criteria(birth_date=birth_date, birth_years=years, sex=sex or "", nationality=code)
    if criteria.given and not (name.strip() or phone.strip() or document.strip()):
        raise ValidationFailed.for_field(
            "name",
            _(
                "Give a name, phone or document number: birth, sex and nationality only "
                "order the persons found."
            ),
        )
    return criteria


def _record_of(person: Person, with_birth_date: bool) -> Record:
    birth_date = None
    if with_birth_date and person.birth_date:
        try:
            birth_date = date.fromisoformat(person.birth_date)
        except ValueError:
            birth_date = None
    years = None
    if person.birth_year_min is not None and person.birth_year_max is not None:
        years = BirthYears(
            min(person.birth_year_min, person.birth_year_max),
            max(person.birth_year_min, person.birth_year_max),
        )
    return Record(
        birth_date=birth_date,
        birth_years=years,
        sex=person.sex or "",
        nationalities=tuple(person.nationalities or ()),
    )


def _agreement(criteria: Criteria | None) -> Any:
    """An SQL expression over a name key's person: how many of the criteria the
    person's record agrees with (2 each), is silent on (1) or contradicts (0). It
    only picks which namesakes are scored when there are more than can be; the
    scoring itself is ranking.compare."""
    from django.db.models import Case, IntegerField, Q, TextField, Value, When
    from django.db.models.functions import Cast
    from django.db.models.lookups import Contains, Exact

    if criteria is None or not criteria.given:
        return None
    terms = []
    years = criteria.years
    if years is not None:
        terms.append(
            Case(
                When(person__birth_year_min__isnull=True, then=Value(1)),
                When(
                    Q(person__birth_year_min__lte=years.latest)
                    & Q(person__birth_year_max__gte=years.earliest),
                    then=Value(3),
                ),
                When(
                    Q(person__birth_year_min__lte=years.latest + CLOSE_YEARS)
                    & Q(person__birth_year_max__gte=years.earliest - CLOSE_YEARS),
                    then=Value(2),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    if criteria.sex and criteria.sex != Sex.UNKNOWN:
        terms.append(
            Case(
                When(person__sex=criteria.sex, then=Value(2)),
                When(person__sex__in=["", Sex.UNKNOWN], then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    if criteria.nationality:
        codes = Cast("person__nationalities", output_field=TextField())
        terms.append(
            Case(
                When(Contains(codes, f'"{criteria.nationality}"'), then=Value(2)),
                When(Exact(codes, "[]"), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    total = terms[0]
    for term in terms[1:]:
        total = total + term
    return total


def _sharing_pair_keys(
    visible: Any, digests: list[str], agreement: Any = None
) -> tuple[list[str], bool]:
    """Visible persons sharing the most pair keys first, and whether the
    ranking was cut short. Ranking the key rows alone is cheap (the index holds
    them); checking access on each of thousands of rows was not, so the check
    runs on the best ranked only, until enough are found. Among persons sharing
    as many keys (namesakes), those whose record agrees with the search
    criteria come first (``agreement``)."""
    from django.db.models import Count

    from haven.people.models import PersonNameKey

    keys = (
        PersonNameKey.objects.filter(digest__in=digests)
        .values("person_id")
        .annotate(hits=Count("person_id"))
    )
    if agreement is None:
        keys = keys.order_by("-hits")
    else:
        keys = keys.annotate(agreement=agreement).order_by("-hits", "-agreement")
    ranked = [
        str(person_id) for person_id in keys.values_list("person_id", flat=True)[:PAIR_RANKED]
    ]
    found: list[str] = []
    for start in range(0, len(ranked), VISIBILITY_BATCH):
        batch = ranked[start : start + VISIBILITY_BATCH]
        allowed = {str(pk) for pk in visible.filter(pk__in=batch).values_list("pk", flat=True)}
        found += [person_id for person_id in batch if person_id in allowed]
        if len(found) >= NAME_CANDIDATES:
            break
    return found[:NAME_CANDIDATES], len(ranked) == PAIR_RANKED


def _sharing_keys_visible_first(
    visible: Any, digests: list[str], agreement: Any = None
) -> list[str]:
    """Visible persons sharing the most of these keys first, reading at most
    NAME_KEY_ROWS visible rows per key; with ``agreement``, the rows of persons
    agreeing with the criteria are read first (for pair keys only: ordering the
    rows of a frequent given name would read all of them)."""
    from collections import Counter

    from haven.people.models import PersonNameKey

    hits: Counter[str] = Counter()
    for digest in digests:
        rows = PersonNameKey.objects.filter(digest=digest, person__in=visible)
        if agreement is not None:
            rows = rows.annotate(agreement=agreement).order_by("-agreement")
        hits.update(
            str(person_id) for person_id in rows.values_list("person_id", flat=True)[:NAME_KEY_ROWS]
        )
    return [person_id for person_id, _count in hits.most_common(NAME_CANDIDATES)]


def _name_candidates(visible: Any, name: str, criteria: Criteria | None = None) -> list[str]:
    """Ids of visible persons sharing name keys with ``name``, most keys shared
    first, then (among namesakes) those agreeing with ``criteria``. Pair keys
    (two parts of the name together) are looked up first; token keys only when
    the pairs found fewer than NAME_CANDIDATES persons (a single-token query, a
    name part spelled unlike any stored spelling)."""
    from haven.people import indexing

    agreement = _agreement(criteria)
    pairs, tokens = indexing.name_lookup_digests(name)
    candidates: list[str] = []
    if pairs:
        candidates, cut_short = _sharing_pair_keys(visible, pairs, agreement)
        if cut_short and len(candidates) < NAME_CANDIDATES:
            # Namesakes abound but few are visible (a small agency in a large
            # register): look for the visible ones directly.
            candidates = _sharing_keys_visible_first(visible, pairs, agreement)
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
    birth_date: date | None = None,
    birth_year: int | None = None,
    age: int | None = None,
    sex: str = "",
    nationality: str = "",
    limit: int = 20,
) -> list[PersonMatch]:
    """Persons the actor may see who may be the one being registered, best
    first: by name across scripts and spellings, and exactly by phone or
    document number. A date of birth, a birth year or an age, the sex and a
    nationality rank namesakes (ranking.py) and never leave anyone out; each
    match says how they compared. The query itself is never stored or logged."""
    from haven.people import indexing
    from haven.people.domain.names import name_similarity_to
    from haven.people.models import PersonIdentifierKey

    criteria = search_criteria(
        name=name,
        phone=phone,
        document=document,
        birth_date=birth_date,
        birth_year=birth_year,
        age=age,
        sex=sex,
        nationality=nationality,
    )
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
    name_candidates = _name_candidates(visible, name, criteria) if name.strip() else []
    ids = set(matched) | set(name_candidates)
    if not ids:
        return []
    # Only what the scoring and the summaries read (identity documents and
    # contact details stay sealed and untransferred).
    with_birth_date = criteria.birth_date is not None
    fields = (*SEARCHED_FIELDS, "birth_date") if with_birth_date else SEARCHED_FIELDS
    persons = visible.filter(pk__in=ids).only(*fields)
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
        evidence = compare(criteria, _record_of(person, with_birth_date))
        ranking = round(score + (1.0 if identifiers else 0.0) + weight_of(evidence), 3)
        results.append((ranking, person, round(score, 3), tuple(sorted(reasons)), best, evidence))
    # Ties (namesakes the criteria cannot tell apart) in a fixed order.
    results.sort(key=lambda item: (-item[0], -item[2], str(item[1].pk)))
    # Summaries (labels, display names) only for what is returned.
    found = [
        PersonMatch(summary_of(person), score, reasons, best, ranking, evidence)
        for ranking, person, score, reasons, best, evidence in results[:limit]
    ]
    if found:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action=AuditAction.READ,
                object_type="person",
                fields=(*LISTED_FIELDS, "birth_date") if with_birth_date else LISTED_FIELDS,
                detail={"search": True, "listed": [match.person.id for match in found]},
            )
    return found
