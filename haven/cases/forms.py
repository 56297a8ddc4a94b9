"""HTML forms for cases and intakes. They only parse input; the services
validate the rules and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.accounts.forms import VersionedForm
from haven.cases.domain.indicators import STRENGTH_LABELS
from haven.cases.models import (
    AgeAssessmentOutcome,
    CaseStatus,
    ChargeStatus,
    ClosureReason,
    DecisionKind,
    DecisionOutcome,
    DetentionKind,
)
from haven.intake.models import Channel
from haven.intake.models import ClosureReason as IntakeClosureReason
from haven.people.models import Sex
from haven.people.vocabulary import (
    AgeEstimateMethod,
    DocumentStatus,
    DocumentType,
    Gender,
    ImmigrationStatus,
    Vulnerability,
)

DATE = forms.DateInput(attrs={"type": "date"})
TRI_STATE = [("", _("Not yet known")), ("yes", _("Yes")), ("no", _("No"))]
SCRIPTS = [
    ("", _("Latin script or unknown")),
    ("Arab", _("Arabic script (Arabic, Dari, Pashto, Urdu…)")),
    ("Ethi", _("Ethiopic (Tigrinya, Amharic…)")),
    ("Cyrl", _("Cyrillic")),
    ("Deva", _("Devanagari")),
    ("Beng", _("Bengali")),
    ("Latn", _("Latin")),
    ("Zyyy", _("Other")),
]


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def split_codes(text: str) -> list[str]:
    return [code.strip() for code in (text or "").replace(";", ",").split(",") if code.strip()]


def tri_state(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class PersonSearchForm(forms.Form):
    """Search-before-create. Birth, sex and nationality rank namesakes; they never
    leave anyone out (people/domain/ranking.py)."""

    name = forms.CharField(
        label=_("Name, in any script or spelling"), max_length=300, required=False
    )
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)
    document = forms.CharField(label=_("Document number"), max_length=64, required=False)
    birth_date = forms.DateField(label=_("Date of birth, if known"), required=False, widget=DATE)
    birth_year = forms.IntegerField(
        label=_("Or year of birth"), required=False, min_value=1900, max_value=2100
    )
    age = forms.IntegerField(
        label=_("Or age, even a guess"),
        required=False,
        min_value=0,
        max_value=130,
        help_text=_(
            "Birth, sex and nationality only put the likeliest persons first; nobody is "
            "left out because they differ."
        ),
    )
    sex = forms.ChoiceField(
        label=_("Sex"),
        required=False,
        choices=[("", _("Not known")), *[c for c in Sex.choices if c[0] != Sex.UNKNOWN]],
    )
    nationality = forms.CharField(
        label=_("Nationality (country code, such as ER)"), max_length=2, required=False
    )

    def clean(self):  # type: ignore[no-untyped-def]
        from haven.kernel.errors import ValidationFailed
        from haven.people.selectors import search_criteria

        data = super().clean()
        if self.errors:
            return data
        try:
            search_criteria(**data)
        except ValidationFailed as error:
            for field, messages in (error.extra.get("errors") or {}).items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return data


class PersonForm(forms.Form):
    original_name = forms.CharField(
        label=_("Name as the person writes it (own script)"), max_length=300, required=False
    )
    name_script = forms.ChoiceField(label=_("Script of that name"), choices=SCRIPTS, required=False)
    latin_names = forms.CharField(
        label=_("Spellings in Latin letters (one per line)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    aliases = forms.CharField(
        label=_("Other names used (one per line)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, initial=Sex.UNKNOWN)
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, initial=Gender.NOT_STATED)
    birth_date = forms.DateField(label=_("Date of birth, if known"), required=False, widget=DATE)
    birth_year_min = forms.IntegerField(
        label=_("Or: born no earlier than (year)"), required=False, min_value=1900, max_value=2100
    )
    birth_year_max = forms.IntegerField(
        label=_("and no later than (year)"), required=False, min_value=1900, max_value=2100
    )
    age_estimate_method = forms.ChoiceField(
        label=_("How the age is known"),
        choices=AgeEstimateMethod.choices,
        initial=AgeEstimateMethod.UNKNOWN,
    )
    nationalities = forms.CharField(
        label=_("Nationalities (ISO codes, e.g. ER, SD)"), max_length=100, required=False
    )
    languages = forms.CharField(
        label=_("Languages spoken (ISO codes, e.g. ti, ar)"), max_length=100, required=False
    )
    vulnerabilities = forms.MultipleChoiceField(
        label=_("Vulnerabilities"),
        choices=Vulnerability.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)
    document_type = forms.ChoiceField(
        label=_("Identity document"), choices=[("", "—"), *DocumentType.choices], required=False
    )
    document_number = forms.CharField(label=_("Document number"), max_length=64, required=False)
    document_country = forms.CharField(
        label=_("Issuing country (ISO code)"), max_length=2, required=False
    )
    document_status = forms.ChoiceField(
        label=_("Where the document is"), choices=DocumentStatus.choices, required=False
    )
    immigration_status = forms.ChoiceField(
        label=_("Immigration status (optional, never needed for help)"),
        choices=[("", "—"), *ImmigrationStatus.choices],
        required=False,
    )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        documents = []
        if data["document_type"]:
            documents.append(
                {
                    "type": data["document_type"],
                    "number": data["document_number"],
                    "country": data["document_country"],
                    "status": data["document_status"] or "held",
                }
            )
        arguments = {
            "original_name": data["original_name"],
            "name_script": data["name_script"],
            "latin_names": split_lines(data["latin_names"]),
            "aliases": split_lines(data["aliases"]),
            "sex": data["sex"],
            "gender": data["gender"],
            "birth_date": data["birth_date"],
            "birth_year_min": data["birth_year_min"],
            "birth_year_max": data["birth_year_max"],
            "age_estimate_method": data["age_estimate_method"],
            "nationalities": split_codes(data["nationalities"]),
            "languages": split_codes(data["languages"]),
            "vulnerabilities": data["vulnerabilities"],
            "contact": {"phones": [data["phone"]] if data["phone"] else []},
            "documents": documents,
        }
        if data["immigration_status"]:
            arguments["immigration_status"] = data["immigration_status"]
        return arguments


class IntakeForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How the contact came in"),
        choices=[c for c in Channel.choices if c[0] != Channel.PORTAL],
    )
    in_danger = forms.BooleanField(label=_("The person is in danger now"), required=False)
    anonymous = forms.BooleanField(label=_("The caller wishes to stay anonymous"), required=False)
    contact_name = forms.CharField(
        label=_("Name to use when calling back"), max_length=200, required=False
    )
    contact_phone = forms.CharField(
        label=_("Phone number to call back"), max_length=40, required=False
    )
    safe_time = forms.CharField(label=_("Safe time to call back"), max_length=200, required=False)
    safe_channel = forms.CharField(
        label=_("Safe way to make contact"), max_length=200, required=False
    )
    language = forms.CharField(
        label=_("Preferred language (ISO code)"), max_length=3, required=False
    )
    account = forms.CharField(
        label=_("What happened, in the person's words"),
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    person_name = forms.CharField(
        label=_("Name of the person concerned (any script)"), max_length=300, required=False
    )
    person_sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, initial=Sex.UNKNOWN)
    person_age = forms.CharField(label=_("Age or approximate age"), max_length=40, required=False)
    person_nationality = forms.CharField(
        label=_("Nationality (ISO code)"), max_length=2, required=False
    )
    detained = forms.BooleanField(label=_("The person is detained or arrested now"), required=False)
    agency = forms.TypedChoiceField(
        label=_("Refer to (service-provider agency)"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=(),
    )
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, referral_agencies=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if referral_agencies is None:
            del self.fields["agency"]
        else:
            self.fields["agency"].choices = [("", "—")] + [
                (str(agency.pk), agency.name) for agency in referral_agencies
            ]
            self.fields["agency"].required = True


class TriageCloseForm(VersionedForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=IntakeClosureReason.choices)


class AttachForm(VersionedForm):
    case_reference = forms.CharField(label=_("Case reference (HVN-…)"), max_length=20)


class CaseFactsForm(VersionedForm):
    policy = forms.ChoiceField(label=_("Jurisdiction policy"), choices=())
    asylum_sought = forms.BooleanField(label=_("The person has sought asylum"), required=False)
    fears_own_state = forms.BooleanField(
        label=_("The person fears the authorities of their own State"), required=False
    )
    smuggled = forms.BooleanField(label=_("The person was smuggled"), required=False)
    stateless = forms.BooleanField(label=_("The person is stateless"), required=False)
    proceedings_ongoing = forms.BooleanField(
        label=_("Criminal proceedings are ongoing"), required=False
    )
    participates_as_witness = forms.BooleanField(
        label=_("The person takes part as a witness"), required=False
    )
    witness_protection_on = forms.DateField(
        label=_("Witness protection in place since"), required=False, widget=DATE
    )
    assistance_conditional_on_cooperation = forms.BooleanField(
        label=_("Someone made help depend on cooperating with the police or prosecutor"),
        required=False,
    )
    guardian_appointed_on = forms.DateField(
        label=_("Guardian appointed on (child)"), required=False, widget=DATE
    )
    best_interests_assessed_on = forms.DateField(
        label=_("Best interests assessed on (child)"), required=False, widget=DATE
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from haven.protection.domain import bundled_policy_names

        super().__init__(*args, **kwargs)
        self.fields["policy"].choices = [(name, name) for name in bundled_policy_names()]


class CaseStatusForm(VersionedForm):
    status = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    closure_reason = forms.ChoiceField(
        label=_("Reason for closing"), choices=[("", "—"), *ClosureReason.choices], required=False
    )
    closure_note = forms.CharField(
        label=_("Note on closing"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Decision"), choices=DecisionKind.choices)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=DecisionOutcome.choices)
    threshold = forms.CharField(
        label=_("Threshold applied"),
        max_length=200,
        initial=_("Reasonable grounds to believe the person is a victim of trafficking"),
    )
    reasons = forms.CharField(
        label=_("Reasons"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 6})
    )
    decided_on = forms.DateField(label=_("Date of decision"), widget=DATE)
    reconsideration_of = forms.ChoiceField(
        label=_("Reconsiders an earlier decision"), required=False, choices=()
    )

    def __init__(self, *args, earlier=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["reconsideration_of"].choices = [("", "—")] + [
            (str(d.pk), f"{d.get_kind_display()} {d.decided_on} ({d.get_outcome_display()})")
            for d in earlier
        ]


class DetentionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DetentionKind.choices)
    started_on = forms.DateField(label=_("Since"), widget=DATE)
    ended_on = forms.DateField(label=_("Until"), required=False, widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    authority = forms.CharField(label=_("Authority"), max_length=200, required=False)
    consular_rights_informed_on = forms.DateField(
        label=_("Informed of consular rights on"), required=False, widget=DATE
    )
    consular_notification_requested_on = forms.DateField(
        label=_("Asked for the consulate to be notified on"), required=False, widget=DATE
    )
    consulate_notified_on = forms.DateField(
        label=_("Consulate notified on"), required=False, widget=DATE
    )
    opposes_consular_action = forms.BooleanField(
        label=_("The person does not want their consulate involved"), required=False
    )


class ChargeForm(forms.Form):
    offence = forms.CharField(
        label=_("Offence charged"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    status = forms.ChoiceField(label=_("Status"), choices=ChargeStatus.choices)
    charged_on = forms.DateField(label=_("Charged on"), required=False, widget=DATE)
    compelled_by_trafficking = forms.ChoiceField(
        label=_("Was the person compelled to commit it as a consequence of being trafficked?"),
        choices=TRI_STATE,
        required=False,
    )
    linked_to_exploitation = forms.BooleanField(
        label=_("Committed in the course of the exploitation"), required=False
    )
    for_having_been_smuggled = forms.BooleanField(
        label=_("Charged only for having been smuggled"), required=False
    )


class AgeAssessmentForm(forms.Form):
    started_on = forms.DateField(label=_("Started on"), widget=DATE)
    concluded_on = forms.DateField(label=_("Concluded on"), required=False, widget=DATE)
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", _("Pending")), *AgeAssessmentOutcome.choices],
        required=False,
    )
    method = forms.CharField(label=_("Method"), max_length=200, required=False)
    notes = forms.CharField(
        label=_("Notes"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReturnPlanForm(forms.Form):
    requested_by_person = forms.BooleanField(label=_("The person asked to return"), required=False)
    voluntary = forms.ChoiceField(
        label=_("Free and informed consent recorded"), choices=TRI_STATE, required=False
    )
    destination_country = forms.CharField(
        label=_("Destination (ISO code)"), max_length=2, required=False
    )
    planned_on = forms.DateField(label=_("Planned on"), required=False, widget=DATE)
    risk_assessment_completed_on = forms.DateField(
        label=_("Risk assessment completed on"), required=False, widget=DATE
    )
    consular_access_offered_on = forms.DateField(
        label=_("Consular access offered on"), required=False, widget=DATE
    )
    reintegration_support_arranged_on = forms.DateField(
        label=_("Reintegration support arranged on"), required=False, widget=DATE
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AssistanceForm(forms.Form):
    item = forms.ChoiceField(label=_("Assistance"), choices=())
    delivered_on = forms.DateField(label=_("Provided on"), required=False, widget=DATE)
    declined = forms.BooleanField(label=_("The person declined it"), required=False)

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from haven.cases.obligations import translated
        from haven.protection.domain.assistance_items import ASSISTANCE_ITEMS

        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [
            (item.id, translated(item.title)) for item in ASSISTANCE_ITEMS
        ]


class RemovalPlanForm(VersionedForm):
    planned_on = forms.DateField(label=_("Planned removal date"), widget=DATE)


class CaseFilterForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any")), *CaseStatus.choices], required=False
    )
    agency = forms.ChoiceField(label=_("Agency"), required=False, choices=())
    overdue = forms.BooleanField(label=_("Only with overdue obligations"), required=False)

    def __init__(self, *args, agencies=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [
            ("", _("Any")),
            *[(str(agency.pk), agency.name) for agency in agencies],
        ]


ANSWER_CHOICES = [
    ("", _("Not asked yet")),
    ("yes", _("Yes")),
    ("no", _("No")),
    ("unknown", _("Unknown")),
]


class ScreeningForm(forms.Form):
    """One yes / no / unknown question per indicator of a catalogue, each with
    a box for evidence. Built from the catalogue's data."""

    completed = forms.BooleanField(label=_("Screening complete"), required=False)

    def __init__(self, *args, catalogue, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.catalogue = catalogue
        for indicator in catalogue.indicators:
            self.fields[f"answer__{indicator.id}"] = forms.ChoiceField(
                label=_(indicator.question),  # the catalogue's text, marked there
                choices=ANSWER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                help_text=_(indicator.label),
            )
            self.fields[f"evidence__{indicator.id}"] = forms.CharField(
                label=_("Evidence"),
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 1}),
            )

    def indicator_rows(self):  # type: ignore[no-untyped-def]
        """(indicator, its strength's label or "", answer field, evidence field)."""
        for indicator in self.catalogue.indicators:
            strength = STRENGTH_LABELS[indicator.strength] if indicator.strength else ""
            answer, evidence = self[f"answer__{indicator.id}"], self[f"evidence__{indicator.id}"]
            yield indicator, strength, answer, evidence

    def answers(self) -> dict[str, dict]:
        answers = {}
        for indicator in self.catalogue.indicators:
            value = self.cleaned_data.get(f"answer__{indicator.id}")
            if value:
                evidence = self.cleaned_data.get(f"evidence__{indicator.id}", "")
                answers[indicator.id] = {"answer": value, "evidence": evidence}
        return answers


def _choices(enum: type) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in enum]


class ExploitationForm(forms.Form):
    """Forms and circumstances of exploitation, in the CTDC vocabulary."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from haven.cases.domain import exploitation as vocabulary

        super().__init__(*args, **kwargs)
        multiple = forms.CheckboxSelectMultiple
        self.fields["forms"] = forms.MultipleChoiceField(
            label=_("Forms of exploitation"),
            required=False,
            widget=multiple,
            choices=_choices(vocabulary.ExploitationForm),
        )
        self.fields["labour_sectors"] = forms.MultipleChoiceField(
            label=_("Sectors (forced labour)"),
            required=False,
            widget=multiple,
            choices=_choices(vocabulary.LabourSector),
        )
        self.fields["sexual_exploitation_types"] = forms.MultipleChoiceField(
            label=_("Types (sexual exploitation)"),
            required=False,
            widget=multiple,
            choices=_choices(vocabulary.SexualExploitationType),
        )
        self.fields["means_of_control"] = forms.MultipleChoiceField(
            label=_("Means of control"),
            required=False,
            widget=multiple,
            choices=_choices(vocabulary.MeansOfControl),
        )
        self.fields["recruiter_relations"] = forms.MultipleChoiceField(
            label=_("Relation to the recruiter"),
            required=False,
            widget=multiple,
            choices=_choices(vocabulary.RecruiterRelation),
        )
        for name, label in (
            ("countries_of_origin", _("Countries of origin (ISO codes)")),
            ("countries_of_transit", _("Countries of transit (ISO codes)")),
            ("countries_of_exploitation", _("Countries of exploitation (ISO codes)")),
        ):
            self.fields[name] = forms.CharField(label=label, required=False, max_length=200)
        self.fields["started_on"] = forms.DateField(
            label=_("Exploitation began"), required=False, widget=DATE
        )
        self.fields["ended_on"] = forms.DateField(
            label=_("Exploitation ended"), required=False, widget=DATE
        )
        self.fields["notes"] = forms.CharField(
            label=_("Notes"),
            required=False,
            max_length=10_000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("countries_of_origin", "countries_of_transit", "countries_of_exploitation"):
            data[name] = split_codes(data[name])
        for name in ("started_on", "ended_on"):
            if data[name] is None:
                data.pop(name)
        return data


class ConsentForm(forms.Form):
    recipient = forms.TypedChoiceField(
        label=_("Agency the person agreed to inform"), coerce=int, choices=()
    )
    scope = forms.ChoiceField(label=_("What may be shared"), choices=())
    purpose = forms.CharField(label=_("For what purpose"), max_length=500)
    given_how = forms.CharField(
        label=_("How the person gave consent"), max_length=100, initial=_("In person, orally")
    )
    given_on = forms.DateField(label=_("Date"), widget=DATE)

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from haven.accounts.models import Agency
        from haven.referrals.models import ConsentScope

        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = [
            (agency.pk, agency.name) for agency in Agency.objects.filter(is_active=True)
        ]
        self.fields["scope"].choices = [(ConsentScope.INTAKE.value, ConsentScope.INTAKE.label)]
