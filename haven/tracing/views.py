"""Tracing pages: the missing-person reports of the tracing officer's agency.
Found and deceased records and match review come with the linkage module."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from haven.accounts import access
from haven.accounts.decorators import staff_view
from haven.accounts.roles import Permission
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.kernel.errors import HavenError, NotFound
from haven.web.errors import handler404


@staff_view(Permission.TRACING_VIEW)
@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    reports = access.missing_reports_visible_to(request.user).order_by("-received_at")
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    if page.object_list:
        with transaction.atomic():
            audit_record(actor=request.user, action=AuditAction.READ,
                         object_type="missing_report", fields=["names"],
                         detail={"listed": [str(r.pk) for r in page.object_list]})
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
        audit_record(actor=request.user, action=AuditAction.READ, object_type="missing_report",
                     object_id=report.pk, fields=["names", "description", "inquirer"])
    ticket = PublicTicket.objects.filter(missing_report=report).first()
    return render(request, "tracing/report_detail.html", {
        "report": report,
        "ticket_messages": ticket.messages.order_by("created_at") if ticket else [],
        "has_ticket": ticket is not None,
    })


@staff_view(Permission.TRACING_VIEW)
@require_POST
def report_reply(request: HttpRequest, report_id: str) -> HttpResponse:
    from haven.intake import services as intake_services

    try:
        intake_services.missing_report_reply(actor=request.user, report_id=report_id,
                                             body=request.POST.get("body", ""))
    except NotFound:
        return handler404(request)
    except HavenError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Message sent to the family."))
    return redirect("tracing:report_detail", report_id=report_id)
