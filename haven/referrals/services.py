"""Recording and withdrawing a person's consent to disclosure."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haven.accounts import access
from haven.accounts.models import Agency
from haven.accounts.roles import Permission
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.kernel.errors import NotFound, ValidationFailed
from haven.referrals.models import Consent, ConsentScope


def _invalid(field: str, message: Any) -> ValidationFailed:
    return ValidationFailed.for_field(field, message)


@transaction.atomic
def consent_record(
    *,
    actor: Any,
    intake_id: object,
    recipient_id: int,
    scope: str,
    purpose: str,
    given_how: str,
    given_on: date,
) -> Consent:
    """The person agreed that ``recipient`` may see ``scope`` for ``purpose``:
    to whom, what, why and when are all required (DESIGN.md principle 3)."""
    access.require_permission(actor, Permission.CONSENT_RECORD)
    intake = access.access_intake_by_id(actor, intake_id, for_triage=True)
    recipient = Agency.objects.filter(pk=recipient_id, is_active=True).first()
    if recipient is None:
        raise _invalid("recipient", _("Choose the agency the person agreed to inform."))
    if scope not in ConsentScope.values:
        raise _invalid("scope", _("Choose what the person agreed to share."))
    if not purpose.strip():
        raise _invalid("purpose", _("Write the purpose the person agreed to."))
    if not given_how.strip():
        raise _invalid("given_how", _("Say how the person gave consent."))
    if given_on > timezone.localdate():
        raise _invalid("given_on", _("This date is in the future."))
    consent = Consent(
        intake=intake,
        recipient=recipient,
        scope=scope,
        purpose=purpose[:500],
        given_how=given_how[:100],
        given_on=given_on,
        recorded_by=actor,
        created_at=timezone.now(),
    )
    consent.save(force_insert=True)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="consent",
        object_id=consent.pk,
        fields=["recipient", "scope", "purpose"],
        detail={"intake": str(intake.pk), "recipient": recipient.pk},
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor: Any, consent_id: object) -> Consent:
    """The person withdrew consent: access closes at once; the record stays."""
    access.require_permission(actor, Permission.CONSENT_RECORD)
    try:
        consent_uuid = uuid.UUID(str(consent_id))
    except ValueError:
        raise NotFound(str(access.NOT_FOUND_MESSAGE)) from None
    consent = Consent.objects.select_for_update().filter(pk=consent_uuid).first()
    if consent is None or consent.intake_id is None:
        raise NotFound(str(access.NOT_FOUND_MESSAGE))
    access.access_intake_by_id(actor, consent.intake_id, for_triage=True)
    if consent.withdrawn_on is None:
        consent.withdrawn_on = timezone.localdate()
        consent.withdrawn_by = actor
        consent.save(update_fields=["withdrawn_on", "withdrawn_by"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="consent",
            object_id=consent.pk,
            fields=["withdrawn_on"],
        )
    return consent
