"""Shared fixtures: a fixed cast of agencies and one user per role, clients
signed in with two-factor, and the audit guard handled around flushes."""

from __future__ import annotations

import os

import django_otp
import hypothesis
import pytest
from django.test import Client

from haven.accounts.models import AgencyKind, TwoFactorDevice, User
from haven.accounts.roles import Role
from tests.factories import give_authenticator, make_agency, make_user

# --- no timing in tests: hypothesis' per-example deadline fails on a busy machine
hypothesis.settings.register_profile("haven", deadline=None)
hypothesis.settings.load_profile("haven")


# --- CI: a skipped test is a failed test -------------------------------------


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # type: ignore[no-untyped-def]
    """With HAVEN_NO_SKIPS=1 (CI sets it) every skip is reported as a failure."""
    outcome = yield
    report = outcome.get_result()
    if (
        os.environ.get("HAVEN_NO_SKIPS") == "1"
        and report.skipped
        and not hasattr(report, "wasxfail")
    ):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must run every test: {report.longrepr}"


# --- the audit table refuses DELETE: release it for test-database flushes ---


@pytest.fixture(autouse=True)
def _audit_guard_for_flush(request):  # type: ignore[no-untyped-def]
    """Transactional tests end with a flush (DELETE/TRUNCATE of every table),
    which the audit triggers rightly refuse. Reinstall the guard before such a
    test and remove it just before the flush."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction"))
    if not (transactional or {"transactional_db", "live_server"} & set(request.fixturenames)):
        yield
        return
    from django.db import connection

    from haven.audit import db_guard

    request.getfixturevalue("transactional_db")
    db_guard.install(connection)
    yield
    db_guard.remove(connection)


# --- the cast ----------------------------------------------------------------


@pytest.fixture
def agencies(db):  # type: ignore[no-untyped-def]
    return {
        "shelter": make_agency("Shelter A", AgencyKind.SHELTER),
        "other_shelter": make_agency("Shelter B", AgencyKind.SHELTER),
        "hotline": make_agency("Hotline", AgencyKind.HOTLINE),
        "police": make_agency("Police unit", AgencyKind.POLICE),
        "authority": make_agency("Authority", AgencyKind.COMPETENT_AUTHORITY),
        "tracing": make_agency("Tracing", AgencyKind.TRACING_SERVICE),
        "statistics": make_agency("Statistics", AgencyKind.STATISTICS_OFFICE),
    }


ROLE_AGENCY = {
    Role.HOTLINE_OPERATOR: "hotline",
    Role.CASEWORKER: "shelter",
    Role.FIRST_RESPONDER: "police",
    Role.DECISION_MAKER: "authority",
    Role.TRACING_OFFICER: "tracing",
    Role.ANALYST: "statistics",
    Role.ADMINISTRATOR: None,
}


@pytest.fixture
def cast(agencies):  # type: ignore[no-untyped-def]
    """One user per role, keyed by role value."""
    return {
        role: make_user(f"u_{role}", role, agencies[key] if key else None)
        for role, key in ROLE_AGENCY.items()
    }


def verified_client(user: User) -> Client:
    """A client signed in past two-factor, as after a full sign-in."""
    client = Client()
    client.force_login(user)
    device = TwoFactorDevice.objects.filter(
        user=user, confirmed=True
    ).first() or give_authenticator(user)
    session = client.session
    session[django_otp.DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def client_for():  # type: ignore[no-untyped-def]
    return verified_client
