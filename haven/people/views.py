from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from haven.accounts.decorators import staff_view
from haven.accounts.roles import Permission
from haven.kernel.errors import NotFound
from haven.people import selectors
from haven.web.errors import handler404


@staff_view(Permission.PERSON_LIST)
@require_GET
def person_list(request: HttpRequest) -> HttpResponse:
    page = selectors.person_page(actor=request.user, page_number=request.GET.get("page", 1))
    template = "people/_person_table.html" if request.htmx else "people/person_list.html"
    return render(request, template, {"page": page})


@staff_view(Permission.PERSON_VIEW)
@require_GET
def person_detail(request: HttpRequest, person_id: str) -> HttpResponse:
    try:
        person = selectors.person_get(actor=request.user, person_id=person_id)
    except NotFound:
        return handler404(request)
    return render(request, "people/person_detail.html", {"person": person})
