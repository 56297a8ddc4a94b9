"""Haven's own deployment checks, run by ``check --deploy``."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

WEAK_HASHERS = (
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedMD5PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",
    "django.contrib.auth.hashers.SHA1PasswordHasher",
)


@register(Tags.security, deploy=True)
def check_password_hashing(app_configs: Any, **kwargs: Any) -> list:
    first = settings.PASSWORD_HASHERS[0]
    if first != "django.contrib.auth.hashers.Argon2PasswordHasher":
        return [Error("Passwords must be hashed with Argon2 first.", id="haven.E101")]
    if any(h in WEAK_HASHERS for h in settings.PASSWORD_HASHERS):
        return [Error("A weak password hasher is enabled.", id="haven.E102")]
    return []


@register(Tags.security, deploy=True)
def check_two_factor(app_configs: Any, **kwargs: Any) -> list:
    if not settings.HAVEN_MFA_REQUIRED:
        return [Warning("Two-factor authentication is not required for staff.", id="haven.W103")]
    return []


@register(Tags.security, deploy=True)
def check_content_security_policy(app_configs: Any, **kwargs: Any) -> list:
    directives = settings.CONTENT_SECURITY_POLICY.get("DIRECTIVES", {})
    problems = []
    for name in ("script-src", "style-src", "default-src"):
        values = [str(v) for v in directives.get(name, [])]
        if "'unsafe-inline'" in values or "'unsafe-eval'" in values:
            problems.append(Error(f"CSP {name} allows unsafe code.", id="haven.E104"))
    if "default-src" not in directives:
        problems.append(Error("CSP has no default-src.", id="haven.E105"))
    return problems


@register(Tags.security, deploy=True)
def check_encryption_keys(app_configs: Any, **kwargs: Any) -> list:
    from haven.platform.crypto.keys import KeyFileError, get_keyring

    try:
        ring = get_keyring()
    except KeyFileError as error:
        return [Error(f"Field encryption keys cannot be loaded: {error}", id="haven.E106")]
    if getattr(settings, "HAVEN_AUTO_CREATE_KEYS", False):
        return [Warning("Encryption keys are created automatically.", id="haven.W107")]
    if ring.primary_key == settings.SECRET_KEY.encode()[:32]:
        return [Error("The encryption key must not derive from SECRET_KEY.", id="haven.E108")]
    return []
