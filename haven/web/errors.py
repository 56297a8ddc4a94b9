"""Error pages in the user's language, and problem documents under /api/."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from haven.platform.problems import problem_response

logger = logging.getLogger("haven.errors")


def _page(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "status": status,
            "title": title,
            "message": message,
            "request_id": getattr(request, "request_id", ""),
        },
        status=status,
    )


def bad_request_page(request: HttpRequest, status: int = 400) -> HttpResponse:
    if status == 413:
        return _page(
            request,
            413,
            _("Too much data"),
            _("What you sent is larger than this page accepts. Shorten it and try again."),
        )
    return _page(
        request,
        400,
        _("Something in the request was not right"),
        _("The page could not read what was sent. Go back and try again."),
    )


def forbidden_page(request: HttpRequest) -> HttpResponse:
    return _page(
        request,
        403,
        _("Not available to your role"),
        _("Your role does not give access to this page."),
    )


def handler400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(400, "malformed-request", _("The request could not be read."))
    return bad_request_page(request)


def handler403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(
            403, "permission-denied", _("You do not have permission to do this.")
        )
    return forbidden_page(request)


def handler404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(404, "not-found", _("Not found."))
    return _page(
        request, 404, _("Not found"), _("This page does not exist, or it is not available to you.")
    )


def handler500(request: HttpRequest) -> HttpResponse:
    logger.error("unexpected error, request %s", getattr(request, "request_id", "-"))
    if request.path.startswith("/api/"):
        return problem_response(
            500,
            "internal-error",
            _("Something went wrong on our side. Quote this reference: %(ref)s")
            % {"ref": getattr(request, "request_id", "-")},
        )
    return _page(
        request,
        500,
        _("Something went wrong"),
        _(
            "Something went wrong on our side. Nothing you entered is lost if you "
            "go back. Quote this reference to your administrator."
        ),
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(403, "csrf-failed", _("The request lacks a valid CSRF token."))
    return _page(
        request,
        403,
        _("This form has expired"),
        _(
            "For your safety the form could not be accepted. Go back, reload the page "
            "and send it again."
        ),
    )
