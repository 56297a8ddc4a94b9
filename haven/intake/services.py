"""Intakes: opened by staff (one at a time, or in batches synced from outreach
devices and partner hotlines) and requested through the public portal, where a
help request becomes an intake in the triage queue and a missing relative a
tracing report; either way the person gets a tracking code and a passphrase to
follow up, shown once. Triage into cases is in cases/services.py."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haven.accounts import access
from haven.accounts.models import Agency, AgencyKind
from haven.accounts.roles import Permission
from haven.audit.models import AuditAction
from haven.audit.services import ANONYMOUS, AuditEvent, audit_record, audit_record_many
from haven.intake.models import (
    STAFF_CHANNELS,
    Channel,
    Intake,
    IntakeStatus,
    PublicTicket,
    TicketMessage,
)
from haven.kernel.errors import Conflict, NotFound, ValidationFailed
from haven.platform.bulk import copy_rows, prepare_rows
from haven.platform.models import StoredFile
from haven.tracing.models import MissingPersonReport, ReportSource

# No 0/O, 1/I/L or U: codes are read aloud over bad phone lines and copied by hand.
ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
MAX_TEXT = 20_000

NO_RECEIVING_AGENCY = _(
    "Requests cannot be received online right now. Please call the hotline number shown."
)
MESSAGE_EMPTY = _("Write a message or attach a file.")


@dataclass(frozen=True)
class IssuedTicket:
    code: str
    passphrase: str


def _group(characters: str, size: int = 4) -> str:
    return "-".join(characters[i : i + size] for i in range(0, len(characters), size))


def new_code() -> str:
    return _group("".join(secrets.choice(ALPHABET) for _ in range(12)))


def new_passphrase() -> str:
    return _group("".join(secrets.choice(ALPHABET) for _ in range(16)).lower())


def normalise_code(code: str) -> str:
    cleaned = "".join(c for c in code.upper() if c.isalnum())
    return _group(cleaned[:12])


def _receiving_agency(*kinds: str) -> Agency:
    agencies = Agency.objects.filter(receives_portal_requests=True, is_active=True)
    agency = agencies.filter(kind__in=kinds).order_by("name").first()
    if agency is None:
        raise ValidationFailed(str(NO_RECEIVING_AGENCY))
    return agency


def _issue_ticket(**target: Any) -> IssuedTicket:
    passphrase = new_passphrase()
    for _attempt in range(5):
        code = new_code()
        if not PublicTicket.objects.filter(code=code).exists():
            break
    ticket = PublicTicket(
        code=code, passphrase_hash=make_password(passphrase), created_at=timezone.now(), **target
    )
    ticket.save(force_insert=True)
    return IssuedTicket(code, passphrase)


def _text(value: str, field: str) -> str:
    if len(value) > MAX_TEXT:
        raise ValidationFailed(
            str(_("This text is too long.")),
            extra={"errors": {field: [str(_("This text is too long."))]}},
        )
    return value


@transaction.atomic
def portal_help_request(
    *,
    account: str,
    answers: dict[str, str],
    place: str,
    when: str,
    in_danger: bool,
    anonymous: bool,
    contact: dict[str, str],
    language: str,
    attachment: StoredFile | None = None,
) -> IssuedTicket:
    """A person asks for help or reports exploitation. Immigration status is
    never asked (IOM-IDM-2009 §11: complaint mechanisms open to regular and
    irregular migrants)."""
    agency = _receiving_agency(
        AgencyKind.HOTLINE,
        AgencyKind.NGO,
        AgencyKind.SHELTER,
        AgencyKind.SOCIAL_SERVICES,
        AgencyKind.MIGRANT_RESOURCE_CENTRE,
    )
    intake = Intake(
        channel=Channel.PORTAL,
        received_at=timezone.now(),
        agency=agency,
        anonymous=anonymous,
        contact=None if anonymous else contact,
        account=_text(account, "account"),
        circumstances={"place": _text(place, "place"), "when": when[:200], "answers": answers},
        person_details={},
        language=language[:8],
        in_danger=in_danger,
    )
    intake.save(force_insert=True)
    ticket = _issue_ticket(intake=intake, language=language[:8])
    if attachment is not None:
        TicketMessage(
            ticket=intake.ticket,
            from_person=True,
            body="",
            attachment=attachment,
            created_at=timezone.now(),
        ).save(force_insert=True)
    audit_record(
        actor=ANONYMOUS,
        action=AuditAction.CREATE,
        object_type="intake",
        object_id=intake.pk,
        fields=["account", "circumstances", "contact"],
        detail={"channel": "portal"},
    )
    return ticket


@transaction.atomic
def portal_missing_report(
    *,
    names: dict[str, Any],
    sex: str,
    age: int | None,
    nationality: str,
    languages: list[str],
    description: str,
    last_contact_on: Any,
    last_place: str,
    route: str,
    inquirer: dict[str, str],
    language: str,
    photo: StoredFile | None = None,
) -> IssuedTicket:
    """A family reports a missing relative (IPU-145 op.12: search for the
    disappeared and re-establish family links)."""
    agency = _receiving_agency(AgencyKind.TRACING_SERVICE)
    now = timezone.now()
    report = MissingPersonReport(
        agency=agency,
        source=ReportSource.PORTAL,
        received_at=now,
        names=names,
        sex=sex,
        age=age,
        nationality=nationality,
        languages=languages,
        description=_text(description, "description"),
        last_contact_on=last_contact_on,
        last_place=_text(last_place, "last_place"),
        route=_text(route, "route"),
        inquirer=inquirer,
        updated_at=now,
    )
    report.save(force_insert=True)
    ticket = _issue_ticket(missing_report=report, language=language[:8])
    if photo is not None:
        TicketMessage(
            ticket=report.ticket, from_person=True, body="", attachment=photo, created_at=now
        ).save(force_insert=True)
    audit_record(
        actor=ANONYMOUS,
        action=AuditAction.CREATE,
        object_type="missing_report",
        object_id=report.pk,
        fields=["names", "description", "inquirer"],
        detail={"channel": "portal"},
    )
    return ticket


# A hash computed for unknown codes too, so a wrong code takes as long as a
# wrong passphrase and timing reveals nothing.
_DUMMY_HASH = make_password("not a real passphrase")


def ticket_open(*, code: str, passphrase: str) -> PublicTicket | None:
    ticket = PublicTicket.objects.filter(code=normalise_code(code)).first()
    candidate = passphrase.strip().lower()
    if ticket is None:
        check_password(candidate, _DUMMY_HASH)
        return None
    if not check_password(candidate, ticket.passphrase_hash):
        return None
    return ticket


@transaction.atomic
def ticket_add_message(
    *, ticket_id: object, body: str, attachment: StoredFile | None = None
) -> TicketMessage:
    """The person adds information or writes to the service."""
    ticket = PublicTicket.objects.select_for_update().get(pk=ticket_id)
    if not body.strip() and attachment is None:
        raise ValidationFailed(str(MESSAGE_EMPTY), extra={"errors": {"body": [str(MESSAGE_EMPTY)]}})
    message = TicketMessage(
        ticket=ticket,
        from_person=True,
        body=_text(body, "body"),
        attachment=attachment,
        created_at=timezone.now(),
    )
    message.save(force_insert=True)
    audit_record(
        actor=ANONYMOUS,
        action=AuditAction.CREATE,
        object_type="ticket_message",
        object_id=message.pk,
        fields=["body"],
        detail={"ticket": str(ticket.pk)},
    )
    return message


def _staff_message(
    actor: Any, ticket: PublicTicket | None, body: str, about: dict[str, str]
) -> TicketMessage:
    """A message from staff to the person, shown on their follow-up page."""
    if ticket is None:
        raise NotFound(str(access.NOT_FOUND_MESSAGE))
    if not body.strip():
        raise ValidationFailed.for_field("body", MESSAGE_EMPTY)
    message = TicketMessage(
        ticket=ticket,
        from_person=False,
        author=actor,
        body=_text(body, "body"),
        created_at=timezone.now(),
    )
    message.save(force_insert=True)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="ticket_message",
        object_id=message.pk,
        fields=["body"],
        detail=about,
    )
    return message


@transaction.atomic
def ticket_reply(*, actor: Any, intake_id: object, body: str) -> TicketMessage:
    """A hotline operator or caseworker answers the person on their follow-up page."""
    intake = access.access_intake_by_id(actor, intake_id, for_triage=True)
    ticket = PublicTicket.objects.filter(intake=intake).first()
    return _staff_message(actor, ticket, body, {"intake": str(intake.pk)})


# What the person sees of their request, in plain words (no internal detail).
PUBLIC_STATUS = {
    IntakeStatus.NEW: _("Received. Someone will look at your request soon."),
    IntakeStatus.CASE_OPENED: _("A caseworker is following your request."),
    IntakeStatus.ATTACHED: _("A caseworker is following your request."),
    IntakeStatus.CLOSED: _("Closed. You can still write to us here."),
}
MISSING_STATUS = {
    "open": _("Received. The tracing service is searching."),
    "match_under_review": _(
        "The tracing service is checking information that may be about "
        "your relative. They will contact you."
    ),
    "found_alive": _("The tracing service has news. They will contact you."),
    "found_deceased": _("The tracing service has news. They will contact you."),
    "closed": _("Closed. You can still write to us here."),
}


def public_status(ticket: PublicTicket) -> str:
    if ticket.intake_id:
        return str(PUBLIC_STATUS.get(ticket.intake.status, PUBLIC_STATUS[IntakeStatus.NEW]))
    return str(MISSING_STATUS.get(ticket.missing_report.status, MISSING_STATUS["open"]))


def ticket_messages(ticket: PublicTicket) -> list[TicketMessage]:
    return list(ticket.messages.order_by("created_at"))


def can_reply(actor: Any) -> bool:
    return access.has_permission(actor, Permission.INTAKE_TRIAGE)


@transaction.atomic
def missing_report_reply(*, actor: Any, report_id: object, body: str) -> TicketMessage:
    """A tracing officer writes to the family on their follow-up page."""
    report = access.access_missing_report_by_id(actor, report_id)
    ticket = PublicTicket.objects.filter(missing_report=report).first()
    return _staff_message(actor, ticket, body, {"missing_report": str(report.pk)})


def attachment_for(*, actor: Any, file_id: object):  # type: ignore[no-untyped-def]
    """A file attached to a portal request, if the actor may read that request."""
    try:
        file_uuid = uuid.UUID(str(file_id))
    except ValueError:
        raise NotFound(str(access.NOT_FOUND_MESSAGE)) from None
    message = TicketMessage.objects.select_related("ticket").filter(attachment_id=file_uuid).first()
    if message is None:
        raise NotFound(str(access.NOT_FOUND_MESSAGE))
    ticket = message.ticket
    if ticket.intake_id:
        intake = access.access_intake_by_id(actor, ticket.intake_id)
        if not access.intake_content_visible(actor, intake):
            raise NotFound(str(access.NOT_FOUND_MESSAGE))
    else:
        access.access_missing_report_by_id(actor, ticket.missing_report_id)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.READ,
            object_type="attachment",
            object_id=message.attachment_id,
            fields=["content"],
        )
    return message.attachment


# --- intakes opened by staff ---------------------------------------------------


INTAKE_AUDITED_FIELDS = ("channel", "account", "contact", "person_details")
STAFF_CHANNEL_VALUES = frozenset(value for value, _label in STAFF_CHANNELS)
MAX_INTAKES_AT_ONCE = 100


@transaction.atomic
def intake_create(*, actor: Any, **fields: Any) -> Intake:
    """Open an intake. Staff of a triaging agency open it in their own queue; a
    first responder refers it to a service-provider agency of their choice.
    ``fields`` are those of ``_intake_new``."""
    access.require_permission(actor, Permission.INTAKE_CREATE)
    intake = _intake_new(actor, **fields)
    intake.save(force_insert=True)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="intake",
        object_id=intake.pk,
        fields=INTAKE_AUDITED_FIELDS,
    )
    return intake


@dataclass(frozen=True)
class BatchIntake:
    """What a batch answers about one of its intakes."""

    client_reference: uuid.UUID
    intake_id: uuid.UUID
    created: bool  # False: an earlier batch carried it


@transaction.atomic
def intakes_create_many(*, actor: Any, items: list[dict[str, Any]]) -> list[BatchIntake]:
    """Create intakes sent together: an outreach worker's device syncing what
    it recorded offline, a partner hotline's batch. Each item carries its
    sender's ``client_reference``; one this user already sent is not created
    again (whichever batch carried it) and comes back with ``created=False``.

    All or nothing: an invalid item fails the batch, naming the item.
    Answers in the order of ``items``.
    """
    access.require_permission(actor, Permission.INTAKE_CREATE)
    if not 1 <= len(items) <= MAX_INTAKES_AT_ONCE:
        raise ValidationFailed.for_field("intakes", _("Send between 1 and 100 intakes at once."))
    references = [item["client_reference"] for item in items]
    if len(set(references)) != len(references):
        raise ValidationFailed.for_field(
            "intakes", _("Each intake in a batch needs its own client reference.")
        )
    destinations: dict[int | None, tuple[Agency, Agency | None]] = {}
    received_at = timezone.now()
    rows = []
    for index, item in enumerate(items):
        fields = {key: value for key, value in item.items() if key != "client_reference"}
        try:
            # Items of a batch mostly share one destination: decided once.
            agency_id = fields.pop("agency_id", None)
            if agency_id not in destinations:
                destinations[agency_id] = _intake_destination(actor, agency_id)
            values = _intake_values(actor, destination=destinations[agency_id], **fields)
        except ValidationFailed as error:
            errors = error.extra.get("errors", {})
            raise ValidationFailed(
                error.message,
                extra={"errors": {f"intakes.{index}.{k}": v for k, v in errors.items()}},
            ) from error
        rows.append(
            {
                **_row_values(values),
                "received_at": received_at,
                "client_reference": item["client_reference"],
            }
        )
    stored = _store_batch(actor, prepare_rows(Intake, rows), references)
    results = [
        BatchIntake(row["client_reference"], *stored[row["client_reference"]]) for row in rows
    ]
    created = [
        AuditEvent(AuditAction.CREATE, "intake", str(result.intake_id), INTAKE_AUDITED_FIELDS)
        for result in results
        if result.created
    ]
    if created:
        audit_record_many(actor=actor, events=created)
    return results


_RELATED = ("agency", "referring_agency", "created_by")


def _row_values(values: dict[str, Any]) -> dict[str, Any]:
    """An intake's values as a row holds them: related objects by their id."""
    row = {name: value for name, value in values.items() if name not in _RELATED}
    row.update({f"{name}_id": getattr(values[name], "pk", None) for name in _RELATED})
    return row


def _store_batch(
    actor: Any, rows: list[dict[str, Any]], references: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[uuid.UUID, bool]]:
    """Store the rows whose reference this user has not sent before. Answers
    each reference's intake id and whether this batch created it."""
    if connection.vendor == "postgresql":
        try:
            # By COPY, behind a savepoint: a reference stored by an earlier
            # batch (a resent intake) fails it at once, one that a concurrent
            # batch is storing after that batch commits.
            with transaction.atomic():
                copy_rows(Intake, rows)
        except IntegrityError:
            pass  # the rare case: stored below, skipping what is already there
        else:
            return {row["client_reference"]: (row["id"], True) for row in rows}
    # One statement; a reference already stored is skipped by the database (a
    # concurrent batch carrying it waits, then is skipped).
    Intake.objects.bulk_create([Intake(**row) for row in rows], ignore_conflicts=True)
    ours = {row["client_reference"]: row["id"] for row in rows}
    answers = {
        reference: (pk, ours[reference] == pk)
        for reference, pk in _stored_ids(actor, references).items()
    }
    if len(answers) != len(references):  # refused by a constraint validation should have caught
        raise Conflict(str(_("An intake in this batch could not be stored.")))
    return answers


def _stored_ids(actor: Any, references: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    return dict(
        Intake.objects.filter(created_by=actor, client_reference__in=references).values_list(
            "client_reference", "pk"
        )
    )


def _intake_destination(actor: Any, agency_id: int | None) -> tuple[Agency, Agency | None]:
    """The agency whose queue receives the intake, and the referring agency:
    staff of a triaging agency keep it in their own queue; anyone else (a first
    responder) refers it to a service-provider agency of their choice."""
    if access.has_permission(actor, Permission.INTAKE_TRIAGE) and agency_id in (
        None,
        actor.agency_id,
    ):
        return actor.agency, None
    agency = Agency.objects.filter(pk=agency_id, is_active=True).first() if agency_id else None
    if agency is None or agency.is_enforcement:
        raise ValidationFailed.for_field(
            "agency", _("Choose the service-provider agency to refer to.")
        )
    return agency, actor.agency


def _intake_new(actor: Any, **fields: Any) -> Intake:
    """A validated, unsaved intake; ``fields`` are those of ``_intake_values``."""
    return Intake(received_at=timezone.now(), **_intake_values(actor, **fields))


def _intake_values(
    actor: Any,
    *,
    channel: str,
    account: str = "",
    anonymous: bool = False,
    contact: dict | None = None,
    person_details: dict | None = None,
    language: str = "",
    in_danger: bool = False,
    detained: bool = False,
    agency_id: int | None = None,
    destination: tuple[Agency, Agency | None] | None = None,
) -> dict[str, Any]:
    """The validated values of a new intake."""
    if channel not in STAFF_CHANNEL_VALUES:
        raise ValidationFailed.for_field("channel", _("Not one of the allowed channels."))
    agency, referring = destination or _intake_destination(actor, agency_id)
    if len(account) > 20_000:
        raise ValidationFailed.for_field(
            "account", _("The account is longer than 20,000 characters.")
        )
    return {
        "channel": channel,
        "agency": agency,
        "referring_agency": referring,
        "created_by": actor,
        "anonymous": anonymous,
        "contact": None if anonymous else (contact or {}),
        "account": account,
        "person_details": person_details or {},
        "language": language[:3],
        "in_danger": in_danger,
        "detained": detained,
    }
