"""De-duplication reads document and phone numbers through their blind indexes:
two records of one person that agree on a document number and little else are
proposed, and nothing stored with the pair holds the number in clear."""

from __future__ import annotations

import json

from django.utils import translation

from haven.people import services as people_services
from haven.tracing import services
from haven.tracing.models import PersonDuplicateCandidate

# Synthetic: a registration number in the format of no real registry.
DOCUMENT_NUMBER = "ZZ-930-41177"
DOCUMENT_NUMBER_NORMALISED = "ZZ93041177"
PHONE_NUMBER = "+000 555 0100 42"


def register(actor, latin, *, year, documents=(), phones=()):  # type: ignore[no-untyped-def]
    return people_services.person_register(
        actor=actor,
        latin_names=[latin],
        sex="male",
        birth_year_min=year,
        birth_year_max=year,
        nationalities=["ER"],
        documents=[{"type": "other", "number": number} for number in documents],
        contact={"phones": list(phones)},
    )


def pair_of(first, second):  # type: ignore[no-untyped-def]
    a, b = sorted([str(first.pk), str(second.pk)])
    return PersonDuplicateCandidate.objects.filter(person_a_id=a, person_b_id=b).first()


def test_the_same_document_number_proposes_records_spelled_and_dated_apart(caseworker):
    # Given: one man registered twice, his names heard differently and his age
    # estimated five years apart, with the same registration number (written
    # with and without dashes); and two men alike in the same way whose numbers
    # differ.
    first = register(
        caseworker, "Yonas Tekle", year=1990, documents=[DOCUMENT_NUMBER], phones=[PHONE_NUMBER]
    )
    second = register(caseworker, "Johannes Teklai", year=1995, documents=["zz93041177"])
    control_first = register(caseworker, "Yonas Tekle", year=1990, documents=["QQ-118-20931"])
    control_second = register(caseworker, "Johannes Teklai", year=1995, documents=["QQ55501234"])

    # When: the caseworker looks for duplicates.
    services.person_duplicates_find(actor=caseworker)

    # Then: the pair with the shared number is proposed, explained by it; the
    # pair whose numbers differ is not.
    pair = pair_of(first, second)
    assert pair is not None and pair.status == "proposed"
    evidence = {item["attribute"]: item for item in pair.explanation}
    assert evidence["identifiers"]["level"] == "a document number shared"
    assert evidence["identifiers"]["match_weight"] > 10
    assert pair_of(control_first, control_second) is None


def test_nothing_stored_with_a_pair_holds_a_number_in_clear(caseworker):
    first = register(
        caseworker, "Yonas Tekle", year=1990, documents=[DOCUMENT_NUMBER], phones=[PHONE_NUMBER]
    )
    second = register(
        caseworker, "Johannes Teklai", year=1995, documents=[DOCUMENT_NUMBER_NORMALISED]
    )

    services.person_duplicates_find(actor=caseworker)

    pair = pair_of(first, second)
    assert pair is not None
    stored = json.dumps(
        list(PersonDuplicateCandidate.objects.values()), default=str, ensure_ascii=False
    )
    for clear in (DOCUMENT_NUMBER, DOCUMENT_NUMBER_NORMALISED, "93041177", "5550100"):
        assert clear not in stored
    from haven.audit.models import AuditEntry

    search = AuditEntry.objects.filter(object_type="person_duplicate_search").latest("sequence")
    assert "identifiers" in search.fields
    assert "93041177" not in json.dumps(search.detail, default=str)


def test_the_review_api_explains_the_shared_number_in_the_readers_language(caseworker):
    from tests.conftest import verified_client

    first = register(caseworker, "Yonas Tekle", year=1990, documents=[DOCUMENT_NUMBER])
    second = register(caseworker, "Johannes Teklai", year=1995, documents=[DOCUMENT_NUMBER])
    services.person_duplicates_find(actor=caseworker)
    pair = pair_of(first, second)

    # (override: the request activates French in this thread; the language before
    # it is restored afterwards, so later tests do not read French messages)
    with translation.override("en"):
        response = verified_client(caseworker).get(
            f"/api/v1/person-duplicates/{pair.pk}/", headers={"Accept-Language": "fr"}
        )

    evidence = next(e for e in response.json()["explanation"] if e["attribute"] == "identifiers")
    assert evidence["attribute_label"] == "Numéros de document et de téléphone"
    assert evidence["level_label"] == "un numéro de document en commun"
    assert "93041177" not in response.content.decode()
