from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haven.accounts import access
from haven.accounts.roles import Permission
from haven.audit.models import AuditAction
from haven.audit.services import audit_record
from haven.kernel.errors import NotFound, ValidationFailed
from haven.platform.concurrency import save_versioned
from haven.rights.models import RightsPage

EDITABLE = ("title", "summary", "body", "sources", "position")


def _invalid(field: str, message: Any) -> ValidationFailed:
    return ValidationFailed.for_field(field, message)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    if not str(values.get("title", "")).strip():
        raise _invalid("title", _("A page needs a title."))
    sources = [str(s).strip() for s in values.get("sources", []) if str(s).strip()]
    return {**values, "sources": sources}


@transaction.atomic
def rights_page_create(
    *, actor: Any, slug: str, language: str, jurisdiction: str, **values: Any
) -> RightsPage:
    access.require_permission(actor, Permission.RIGHTS_MANAGE)
    if language not in dict(settings.LANGUAGES):
        raise _invalid("language", _("Not one of the portal's languages."))
    page = RightsPage(
        slug=slug,
        language=language,
        jurisdiction=jurisdiction.upper()[:2],
        updated_at=timezone.now(),
        **_clean(values),
    )
    try:
        with transaction.atomic():
            page.save(force_insert=True)
    except IntegrityError:
        raise _invalid(
            "slug", _("This page already exists in this language and jurisdiction.")
        ) from None
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="rights_page",
        object_id=page.pk,
        fields=list(EDITABLE),
    )
    return page


@transaction.atomic
def rights_page_update(
    *, actor: Any, page_id: int, expected_version: int, **values: Any
) -> RightsPage:
    access.require_permission(actor, Permission.RIGHTS_MANAGE)
    page = RightsPage.objects.filter(pk=page_id).first()
    if page is None:
        raise NotFound(str(access.NOT_FOUND_MESSAGE))
    for name, value in _clean(values).items():
        setattr(page, name, value)
    page.updated_at = timezone.now()
    save_versioned(page, expected_version=expected_version, fields=[*values, "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="rights_page",
        object_id=page.pk,
        fields=sorted(values),
    )
    return page
