"""Per-request context the audit log records without every service passing it."""

from __future__ import annotations

from contextvars import ContextVar

current_request_id: ContextVar[str] = ContextVar("haven_request_id", default="")
