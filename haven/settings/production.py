"""Production: refuses to start unless it is configured safely.

Required: HAVEN_SECRET_KEY (50+ random characters), HAVEN_ALLOWED_HOSTS, and a
key file (HAVEN_KEY_FILE) or a data directory holding one. Serve behind a TLS
proxy; set HAVEN_PROXY_SSL_HEADER=true when that proxy sets X-Forwarded-Proto.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from haven.settings.base import *  # noqa: F403
from haven.settings.base import HAVEN_KEY_FILE, SECRET_KEY
from haven.settings.env import env_bool, env_list

if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "HAVEN_SECRET_KEY must be set to a random value of at least 50 characters "
        "(for example: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

ALLOWED_HOSTS = env_list("HAVEN_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "HAVEN_ALLOWED_HOSTS must list the host names this server answers to (no '*')."
    )

if not HAVEN_KEY_FILE.is_file():
    raise ImproperlyConfigured(
        f"No encryption key file at {HAVEN_KEY_FILE}: create one with 'haven keys init' "
        "and keep it outside the database and its backups."
    )

HAVEN_MFA_REQUIRED = True

SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("HAVEN_HSTS_PRELOAD", True)
if env_bool("HAVEN_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
