"""Tracing pages: the missing-person reports of the tracing officer's agency,
found and deceased records and match review; and the review of possible
duplicate persons (who may review: accounts/access.py,
persons_for_deduplication)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts import access
from haven.accounts.decorators import staff_view
from haven.accounts.roles import Permission
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.kernel.errors import HavenError, NotFound, StaleVersion
from haven.web.errors import handler404


@staff_view(Permission.TRACING_VIEW)
@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    reports = access.missing_reports_visible_to(request.user).order_by("-received_at")
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    if page.object_list:
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action=AuditAction.READ,
                object_type="missing_report",
                fields=["names"],
                detail={"listed": [str(r.pk) for r in page.object_list]},
            )
    return render(request, "tracing/report_list.html", {"page": page})


@staff_view(Permission.TRACING_VIEW)
@require_GET
def report_detail(request: HttpRequest, report_id: str) -> HttpResponse:
    from haven.intake.models import PublicTicket

    try:
        report = access.access_missing_report_by_id(request.user, report_id)
    except NotFound:
        return handler404(request)
    with transaction.atomic():
        audit_record(
            actor=request.user,
            action=AuditAction.READ,
            object_type="missing_report",
            object_id=report.pk,
            fields=["names", "description", "inquirer"],
        )
    ticket = PublicTicket.objects.filter(missing_report=report).first()
    from haven.tracing.forms import ReviewForm

    candidates = report.candidates.select_related("found").order_by("status", "rank")
    return render(
        request,
        "tracing/report_detail.html",
        {
            "report": report,
            "candidates": candidates,
            "review_form": ReviewForm(),
            "ticket_messages": ticket.messages.order_by("created_at") if ticket else [],
            "has_ticket": ticket is not None,
        },
    )


@staff_view(Permission.TRACING_VIEW)
@require_POST
def report_reply(request: HttpRequest, report_id: str) -> HttpResponse:
    from haven.intake import services as intake_services

    try:
        intake_services.missing_report_reply(
            actor=request.user, report_id=report_id, body=request.POST.get("body", "")
        )
    except NotFound:
        return handler404(request)
    except HavenError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Message sent to the family."))
    return redirect("tracing:report_detail", report_id=report_id)


@staff_view(Permission.TRACING_RECORD)
@require_http_methods(["GET", "POST"])
def found_create(request: HttpRequest) -> HttpResponse:
    from haven.accounts.admin_views import apply_errors
    from haven.tracing import services
    from haven.tracing.forms import FoundRecordForm

    form = FoundRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.found_record_create(
                actor=request.user,
                kind=data["kind"],
                found_on=data["found_on"],
                names={
                    "original": data["name_own_script"],
                    "latin": [n.strip() for n in data["names_latin"].splitlines() if n.strip()],
                },
                sex=data["sex"],
                age=data["age"],
                nationality=data["nationality"],
                place=data["place"],
                route_position=data["route_position"],
                description=data["description"],
                personal_effects=data["personal_effects"],
                whereabouts=data["whereabouts"],
            )
        except HavenError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Record saved."))
            return redirect("tracing:report_list")
    return render(request, "tracing/found_form.html", {"form": form})


@staff_view(Permission.TRACING_RECORD)
@require_POST
def linkage_run(request: HttpRequest) -> HttpResponse:
    from haven.tracing import services

    proposed = services.linkage_run(actor=request.user)
    messages.success(
        request, _("Search done: %(count)s possible matches to review.") % {"count": proposed}
    )
    return redirect("tracing:report_list")


@staff_view(Permission.TRACING_RECORD)
@require_POST
def candidate_review(request: HttpRequest, candidate_id: str) -> HttpResponse:
    from haven.tracing import services
    from haven.tracing.forms import ReviewForm

    form = ReviewForm(request.POST)
    try:
        candidate = access.access_candidate_by_id(request.user, candidate_id)
    except NotFound:
        return handler404(request)
    if form.is_valid():
        try:
            services.candidate_review(
                actor=request.user,
                candidate_id=candidate.pk,
                decision=form.cleaned_data["decision"],
                note=form.cleaned_data["note"],
            )
        except HavenError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Review recorded."))
    return redirect("tracing:report_detail", report_id=candidate.report_id)


@staff_view(Permission.TRACING_RECORD)
@require_POST
def whereabouts_disclose(request: HttpRequest, candidate_id: str) -> HttpResponse:
    from haven.tracing import services

    try:
        candidate = access.access_candidate_by_id(request.user, candidate_id)
        whereabouts = services.whereabouts_disclose(actor=request.user, candidate_id=candidate.pk)
    except NotFound:
        return handler404(request)
    except HavenError as error:
        messages.error(request, error.message)
        return redirect("tracing:report_detail", report_id=candidate.report_id)
    return render(
        request, "tracing/whereabouts.html", {"candidate": candidate, "whereabouts": whereabouts}
    )


@staff_view(Permission.TRACING_RECORD)
@require_POST
def found_consent(request: HttpRequest, found_id: str) -> HttpResponse:
    from django.utils import timezone

    from haven.tracing import services

    try:
        record = services.found_consent_record(
            actor=request.user, found_id=found_id, given_on=timezone.localdate()
        )
    except NotFound:
        return handler404(request)
    messages.success(request, _("Consent to tell the family recorded."))
    candidate = record.candidates.first()
    if candidate:
        return redirect("tracing:report_detail", report_id=candidate.report_id)
    return redirect("tracing:report_list")


# --- possible duplicates of persons -------------------------------------------


@staff_view(Permission.PERSON_DEDUPLICATE)
@require_GET
def duplicate_queue(request: HttpRequest) -> HttpResponse:
    from haven.tracing import selectors
    from haven.tracing.models import CandidateStatus

    status = request.GET.get("status", CandidateStatus.PROPOSED)
    if status not in CandidateStatus.values:
        status = CandidateStatus.PROPOSED
    page = selectors.duplicate_page(
        actor=request.user, status=status, page_number=request.GET.get("page", 1)
    )
    counts = selectors.duplicate_counts(actor=request.user)
    return render(
        request,
        "tracing/duplicate_queue.html",
        {
            "page": page,
            "status": status,
            "statuses": [
                (value, label, counts.get(value, 0)) for value, label in CandidateStatus.choices
            ],
        },
    )


@staff_view(Permission.PERSON_DEDUPLICATE)
@require_POST
def duplicate_search(request: HttpRequest) -> HttpResponse:
    from haven.tracing import services

    try:
        result = services.person_duplicates_find(actor=request.user)
    except HavenError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "Search done among %(persons)s persons: %(new)s new possible duplicates, "
                "%(refreshed)s still to review."
            )
            % {"persons": result.persons, "new": result.proposed, "refreshed": result.refreshed},
        )
    return redirect("tracing:duplicate_queue")


def _duplicate_page(request: HttpRequest, candidate_id: str, form: Any, status: int = 200):  # type: ignore[no-untyped-def]
    from haven.tracing import selectors

    pair = selectors.duplicate_get(actor=request.user, candidate_id=candidate_id)
    if not form.is_bound:
        form.initial["version"] = pair.version
    return render(
        request, "tracing/duplicate_detail.html", {"pair": pair, "form": form}, status=status
    )


@staff_view(Permission.PERSON_DEDUPLICATE)
@require_GET
def duplicate_detail(request: HttpRequest, duplicate_id: str) -> HttpResponse:
    from haven.tracing.forms import DuplicateReviewForm

    try:
        return _duplicate_page(request, duplicate_id, DuplicateReviewForm())
    except NotFound:
        return handler404(request)


@staff_view(Permission.PERSON_DEDUPLICATE)
@require_POST
def duplicate_review(request: HttpRequest, duplicate_id: str) -> HttpResponse:
    from haven.accounts.admin_views import apply_errors
    from haven.tracing import services
    from haven.tracing.forms import DuplicateReviewForm

    form = DuplicateReviewForm(request.POST)
    try:
        candidate = access.access_person_duplicate_by_id(request.user, duplicate_id)
    except NotFound:
        return handler404(request)
    if form.is_valid():
        try:
            services.person_duplicate_review(
                actor=request.user,
                candidate_id=candidate.pk,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except StaleVersion:
            return render(
                request,
                "web/changed_meanwhile.html",
                {
                    "current": [],
                    "submitted": [],
                    "retry_url": reverse("tracing:duplicate_detail", args=[candidate.pk]),
                },
                status=409,
            )
        except HavenError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Decision recorded."))
            return redirect("tracing:duplicate_queue")
    return _duplicate_page(request, str(candidate.pk), form, status=400)
