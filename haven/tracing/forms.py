from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.tracing.models import FoundKind

DATE = forms.DateInput(attrs={"type": "date"})


class FoundRecordForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=FoundKind.choices)
    found_on = forms.DateField(label=_("Found on"), widget=DATE)
    name_own_script = forms.CharField(label=_("Name in own script"), max_length=300, required=False)
    names_latin = forms.CharField(
        label=_("Names in Latin letters (one per line)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    sex = forms.ChoiceField(
        label=_("Sex"),
        required=False,
        choices=(
            ("", _("Unknown")),
            ("female", _("Female")),
            ("male", _("Male")),
            ("other", _("Other")),
        ),
    )
    age = forms.IntegerField(label=_("Age (estimated)"), required=False, min_value=0, max_value=120)
    nationality = forms.CharField(label=_("Nationality (ISO code)"), max_length=2, required=False)
    place = forms.CharField(label=_("Place found"), max_length=500, required=False)
    route_position = forms.CharField(
        label=_("Position on the route (places, in order)"), max_length=1000, required=False
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    personal_effects = forms.CharField(
        label=_("Personal effects"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    whereabouts = forms.CharField(
        label=_("Where the person can be reached now (alive only)"), max_length=1000, required=False
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=(
            ("confirmed", _("Confirm: same person")),
            ("rejected", _("Reject: not the same person")),
            ("more_information", _("Ask for more information")),
        ),
    )
    note = forms.CharField(
        label=_("Note"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DuplicateReviewForm(forms.Form):
    """A decision on a possible duplicate. The version travels with the form so
    a decision taken meanwhile by someone else is not silently overwritten."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=(
            ("confirmed", _("Same person: record a link (the records are not merged)")),
            ("rejected", _("Not the same person: never propose this pair again")),
            ("more_information", _("More information needed")),
        ),
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("What you compared and why you decided so. Kept with the decision."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
