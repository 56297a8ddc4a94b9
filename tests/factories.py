"""Builders for test data: agencies, users, authenticators."""

from __future__ import annotations

import secrets
import time

from haven.accounts.models import Agency, AgencyKind, TwoFactorDevice, User

PASSWORD = "correct horse battery staple 42"


def make_agency(name: str, kind: str = AgencyKind.NGO, country: str = "MT") -> Agency:
    agency = Agency(name=name, kind=kind, country=country)
    agency.save(force_insert=True)
    return agency


def make_user(username: str, role: str, agency: Agency | None) -> User:
    user = User(username=username, role=role, agency=agency)
    user.set_password(PASSWORD)
    user.save(force_insert=True)
    return user


def give_authenticator(user: User, secret: str | None = None) -> TwoFactorDevice:
    device = TwoFactorDevice(
        user=user, name="phone", confirmed=True, secret=secret or secrets.token_hex(20)
    )
    device.save(force_insert=True)
    return device


def current_code(device: TwoFactorDevice, offset_steps: int = 0) -> str:
    generator = device.totp(at=time.time() + offset_steps * device.step)
    return f"{generator.token():06d}"
