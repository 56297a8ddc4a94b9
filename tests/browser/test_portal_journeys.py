"""The portal as a migrant uses it, in English and in Arabic: ask for help
anonymously, keep the code, follow up and add a message; the service answers;
a first responder sees nothing until the person consents. And a family
reports a missing relative, which the tracing officer finds."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from haven.accounts.models import Agency
from haven.accounts.roles import Role
from haven.intake.models import Intake
from haven.referrals import services as referrals
from tests.browser.conftest import serious_violations
from tests.factories import PASSWORD, current_code, give_authenticator, make_agency, make_user

pytestmark = pytest.mark.browser

PORTAL_PAGES = [
    "/help/",
    "/help/ask/",
    "/help/missing-relative/",
    "/help/rights/",
    "/help/rights/assistance/",
    "/help/follow/",
]


def staff_page(browser, base_url: str, username: str, device, step: int = 0):  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base_url}/accounts/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]:has-text('Continue')")
    page.fill("#id_token", current_code(device, step))
    page.click("button[type=submit]:has-text('Verify')")
    page.wait_for_url(f"{base_url}/")
    return context, page


@pytest.fixture
def mechanism(db):  # type: ignore[no-untyped-def]
    shelter = make_agency("Harbour Shelter", "shelter", "MT")
    police = make_agency("Police unit", "police", "MT")
    tracing = make_agency("Tracing service", "tracing_service", "MT")
    Agency.objects.filter(pk__in=[shelter.pk, tracing.pk]).update(receives_portal_requests=True)
    users = {
        "caseworker": make_user("amina", Role.CASEWORKER, shelter),
        "responder": make_user("officer", Role.FIRST_RESPONDER, police),
        "tracer": make_user("tracer", Role.TRACING_OFFICER, tracing),
    }
    devices = {name: give_authenticator(user) for name, user in users.items()}
    return {"shelter": shelter, "police": police, "users": users, "devices": devices}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_portal_pages_pass_axe_in_english_and_arabic(
    live_server, browser, axe_source, language, mechanism
):
    # bypass_csp lets the test inject axe-core; the pages themselves keep their CSP.
    context = browser.new_context(
        locale=language, bypass_csp=True, extra_http_headers={"Accept-Language": language}
    )
    page = context.new_page()
    problems = []
    for path in PORTAL_PAGES:
        page.goto(f"{live_server.url}{path}")
        assert page.locator("html").get_attribute("lang") == language
        if language == "ar":
            assert page.locator("html").get_attribute("dir") == "rtl"
        problems += [f"{path}: {v}" for v in serious_violations(page, axe_source)]
    context.close()
    assert problems == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_ask_for_help_follow_up_and_the_firewall(live_server, browser, mechanism, language):
    base = live_server.url
    # The person, on their phone, without JavaScript, in their language.
    context = browser.new_context(
        locale=language, java_script_enabled=False, extra_http_headers={"Accept-Language": language}
    )
    page = context.new_page()
    page.goto(f"{base}/help/")
    page.click("a[href='/help/ask/']")
    page.fill("textarea[name=account]", "My boss keeps my passport. SECRET-WORDS")
    page.check("input[name=q_documents][value=yes]")
    page.check("input[name=contact_choice][value=anonymous]")
    page.click("main form button[type=submit]")
    codes = page.locator("code.code").all_inner_texts()
    assert len(codes) == 2
    code, passphrase = codes
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    # Follow up and add a message.
    page.goto(f"{base}/help/follow/")
    page.fill("input[name=code]", code)
    page.fill("input[name=passphrase]", passphrase)
    page.click("main form button[type=submit]")
    assert "/help/follow/request/" in page.url
    page.fill("textarea[name=body]", "They moved me to a new place.")
    page.click("main form[enctype] button[type=submit]")
    assert "They moved me to a new place." in page.content()
    context.close()

    intake = Intake.objects.get()
    # A first responder sees nothing of it.
    responder_context, responder = staff_page(
        browser, base, "officer", mechanism["devices"]["responder"]
    )
    responder.goto(f"{base}/intake/{intake.pk}/")
    assert "SECRET-WORDS" not in responder.content()
    # The caseworker of the receiving shelter sees it and answers.
    case_context, caseworker = staff_page(
        browser, base, "amina", mechanism["devices"]["caseworker"]
    )
    caseworker.get_by_role("link", name="Triage queue").first.click()
    caseworker.click(f"a[href='/intake/{intake.pk}/']")
    assert "SECRET-WORDS" in caseworker.content()
    assert "They moved me to a new place." in caseworker.content()
    caseworker.fill("#reply-body", "We can meet you tomorrow at 10.")
    caseworker.click("button:has-text('Send answer')")
    case_context.close()
    # After the person's recorded consent, the police unit can read it; withdrawn, it cannot.
    consent = referrals.consent_record(
        actor=mechanism["users"]["caseworker"],
        intake_id=intake.pk,
        recipient_id=mechanism["police"].pk,
        scope="intake",
        purpose="Investigation of the employer",
        given_how="In person",
        given_on=timezone.localdate(),
    )
    responder.goto(f"{base}/intake/{intake.pk}/")
    assert "SECRET-WORDS" in responder.content()
    referrals.consent_withdraw(actor=mechanism["users"]["caseworker"], consent_id=consent.pk)
    responder.goto(f"{base}/intake/{intake.pk}/")
    assert "SECRET-WORDS" not in responder.content()
    responder_context.close()
    # The person sees the answer.
    context = browser.new_context(locale=language, extra_http_headers={"Accept-Language": language})
    page = context.new_page()
    page.goto(f"{base}/help/follow/")
    page.fill("input[name=code]", code)
    page.fill("input[name=passphrase]", passphrase)
    page.click("main form button[type=submit]")
    assert "We can meet you tomorrow at 10." in page.content()
    context.close()


def test_report_a_missing_relative_and_find_it_in_tracing(live_server, browser, mechanism):
    base = live_server.url
    context = browser.new_context(locale="ar", extra_http_headers={"Accept-Language": "ar"})
    page = context.new_page()
    page.goto(f"{base}/help/missing-relative/")
    page.fill("input[name=name_own_script]", "يوسف آدم")
    page.fill("input[name=name_latin]", "Youssef Adam")
    page.fill("input[name=age]", "17")
    page.fill("input[name=nationality]", "SD")
    page.fill("input[name=last_place]", "Kufra")
    page.fill("input[name=inquirer_name]", "Mariam")
    page.fill("input[name=inquirer_relation]", "mother")
    page.fill("input[name=inquirer_phone]", "+249900000000")
    page.click("main form button[type=submit]")
    assert len(page.locator("code.code").all_inner_texts()) == 2
    context.close()
    tracer_context, tracer = staff_page(browser, base, "tracer", mechanism["devices"]["tracer"])
    tracer.get_by_role("link", name="Missing-person reports").first.click()
    assert "Youssef Adam" in tracer.content()
    tracer.click("table a")
    assert "يوسف آدم" in tracer.content()
    tracer_context.close()


def test_quick_exit_replaces_the_page_in_history(live_server, browser, mechanism):
    context = browser.new_context()
    page = context.new_page()
    page.route(
        "https://www.wikipedia.org/**",
        lambda route: route.fulfill(
            status=200, body="<title>Neutral</title>", content_type="text/html"
        ),
    )
    page.goto(f"{live_server.url}/help/")
    page.goto(f"{live_server.url}/help/ask/")
    page.click("a.quick-exit")
    page.wait_for_url("https://www.wikipedia.org/**")
    page.go_back()
    # Back goes to the portal's start at most, never to the form just left.
    assert "/help/ask/" not in page.url
    context.close()
