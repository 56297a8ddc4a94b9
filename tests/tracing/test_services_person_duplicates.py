"""De-duplication of persons: a search proposes pairs with an explanation, a
reviewer who may open both persons decides with a reason, decided pairs are
never proposed again nor doubled, and confirmed links count a person once."""

from __future__ import annotations

import pytest

from haven.audit.models import AuditEntry
from haven.kernel.errors import NotFound, PermissionDenied, StaleVersion, ValidationFailed
from haven.tracing import selectors, services
from haven.tracing.models import PersonDuplicateCandidate, PersonDuplicateReview


def pair_of(first, second):  # type: ignore[no-untyped-def]
    a, b = sorted([str(first.pk), str(second.pk)])
    return PersonDuplicateCandidate.objects.get(person_a_id=a, person_b_id=b)


def test_a_search_proposes_the_person_registered_twice_with_an_explanation(
    caseworker, same_agency_twice
):
    result = services.person_duplicates_find(actor=caseworker)

    assert result.persons == 4
    assert result.proposed >= 1
    pair = pair_of(same_agency_twice["first"], same_agency_twice["second"])
    assert pair.status == "proposed"
    assert pair.match_probability >= services.DUPLICATE_REVIEW_THRESHOLD
    assert {item["attribute"] for item in pair.explanation} >= {"names", "birth", "sex"}
    assert str(pair.person_a_id) < str(pair.person_b_id)
    entry = AuditEntry.objects.filter(object_type="person_duplicate_search").latest("sequence")
    assert entry.actor_id == caseworker.pk
    assert entry.detail["persons"] == 4 and entry.detail["proposed"] == result.proposed


def test_a_second_search_never_doubles_a_pair(caseworker, same_agency_twice):
    services.person_duplicates_find(actor=caseworker)
    before = set(PersonDuplicateCandidate.objects.values_list("person_a", "person_b"))

    again = services.person_duplicates_find(actor=caseworker)

    assert again.proposed == 0
    assert again.refreshed == len(before)
    after = list(PersonDuplicateCandidate.objects.values_list("person_a", "person_b"))
    assert len(after) == len(set(after)) and set(after) == before


def test_a_rejected_pair_is_remembered_and_never_proposed_again(caseworker, same_agency_twice):
    services.person_duplicates_find(actor=caseworker)
    pair = pair_of(same_agency_twice["first"], same_agency_twice["second"])
    services.person_duplicate_review(
        actor=caseworker,
        candidate_id=pair.pk,
        decision="rejected",
        reason="Different fathers' names in the documents.",
        expected_version=pair.version,
    )

    services.person_duplicates_find(actor=caseworker)
    services.person_duplicates_find(actor=None)

    stored = PersonDuplicateCandidate.objects.filter(
        person_a=pair.person_a_id, person_b=pair.person_b_id
    )
    assert stored.count() == 1
    assert stored.get().status == "rejected"
    assert stored.get().review_reason == "Different fathers' names in the documents."


def test_confirming_records_a_link_and_merges_nothing(caseworker, same_agency_twice):
    services.person_duplicates_find(actor=caseworker)
    pair = pair_of(same_agency_twice["first"], same_agency_twice["second"])

    reviewed = services.person_duplicate_review(
        actor=caseworker,
        candidate_id=pair.pk,
        decision="confirmed",
        reason="Same phone number and same village of origin.",
        expected_version=pair.version,
    )

    assert reviewed.status == "confirmed" and reviewed.reviewed_by == caseworker
    from haven.people.models import Person

    assert Person.objects.filter(pk__in=[pair.person_a_id, pair.person_b_id]).count() == 2
    review = PersonDuplicateReview.objects.get(candidate=pair)
    assert review.decision == "confirmed" and review.reason.startswith("Same phone")
    entry = AuditEntry.objects.filter(object_type="person_duplicate", action="update").get()
    assert entry.object_id == str(pair.pk)
    assert entry.detail["decision"] == "confirmed"
    assert "Same phone" not in str(entry.detail)  # the reason stays out of the log


def test_more_information_then_a_decision_keeps_every_reason(caseworker, same_agency_twice):
    services.person_duplicates_find(actor=caseworker)
    pair = pair_of(same_agency_twice["first"], same_agency_twice["second"])
    asked = services.person_duplicate_review(
        actor=caseworker,
        candidate_id=pair.pk,
        decision="more_information",
        reason="Ask the hotline for the date of birth.",
        expected_version=pair.version,
    )
    # Still undecided: a new search leaves it alone.
    services.person_duplicates_find(actor=caseworker)
    services.person_duplicate_review(
        actor=caseworker,
        candidate_id=pair.pk,
        decision="confirmed",
        reason="The hotline confirmed the date of birth.",
        expected_version=asked.version,
    )
    decisions = list(
        PersonDuplicateReview.objects.filter(candidate=pair)
        .order_by("decided_at")
        .values_list("decision", flat=True)
    )
    assert decisions == ["more_information", "confirmed"]


def test_a_decision_needs_a_reason_and_a_known_decision(caseworker, same_agency_twice):
    services.person_duplicates_find(actor=caseworker)
    pair = pair_of(same_agency_twice["first"], same_agency_twice["second"])
    with pytest.raises(ValidationFailed) as no_reason:
        services.person_duplicate_review(
            actor=caseworker,
            candidate_id=pair.pk,
            decision="confirmed",
            reason="  ",
            expected_version=pair.version,
        )
    assert no_reason.value.extra["errors"]["reason"] == [str(services.REASON_REQUIRED)]
    with pytest.raises(ValidationFailed) as unknown:
        services.person_duplicate_review(
            actor=caseworker,
            candidate_id=pair.pk,
            decision="merged",
            reason="Looks the same.",
            expected_version=pair.version,
        )
    assert "decision" in unknown.value.extra["errors"]
    assert pair_of(same_agency_twice["first"], same_agency_twice["second"]).status == "proposed"
    assert not AuditEntry.objects.filter(object_type="person_duplicate").exists()


def test_a_decision_on_a_stale_version_is_refused(caseworker, same_agency_twice):
    services.person_duplicates_find(actor=caseworker)
    pair = pair_of(same_agency_twice["first"], same_agency_twice["second"])
    services.person_duplicate_review(
        actor=caseworker,
        candidate_id=pair.pk,
        decision="rejected",
        reason="Different people.",
        expected_version=pair.version,
    )
    with pytest.raises(StaleVersion):
        services.person_duplicate_review(
            actor=caseworker,
            candidate_id=pair.pk,
            decision="confirmed",
            reason="Same person.",
            expected_version=pair.version,
        )
    assert pair_of(same_agency_twice["first"], same_agency_twice["second"]).status == "rejected"


def test_a_bad_threshold_is_a_clear_error(caseworker):
    with pytest.raises(ValidationFailed):
        services.person_duplicates_find(actor=caseworker, threshold=1.5)


def test_roles_without_the_permission_cannot_search_or_review(cast, caseworker, same_agency_twice):
    services.person_duplicates_find(actor=caseworker)
    pair = pair_of(same_agency_twice["first"], same_agency_twice["second"])
    from haven.accounts.roles import Role

    for role in (
        Role.HOTLINE_OPERATOR,
        Role.FIRST_RESPONDER,
        Role.TRACING_OFFICER,
        Role.ANALYST,
        Role.ADMINISTRATOR,
    ):
        with pytest.raises(PermissionDenied):
            services.person_duplicates_find(actor=cast[role])
        with pytest.raises(PermissionDenied):
            services.person_duplicate_review(
                actor=cast[role],
                candidate_id=pair.pk,
                decision="confirmed",
                reason="x",
                expected_version=pair.version,
            )
    with pytest.raises(NotFound):  # may review, but cannot open these persons
        services.person_duplicate_review(
            actor=cast[Role.DECISION_MAKER],
            candidate_id=pair.pk,
            decision="confirmed",
            reason="x",
            expected_version=pair.version,
        )


# --- counting once -----------------------------------------------------------


def test_confirmed_links_form_clusters_that_count_a_person_once(caseworker, same_agency_twice):
    services.person_duplicates_find(actor=caseworker)
    pair = pair_of(same_agency_twice["first"], same_agency_twice["second"])
    services.person_duplicate_review(
        actor=caseworker,
        candidate_id=pair.pk,
        decision="confirmed",
        reason="Same person.",
        expected_version=pair.version,
    )
    ids = [person.pk for person in same_agency_twice.values()]

    clusters = selectors.confirmed_person_clusters()

    assert clusters == [tuple(sorted([str(pair.person_a_id), str(pair.person_b_id)]))]
    assert selectors.distinct_person_count(ids) == 3
    assert selectors.distinct_person_count(ids, actor=caseworker) == 3


def test_clusters_are_connected_components_of_confirmed_links_only():
    assert selectors._components([("a", "b"), ("c", "b"), ("d", "e")]) == [
        ("a", "b", "c"),
        ("d", "e"),
    ]
    assert selectors._components([]) == []


def test_a_search_racing_another_stores_each_pair_once(caseworker, same_agency_twice, monkeypatch):
    """Given another search that commits the same new pairs while this one is
    still comparing, this one stores nothing twice and does not fail."""
    from haven.tracing.domain import engine

    compare = engine.dedupe
    others: list = []
    raced = [False]

    def racing(records, **options):  # type: ignore[no-untyped-def]
        clusters = compare(records, **options)
        if not raced[0]:
            raced[0] = True
            others.append(services.person_duplicates_find(actor=caseworker))
        return clusters

    monkeypatch.setattr(engine, "dedupe", racing)
    this = services.person_duplicates_find(actor=caseworker)

    assert others[0].proposed >= 1
    assert this.proposed == 0
    pairs = list(PersonDuplicateCandidate.objects.values_list("person_a", "person_b"))
    assert len(pairs) == len(set(pairs)) == others[0].proposed
