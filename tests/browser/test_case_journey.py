"""From a hotline call to protection: intake → search-before-create → new
case → screening → reasonable-grounds decision → the case page shows the
removal stay and the recovery period with its end date and its sources."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from haven.accounts.roles import Role
from haven.people import services as people_services
from tests.factories import PASSWORD, current_code, give_authenticator, make_agency, make_user

pytestmark = pytest.mark.browser


def sign_in(page, base_url: str, username: str, device, step: int = 0) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Code from your authenticator app").fill(current_code(device, step))
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(f"{base_url}/")


def test_hotline_intake_to_reasonable_grounds(live_server, browser):
    shelter = make_agency("Harbour Shelter", "shelter", "MT")
    authority = make_agency("Identification Authority", "competent_authority", "MT")
    caseworker = make_user("amina", Role.CASEWORKER, shelter)
    decider = make_user("judge", Role.DECISION_MAKER, authority)
    caseworker_device = give_authenticator(caseworker)
    decider_device = give_authenticator(decider)
    # Someone with a similar name is already registered: search must show it.
    people_services.person_register(
        actor=caseworker,
        original_name="ተስፋይ ገብረማርያም",
        name_script="Ethi",
        latin_names=["Tesfay Gebremariam"],
    )

    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "amina", caseworker_device)

    # Hotline intake
    page.get_by_role("link", name="New intake").first.click()
    page.get_by_label("How the contact came in").select_option("hotline")
    page.get_by_label("What happened, in the person's words").fill(
        "Worked on a farm for a year, passport taken, never paid."
    )
    page.get_by_label("Name of the person concerned (any script)").fill("Selam Tesfaye")
    page.get_by_role("button", name="Save intake").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Intake"

    # Search before create: the search is prefilled from the intake
    assert "Tesfay Gebremariam" in page.locator("table").first.inner_text()
    page.get_by_label("Name as the person writes it (own script)").fill("ሰላም ተስፋይ")
    page.get_by_label("Script of that name").select_option("Ethi")
    page.get_by_label("Spellings in Latin letters (one per line)").fill("Selam Tesfaye")
    page.get_by_label("Or: born no earlier than (year)").fill("1998")
    page.get_by_label("and no later than (year)").fill("2000")
    page.get_by_label("Nationalities (ISO codes, e.g. ER, SD)").fill("ER")
    page.get_by_role("button", name="Register and open a case").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Case HVN-")
    case_url = page.url

    # Screening with the ILO forced-labour indicators
    page.get_by_role("link", name="Screening (indicators)").click()
    page.get_by_role("link", name="ILO").first.click()
    fieldsets = page.locator("fieldset")
    for index in (6, 7):  # documents retained, wages withheld
        fieldsets.nth(index).get_by_label("Yes").check()
    page.get_by_role("button", name="Save draft").click()
    assert page.get_by_text("Draft saved").is_visible()
    assert page.locator("fieldset").nth(6).get_by_label("Yes").is_checked()
    page.get_by_label("Screening complete").check()
    page.get_by_role("button", name="Save screening").click()
    page.wait_for_url(case_url)
    assert "supports" in page.locator("#screening-heading + article").inner_text()

    # Submit for identification
    page.get_by_role("button", name="Submit for identification").click()
    context.close()

    # The decision maker records reasonable grounds, with reasons
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "judge", decider_device)
    page.goto(case_url)
    page.get_by_role("link", name="Record an identification decision").click()
    page.get_by_label("Decision", exact=True).select_option("reasonable_grounds")
    page.get_by_label("Outcome").select_option("positive")
    page.get_by_label("Reasons").fill("Consistent account; documents retained; wages withheld.")
    today = timezone.localdate()
    page.get_by_label("Date of decision").fill(today.isoformat())
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(case_url)
    context.close()

    # The caseworker's case page shows the stay and the recovery period
    context = browser.new_context()
    page = context.new_page()
    # A code is accepted once: the second sign-in uses the next one.
    sign_in(page, live_server.url, "amina", caseworker_device, step=1)
    page.goto(case_url)
    stay = page.locator("#obligation-removal-stay")
    assert "Due" in stay.inner_text()
    assert "IPU-118 op.19" in stay.inner_text()
    recovery = page.locator("#obligation-recovery-reflection-period")
    assert "IPU-118 op.21" in recovery.inner_text()
    end = recovery.locator("time.period-end").get_attribute("datetime")
    assert end >= (today + timedelta(days=29)).isoformat()

    # A removal inside the period is refused with the reason
    page.get_by_label("Record a planned removal on").fill((today + timedelta(days=5)).isoformat())
    page.get_by_role("button", name="Check and record").click()
    reason = page.locator(".form-errors, .error").first.inner_text()
    assert "Do not remove" in reason and "IPU-118" in reason
    context.close()
