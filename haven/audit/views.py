from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from haven.accounts.decorators import staff_view
from haven.accounts.roles import Permission
from haven.audit.selectors import audit_page


@staff_view(Permission.AUDIT_VIEW)
@require_GET
def audit_list(request: HttpRequest) -> HttpResponse:
    page = audit_page(actor=request.user, page_number=request.GET.get("page", 1))
    return render(request, "audit/audit_list.html", {"page": page})
