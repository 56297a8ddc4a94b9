from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.i18n import set_language as django_set_language

from haven.accounts.decorators import public_view, staff_view
from haven.accounts.roles import Permission
from haven.web.navigation import ROLE_PURPOSE


@staff_view(Permission.HOME_VIEW)
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/home.html",
        {"role_purpose": ROLE_PURPOSE.get(request.user.role, "")},
    )


@public_view
def set_language(request: HttpRequest) -> HttpResponse:
    """Anyone may change language, signed in or not (the sign-in page offers it)."""
    return django_set_language(request)


@public_view
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})
