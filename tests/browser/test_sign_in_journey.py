"""A caseworker signs in with two-factor, sees their home page, switches to
Arabic and finds it laid out right to left."""

from __future__ import annotations

import pytest

from haven.accounts.roles import Role
from tests.factories import PASSWORD, current_code, give_authenticator, make_agency, make_user

pytestmark = pytest.mark.browser


def test_caseworker_signs_in_with_two_factor_and_switches_to_arabic(live_server, page):
    # given a caseworker with an authenticator
    shelter = make_agency("Harbour Shelter", "shelter")
    caseworker = make_user("amina", Role.CASEWORKER, shelter)
    device = give_authenticator(caseworker)

    # when they sign in with password and code
    page.goto(f"{live_server.url}/")
    assert "/accounts/sign-in/" in page.url
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Code from your authenticator app").fill(current_code(device))
    page.get_by_role("button", name="Verify").click()

    # then they see their home page
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Welcome, amina"
    assert page.get_by_role("link", name="Persons").first.is_visible()
    assert page.locator("html").get_attribute("dir") == "ltr"

    # when they switch to Arabic
    page.get_by_label("Language").select_option("ar")
    page.get_by_role("button", name="Change").click()

    # then the page is Arabic, right to left, and still theirs
    page.wait_for_load_state()
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    heading = page.get_by_role("heading", level=1).inner_text()
    assert "amina" in heading and heading != "Welcome, amina"  # translated
    assert page.get_by_role("button", name="تغيير").is_visible()
    # The header's tools sit on the left in a right-to-left layout.
    brand = page.locator(".brand").bounding_box()
    tools = page.locator(".header-tools").bounding_box()
    assert brand["x"] > tools["x"]


def test_pages_work_without_javascript(live_server, browser):
    shelter = make_agency("Harbour Shelter", "shelter")
    caseworker = make_user("amina", Role.CASEWORKER, shelter)
    device = give_authenticator(caseworker)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/sign-in/")
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Code from your authenticator app").fill(current_code(device))
    page.get_by_role("button", name="Verify").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Welcome, amina"
    page.get_by_role("link", name="Persons").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Persons"
    context.close()
