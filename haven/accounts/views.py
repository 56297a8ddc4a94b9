"""Sign-in, two-factor, sign-out and the user's own profile."""

from __future__ import annotations

import base64
import time
from typing import Any

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST

from haven.accounts import services
from haven.accounts.decorators import public_view, signed_in_view
from haven.accounts.forms import PasswordChangeForm, SignInForm, TwoFactorForm
from haven.accounts.middleware import AUTH_AT, two_factor_needed
from haven.kernel.errors import HavenError

SIGN_IN_FAILED = gettext_lazy("Username or password incorrect.")
CODE_REFUSED = gettext_lazy("The code was not accepted. Codes can be used only once.")


def _safe_next(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@public_view
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and not two_factor_needed(request):
        return redirect("web:home")
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
        )
        if user is None:
            if getattr(request, "axes_locked_out", False):
                return lockout_response(request, None)
            services.login_failure_record(username=form.cleaned_data["username"])
            form.add_error(None, SIGN_IN_FAILED)
        else:
            login(request, user)  # a new session key: no fixation (ASVS 7.2.4)
            request.session[AUTH_AT] = time.time()
            services.login_record(user=user)
            if two_factor_needed(request):
                if services.two_factor_device_of(user) is None:
                    return redirect("accounts:two_factor_enrol")
                return redirect(_with_next("accounts:two_factor", _safe_next(request)))
            return redirect(_safe_next(request) or "web:home")
    expired = request.GET.get("expired") == "1"
    return render(
        request,
        "accounts/sign_in.html",
        {"form": form, "expired": expired, "next": _safe_next(request) or ""},
    )


def _with_next(url_name: str, next_url: str | None) -> str:
    from django.urls import reverse
    from django.utils.http import urlencode

    url = reverse(url_name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


@signed_in_view
@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    if not two_factor_needed(request):
        return redirect("web:home")
    if services.two_factor_device_of(request.user) is None:
        return redirect("accounts:two_factor_enrol")
    form = TwoFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.two_factor_verify(user=request.user, token=form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            request.session.cycle_key()
            return redirect(_safe_next(request) or "web:home")
        form.add_error("token", CODE_REFUSED)
    return render(
        request, "accounts/two_factor.html", {"form": form, "next": _safe_next(request) or ""}
    )


@signed_in_view
@sensitive_variables("device")
@require_http_methods(["GET", "POST"])
def two_factor_enrol(request: HttpRequest) -> HttpResponse:
    """Show a new authenticator secret (QR code and text) and confirm it with a code."""
    if services.two_factor_device_of(request.user) is not None and two_factor_needed(request):
        return redirect("accounts:two_factor")
    form = TwoFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.two_factor_confirm(
                user=request.user, token=form.cleaned_data["token"]
            )
        except HavenError:
            form.add_error("token", CODE_REFUSED)
        else:
            django_otp.login(request, device)
            request.session.cycle_key()
            messages.success(request, _("Two-factor sign-in is now active for your account."))
            return redirect("web:home")
    from haven.accounts.models import TwoFactorDevice

    device = TwoFactorDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = services.two_factor_enrol(user=request.user)
    secret = base64.b32encode(device.secret_bytes).decode().rstrip("=")
    uri = (
        f"otpauth://totp/Haven:{request.user.get_username()}?secret={secret}"
        f"&issuer=Haven&digits={device.digits}&period={device.step}"
    )
    qr_svg = segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff")
    return render(
        request,
        "accounts/two_factor_enrol.html",
        {
            "form": form,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr_svg": qr_svg,
        },
    )


@signed_in_view
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    services.logout_record(user=request.user)
    logout(request)
    response = redirect("accounts:login")
    # ASVS 14.3.1: the browser forgets what it held for this site.
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@signed_in_view
@sensitive_post_parameters("current_password", "new_password")
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not request.user.check_password(form.cleaned_data["current_password"]):
            form.add_error("current_password", _("The current password is not correct."))
        else:
            try:
                services.user_set_password(
                    actor=request.user,
                    user=request.user,
                    new_password=form.cleaned_data["new_password"],
                )
            except HavenError as error:
                for message in error.extra.get("errors", {}).get("new_password", [error.message]):
                    form.add_error("new_password", message)
            else:
                logout(request)
                messages.success(
                    request, _("Your password was changed. Every session was ended: sign in again.")
                )
                return redirect("accounts:login")
    has_authenticator = services.two_factor_device_of(request.user) is not None
    return render(
        request, "accounts/profile.html", {"form": form, "has_authenticator": has_authenticator}
    )


def lockout_response(
    request: HttpRequest, credentials: Any, *args: Any, **kwargs: Any
) -> HttpResponse:
    """Shown after too many failures for this username from this address."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
