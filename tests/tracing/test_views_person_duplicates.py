"""The review queue and the side-by-side page, as plain HTML forms (no
JavaScript): search, compare, decide with a reason; nothing personal in URLs
or page titles; reads audited."""

from __future__ import annotations

import re

import pytest

from haven.audit.models import AuditEntry
from haven.tracing import services
from haven.tracing.models import PersonDuplicateCandidate
from tests.conftest import verified_client


@pytest.fixture
def client(caseworker):  # type: ignore[no-untyped-def]
    return verified_client(caseworker)


@pytest.fixture
def pair(caseworker, same_agency_twice):  # type: ignore[no-untyped-def]
    services.person_duplicates_find(actor=caseworker)
    a, b = sorted([str(same_agency_twice["first"].pk), str(same_agency_twice["second"].pk)])
    return PersonDuplicateCandidate.objects.get(person_a_id=a, person_b_id=b)


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_the_search_button_posts_and_fills_the_queue(client, same_agency_twice):
    queue = client.get("/tracing/duplicates/")
    assert queue.status_code == 200
    assert 'action="/tracing/duplicates/search/"' in queue.content.decode()

    response = client.post("/tracing/duplicates/search/", follow=True)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Mohamed Osman Ali" in page and "Muhammad Othman Ali" in page
    assert PersonDuplicateCandidate.objects.exists()


def test_the_queue_lists_names_audits_the_read_and_keeps_them_out_of_urls(client, pair):
    response = client.get("/tracing/duplicates/")
    page = response.content.decode()

    assert "Mohamed Osman Ali" in page
    assert "Osman" not in title_of(page)
    for link in re.findall(r'href="([^"]+)"', page):
        assert "Osman" not in link and "Othman" not in link
    entry = AuditEntry.objects.filter(object_type="person", action="read").latest("sequence")
    assert set(entry.detail["listed"]) == {str(pair.person_a_id), str(pair.person_b_id)}
    assert entry.detail["duplicates"] == [str(pair.pk)]


def test_the_review_page_shows_both_persons_side_by_side_with_the_explanation(client, pair):
    response = client.get(f"/tracing/duplicates/{pair.pk}/")
    page = response.content.decode()

    assert response.status_code == 200
    assert "محمد عثمان علي" in page and "Muhammad Othman Ali" in page
    assert "Osman" not in title_of(page)
    assert "names" in page and "birth" in page  # the attribute-by-attribute table
    assert '<form method="post"' in page and 'name="reason"' in page
    assert f'name="version" value="{pair.version}"' in page
    read = AuditEntry.objects.filter(
        object_type="person",
        action="read",
        object_id__in=[str(pair.person_a_id), str(pair.person_b_id)],
    )
    assert read.count() == 2


def test_a_decision_is_recorded_with_its_reason_without_javascript(client, pair):
    response = client.post(
        f"/tracing/duplicates/{pair.pk}/review/",
        {"decision": "rejected", "reason": "Different mothers.", "version": pair.version},
    )

    assert response.status_code == 302 and response["Location"] == "/tracing/duplicates/"
    pair.refresh_from_db()
    assert pair.status == "rejected" and pair.review_reason == "Different mothers."
    rejected = client.get("/tracing/duplicates/?status=rejected").content.decode()
    assert "Mohamed Osman Ali" in rejected


def test_a_decision_without_a_reason_shows_the_form_again_with_an_error(client, pair):
    response = client.post(
        f"/tracing/duplicates/{pair.pk}/review/",
        {"decision": "confirmed", "reason": "", "version": pair.version},
    )

    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    pair.refresh_from_db()
    assert pair.status == "proposed"


def test_a_decision_on_a_changed_pair_shows_changed_meanwhile(client, caseworker, pair):
    services.person_duplicate_review(
        actor=caseworker,
        candidate_id=pair.pk,
        decision="more_information",
        reason="Ask for the birth date.",
        expected_version=pair.version,
    )
    response = client.post(
        f"/tracing/duplicates/{pair.pk}/review/",
        {"decision": "confirmed", "reason": "Same.", "version": pair.version},
    )

    assert response.status_code == 409
    pair.refresh_from_db()
    assert pair.status == "more_information"


@pytest.mark.parametrize("bad", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_unknown_or_malformed_ids_are_404_never_500(client, bad):
    assert client.get(f"/tracing/duplicates/{bad}/").status_code == 404
    assert (
        client.post(
            f"/tracing/duplicates/{bad}/review/", {"decision": "rejected", "reason": "x"}
        ).status_code
        == 404
    )


def test_an_unknown_status_or_page_falls_back_to_the_queue(client, pair):
    assert client.get("/tracing/duplicates/?status=merged&page=zz").status_code == 200
