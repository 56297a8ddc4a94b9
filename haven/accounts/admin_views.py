"""Administration of agencies and users: plain forms that call services."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts import access, services
from haven.accounts.decorators import staff_view
from haven.accounts.forms import AgencyEditForm, AgencyForm, UserCreateForm, UserEditForm
from haven.accounts.roles import Permission
from haven.kernel.errors import HavenError, NotFound, StaleVersion
from haven.platform.idempotency import Outcome, fingerprint_of, run_once
from haven.web.errors import handler404


def apply_errors(form, error: HavenError) -> None:  # type: ignore[no-untyped-def]
    errors = error.extra.get("errors") or {None: [error.message]}
    for field, field_messages in errors.items():
        for message in field_messages:
            form.add_error(field if field in form.fields else None, message)


@staff_view(Permission.AGENCY_MANAGE)
@require_GET
def agency_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(access.agencies_visible_to(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "accounts/agency_list.html", {"page": page})


@staff_view(Permission.AGENCY_MANAGE)
@require_http_methods(["GET", "POST"])
def agency_create(request: HttpRequest) -> HttpResponse:
    form = AgencyForm(request.POST or None, initial={"form_token": uuid.uuid4()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        token = data.pop("form_token") or uuid.uuid4()

        def create() -> Outcome:
            agency = services.agency_create(actor=request.user, **data)
            return Outcome(303, {"location": reverse("accounts:agency_list"), "id": agency.pk})

        try:
            # A double click or a resent form creates the agency once.
            outcome, replayed = run_once(
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
            if not replayed:
                messages.success(request, _("Agency created."))
            return redirect(outcome.body["location"])
    return render(request, "accounts/agency_form.html", {"form": form, "creating": True})


@staff_view(Permission.AGENCY_MANAGE)
@require_http_methods(["GET", "POST"])
def agency_edit(request: HttpRequest, agency_id: str) -> HttpResponse:
    try:
        agency = access.access_agency_by_id(request.user, agency_id, for_change=True)
    except NotFound:
        return handler404(request)
    initial = {
        "version": agency.version,
        "name": agency.name,
        "kind": agency.kind,
        "country": agency.country,
        "contact_email": agency.contact_email,
        "is_active": agency.is_active,
        "receives_portal_requests": agency.receives_portal_requests,
    }
    form = AgencyEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        version = changes.pop("version")
        try:
            services.agency_update(
                actor=request.user, agency_id=agency.pk, expected_version=version, changes=changes
            )
        except StaleVersion:
            agency.refresh_from_db()
            return render(
                request,
                "web/changed_meanwhile.html",
                {
                    "current": [(form.fields[k].label, getattr(agency, k)) for k in changes],
                    "submitted": [(form.fields[k].label, v) for k, v in changes.items()],
                    "retry_url": reverse("accounts:agency_edit", args=[agency.pk]),
                },
                status=409,
            )
        except HavenError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Agency saved."))
            return redirect("accounts:agency_list")
    return render(
        request, "accounts/agency_form.html", {"form": form, "agency": agency, "creating": False}
    )


@staff_view(Permission.USER_MANAGE)
@require_GET
def user_list(request: HttpRequest) -> HttpResponse:
    users = access.users_visible_to(request.user).select_related("agency").order_by("username")
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page": page})


@staff_view(Permission.USER_MANAGE)
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.user_create(
                actor=request.user,
                username=data["username"],
                password=data["password"],
                role=data["role"],
                agency_id=data["agency"],
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
        except HavenError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, _("User created. They will set up two-factor at first sign-in.")
            )
            return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "creating": True})


@staff_view(Permission.USER_MANAGE)
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, user_id: str) -> HttpResponse:
    try:
        account = access.access_user_by_id(request.user, user_id)
    except NotFound:
        return handler404(request)
    initial = {
        "version": account.version,
        "role": account.role,
        "agency": account.agency_id,
        "is_active": account.is_active,
    }
    form = UserEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.user_update(
                actor=request.user,
                user_id=account.pk,
                expected_version=data["version"],
                role=data["role"],
                agency_id=data["agency"],
                is_active=data["is_active"],
            )
        except StaleVersion:
            account.refresh_from_db()
            return render(
                request,
                "web/changed_meanwhile.html",
                {
                    "current": [
                        (_("Role"), account.get_role_display()),
                        (_("Agency"), account.agency or "—"),
                        (_("Active"), account.is_active),
                    ],
                    "submitted": [],
                    "retry_url": reverse("accounts:user_edit", args=[account.pk]),
                },
                status=409,
            )
        except HavenError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("User saved."))
            return redirect("accounts:user_list")
    return render(
        request, "accounts/user_form.html", {"form": form, "account": account, "creating": False}
    )


@staff_view(Permission.USER_MANAGE)
@require_POST
def user_reset_two_factor(request: HttpRequest, user_id: str) -> HttpResponse:
    try:
        services.two_factor_reset(actor=request.user, user_id=user_id)
    except NotFound:
        return handler404(request)
    messages.success(request, _("Two-factor reset: the user will enrol a new authenticator."))
    return redirect("accounts:user_list")
