"""/api/v1/person-duplicates/: the queue, one pair with its ETag, a decision
with If-Match, a search with an Idempotency-Key; bad input gets RFC 9457
problem details, never a 500."""

from __future__ import annotations

import pytest

from haven.tracing import services
from haven.tracing.models import PersonDuplicateCandidate
from tests.conftest import verified_client

BASE = "/api/v1/person-duplicates/"


@pytest.fixture
def client(caseworker):  # type: ignore[no-untyped-def]
    return verified_client(caseworker)


@pytest.fixture
def pair(caseworker, same_agency_twice):  # type: ignore[no-untyped-def]
    services.person_duplicates_find(actor=caseworker)
    a, b = sorted([str(same_agency_twice["first"].pk), str(same_agency_twice["second"].pk)])
    return PersonDuplicateCandidate.objects.get(person_a_id=a, person_b_id=b)


def test_the_queue_lists_pairs_most_probable_first(client, pair):
    body = client.get(BASE).json()

    assert body["count"] >= 1
    probabilities = [result["match_probability"] for result in body["results"]]
    assert probabilities == sorted(probabilities, reverse=True)
    first = next(result for result in body["results"] if result["id"] == str(pair.pk))
    assert {first["person_a"]["id"], first["person_b"]["id"]} == {
        str(pair.person_a_id),
        str(pair.person_b_id),
    }
    assert first["explanation"][0]["attribute"]


def test_the_explanation_keeps_stable_codes_and_reads_in_the_callers_language(client, pair):
    english = client.get(f"{BASE}{pair.pk}/").json()["explanation"]
    french = client.get(f"{BASE}{pair.pk}/", headers={"Accept-Language": "fr"}).json()[
        "explanation"
    ]

    assert [e["level"] for e in french] == [e["level"] for e in english]  # codes do not move
    names = next(e for e in french if e["attribute"] == "names")
    assert names["attribute_label"] == "Noms"
    assert names["level_label"] != names["level"]  # a French sentence, not the code
    assert next(e for e in english if e["attribute"] == "names")["level_label"] == names["level"]


def test_an_unknown_status_is_a_clear_400(client):
    response = client.get(BASE, {"status": "merged"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")


def test_a_decision_needs_if_match_and_applies_with_the_current_etag(client, pair):
    url = f"{BASE}{pair.pk}/"
    etag = client.get(url)["ETag"]
    decision = {"decision": "confirmed", "reason": "Same document number."}

    missing = client.post(f"{url}review/", decision, content_type="application/json")
    assert missing.status_code == 428

    done = client.post(
        f"{url}review/", decision, content_type="application/json", headers={"If-Match": etag}
    )
    assert done.status_code == 200
    assert done.json()["status"] == "confirmed"
    assert done.json()["decisions"][0]["reason"] == "Same document number."
    assert done["ETag"] != etag

    stale = client.post(
        f"{url}review/",
        {"decision": "rejected", "reason": "Changed my mind."},
        content_type="application/json",
        headers={"If-Match": etag},
    )
    assert stale.status_code == 412
    pair.refresh_from_db()
    assert pair.status == "confirmed"


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"decision": "merged", "reason": "x"},
        {"decision": "confirmed"},
        {"decision": "rejected", "reason": ""},
    ],
)
def test_bad_decisions_are_400_problems(client, pair, payload):
    response = client.post(
        f"{BASE}{pair.pk}/review/",
        payload,
        content_type="application/json",
        headers={"If-Match": f'W/"{pair.version}"'},
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize("bad", ["nope", "00000000-0000-0000-0000-000000000000"])
def test_unknown_pairs_are_404(client, bad):
    assert client.get(f"{BASE}{bad}/").status_code == 404
    response = client.post(
        f"{BASE}{bad}/review/",
        {"decision": "rejected", "reason": "x"},
        content_type="application/json",
        headers={"If-Match": 'W/"1"'},
    )
    assert response.status_code == 404


def test_a_search_needs_an_idempotency_key_and_replays(client, same_agency_twice):
    def search(**headers):  # type: ignore[no-untyped-def]
        return client.post(f"{BASE}search/", {}, content_type="application/json", headers=headers)

    assert search().status_code == 400

    first = search(**{"Idempotency-Key": "search-0001"})
    again = search(**{"Idempotency-Key": "search-0001"})

    assert first.status_code == 201 and first.json()["persons"] == 4
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
