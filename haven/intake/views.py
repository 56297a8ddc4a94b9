"""Intake pages: the triage queue, a new intake, and triage itself with
search-before-create."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts import access
from haven.accounts.admin_views import apply_errors
from haven.accounts.decorators import staff_view
from haven.accounts.models import Agency, AgencyKind
from haven.accounts.roles import Permission
from haven.cases import forms, selectors, services
from haven.cases.models import Case
from haven.intake import services as intake_services
from haven.intake.models import IntakeStatus
from haven.kernel.errors import HavenError, NotFound, StaleVersion
from haven.people.selectors import person_search
from haven.platform.idempotency import Outcome, fingerprint_of, run_once
from haven.web.errors import handler404

SERVICE_PROVIDER_KINDS = (
    AgencyKind.HOTLINE,
    AgencyKind.NGO,
    AgencyKind.SHELTER,
    AgencyKind.SOCIAL_SERVICES,
    AgencyKind.MIGRANT_RESOURCE_CENTRE,
)


@staff_view(Permission.INTAKE_TRIAGE)
@require_GET
def intake_queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", IntakeStatus.NEW)
    page = selectors.intake_queue(
        actor=request.user, status=status, page_number=request.GET.get("page", 1)
    )
    return render(
        request,
        "intake/queue.html",
        {"page": page, "status": status, "statuses": IntakeStatus.choices},
    )


@staff_view(Permission.INTAKE_CREATE)
@require_http_methods(["GET", "POST"])
def intake_create(request: HttpRequest) -> HttpResponse:
    referring = not access.has_permission(request.user, Permission.INTAKE_TRIAGE)
    agencies = (
        Agency.objects.filter(kind__in=SERVICE_PROVIDER_KINDS, is_active=True)
        if referring
        else None
    )
    form = forms.IntakeForm(
        request.POST or None, referral_agencies=agencies, initial={"form_token": uuid.uuid4()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        token = data.pop("form_token") or uuid.uuid4()

        def create() -> Outcome:
            intake = intake_services.intake_create(
                actor=request.user,
                channel=data["channel"],
                account=data["account"],
                anonymous=data["anonymous"],
                contact={
                    "name": data["contact_name"],
                    "phone": data["contact_phone"],
                    "safe_time": data["safe_time"],
                    "safe_channel": data["safe_channel"],
                },
                person_details={
                    "name": data["person_name"],
                    "sex": data["person_sex"],
                    "age": data["person_age"],
                    "nationality": data["person_nationality"],
                },
                language=data["language"],
                in_danger=data["in_danger"],
                detained=data["detained"],
                agency_id=data.get("agency"),
            )
            return Outcome(303, {"id": str(intake.pk)})

        try:
            # Sent twice (a double click, a resend on a bad line): created once.
            outcome, _replayed = run_once(
                scope=f"form:{request.user.pk}",
                key=str(token),
                fingerprint=fingerprint_of("POST", request.path, data),
                method="POST",
                path=request.path,
                action=create,
            )
        except HavenError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Intake recorded."))
            return redirect("intake:detail", intake_id=outcome.body["id"])
    return render(request, "intake/intake_form.html", {"form": form, "referring": referring})


@staff_view(Permission.INTAKE_CREATE)
@require_http_methods(["GET", "POST"])
def intake_detail(request: HttpRequest, intake_id: str) -> HttpResponse:
    """The intake and, for triage, search-before-create (sent by POST so that
    no name or number ends up in a URL)."""
    can_triage = access.has_permission(request.user, Permission.INTAKE_TRIAGE)
    try:
        intake = (
            selectors.intake_get(actor=request.user, intake_id=intake_id)
            if can_triage
            else access.access_intake_by_id(request.user, intake_id)
        )
    except NotFound:
        return handler404(request)
    from haven.intake.models import PublicTicket
    from haven.referrals.models import Consent

    can_read = access.intake_content_visible(request.user, intake)
    ticket = PublicTicket.objects.filter(intake=intake).first() if can_read else None
    context = {
        "intake": intake,
        "can_triage": can_triage,
        "can_read": can_read,
        "ticket_messages": ticket.messages.order_by("created_at") if ticket else [],
        "has_ticket": ticket is not None,
        "consents": Consent.objects.filter(intake=intake).select_related("recipient")
        if can_triage
        else [],
        "consent_form": forms.ConsentForm() if can_triage else None,
    }
    if can_triage and intake.status == IntakeStatus.NEW:
        details = intake.person_details or {}
        search = forms.PersonSearchForm(request.POST or {"name": details.get("name", "")})
        matches = []
        if search.is_valid() and any(search.cleaned_data.values()):
            matches = person_search(actor=request.user, **search.cleaned_data)
        context.update(
            {
                "search_form": search,
                "matches": matches,
                "person_form": forms.PersonForm(
                    initial={
                        "original_name": details.get("name", ""),
                        "sex": details.get("sex") or "unknown",
                        "nationalities": details.get("nationality", ""),
                    }
                ),
                "attach_form": forms.AttachForm(initial={"version": intake.version}),
                "close_form": forms.TriageCloseForm(initial={"version": intake.version}),
            }
        )
    return render(request, "intake/intake_detail.html", context)


def _triage_done(request: HttpRequest, case: Case) -> HttpResponse:
    messages.success(request, _("Intake triaged."))
    if access.has_permission(request.user, Permission.CASE_VIEW):
        return redirect("cases:detail", case_id=case.pk)
    return redirect("intake:queue")


def _triage_error(request: HttpRequest, intake_id: str, error: HavenError) -> HttpResponse:
    if isinstance(error, StaleVersion):
        return render(
            request,
            "web/changed_meanwhile.html",
            {
                "current": [],
                "submitted": [],
                "retry_url": reverse("intake:detail", args=[intake_id]),
            },
            status=409,
        )
    messages.error(request, error.message)
    return redirect("intake:detail", intake_id=intake_id)


@staff_view(Permission.INTAKE_TRIAGE)
@require_POST
def intake_open_case(request: HttpRequest, intake_id: str) -> HttpResponse:
    """Open a case for an existing person (chosen from the search) or for a
    person registered here and now."""
    version = request.POST.get("version", "")
    person_form = None
    try:
        if request.POST.get("person_id"):
            case = services.intake_open_case(
                actor=request.user,
                intake_id=intake_id,
                expected_version=int(version) if version.isdigit() else 0,
                person_id=request.POST["person_id"],
            )
        else:
            person_form = forms.PersonForm(request.POST)
            if not person_form.is_valid():
                messages.error(request, _("Check the person's details."))
                return redirect("intake:detail", intake_id=intake_id)
            case = services.intake_open_case(
                actor=request.user,
                intake_id=intake_id,
                expected_version=int(version) if version.isdigit() else 0,
                new_person=person_form.service_arguments(),
            )
    except NotFound:
        return handler404(request)
    except HavenError as error:
        return _triage_error(request, intake_id, error)
    return _triage_done(request, case)


@staff_view(Permission.INTAKE_TRIAGE)
@require_POST
def intake_attach(request: HttpRequest, intake_id: str) -> HttpResponse:
    form = forms.AttachForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the case reference."))
        return redirect("intake:detail", intake_id=intake_id)
    case = (
        access.cases_visible_to(request.user)
        .filter(reference=form.cleaned_data["case_reference"].strip().upper())
        .first()
    )
    if case is None:
        messages.error(request, _("No case with this reference is open to you."))
        return redirect("intake:detail", intake_id=intake_id)
    try:
        case = services.intake_attach(
            actor=request.user,
            intake_id=intake_id,
            expected_version=form.cleaned_data["version"],
            case_id=case.pk,
        )
    except NotFound:
        return handler404(request)
    except HavenError as error:
        return _triage_error(request, intake_id, error)
    return _triage_done(request, case)


@staff_view(Permission.INTAKE_TRIAGE)
@require_POST
def intake_close(request: HttpRequest, intake_id: str) -> HttpResponse:
    form = forms.TriageCloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reason for closing."))
        return redirect("intake:detail", intake_id=intake_id)
    try:
        services.intake_close(
            actor=request.user,
            intake_id=intake_id,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
    except NotFound:
        return handler404(request)
    except HavenError as error:
        return _triage_error(request, intake_id, error)
    messages.success(request, _("Intake closed."))
    return redirect("intake:queue")


@staff_view(Permission.INTAKE_TRIAGE)
@require_POST
def intake_reply(request: HttpRequest, intake_id: str) -> HttpResponse:
    from haven.intake import services as intake_services

    body = request.POST.get("body", "")
    try:
        intake_services.ticket_reply(actor=request.user, intake_id=intake_id, body=body)
    except NotFound:
        return handler404(request)
    except HavenError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Message sent. The person sees it on their follow-up page."))
    return redirect("intake:detail", intake_id=intake_id)


@staff_view(Permission.CONSENT_RECORD)
@require_POST
def consent_create(request: HttpRequest, intake_id: str) -> HttpResponse:
    from haven.referrals import services as referral_services

    form = forms.ConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the consent: to whom, what, why and when."))
        return redirect("intake:detail", intake_id=intake_id)
    try:
        referral_services.consent_record(
            actor=request.user,
            intake_id=intake_id,
            recipient_id=form.cleaned_data["recipient"],
            scope=form.cleaned_data["scope"],
            purpose=form.cleaned_data["purpose"],
            given_how=form.cleaned_data["given_how"],
            given_on=form.cleaned_data["given_on"],
        )
    except NotFound:
        return handler404(request)
    except HavenError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Consent recorded."))
    return redirect("intake:detail", intake_id=intake_id)


@staff_view(Permission.CONSENT_RECORD)
@require_POST
def consent_withdraw(request: HttpRequest, intake_id: str, consent_id: str) -> HttpResponse:
    from haven.referrals import services as referral_services

    try:
        referral_services.consent_withdraw(actor=request.user, consent_id=consent_id)
    except NotFound:
        return handler404(request)
    messages.success(request, _("Consent withdrawn. Access closed."))
    return redirect("intake:detail", intake_id=intake_id)


@staff_view(Permission.HOME_VIEW)
@require_GET
def attachment_download(request: HttpRequest, file_id: str) -> HttpResponse:
    """Served only to those who may read the request, as a download, never
    rendered in the page (the type was checked by content on upload)."""
    from django.http import HttpResponse as Response

    from haven.intake import services as intake_services
    from haven.platform.uploads import read_upload

    try:
        stored = intake_services.attachment_for(actor=request.user, file_id=file_id)
    except (NotFound, ValueError):
        return handler404(request)
    response = Response(read_upload(stored), content_type=stored.content_type)
    extension = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}
    response["Content-Disposition"] = (
        f'attachment; filename="attachment.{extension.get(stored.content_type, "bin")}"'
    )
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
