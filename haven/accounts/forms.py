from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Agency, AgencyKind
from haven.accounts.roles import Role


class SignInForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    password = forms.CharField(label=_("Password"), max_length=1024, widget=forms.PasswordInput)


class TwoFactorForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class PasswordChangeForm(forms.Form):
    current_password = forms.CharField(
        label=_("Current password"), max_length=1024, widget=forms.PasswordInput
    )
    new_password = forms.CharField(
        label=_("New password"), max_length=1024, widget=forms.PasswordInput
    )


class VersionedForm(forms.Form):
    """Carries the version the user started from, for optimistic concurrency."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class AgencyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=AgencyKind.choices)
    country = forms.CharField(label=_("Country (ISO code, e.g. KE)"), min_length=2, max_length=2)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)


class AgencyEditForm(VersionedForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=AgencyKind.choices)
    country = forms.CharField(label=_("Country (ISO code, e.g. KE)"), min_length=2, max_length=2)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    is_active = forms.BooleanField(label=_("Active"), required=False)
    receives_portal_requests = forms.BooleanField(
        label=_("Receives requests from the public portal"), required=False
    )


def _agency_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [(str(a.pk), a.name) for a in Agency.objects.filter(is_active=True)]


class UserCreateForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    first_name = forms.CharField(label=_("Given name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Family name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    agency = forms.TypedChoiceField(
        label=_("Agency"), coerce=int, required=False, empty_value=None, choices=()
    )
    password = forms.CharField(
        label=_("Initial password"), max_length=1024, widget=forms.PasswordInput
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = _agency_choices()


class UserEditForm(VersionedForm):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    agency = forms.TypedChoiceField(
        label=_("Agency"), coerce=int, required=False, empty_value=None, choices=()
    )
    is_active = forms.BooleanField(label=_("Active"), required=False)

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = _agency_choices()
