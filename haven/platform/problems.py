"""One error format for the API: RFC 9457 problem details.

Every error body is ``application/problem+json`` with ``type``, ``title``,
``status``, ``detail`` and Haven's stable ``code``; validation errors add
``errors`` (field → messages). Out-of-scope and missing records answer alike.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions as drf_exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_default_handler

from haven.kernel.errors import ErrorCode, HavenError

logger = logging.getLogger("haven.problems")

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "https://haven.invalid/problems/"

_TITLES = {
    400: "Bad request",
    401: "Not authenticated",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    412: "Precondition failed",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    428: "Precondition required",
    429: "Too many requests",
    500: "Internal server error",
}


def problem(
    status: int,
    code: str,
    detail: str,
    *,
    errors: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": TYPE_BASE + code,
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "code": code,
    }
    if errors:
        body["errors"] = errors
    return body


def problem_response(status: int, code: str, detail: str, **kwargs: Any) -> JsonResponse:
    """For plain Django views and handlers outside DRF."""
    return JsonResponse(
        problem(status, code, detail, errors=kwargs.get("errors")),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


_DRF_CODES = {
    drf_exceptions.NotAuthenticated: "not-authenticated",
    drf_exceptions.AuthenticationFailed: "authentication-failed",
    drf_exceptions.PermissionDenied: ErrorCode.PERMISSION_DENIED.value,
    drf_exceptions.NotFound: ErrorCode.NOT_FOUND.value,
    drf_exceptions.MethodNotAllowed: "method-not-allowed",
    drf_exceptions.NotAcceptable: "not-acceptable",
    drf_exceptions.UnsupportedMediaType: "unsupported-media-type",
    drf_exceptions.Throttled: "too-many-requests",
    drf_exceptions.ParseError: "malformed-request",
    drf_exceptions.ValidationError: ErrorCode.VALIDATION_FAILED.value,
}


def _flatten(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {str(k): _flatten(v) for k, v in detail.items()}
    if isinstance(detail, list):
        return [_flatten(v) for v in detail]
    return str(detail)


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, HavenError):
        body = problem(exc.status, exc.code.value, exc.message, errors=exc.extra.get("errors"))
        return _problem(body, exc.status)
    if isinstance(exc, Http404):
        exc = drf_exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = drf_exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        exc = drf_exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    response = drf_default_handler(exc, context)
    if response is None:
        return None  # unexpected: Django's handler500 answers with a problem, logged there
    code = next((c for t, c in _DRF_CODES.items() if isinstance(exc, t)), "error")
    if isinstance(exc, drf_exceptions.ValidationError):
        errors = _flatten(exc.detail)
        if not isinstance(errors, dict):
            errors = {"non_field_errors": errors}
        detail = _("The request has invalid fields.")
    else:
        errors = None
        detail = str(getattr(exc, "detail", exc))
    body = problem(response.status_code, code, detail, errors=errors)
    return _problem(body, response.status_code, headers=dict(response.items()))


def _problem(body: dict[str, Any], status: int, headers: dict[str, str] | None = None) -> Response:
    response = Response(body, status=status, content_type=PROBLEM_CONTENT_TYPE)
    for name, value in (headers or {}).items():
        if name.lower() in ("www-authenticate", "retry-after", "allow"):
            response[name] = value
    return response


# --- the OpenAPI schema documents these answers ------------------------------

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "An RFC 9457 problem document.",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "code": {"type": "string", "description": "Haven's stable error code."},
        "errors": {
            "type": "object",
            "additionalProperties": {},
            "description": "For invalid input: the messages for each field at fault.",
        },
    },
    "required": ["type", "title", "status", "detail", "code"],
}


def _problem_statuses(operation: dict[str, Any]) -> set[int]:
    """The error statuses this operation can answer with, from what it declares."""
    parameters = operation.get("parameters", [])
    headers = {p["name"].lower() for p in parameters if p["in"] == "header"}
    statuses = {400, 401, 403, 406}
    if any(p["in"] == "path" for p in parameters):
        statuses.add(404)
    if "requestBody" in operation:
        # Writes may also name records out of reach, or collide with another write.
        statuses |= {404, 409, 413, 415}
    if "idempotency-key" in headers:
        statuses |= {409, 422}
    if "if-match" in headers:
        statuses |= {412, 428}
    return statuses


def document_problem_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: every operation documents the
    problem documents it can answer with, so clients and contract tests know
    both the status codes and the body."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    content = {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status in sorted(_problem_statuses(operation)):
                responses.setdefault(
                    str(status), {"description": _TITLES[status], "content": content}
                )
    return result
