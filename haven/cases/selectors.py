"""Reads of cases and intakes, always through accounts.access; reads of a
case file or an intake are audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haven.accounts import access
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.cases import lifecycle
from haven.cases import obligations as obligation_text
from haven.cases.models import Case, CaseStatus, Obligation, ObligationStatus
from haven.intake.models import Intake, IntakeStatus

PAGE_SIZE = 25


def obligation_status_on(obligation: Obligation, today: date) -> str:
    """Stored statuses are as of the last refresh; a due date passed since then
    makes the obligation overdue today."""
    if (
        obligation.status == ObligationStatus.DUE
        and obligation.due_on is not None
        and obligation.due_on < today
    ):
        return ObligationStatus.OVERDUE
    return obligation.status


def _overdue_filter(today: date) -> Q:
    return Q(obligations__status=ObligationStatus.OVERDUE) | Q(
        obligations__status=ObligationStatus.DUE, obligations__due_on__lt=today
    )


def case_agencies(*, actor: Any) -> list:
    """The agencies owning cases the actor can see (for the list's filter)."""
    from haven.accounts.models import Agency

    ids = access.cases_visible_to(actor).values("agency_id").distinct()
    return list(Agency.objects.filter(pk__in=ids).order_by("name"))


@dataclass(frozen=True)
class CaseSummary:
    id: str
    reference: str
    person_name: str
    status: str
    status_label: str
    agency: str
    caseworker: str
    opened_on: date
    overdue: int


def case_page(
    *,
    actor: Any,
    name: str = "",
    status: str = "",
    agency_id: str = "",
    overdue_only: bool = False,
    page_number: object = 1,
) -> Page:
    today = timezone.localdate()
    cases = access.cases_visible_to(actor).select_related("person", "agency", "caseworker")
    if name.strip():
        from haven.people.selectors import person_search

        person_ids = [match.person.id for match in person_search(actor=actor, name=name, limit=50)]
        cases = cases.filter(person_id__in=person_ids)
    if status in CaseStatus.values:
        cases = cases.filter(status=status)
    if agency_id.isdigit():
        cases = cases.filter(agency_id=int(agency_id))
    if overdue_only:
        cases = cases.filter(_overdue_filter(today)).distinct()
    page = Paginator(cases.order_by("-opened_on", "-created_at"), PAGE_SIZE).get_page(page_number)
    ids = [case.pk for case in page.object_list]
    overdue_counts: dict[Any, int] = {}
    for obligation in Obligation.objects.filter(case_id__in=ids).filter(
        Q(status=ObligationStatus.OVERDUE) | Q(status=ObligationStatus.DUE, due_on__lt=today)
    ):
        overdue_counts[obligation.case_id] = overdue_counts.get(obligation.case_id, 0) + 1
    page.object_list = [
        CaseSummary(
            id=str(case.pk),
            reference=case.reference,
            person_name=case.person.display_name,
            status=case.status,
            status_label=str(case.get_status_display()),
            agency=case.agency.name,
            caseworker=case.caseworker.get_username() if case.caseworker else "",
            opened_on=case.opened_on,
            overdue=overdue_counts.get(case.pk, 0),
        )
        for case in page.object_list
    ]
    if page.object_list:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action=AuditAction.READ,
                object_type="case",
                fields=["reference", "person.names", "status"],
                detail={"listed": [summary.id for summary in page.object_list]},
            )
    return page


@dataclass(frozen=True)
class ObligationView:
    """An obligation as of today, its texts in the active language."""

    obligation: Obligation
    status: str

    @property
    def is_open(self) -> bool:
        return self.status in (ObligationStatus.DUE, ObligationStatus.OVERDUE)

    @property
    def title(self) -> str:
        return obligation_text.obligation_title(self.obligation)

    @property
    def explanation(self) -> str:
        return obligation_text.obligation_explanation(self.obligation)

    @property
    def warnings(self) -> list[str]:
        return obligation_text.obligation_warnings(self.obligation)

    @property
    def period_ends_with(self) -> str:
        return obligation_text.obligation_period_ends_with(self.obligation)


TIMELINE_LABELS = {
    "opened": _("Case opened"),
    "intake": _("Intake"),
    "screening": _("Screening"),
    "submitted": _("Submitted for identification"),
    "decision": _("Decision"),
    "detention": _("Detention or arrest"),
    "charge": _("Criminal charge"),
    "age_assessment": _("Age assessment"),
    "assistance": _("Assistance provided"),
    "closed": _("Case closed"),
}


@dataclass(frozen=True)
class TimelineEvent:
    on: date
    kind: str
    text: str

    @property
    def label(self) -> str:
        return str(TIMELINE_LABELS.get(self.kind, self.kind))


@dataclass
class CaseFile:
    case: Case
    obligations: list[ObligationView]
    timeline: list[TimelineEvent]
    allowed_statuses: list[str]
    screenings: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    detentions: list = field(default_factory=list)
    charges: list = field(default_factory=list)
    age_assessments: list = field(default_factory=list)
    assistance: list = field(default_factory=list)
    exploitation: Any = None
    return_plan: Any = None

    @property
    def vulnerability_labels(self) -> list[str]:
        from haven.people.vocabulary import Vulnerability

        codes = self.case.person.vulnerabilities or []
        return [str(Vulnerability(code).label) for code in codes if code in Vulnerability.values]

    @property
    def assistance_records(self) -> list[tuple[str, Any]]:
        """(item name in the active language, record) for each assistance record."""
        return [
            (obligation_text.assistance_item_title(record.item), record)
            for record in self.assistance
        ]

    @property
    def not_applicable(self) -> list[ObligationView]:
        return [view for view in self.obligations if view.status == ObligationStatus.NOT_APPLICABLE]


_STATUS_ORDER = {
    ObligationStatus.OVERDUE: 0,
    ObligationStatus.DUE: 1,
    ObligationStatus.MET: 2,
    ObligationStatus.NOT_APPLICABLE: 3,
}


def case_get(*, actor: Any, case_id: object) -> CaseFile:
    """The whole case file the actor may read, with obligations and a timeline."""
    case = access.access_case_by_id(actor, case_id)
    today = timezone.localdate()
    obligations = sorted(
        (ObligationView(o, obligation_status_on(o, today)) for o in case.obligations.all()),
        key=lambda view: (
            _STATUS_ORDER.get(view.status, 9),
            view.obligation.due_on or date.max,
            view.obligation.obligation_id,
        ),
    )
    casefile = CaseFile(
        case=case,
        obligations=obligations,
        timeline=[],
        allowed_statuses=lifecycle.allowed_targets(case.status),
        screenings=list(case.screenings.order_by("-screened_on", "-created_at")),
        decisions=list(
            case.decisions.select_related("decided_by").order_by("-decided_on", "-created_at")
        ),
        detentions=list(case.detentions.order_by("-started_on")),
        charges=list(case.charges.order_by("-created_at")),
        age_assessments=list(case.age_assessments.order_by("-started_on")),
        assistance=list(case.assistance.order_by("-created_at")),
        exploitation=getattr(case, "exploitation", None) if _has(case, "exploitation") else None,
        return_plan=getattr(case, "return_plan", None) if _has(case, "return_plan") else None,
    )
    casefile.timeline = _timeline(casefile)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.READ,
            object_type="case",
            object_id=case.pk,
            fields=["case_file"],
        )
    return casefile


def _has(case: Case, relation: str) -> bool:
    try:
        getattr(case, relation)
    except Exception:  # RelatedObjectDoesNotExist
        return False
    return True


def _timeline(casefile: CaseFile) -> list[TimelineEvent]:
    case = casefile.case
    events = [TimelineEvent(case.opened_on, "opened", case.reference)]
    for intake in case.intakes.all():
        events.append(
            TimelineEvent(intake.received_at.date(), "intake", intake.get_channel_display())
        )
    for screening in casefile.screenings:
        events.append(TimelineEvent(screening.screened_on, "screening", screening.catalogue))
    if case.submitted_for_identification_on:
        events.append(TimelineEvent(case.submitted_for_identification_on, "submitted", ""))
    for decision in casefile.decisions:
        events.append(
            TimelineEvent(
                decision.decided_on,
                "decision",
                f"{decision.get_kind_display()}: {decision.get_outcome_display()}",
            )
        )
    for event in casefile.detentions:
        events.append(TimelineEvent(event.started_on, "detention", event.get_kind_display()))
    for charge in casefile.charges:
        if charge.charged_on:
            events.append(TimelineEvent(charge.charged_on, "charge", charge.get_status_display()))
    for assessment in casefile.age_assessments:
        events.append(
            TimelineEvent(
                assessment.started_on, "age_assessment", assessment.get_outcome_display() or ""
            )
        )
    for record in casefile.assistance:
        if record.delivered_on:
            events.append(
                TimelineEvent(
                    record.delivered_on,
                    "assistance",
                    obligation_text.assistance_item_title(record.item),
                )
            )
    if case.closed_on:
        events.append(TimelineEvent(case.closed_on, "closed", case.get_closure_reason_display()))
    return sorted(events, key=lambda event: event.on, reverse=True)


@dataclass(frozen=True)
class Deadline:
    case_id: str
    case_reference: str
    obligation_id: str
    status: str
    due_on: date | None
    period_ends_on: date | None
    obligation: Obligation = field(repr=False)

    @property
    def title(self) -> str:
        """In the active language."""
        return obligation_text.obligation_title(self.obligation)


def my_deadlines(*, actor: Any) -> list[Deadline]:
    """Open obligations with a date, in the cases the actor is responsible for,
    most urgent first. No names: references only, so the list is safe to print."""
    today = timezone.localdate()
    cases = (
        access.cases_visible_to(actor)
        .filter(caseworker_id=actor.pk)
        .exclude(status=CaseStatus.CLOSED)
    )
    rows = (
        Obligation.objects.filter(
            case__in=cases, status__in=[ObligationStatus.DUE, ObligationStatus.OVERDUE]
        )
        .filter(Q(due_on__isnull=False) | Q(period_ends_on__isnull=False))
        .select_related("case")
    )
    deadlines = [
        Deadline(
            case_id=str(row.case_id),
            case_reference=row.case.reference,
            obligation_id=row.obligation_id,
            status=obligation_status_on(row, today),
            due_on=row.due_on,
            period_ends_on=row.period_ends_on,
            obligation=row,
        )
        for row in rows
    ]
    return sorted(
        deadlines,
        key=lambda d: (
            d.status != ObligationStatus.OVERDUE,
            d.due_on or d.period_ends_on or date.max,
        ),
    )


def intake_queue(*, actor: Any, status: str = IntakeStatus.NEW, page_number: object = 1) -> Page:
    intakes = access.intakes_visible_to(actor)
    if status in IntakeStatus.values:
        intakes = intakes.filter(status=status)
    return Paginator(intakes.order_by("-in_danger", "received_at"), PAGE_SIZE).get_page(page_number)


def intake_get(*, actor: Any, intake_id: object) -> Intake:
    intake = access.access_intake_by_id(actor, intake_id)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.READ,
            object_type="intake",
            object_id=intake.pk,
            fields=["account", "contact", "person_details"],
        )
    return intake
