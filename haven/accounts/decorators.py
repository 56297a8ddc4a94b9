"""Every HTML view declares who may use it. The permission-matrix test walks
all URLs and fails on any view without a declaration."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from haven.accounts import access
from haven.accounts.roles import Permission

PUBLIC = "public"
SIGNED_IN = "signed-in"


def staff_view(permission: Permission) -> Callable[[Callable[..., HttpResponse]], Callable]:
    """Signed-in staff whose role holds ``permission``; others get 403 (or the
    sign-in page when anonymous). Object scope is checked by access.py inside."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not access.has_permission(request.user, permission):
                from haven.web.errors import forbidden_page

                return forbidden_page(request)
            return view(request, *args, **kwargs)

        wrapper.haven_access = permission  # type: ignore[attr-defined]
        return wrapper

    return decorate


def signed_in_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Any signed-in account, whatever its role (sign-out, own profile)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper.haven_access = SIGNED_IN  # type: ignore[attr-defined]
    return wrapper


def public_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    view.haven_access = PUBLIC  # type: ignore[attr-defined]
    return view
