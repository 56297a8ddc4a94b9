"""Optimistic concurrency: a stale write is refused, never silently applied."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from haven.accounts import services
from haven.accounts.models import Agency
from haven.accounts.roles import Role
from haven.kernel.errors import StaleVersion
from tests.conftest import verified_client


@pytest.fixture
def admin_client(cast):  # type: ignore[no-untyped-def]
    return verified_client(cast[Role.ADMINISTRATOR])


def test_api_update_with_the_current_etag_succeeds(admin_client, agencies):
    url = f"/api/v1/agencies/{agencies['shelter'].pk}/"
    etag = admin_client.get(url)["ETag"]
    response = admin_client.patch(
        url,
        {"contact_email": "desk@example.org"},
        content_type="application/json",
        headers={"If-Match": etag},
    )
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["contact_email"] == "desk@example.org"


def test_api_update_with_a_stale_etag_gets_412(admin_client, agencies):
    url = f"/api/v1/agencies/{agencies['shelter'].pk}/"
    stale = admin_client.get(url)["ETag"]
    admin_client.patch(
        url, {"name": "Renamed"}, content_type="application/json", headers={"If-Match": stale}
    )
    response = admin_client.patch(
        url, {"name": "Lost update"}, content_type="application/json", headers={"If-Match": stale}
    )
    assert response.status_code == 412
    assert response.json()["code"] == "stale-version"
    assert Agency.objects.get(pk=agencies["shelter"].pk).name == "Renamed"


def test_api_update_without_if_match_gets_428(admin_client, agencies):
    response = admin_client.patch(
        f"/api/v1/agencies/{agencies['shelter'].pk}/",
        {"name": "X"},
        content_type="application/json",
    )
    assert response.status_code == 428
    assert response.json()["code"] == "precondition-required"


def test_ui_stale_form_shows_changed_meanwhile_and_keeps_the_other_change(admin_client, agencies):
    agency = agencies["shelter"]
    url = f"/accounts/manage/agencies/{agency.pk}/"
    form = {
        "version": agency.version,
        "name": agency.name,
        "kind": agency.kind,
        "country": "MT",
        "contact_email": "",
        "is_active": "on",
    }
    assert admin_client.post(url, {**form, "name": "First edit"}).status_code == 302
    response = admin_client.post(url, {**form, "name": "Second edit"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this record" in page
    assert "First edit" in page and "Second edit" in page
    assert Agency.objects.get(pk=agency.pk).name == "First edit"


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_on_one_version_exactly_one_wins(cast, agencies):
    admin = cast[Role.ADMINISTRATOR]
    agency = agencies["shelter"]
    outcomes: list[str] = []
    start = threading.Barrier(4)

    def writer(index: int) -> None:
        try:
            start.wait(timeout=10)
            services.agency_update(
                actor=admin,
                agency_id=agency.pk,
                expected_version=1,
                changes={"contact_email": f"w{index}@example.org"},
            )
            outcomes.append("saved")
        except StaleVersion:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["saved", "stale", "stale", "stale"]
    assert Agency.objects.get(pk=agency.pk).version == 2
