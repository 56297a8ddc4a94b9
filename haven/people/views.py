from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts.access import has_permission
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
    cases = []
    if has_permission(request.user, Permission.CASE_VIEW):
        from haven.accounts.access import cases_visible_to

        cases = list(cases_visible_to(request.user).filter(person=person))
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "cases": cases,
            "can_open_case": has_permission(request.user, Permission.CASE_CREATE),
        },
    )


@staff_view(Permission.PERSON_LIST)
@require_http_methods(["GET", "POST"])
def person_search_page(request: HttpRequest) -> HttpResponse:
    """Search before registering anyone, so nobody is registered twice. The
    search is sent by POST: a name never appears in a URL, a log or history."""
    from haven.cases.forms import PersonSearchForm

    form = PersonSearchForm(request.POST or None)
    matches = None
    if form.is_valid() and any(form.cleaned_data.values()):
        matches = selectors.person_search(actor=request.user, **form.cleaned_data)
    template = "people/_search_results.html" if request.htmx else "people/person_search.html"
    return render(request, template, {"form": form, "matches": matches})


@staff_view(Permission.PERSON_CREATE)
@require_http_methods(["GET", "POST"])
def person_register(request: HttpRequest) -> HttpResponse:
    from haven.accounts.admin_views import apply_errors
    from haven.cases.forms import PersonForm
    from haven.kernel.errors import HavenError
    from haven.people import services

    form = PersonForm(request.POST or None, initial={"original_name": request.GET.get("name", "")})
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_register(actor=request.user, **form.service_arguments())
        except HavenError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Person registered."))
            return redirect("people:detail", person_id=person.pk)
    return render(request, "people/person_form.html", {"form": form})


@staff_view(Permission.CASE_CREATE)
@require_POST
def person_open_case(request: HttpRequest, person_id: str) -> HttpResponse:
    from haven.cases import services

    try:
        case = services.case_open(actor=request.user, person_id=person_id)
    except NotFound:
        return handler404(request)
    messages.success(request, _("Case opened."))
    if has_permission(request.user, Permission.CASE_VIEW):
        return redirect("cases:detail", case_id=case.pk)
    return redirect("people:detail", person_id=person_id)
