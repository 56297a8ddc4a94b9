"""Case pages: thin views that parse forms and call services and selectors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts import access
from haven.accounts.admin_views import apply_errors
from haven.accounts.decorators import staff_view
from haven.accounts.roles import Permission
from haven.cases import forms, selectors, services
from haven.cases.models import CaseStatus
from haven.kernel.errors import HavenError, NotFound, StaleVersion
from haven.web.errors import handler404


def _changed_meanwhile(request: HttpRequest, case_id: object) -> HttpResponse:
    return render(
        request,
        "web/changed_meanwhile.html",
        {"current": [], "submitted": [], "retry_url": reverse("cases:detail", args=[case_id])},
        status=409,
    )


@staff_view(Permission.CASE_LIST)
@require_http_methods(["GET", "POST"])
def case_list(request: HttpRequest) -> HttpResponse:
    """Filters travel by POST, so a searched name is never in a URL; the
    pagination links carry only the non-personal filters."""
    form = forms.CaseFilterForm(
        request.POST or request.GET or None, agencies=selectors.case_agencies(actor=request.user)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    page = selectors.case_page(
        actor=request.user,
        name=filters.get("name", ""),
        status=filters.get("status", ""),
        agency_id=filters.get("agency", ""),
        overdue_only=filters.get("overdue", False),
        page_number=request.GET.get("page", 1),
    )
    query = (request.POST or request.GET).copy()
    for private in ("page", "name", "csrfmiddlewaretoken"):
        query.pop(private, None)
    return render(
        request, "cases/case_list.html", {"page": page, "form": form, "query": query.urlencode()}
    )


@staff_view(Permission.CASE_VIEW)
@require_GET
def case_detail(request: HttpRequest, case_id: str) -> HttpResponse:
    try:
        casefile = selectors.case_get(actor=request.user, case_id=case_id)
    except NotFound:
        return handler404(request)
    user = request.user
    can_change = (
        access.has_permission(user, Permission.CASE_CHANGE)
        and casefile.case.agency_id == user.agency_id
    )
    return render(
        request,
        "cases/case_detail.html",
        {
            "file": casefile,
            "case": casefile.case,
            "person": casefile.case.person,
            "can_change": can_change,
            "can_decide": access.has_permission(user, Permission.DECISION_RECORD)
            and casefile.case.submitted_for_identification_on is not None,
            "status_form": forms.CaseStatusForm(initial={"version": casefile.case.version}),
            "removal_form": forms.RemovalPlanForm(initial={"version": casefile.case.version}),
            "statuses": [
                (value, label)
                for value, label in CaseStatus.choices
                if value in casefile.allowed_statuses
            ],
        },
    )


@staff_view(Permission.DEADLINES_VIEW)
@require_GET
def my_deadlines(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "cases/my_deadlines.html",
        {"deadlines": selectors.my_deadlines(actor=request.user)},
    )


def _case_record(
    request: HttpRequest,
    case_id: str,
    *,
    form: Any,
    title: str,
    save: Callable[[Any, dict], Any],
    success: str,
    for_decision: bool = False,
) -> HttpResponse:
    try:
        case = (
            access.access_case_for_decision(request.user, case_id)
            if for_decision
            else access.access_case_by_id(request.user, case_id, for_change=True)
        )
    except NotFound:
        return handler404(request)
    if request.method == "POST" and form.is_valid():
        try:
            save(case, form.cleaned_data)
        except StaleVersion:
            return _changed_meanwhile(request, case.pk)
        except HavenError as error:
            apply_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/record_form.html", {"form": form, "case": case, "title": title})


@staff_view(Permission.CASE_CHANGE)
@require_http_methods(["GET", "POST"])
def case_facts_edit(request: HttpRequest, case_id: str) -> HttpResponse:
    try:
        case = access.access_case_by_id(request.user, case_id, for_change=True)
    except NotFound:
        return handler404(request)
    initial = {name: getattr(case, name) for name in services.CASE_FACT_FIELDS}
    initial["version"] = case.version
    form = forms.CaseFactsForm(request.POST or None, initial=initial)

    def save(case: Any, data: dict) -> Any:
        version = data.pop("version")
        return services.case_update_facts(
            actor=request.user, case_id=case.pk, expected_version=version, changes=data
        )

    return _case_record(
        request,
        case_id,
        form=form,
        title=_("Circumstances of the case"),
        save=save,
        success=_("Saved. Obligations were recomputed."),
    )


@staff_view(Permission.CASE_CHANGE)
@require_POST
def case_status_change(request: HttpRequest, case_id: str) -> HttpResponse:
    form = forms.CaseStatusForm(request.POST)

    def save(case: Any, data: dict) -> Any:
        return services.case_change_status(
            actor=request.user,
            case_id=case.pk,
            expected_version=data["version"],
            status=data["status"],
            closure_reason=data["closure_reason"],
            closure_note=data["closure_note"],
        )

    return _case_record(
        request,
        case_id,
        form=form,
        title=_("Change status"),
        save=save,
        success=_("Status changed."),
    )


@staff_view(Permission.CASE_CHANGE)
@require_POST
def case_submit(request: HttpRequest, case_id: str) -> HttpResponse:
    form = forms.VersionedForm(request.POST)

    def save(case: Any, data: dict) -> Any:
        return services.case_submit_for_identification(
            actor=request.user, case_id=case.pk, expected_version=data["version"]
        )

    return _case_record(
        request,
        case_id,
        form=form,
        title=_("Submit for identification"),
        save=save,
        success=_("Submitted to the competent authority."),
    )


@staff_view(Permission.CASE_CHANGE)
@require_POST
def removal_plan(request: HttpRequest, case_id: str) -> HttpResponse:
    form = forms.RemovalPlanForm(request.POST)

    def save(case: Any, data: dict) -> Any:
        return services.removal_plan(
            actor=request.user,
            case_id=case.pk,
            expected_version=data["version"],
            planned_on=data["planned_on"],
        )

    return _case_record(
        request,
        case_id,
        form=form,
        title=_("Planned removal"),
        save=save,
        success=_("Planned removal recorded."),
    )


@staff_view(Permission.DECISION_RECORD)
@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest, case_id: str) -> HttpResponse:
    try:
        case = access.access_case_for_decision(request.user, case_id)
    except NotFound:
        return handler404(request)
    earlier = list(case.decisions.order_by("-decided_on"))
    form = forms.DecisionForm(request.POST or None, earlier=earlier)

    def save(case: Any, data: dict) -> Any:
        return services.decision_record(
            actor=request.user,
            case_id=case.pk,
            kind=data["kind"],
            outcome=data["outcome"],
            threshold=data["threshold"],
            reasons=data["reasons"],
            decided_on=data["decided_on"],
            reconsideration_of=data["reconsideration_of"] or None,
        )

    return _case_record(
        request,
        case_id,
        form=form,
        title=_("Record a decision"),
        save=save,
        success=_("Decision recorded."),
        for_decision=True,
    )


def _simple_record(
    form_class: type,
    title: Any,
    success: Any,
    service: Callable[..., Any],
    adapt: Callable[[dict], dict] | None = None,
):
    @staff_view(Permission.CASE_CHANGE)
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest, case_id: str) -> HttpResponse:
        form = form_class(request.POST or None)

        def save(case: Any, data: dict) -> Any:
            arguments = adapt(dict(data)) if adapt else dict(data)
            return service(actor=request.user, case_id=case.pk, **arguments)

        return _case_record(request, case_id, form=form, title=title, save=save, success=success)

    return view


def _charge_arguments(data: dict) -> dict:
    data["compelled_by_trafficking"] = forms.tri_state(data["compelled_by_trafficking"])
    return data


def _return_arguments(data: dict) -> dict:
    return {"data": {**data, "voluntary": forms.tri_state(data["voluntary"])}}


detention_create = _simple_record(
    forms.DetentionForm,
    gettext_lazy("Record detention or arrest"),
    gettext_lazy("Detention recorded. Obligations were recomputed."),
    services.detention_record,
)
charge_create = _simple_record(
    forms.ChargeForm,
    gettext_lazy("Record a criminal charge"),
    gettext_lazy("Charge recorded. Obligations were recomputed."),
    services.charge_record,
    _charge_arguments,
)
age_assessment_create = _simple_record(
    forms.AgeAssessmentForm,
    gettext_lazy("Record an age assessment"),
    gettext_lazy("Age assessment recorded. Obligations were recomputed."),
    services.age_assessment_record,
)
return_plan_edit = _simple_record(
    forms.ReturnPlanForm,
    gettext_lazy("Return and reintegration plan"),
    gettext_lazy("Return plan saved. Obligations were recomputed."),
    services.return_plan_save,
    _return_arguments,
)
assistance_create = _simple_record(
    forms.AssistanceForm,
    gettext_lazy("Record assistance"),
    gettext_lazy("Assistance recorded. Obligations were recomputed."),
    services.assistance_record,
)


@staff_view(Permission.CASE_CHANGE)
@require_http_methods(["GET", "POST"])
def screening_create(request: HttpRequest, case_id: str) -> HttpResponse:
    """A long form: it can be saved as a draft and resumed, so nothing is lost."""
    from haven.cases.domain.catalogues import CATALOGUES

    try:
        case = access.access_case_by_id(request.user, case_id, for_change=True)
    except NotFound:
        return handler404(request)
    version = request.GET.get("catalogue") or request.POST.get("catalogue_version") or ""
    catalogue = CATALOGUES.get(version)
    if catalogue is None:
        return render(
            request,
            "cases/screening_choose.html",
            {"case": case, "catalogues": CATALOGUES.values()},
        )
    draft_key = f"screening:{case.pk}:{version}"
    draft = services.draft_load(actor=request.user, form_key=draft_key)
    form = forms.ScreeningForm(request.POST or None, catalogue=catalogue, initial=draft or {})
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "draft":
            services.draft_save(
                actor=request.user,
                form_key=draft_key,
                data={k: v for k, v in form.cleaned_data.items() if v},
            )
            messages.success(request, _("Draft saved. You can come back to it later."))
            return redirect(
                f"{reverse('cases:screening_create', args=[case.pk])}?catalogue={version}"
            )
        try:
            services.screening_save(
                actor=request.user,
                case_id=case.pk,
                catalogue=version,
                answers=form.answers(),
                completed=form.cleaned_data["completed"],
            )
        except HavenError as error:
            apply_errors(form, error)
        else:
            services.draft_discard(actor=request.user, form_key=draft_key)
            messages.success(request, _("Screening saved."))
            return redirect("cases:detail", case_id=case.pk)
    return render(
        request,
        "cases/screening_form.html",
        {"case": case, "form": form, "catalogue": catalogue, "has_draft": draft is not None},
    )


@staff_view(Permission.CASE_CHANGE)
@require_http_methods(["GET", "POST"])
def exploitation_edit(request: HttpRequest, case_id: str) -> HttpResponse:
    try:
        case = access.access_case_by_id(request.user, case_id, for_change=True)
    except NotFound:
        return handler404(request)
    current = getattr(case, "exploitation", None) if hasattr(case, "exploitation") else None
    initial = {}
    if current is not None:
        initial = {
            "forms": current.forms,
            "labour_sectors": current.labour_sectors,
            "sexual_exploitation_types": current.sexual_types,
            "means_of_control": current.means_of_control,
            "recruiter_relations": current.recruiter_relations,
            "countries_of_origin": ", ".join(current.countries_of_origin),
            "countries_of_transit": ", ".join(current.countries_of_transit),
            "countries_of_exploitation": ", ".join(current.countries_of_exploitation),
            "started_on": current.started_on,
            "ended_on": current.ended_on,
            "notes": current.notes,
        }
    form = forms.ExploitationForm(request.POST or None, initial=initial)

    def save(case: Any, data: dict) -> Any:
        return services.exploitation_save(
            actor=request.user, case_id=case.pk, data=form.service_data()
        )

    return _case_record(
        request,
        case_id,
        form=form,
        title=_("Exploitation details"),
        save=save,
        success=_("Exploitation details saved."),
    )
