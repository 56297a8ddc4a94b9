from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from haven.accounts import access
from haven.web.navigation import NAV_ITEMS


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not access.is_staff_user(user):
        return {"nav_items": []}
    items = [
        {"url": reverse(item.url_name), "label": item.label, "description": item.description}
        for item in NAV_ITEMS
        if access.has_permission(user, item.permission)
    ]
    return {"nav_items": items}
