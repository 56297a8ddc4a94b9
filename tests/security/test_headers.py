"""Security headers on every kind of page (what a ZAP baseline scan checks)."""

from __future__ import annotations

import pytest
from django.test import Client

from haven.accounts.roles import Role
from tests.conftest import verified_client


def assert_protective_headers(response) -> None:  # type: ignore[no-untyped-def]
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_public_sign_in_page(db):
    assert_protective_headers(Client().get("/accounts/sign-in/"))


@pytest.mark.parametrize("path", ["/", "/persons/", "/api/v1/me/"])
def test_pages_with_personal_data(cast, path):
    response = verified_client(cast[Role.CASEWORKER]).get(path)
    assert response.status_code == 200
    assert_protective_headers(response)


def test_error_pages(db):
    assert_protective_headers(Client().get("/does-not-exist/"))


def test_cookies_are_http_only_and_same_site(db):
    response = Client().get("/accounts/sign-in/")
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_no_third_party_resources_in_pages(cast):
    html = verified_client(cast[Role.CASEWORKER]).get("/").content.decode()
    assert "http://" not in html.replace("http://www.w3.org", "")
    assert "https://" not in html
    assert "//" not in html.split("<body", 1)[0].replace("://www.w3.org", "")
