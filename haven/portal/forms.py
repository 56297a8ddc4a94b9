from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.portal.questions import ANSWERS, GUIDED_QUESTIONS

SEXES = (
    ("", _("Prefer not to say")),
    ("female", _("Female")),
    ("male", _("Male")),
    ("other", _("Other")),
)


class HoneypotMixin(forms.Form):
    """A field people never see; automated senders fill it in."""

    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class HelpRequestForm(HoneypotMixin):
    account = forms.CharField(
        label=_("What happened? Write in your own words, in any language."),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    place = forms.CharField(
        label=_("Where did it happen? (town, area, workplace)"), max_length=500, required=False
    )
    when = forms.CharField(
        label=_("When? (for example: last month, since 2024)"), max_length=200, required=False
    )
    in_danger = forms.ChoiceField(
        label=_("Are you in danger right now?"),
        required=True,
        choices=(("no", _("No")), ("yes", _("Yes"))),
        widget=forms.RadioSelect,
        initial="no",
    )
    contact_choice = forms.ChoiceField(
        label=_("Can we contact you?"),
        widget=forms.RadioSelect,
        initial="anonymous",
        choices=(
            ("anonymous", _("No, I want to stay anonymous")),
            ("contact", _("Yes, you can contact me")),
        ),
    )
    contact_name = forms.CharField(
        label=_("Name we should use (can be a nickname)"), max_length=100, required=False
    )
    contact_phone = forms.CharField(
        label=_("Phone or messaging number"), max_length=40, required=False
    )
    contact_email = forms.EmailField(label=_("E-mail"), required=False)
    safe_time = forms.CharField(
        label=_("When is it safe to contact you?"), max_length=200, required=False
    )
    safe_channel = forms.CharField(
        label=_("How is it safe to contact you? (call, message…)"), max_length=200, required=False
    )
    attachment = forms.FileField(
        label=_("Photo or document (optional, up to 5 MB)"), required=False
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for question in GUIDED_QUESTIONS:
            self.fields[f"q_{question.id}"] = forms.ChoiceField(
                label=question.text, choices=ANSWERS, required=False, widget=forms.RadioSelect
            )

    def question_fields(self):  # type: ignore[no-untyped-def]
        return [self[f"q_{question.id}"] for question in GUIDED_QUESTIONS]

    def story_fields(self):  # type: ignore[no-untyped-def]
        return [self[name] for name in ("in_danger", "account", "place", "when", "attachment")]

    def contact_fields(self):  # type: ignore[no-untyped-def]
        return [
            self[name]
            for name in (
                "contact_choice",
                "contact_name",
                "contact_phone",
                "contact_email",
                "safe_time",
                "safe_channel",
            )
        ]

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if not (data.get("account") or "").strip() and not any(
            data.get(f"q_{q.id}") for q in GUIDED_QUESTIONS
        ):
            self.add_error(
                "account",
                _("Tell us a little about what happened, or answer at least one question."),
            )
        if data.get("contact_choice") == "contact" and not (
            data.get("contact_phone") or data.get("contact_email")
        ):
            self.add_error(
                "contact_phone", _("Give a phone number or an e-mail, or choose to stay anonymous.")
            )
        return data


class MissingRelativeForm(HoneypotMixin):
    name_own_script = forms.CharField(
        label=_("Their name, written in their own language"), max_length=300, required=False
    )
    name_latin = forms.CharField(
        label=_("Their name in Latin letters"), max_length=300, required=False
    )
    other_names = forms.CharField(
        label=_("Other names or nicknames"), max_length=300, required=False
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=SEXES, required=False)
    age = forms.IntegerField(
        label=_("Age (approximate is fine)"), min_value=0, max_value=120, required=False
    )
    nationality = forms.CharField(
        label=_("Nationality (country code, e.g. ER, SY, UA)"), max_length=2, required=False
    )
    languages = forms.CharField(label=_("Languages they speak"), max_length=100, required=False)
    description = forms.CharField(
        label=_("Description (height, marks, clothes, what they carried)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    last_contact_on = forms.DateField(
        label=_("Date of last contact"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    last_place = forms.CharField(label=_("Where were they then?"), max_length=500, required=False)
    route = forms.CharField(
        label=_("Their route (places, in order)"), max_length=1000, required=False
    )
    photo = forms.FileField(label=_("Photo (optional, up to 5 MB)"), required=False)
    inquirer_name = forms.CharField(label=_("Your name"), max_length=200)
    inquirer_relation = forms.CharField(label=_("Your relation to them"), max_length=100)
    inquirer_phone = forms.CharField(
        label=_("Your phone or messaging number"), max_length=40, required=False
    )
    inquirer_email = forms.EmailField(label=_("Your e-mail"), required=False)

    def person_fields(self):  # type: ignore[no-untyped-def]
        return [
            self[name]
            for name in (
                "name_own_script",
                "name_latin",
                "other_names",
                "sex",
                "age",
                "nationality",
                "languages",
                "description",
                "photo",
            )
        ]

    def last_seen_fields(self):  # type: ignore[no-untyped-def]
        return [self[name] for name in ("last_contact_on", "last_place", "route")]

    def inquirer_fields(self):  # type: ignore[no-untyped-def]
        return [
            self[name]
            for name in ("inquirer_name", "inquirer_relation", "inquirer_phone", "inquirer_email")
        ]

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if not (data.get("name_own_script") or data.get("name_latin")):
            self.add_error("name_latin", _("Give their name, in any script."))
        if not (data.get("inquirer_phone") or data.get("inquirer_email")):
            self.add_error("inquirer_phone", _("Give a way to contact you."))
        return data


class FollowUpForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=30)
    passphrase = forms.CharField(label=_("Passphrase"), max_length=60, widget=forms.PasswordInput)


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message or new information"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    attachment = forms.FileField(
        label=_("Photo or document (optional, up to 5 MB)"), required=False
    )
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
