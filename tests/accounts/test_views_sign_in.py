"""Sign-in with two-factor, code reuse, lockout with cool-off, and the
end of sessions (idle, absolute, password change, deactivation)."""

from __future__ import annotations

import time

import pytest
from django.test import Client

from haven.accounts import services
from haven.accounts.models import TwoFactorDevice
from haven.accounts.roles import Role
from haven.audit.models import AuditEntry
from tests.conftest import verified_client
from tests.factories import PASSWORD, current_code, give_authenticator


@pytest.fixture
def caseworker(cast):  # type: ignore[no-untyped-def]
    return cast[Role.CASEWORKER]


@pytest.fixture
def device(caseworker):  # type: ignore[no-untyped-def]
    return give_authenticator(caseworker)


def sign_in(client: Client, username: str, password: str = PASSWORD, ip: str = "10.0.0.1"):  # type: ignore[no-untyped-def]
    return client.post(
        "/accounts/sign-in/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_password_then_code_reaches_home(caseworker, device):
    client = Client()
    response = sign_in(client, caseworker.username)
    assert response.status_code == 302 and response["Location"] == "/accounts/sign-in/code/"
    # Until the code is given, nothing else is reachable.
    assert client.get("/persons/")["Location"] == "/accounts/sign-in/code/"
    assert client.get("/api/v1/me/").status_code in (401, 403)
    response = client.post("/accounts/sign-in/code/", {"token": current_code(device)})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    assert AuditEntry.objects.filter(action="login", actor_id=caseworker.pk).exists()


def test_a_code_cannot_be_used_twice(caseworker, device):
    code = current_code(device)
    first, second = Client(), Client()
    sign_in(first, caseworker.username)
    sign_in(second, caseworker.username)
    assert first.post("/accounts/sign-in/code/", {"token": code})["Location"] == "/"
    refused = second.post("/accounts/sign-in/code/", {"token": code})
    assert refused.status_code == 200
    assert "can be used only once" in refused.content.decode()
    assert AuditEntry.objects.filter(action="two_factor_failed", actor_id=caseworker.pk).exists()


def test_a_wrong_code_is_refused_and_throttled(caseworker, device):
    client = Client()
    sign_in(client, caseworker.username)
    client.post("/accounts/sign-in/code/", {"token": "000000"})
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    # While throttled, even the right code waits.
    response = client.post("/accounts/sign-in/code/", {"token": current_code(device)})
    assert response.status_code == 200


def test_wrong_password_gives_the_same_answer_for_unknown_users(caseworker):
    known = sign_in(Client(), caseworker.username, "wrong password, long enough")
    unknown = sign_in(Client(), "nobody-at-all", "wrong password, long enough")
    assert known.status_code == unknown.status_code == 200
    assert "Username or password incorrect." in known.content.decode()
    assert "Username or password incorrect." in unknown.content.decode()
    failures = AuditEntry.objects.filter(action="login_failed")
    assert failures.count() == 2
    assert sorted(entry.detail["known_user"] for entry in failures) == [False, True]


def test_lockout_after_five_failures_is_per_username_and_address(caseworker, device, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), caseworker.username, "wrong password, long enough", ip="10.0.0.9")
    locked = sign_in(Client(), caseworker.username, PASSWORD, ip="10.0.0.9")
    assert locked.status_code == 429
    assert "Try again in 15 minutes" in locked.content.decode()
    # The caseworker at their own desk is not locked out by someone else's attempts.
    elsewhere = sign_in(Client(), caseworker.username, PASSWORD, ip="10.0.0.1")
    assert elsewhere.status_code == 302


def test_lockout_cools_off(caseworker, device, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt

    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), caseworker.username, "wrong password, long enough", ip="10.0.0.9")
    assert sign_in(Client(), caseworker.username, ip="10.0.0.9").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - timedelta(minutes=16)
    )
    assert sign_in(Client(), caseworker.username, ip="10.0.0.9").status_code == 302


def test_first_sign_in_without_an_authenticator_goes_to_enrolment(caseworker):
    client = Client()
    response = sign_in(client, caseworker.username)
    assert response["Location"] == "/accounts/sign-in/authenticator/"
    page = client.get("/accounts/sign-in/authenticator/")
    assert page.status_code == 200 and b"<svg" in page.content
    pending = TwoFactorDevice.objects.get(user=caseworker, confirmed=False)
    response = client.post("/accounts/sign-in/authenticator/", {"token": current_code(pending)})
    assert response["Location"] == "/"
    assert TwoFactorDevice.objects.get(user=caseworker).confirmed


def test_the_session_ends_after_idle_time(caseworker, settings):
    client = verified_client(caseworker)
    session = client.session
    session["haven_seen_at"] = time.time() - settings.HAVEN_SESSION_IDLE_TIMEOUT.total_seconds() - 1
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and "expired=1" in response["Location"]
    assert client.get("/")["Location"].startswith("/accounts/sign-in/")


def test_the_session_ends_after_its_absolute_lifetime(caseworker, settings):
    client = verified_client(caseworker)
    assert client.get("/").status_code == 200
    session = client.session
    session["haven_auth_at"] = (
        time.time() - settings.HAVEN_SESSION_ABSOLUTE_TIMEOUT.total_seconds() - 1
    )
    session.save()
    assert client.get("/").status_code == 302


def test_a_password_change_ends_every_session(caseworker):
    desk, phone = verified_client(caseworker), verified_client(caseworker)
    assert phone.get("/").status_code == 200
    response = desk.post(
        "/accounts/profile/",
        {"current_password": PASSWORD, "new_password": "an entirely new passphrase 2026"},
    )
    assert response.status_code == 302
    assert phone.get("/").status_code == 302
    assert desk.get("/").status_code == 302


def test_deactivation_ends_every_session(cast, caseworker):
    session_client = verified_client(caseworker)
    assert session_client.get("/").status_code == 200
    services.user_update(
        actor=cast[Role.ADMINISTRATOR],
        user_id=caseworker.pk,
        expected_version=caseworker.version,
        role=caseworker.role,
        agency_id=caseworker.agency_id,
        is_active=False,
    )
    assert session_client.get("/").status_code == 302


def test_signing_in_issues_a_new_session_key(caseworker, device):
    client = Client()
    client.get("/accounts/sign-in/")
    client.cookies["sessionid"] = "attacker-chosen-session-id"
    sign_in(client, caseworker.username)
    assert client.cookies["sessionid"].value != "attacker-chosen-session-id"


def test_sign_out_clears_site_data(caseworker):
    client = verified_client(caseworker)
    response = client.post("/accounts/sign-out/")
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert client.get("/").status_code == 302


def test_passwords_are_hashed_with_argon2(cast, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = cast[Role.CASEWORKER]
    user.set_password("a fresh passphrase for argon")
    assert user.password.startswith("argon2$argon2id$")
