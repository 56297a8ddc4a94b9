"""Secure defaults shared by every mode. Nothing here is relaxed for convenience:
dev and test loosen only what they must, production only adds checks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from haven.settings.env import data_dir, env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = data_dir()

SECRET_KEY = env_str("HAVEN_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("HAVEN_ALLOWED_HOSTS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_otp",
    "axes",
    "csp",
    "haven.platform",
    "haven.audit",
    "haven.accounts",
    "haven.people",
    "haven.intake",
    "haven.cases",
    "haven.referrals",
    "haven.tracing",
    "haven.rights",
    "haven.portal",
    "haven.web",
]

MIDDLEWARE = [
    "haven.platform.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "haven.accounts.middleware.SessionTimeoutMiddleware",
    "haven.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "haven.platform.middleware.NoStoreMiddleware",
    "haven.platform.middleware.BadInputMiddleware",
    # Axes must stay last: it turns its lockout exception into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "haven.urls"
WSGI_APPLICATION = "haven.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "haven.web.context_processors.navigation",
            ],
        },
    }
]


def _database_settings() -> dict:
    url = env_str("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    else:
        config = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "haven.sqlite3"),
        }
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            # IMMEDIATE takes the write lock at BEGIN, so two writers never both
            # read the audit chain head before one of them commits.
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
    return config


DATABASES = {"default": _database_settings()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS 6.2.1 strongly recommends 15 characters; no composition rules (6.2.5).
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 15},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"

# Lockout keyed on username AND address, with a cool-off: a permanent lock by
# username alone would let anyone lock a caseworker out during a crisis.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("HAVEN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("HAVEN_LOGIN_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "haven.accounts.views.lockout_response"
AXES_IPWARE_PROXY_COUNT = env_int("HAVEN_PROXY_COUNT", 0) or None
AXES_VERBOSE = False

# Two-factor authentication for every staff role (TOTP, codes usable once).
HAVEN_MFA_REQUIRED = env_bool("HAVEN_MFA_REQUIRED", True)
OTP_TOTP_ISSUER = "Haven"

# Sessions: an absolute lifetime and an idle timeout (ASVS 7.3.1, 7.3.2).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = int(timedelta(hours=10).total_seconds())
HAVEN_SESSION_IDLE_TIMEOUT = timedelta(minutes=env_int("HAVEN_SESSION_IDLE_MINUTES", 30))
HAVEN_SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=10)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "haven.web.errors.csrf_failure"

SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin", not "no-referrer": with no-referrer browsers send "Origin: null"
# on form posts, which CSRF protection rightly refuses. Nothing leaks off-site either way.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: our own files only, scripts by nonce, nothing inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Bad input: bounded sizes, refused rather than truncated.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 500
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = env_str(
    "HAVEN_STATIC_ROOT"
)  # only for collectstatic; whitenoise serves from the apps
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False

# The public portal: numbers shown on every page, the neutral site its quick
# exit leaves for, and the jurisdiction whose rights pages it shows.
HAVEN_EMERGENCY_NUMBERS = [("Emergency", "112")]
HAVEN_HOTLINE_NUMBER = env_str("HAVEN_HOTLINE_NUMBER", "")
HAVEN_PORTAL_EXIT_URL = env_str("HAVEN_PORTAL_EXIT_URL", "https://www.wikipedia.org/")
HAVEN_JURISDICTION = env_str("HAVEN_JURISDICTION", "")
FILE_UPLOAD_HANDLERS = ["haven.platform.uploads.BoundedMemoryUploadHandler"]

# Field encryption keys live outside the database (a key file or the environment).
HAVEN_KEY_FILE = Path(env_str("HAVEN_KEY_FILE", str(DATA_DIR / "keys.json")))

# Parallel audit chains: audited transactions that run at the same time take
# different chains instead of queueing on one lock until commit (PostgreSQL;
# SQLite serialises writers anyway and uses one).
HAVEN_AUDIT_CHAINS = 16

# Idempotency records are kept this long, then purged.
HAVEN_IDEMPOTENCY_TTL = timedelta(hours=48)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "haven.accounts.api_auth.TokenAuthentication",
        "haven.accounts.api_auth.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["haven.accounts.api_auth.HasRolePermission"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "haven.platform.problems.api_exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_THROTTLE_RATES": {"anon": "60/minute"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Haven API",
    "DESCRIPTION": (
        "The programmatic interface of Haven. Every read and write is scoped by the "
        "caller's role and agency and recorded in the audit log. Errors are RFC 9457 "
        "problem details. Creations need an Idempotency-Key header; updates need If-Match."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "ENUM_NAME_OVERRIDES": {
        "AgencyKindEnum": "haven.accounts.models.AgencyKind",
        "DecisionKindEnum": "haven.cases.models.DecisionKind",
        "ChannelEnum": "haven.intake.models.Channel",
        "StaffChannelEnum": "haven.intake.models.STAFF_CHANNELS",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "haven.platform.problems.document_problem_responses",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Never log request bodies or parameters: they may hold a person's words.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "haven": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
