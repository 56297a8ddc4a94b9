"""Public pages: no account, no JavaScript needed, every page titled the same
neutral way, nothing about the person in a URL, and a quick exit everywhere."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts.decorators import public_view
from haven.intake import services
from haven.kernel.errors import HavenError
from haven.platform import ratelimit
from haven.platform.idempotency import Outcome, fingerprint_of, run_once
from haven.platform.uploads import TOO_LARGE, store_upload, upload_refused
from haven.portal.forms import FollowUpForm, HelpRequestForm, MessageForm, MissingRelativeForm
from haven.portal.questions import GUIDED_QUESTIONS
from haven.rights import selectors as rights

SENT_KEY = "portal_sent"
TICKET_KEY = "portal_ticket"
TICKET_SEEN_KEY = "portal_ticket_seen"
FOLLOW_UP_IDLE = timedelta(minutes=15)

SUBMISSIONS_PER_HOUR = 10
ATTEMPTS_PER_WINDOW = 10
ATTEMPTS_PER_CODE = 5
MESSAGES_PER_HOUR = 30


def _render(
    request: HttpRequest, template: str, context: dict | None = None, status: int = 200
) -> HttpResponse:
    context = {
        **(context or {}),
        "emergency_numbers": settings.HAVEN_EMERGENCY_NUMBERS,
        "hotline_number": settings.HAVEN_HOTLINE_NUMBER,
        "exit_url": settings.HAVEN_PORTAL_EXIT_URL,
    }
    return render(request, template, context, status=status)


def _too_many(request: HttpRequest) -> HttpResponse:
    return _render(request, "portal/too_many.html", status=429)


def _apply_errors(form, error: HavenError) -> None:  # type: ignore[no-untyped-def]
    for field, messages in (error.extra.get("errors") or {None: [error.message]}).items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


@public_view
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return _render(request, "portal/home.html")


def _submit(request: HttpRequest, form, create) -> HttpResponse | None:  # type: ignore[no-untyped-def]
    """Shared by both forms: bot trap, rate limit, upload check, idempotent create."""
    if upload_refused(request):
        form.add_error(None, TOO_LARGE)
        return None
    if form.is_bot():
        # Answer as if accepted, keep nothing: automated senders learn nothing.
        request.session[SENT_KEY] = {"code": services.new_code(), "passphrase": None}
        return redirect("portal:sent")
    if not ratelimit.allow(
        "portal-submit",
        ratelimit.client_address(request),
        limit=SUBMISSIONS_PER_HOUR,
        period=timedelta(hours=1),
    ):
        return _too_many(request)
    data = {k: v for k, v in form.cleaned_data.items() if not hasattr(v, "read")}
    token = str(data.pop("form_token", None) or uuid.uuid4())
    holder: dict = {}

    def action() -> Outcome:
        ticket = create(form.cleaned_data)
        holder["passphrase"] = ticket.passphrase
        return Outcome(303, {"code": ticket.code})

    try:
        outcome, replayed = run_once(
            scope="portal",
            key=token,
            fingerprint=fingerprint_of("POST", request.path, data),
            method="POST",
            path=request.path,
            action=action,
        )
    except HavenError as error:
        _apply_errors(form, error)
        return None
    request.session[SENT_KEY] = {
        "code": outcome.body["code"],
        "passphrase": None if replayed else holder["passphrase"],
        "in_danger": form.cleaned_data.get("in_danger") == "yes",
    }
    return redirect("portal:sent")


def _upload(form, field: str):  # type: ignore[no-untyped-def]
    upload = form.cleaned_data.get(field)
    return store_upload(upload, field) if upload else None


@public_view
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    form = HelpRequestForm(
        request.POST or None, request.FILES or None, initial={"form_token": uuid.uuid4()}
    )
    if request.method == "POST" and form.is_valid():

        def create(data: dict) -> services.IssuedTicket:
            anonymous = data["contact_choice"] == "anonymous"
            return services.portal_help_request(
                account=data["account"],
                answers={
                    q.id: data[f"q_{q.id}"] for q in GUIDED_QUESTIONS if data.get(f"q_{q.id}")
                },
                place=data["place"],
                when=data["when"],
                in_danger=data["in_danger"] == "yes",
                anonymous=anonymous,
                contact={}
                if anonymous
                else {
                    "name": data["contact_name"],
                    "phone": data["contact_phone"],
                    "email": data["contact_email"],
                    "safe_time": data["safe_time"],
                    "safe_channel": data["safe_channel"],
                },
                language=translation.get_language() or "en",
                attachment=_upload(form, "attachment"),
            )

        response = _submit(request, form, create)
        if response is not None:
            return response
    return _render(request, "portal/ask.html", {"form": form})


@public_view
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def missing(request: HttpRequest) -> HttpResponse:
    form = MissingRelativeForm(
        request.POST or None, request.FILES or None, initial={"form_token": uuid.uuid4()}
    )
    if request.method == "POST" and form.is_valid():

        def create(data: dict) -> services.IssuedTicket:
            return services.portal_missing_report(
                names={
                    "original": data["name_own_script"],
                    "latin": [data["name_latin"]] if data["name_latin"] else [],
                    "aliases": [data["other_names"]] if data["other_names"] else [],
                },
                sex=data["sex"],
                age=data["age"],
                nationality=(data["nationality"] or "").upper(),
                languages=[part.strip() for part in data["languages"].split(",") if part.strip()],
                description=data["description"],
                last_contact_on=data["last_contact_on"],
                last_place=data["last_place"],
                route=data["route"],
                inquirer={
                    "name": data["inquirer_name"],
                    "relation": data["inquirer_relation"],
                    "phone": data["inquirer_phone"],
                    "email": data["inquirer_email"],
                },
                language=translation.get_language() or "en",
                photo=_upload(form, "photo"),
            )

        response = _submit(request, form, create)
        if response is not None:
            return response
    return _render(request, "portal/missing.html", {"form": form})


@public_view
@require_GET
def sent(request: HttpRequest) -> HttpResponse:
    """Shows the tracking code and passphrase once, then forgets them."""
    details = request.session.pop(SENT_KEY, None)
    if details is None:
        return redirect("portal:home")
    return _render(request, "portal/sent.html", details)


@public_view
@require_GET
def rights_list(request: HttpRequest) -> HttpResponse:
    pages = rights.pages_for(
        language=translation.get_language() or "en", jurisdiction=settings.HAVEN_JURISDICTION
    )
    return _render(request, "portal/rights_list.html", {"pages": pages})


@public_view
@require_GET
def rights_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = rights.page_for(
        slug=slug,
        language=translation.get_language() or "en",
        jurisdiction=settings.HAVEN_JURISDICTION,
    )
    if page is None:
        return _render(request, "portal/not_found.html", status=404)
    return _render(request, "portal/rights_detail.html", {"page": page})


@public_view
@sensitive_post_parameters("passphrase")
@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = ratelimit.client_address(request)
        code = services.normalise_code(form.cleaned_data["code"])
        if not (
            ratelimit.allow(
                "portal-follow", address, limit=ATTEMPTS_PER_WINDOW, period=timedelta(minutes=15)
            )
            and ratelimit.allow(
                "portal-follow-code", code, limit=ATTEMPTS_PER_CODE, period=timedelta(minutes=15)
            )
        ):
            return _too_many(request)
        ticket = services.ticket_open(code=code, passphrase=form.cleaned_data["passphrase"])
        if ticket is None:
            # The same answer whether the code or the passphrase was wrong.
            form.add_error(None, _("The tracking code or the passphrase is not right."))
        else:
            request.session.cycle_key()
            request.session[TICKET_KEY] = str(ticket.pk)
            request.session[TICKET_SEEN_KEY] = timezone.now().timestamp()
            return redirect("portal:request")
    return _render(request, "portal/follow.html", {"form": form})


def _current_ticket(request: HttpRequest):  # type: ignore[no-untyped-def]
    from haven.intake.models import PublicTicket

    ticket_id = request.session.get(TICKET_KEY)
    seen = request.session.get(TICKET_SEEN_KEY, 0)
    if not ticket_id or timezone.now().timestamp() - seen > FOLLOW_UP_IDLE.total_seconds():
        request.session.pop(TICKET_KEY, None)
        return None
    request.session[TICKET_SEEN_KEY] = timezone.now().timestamp()
    return (
        PublicTicket.objects.filter(pk=ticket_id).select_related("intake", "missing_report").first()
    )


@public_view
@require_http_methods(["GET", "POST"])
def request_status(request: HttpRequest) -> HttpResponse:
    ticket = _current_ticket(request)
    if ticket is None:
        return redirect("portal:follow")
    form = MessageForm(
        request.POST or None, request.FILES or None, initial={"form_token": uuid.uuid4()}
    )
    if request.method == "POST" and upload_refused(request):
        form.add_error(None, TOO_LARGE)
    elif request.method == "POST" and form.is_valid():
        if not ratelimit.allow(
            "portal-message", str(ticket.pk), limit=MESSAGES_PER_HOUR, period=timedelta(hours=1)
        ):
            return _too_many(request)
        data = {"body": form.cleaned_data["body"]}
        token = str(form.cleaned_data.get("form_token") or uuid.uuid4())

        def action() -> Outcome:
            services.ticket_add_message(
                ticket_id=ticket.pk, body=data["body"], attachment=_upload(form, "attachment")
            )
            return Outcome(303, {})

        try:
            run_once(
                scope=f"portal-ticket:{ticket.pk}",
                key=token,
                fingerprint=fingerprint_of("POST", request.path, data),
                method="POST",
                path=request.path,
                action=action,
            )
        except HavenError as error:
            _apply_errors(form, error)
        else:
            return redirect("portal:request")
    return _render(
        request,
        "portal/request.html",
        {
            "status": services.public_status(ticket),
            "messages_list": services.ticket_messages(ticket),
            "form": form,
        },
    )


@public_view
@require_POST
def follow_end(request: HttpRequest) -> HttpResponse:
    """Forget the opened request on this device (a shared phone, a café)."""
    request.session.pop(TICKET_KEY, None)
    request.session.pop(TICKET_SEEN_KEY, None)
    request.session.cycle_key()
    return redirect("portal:home")
