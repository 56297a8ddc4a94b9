"""Who sees a possible duplicate: only someone who may open BOTH persons.
A pair across agencies reveals nothing, not even that it exists, to a reviewer
who can see one side only; enforcement agencies see none (the firewall)."""

from __future__ import annotations

import pytest

from haven.accounts import access
from haven.accounts.models import AgencyKind
from haven.accounts.roles import Role
from haven.kernel.errors import NotFound, PermissionDenied
from haven.tracing import selectors, services
from haven.tracing.models import PersonDuplicateCandidate
from tests.conftest import verified_client
from tests.factories import make_agency, make_user
from tests.tracing.conftest import register, submit_for_identification


def cross_pair(across_agencies):  # type: ignore[no-untyped-def]
    a, b = sorted([str(across_agencies["in_a"].pk), str(across_agencies["in_b"].pk)])
    return PersonDuplicateCandidate.objects.get(person_a_id=a, person_b_id=b)


@pytest.fixture
def system_search(across_agencies):  # type: ignore[no-untyped-def]
    """The operator's search over every register (haven persons dedupe)."""
    services.person_duplicates_find(actor=None)
    return cross_pair(across_agencies)


def test_the_system_search_finds_the_person_registered_by_two_agencies(system_search):
    assert system_search.status == "proposed"
    assert system_search.person_a.agency_id != system_search.person_b.agency_id


@pytest.mark.parametrize("who", ["caseworker", "other_caseworker"])
def test_a_reviewer_who_sees_one_side_learns_nothing_of_the_pair(request, system_search, who):
    reviewer = request.getfixturevalue(who)

    assert not access.person_duplicates_visible_to(reviewer).exists()
    assert selectors.duplicate_counts(actor=reviewer) == dict.fromkeys(
        ["proposed", "confirmed", "rejected", "more_information"], 0
    )
    assert list(selectors.duplicate_page(actor=reviewer).object_list) == []
    with pytest.raises(NotFound):
        selectors.duplicate_get(actor=reviewer, candidate_id=system_search.pk)
    with pytest.raises(NotFound):
        services.person_duplicate_review(
            actor=reviewer,
            candidate_id=system_search.pk,
            decision="rejected",
            reason="x",
            expected_version=system_search.version,
        )
    client = verified_client(reviewer)
    assert client.get(f"/tracing/duplicates/{system_search.pk}/").status_code == 404
    assert client.get(f"/api/v1/person-duplicates/{system_search.pk}/").status_code == 404
    queue = client.get("/tracing/duplicates/").content.decode()
    assert "Tesfay" not in queue and "Tesfaye" not in queue
    assert client.get("/api/v1/person-duplicates/").json()["count"] == 0


def test_a_search_by_a_reviewer_stays_in_their_scope(caseworker, system_search):
    result = services.person_duplicates_find(actor=caseworker)

    assert result.persons == 1  # only Shelter A's person
    assert result.proposed == 0 and result.withdrawn == 0
    # The pair across agencies, outside the caseworker's scope, is untouched.
    assert PersonDuplicateCandidate.objects.get(pk=system_search.pk).status == "proposed"


def test_the_competent_authority_reviews_a_pair_once_both_cases_are_submitted(
    decider, caseworker, across_agencies, system_search
):
    assert not access.person_duplicates_visible_to(decider).exists()
    submit_for_identification(across_agencies["in_a"])
    assert not access.person_duplicates_visible_to(decider).exists()  # one side only
    submit_for_identification(across_agencies["in_b"])

    assert list(access.person_duplicates_visible_to(decider)) == [system_search]
    services.person_duplicate_review(
        actor=decider,
        candidate_id=system_search.pk,
        decision="confirmed",
        reason="Both agencies submitted the same person: one decision is needed.",
        expected_version=system_search.version,
    )

    assert selectors.confirmed_person_clusters() == [
        (str(system_search.person_a_id), str(system_search.person_b_id))
    ]
    assert selectors.confirmed_person_clusters(actor=decider) == [
        (str(system_search.person_a_id), str(system_search.person_b_id))
    ]
    # The caseworkers of either side still see nothing of the link.
    assert selectors.confirmed_person_clusters(actor=caseworker) == []


def test_enforcement_agencies_see_no_pair_whatever_the_role(agencies, cast, system_search):
    police = agencies["police"]
    officer = make_user("police_caseworker", Role.CASEWORKER, police)
    register(officer, "", "Tesfay Gebre Mariam", year=1985, nationality="ER")
    register(officer, "", "Tesfaye Gebremariam", year=1985, nationality="ER")
    services.person_duplicates_find(actor=None)
    assert PersonDuplicateCandidate.objects.filter(person_a__agency=police).exists() or (
        PersonDuplicateCandidate.objects.filter(person_b__agency=police).exists()
    )

    assert not access.persons_for_deduplication(officer).exists()
    assert not access.person_duplicates_visible_to(officer).exists()
    assert services.person_duplicates_find(actor=officer).persons == 0
    with pytest.raises(PermissionDenied):
        services.person_duplicates_find(actor=cast[Role.FIRST_RESPONDER])
    assert not access.person_duplicates_visible_to(cast[Role.FIRST_RESPONDER]).exists()


def test_a_service_provider_never_sees_an_enforcement_agencys_person_either(caseworker, agencies):
    border = make_agency("Border unit", AgencyKind.BORDER_GUARD)
    officer = make_user("border_caseworker", Role.CASEWORKER, border)
    register(officer, "", "Amina Yusuf Ali", sex="female", year=2001, nationality="SO")
    register(caseworker, "", "Amina Yusuf Ali", sex="female", year=2001, nationality="SO")
    services.person_duplicates_find(actor=None)

    assert PersonDuplicateCandidate.objects.exists()
    assert not access.person_duplicates_visible_to(caseworker).exists()
