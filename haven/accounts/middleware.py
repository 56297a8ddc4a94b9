"""Session lifetime and the two-factor requirement, enforced on every request."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from haven.platform.problems import problem_response

AUTH_AT = "haven_auth_at"
SEEN_AT = "haven_seen_at"
# Write the last-seen time at most this often, not on every request.
_SEEN_RESOLUTION_SECONDS = 30


class SessionTimeoutMiddleware:
    """Ends a session after HAVEN_SESSION_IDLE_TIMEOUT of inactivity or
    HAVEN_SESSION_ABSOLUTE_TIMEOUT after sign-in, whichever comes first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = time.time()
            auth_at = request.session.get(AUTH_AT, now)
            seen_at = request.session.get(SEEN_AT, now)
            idle = settings.HAVEN_SESSION_IDLE_TIMEOUT.total_seconds()
            absolute = settings.HAVEN_SESSION_ABSOLUTE_TIMEOUT.total_seconds()
            if now - seen_at > idle or now - auth_at > absolute:
                logout(request)
                if request.path.startswith("/api/"):
                    return problem_response(401, "session-expired", _("The session has expired."))
                return redirect(f"{reverse('accounts:login')}?expired=1")
            if AUTH_AT not in request.session:
                request.session[AUTH_AT] = now
            if now - seen_at >= _SEEN_RESOLUTION_SECONDS or SEEN_AT not in request.session:
                request.session[SEEN_AT] = now
        return self.get_response(request)


# Pages a signed-in but not yet verified user may reach.
_TWO_FACTOR_EXEMPT_URL_NAMES = {
    "accounts:login",
    "accounts:logout",
    "accounts:two_factor",
    "accounts:two_factor_enrol",
    "web:set_language",
}


class TwoFactorRequiredMiddleware:
    """Where two-factor is required, a session that passed the password step
    but not the code reaches nothing but the code (or enrolment) page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):  # type: ignore[no-untyped-def]
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not two_factor_needed(request):
            return None
        match = request.resolver_match
        name = f"{match.namespace}:{match.url_name}" if match and match.namespace else None
        if name in _TWO_FACTOR_EXEMPT_URL_NAMES or request.path.startswith("/static/"):
            return None
        if request.path.startswith("/api/"):
            return problem_response(
                401, "two-factor-required", _("Complete two-factor sign-in first.")
            )
        return redirect("accounts:two_factor")


def two_factor_needed(request: HttpRequest) -> bool:
    """True while this session still owes a two-factor code."""
    user = request.user
    # OTPMiddleware adds is_verified; a user signed in during this very
    # request (the sign-in view) has not been through it yet: not verified.
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return False
    from haven.accounts.services import two_factor_device_of

    if settings.HAVEN_MFA_REQUIRED:
        return True
    # Optional mode (the demo): a user who enrolled an authenticator uses it.
    return two_factor_device_of(user) is not None  # type: ignore[arg-type]
