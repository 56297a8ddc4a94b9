"""Request-wide safety: a request id, no caching of personal pages, and bad
input answered with a clear 400 rather than a 500."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from haven.audit.context import current_request_id
from haven.platform.problems import problem_response


class RequestIdMiddleware:
    """A random id per request, carried into audit entries and error pages so
    an incident can be traced without logging anything about the person."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = uuid.uuid4().hex  # type: ignore[attr-defined]
        token = current_request_id.set(request.request_id)  # type: ignore[attr-defined]
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request.request_id  # type: ignore[attr-defined]
        return response


class NoStoreMiddleware:
    """Pages may carry personal data: no browser or proxy keeps a copy
    (ASVS 14.3.2). Only static files, served before this runs, are cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_cache_control(response, no_store=True, private=True, max_age=0)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class BadInputMiddleware:
    """Bodies too large or undecodable get a 4xx answer in the right format.

    Django raises these lazily when a view first reads request.POST or
    request.body; catching them here turns them into a plain 400/413 for the UI
    and a problem document for the API, never a stack trace.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from haven.web.errors import bad_request_page

        if isinstance(exception, RequestDataTooBig):
            status, code = 413, "content-too-large"
        elif isinstance(exception, UnicodeDecodeError):
            status, code = 400, "malformed-request"
        elif isinstance(exception, SuspiciousOperation):
            status, code = 400, "malformed-request"
        else:
            return None
        if request.path.startswith("/api/"):
            from django.utils.translation import gettext as _

            detail = (
                _("The request body is too large.")
                if status == 413
                else _("The request could not be read.")
            )
            return problem_response(status, code, detail)
        return bad_request_page(request, status=status)
