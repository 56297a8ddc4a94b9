"""Administrators edit the portal's rights pages, per language and jurisdiction."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from haven.accounts.admin_views import apply_errors
from haven.accounts.decorators import staff_view
from haven.accounts.forms import VersionedForm
from haven.accounts.roles import Permission
from haven.kernel.errors import HavenError, StaleVersion
from haven.rights import services
from haven.rights.models import RightsPage
from haven.web.errors import handler404


class RightsPageForm(VersionedForm):
    position = forms.IntegerField(label=gettext_lazy("Position"), min_value=0, max_value=999)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    summary = forms.CharField(label=gettext_lazy("Summary"), max_length=300)
    body = forms.CharField(
        label=gettext_lazy("Text (plain words; a blank line starts a paragraph)"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    sources = forms.CharField(
        label=gettext_lazy("Sources, one per line (e.g. IPU-118 op.21)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@staff_view(Permission.RIGHTS_MANAGE)
@require_GET
def page_list(request: HttpRequest) -> HttpResponse:
    pages = RightsPage.objects.order_by("jurisdiction", "language", "position")
    return render(request, "rights/page_list.html", {"pages": pages})


@staff_view(Permission.RIGHTS_MANAGE)
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, page_id: str) -> HttpResponse:
    page = RightsPage.objects.filter(pk=int(page_id) if page_id.isdigit() else 0).first()
    if page is None:
        return handler404(request)
    initial = {
        "version": page.version,
        "position": page.position,
        "title": page.title,
        "summary": page.summary,
        "body": page.body,
        "sources": "\n".join(page.sources),
    }
    form = RightsPageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        data["sources"] = [line.strip() for line in data["sources"].splitlines() if line.strip()]
        try:
            services.rights_page_update(
                actor=request.user, page_id=page.pk, expected_version=version, **data
            )
        except StaleVersion:
            return render(
                request,
                "web/changed_meanwhile.html",
                {
                    "current": [(_("Title"), page.title)],
                    "submitted": [],
                    "retry_url": reverse("rights:edit", args=[page.pk]),
                },
                status=409,
            )
        except HavenError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Page saved."))
            return redirect("rights:list")
    return render(request, "rights/page_form.html", {"form": form, "page": page})
