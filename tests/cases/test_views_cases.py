"""Case pages through the HTML interface: forms work without JavaScript,
drafts keep what was typed, bad input gets a message, never a 500."""

from __future__ import annotations

from haven.cases.domain.catalogues import CATALOGUES
from haven.cases.models import Screening
from tests.conftest import verified_client

FORCED_LABOUR = next(v for v in CATALOGUES if v.startswith("ilo-forced-labour"))


def test_screening_draft_then_save(case, caseworker):
    client = verified_client(caseworker)
    url = f"/cases/{case.pk}/screenings/new/?catalogue={FORCED_LABOUR}"
    catalogue = CATALOGUES[FORCED_LABOUR]
    first = catalogue.indicators[6].id
    data = {
        "catalogue_version": FORCED_LABOUR,
        f"answer__{first}": "yes",
        f"evidence__{first}": "Employer keeps the passport.",
    }
    response = client.post(url, {**data, "action": "draft"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Employer keeps the passport." in page
    response = client.post(url, {**data, "action": "save", "completed": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    screening = Screening.objects.get(case=case)
    assert screening.answers[first]["answer"] == "yes"
    assert screening.completed
    assert any("supports" in line for line in screening.summary["lines"])
    # The draft is gone once the screening is saved.
    assert "Employer keeps the passport." not in client.get(url).content.decode()


def test_screening_with_a_bad_answer_value_is_a_form_error(case, caseworker):
    client = verified_client(caseworker)
    url = f"/cases/{case.pk}/screenings/new/?catalogue={FORCED_LABOUR}"
    first = CATALOGUES[FORCED_LABOUR].indicators[0].id
    response = client.post(
        url, {"catalogue_version": FORCED_LABOUR, f"answer__{first}": "maybe", "action": "save"}
    )
    assert response.status_code == 200
    assert Screening.objects.count() == 0


def test_exploitation_form(case, caseworker):
    client = verified_client(caseworker)
    url = f"/cases/{case.pk}/exploitation/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "forms": ["forced-labour"],
            "labour_sectors": ["agriculture"],
            "countries_of_origin": "ER",
            "countries_of_exploitation": "LY",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    assert case.exploitation.forms == ["forced-labour"]
    bad = client.post(url, {"forms": ["forced-labour"], "countries_of_origin": "ZZZ"})
    assert bad.status_code == 200
    assert "countries_of_origin" in bad.content.decode() or "ISO" in bad.content.decode()


def test_case_page_and_list(case, caseworker):
    client = verified_client(caseworker)
    page = client.get(f"/cases/{case.pk}/")
    assert page.status_code == 200
    assert case.reference in page.content.decode()
    listing = client.post("/cases/", {"name": "Selam Tesfay"})
    assert case.reference in listing.content.decode()
    assert client.get("/cases/deadlines/").status_code == 200


def test_case_page_shows_labels_not_codes(case, caseworker, person):
    from haven.people import services as people_services

    people_services.person_update(
        actor=caseworker,
        person_id=person.pk,
        expected_version=person.version,
        changes={"vulnerabilities": ["pregnancy"]},
    )
    page = verified_client(caseworker).get(f"/cases/{case.pk}/").content.decode()
    assert "Pregnancy" in page and "pregnancy," not in page
    assert "Case opened" in page


def test_malformed_ids_answer_404_not_500(caseworker, cast):
    hotline = verified_client(cast["hotline_operator"])
    from haven.intake import services as intake_services

    intake = intake_services.intake_create(actor=cast["hotline_operator"], channel="hotline")
    response = hotline.post(f"/intake/{intake.pk}/consents/not-a-uuid/withdraw/")
    assert response.status_code == 404
    assert verified_client(caseworker).get("/intake/files/not-a-uuid/").status_code == 404


def test_drafts_are_audited(case, caseworker):
    from haven.audit.models import AuditEntry

    client = verified_client(caseworker)
    url = f"/cases/{case.pk}/screenings/new/?catalogue={FORCED_LABOUR}"
    client.post(url, {"catalogue_version": FORCED_LABOUR, "action": "draft", "completed": "on"})
    assert AuditEntry.objects.filter(object_type="form_draft", action="update").exists()
