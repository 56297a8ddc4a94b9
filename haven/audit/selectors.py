from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator

from haven.accounts import access


def audit_page(*, actor: Any, page_number: object = 1, page_size: int = 50) -> Page:
    queryset = access.audit_entries_visible_to(actor).order_by("-created_at", "-id")
    return Paginator(queryset, page_size).get_page(page_number)
