"""Shared pieces of the REST API: schema views that follow Haven's access
rules, and helpers for If-Match and ETag."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.request import Request

from haven.accounts.api_auth import HasRolePermission
from haven.accounts.roles import Permission
from haven.kernel.errors import ErrorCode, HavenError
from haven.platform.concurrency import parse_if_match


class PreconditionRequired(HavenError):
    code = ErrorCode.PRECONDITION_REQUIRED
    status = 428


IF_MATCH_REQUIRED = _("This update needs an If-Match header with the version you read (its ETag).")


def expected_version_from(request: Request) -> int:
    version = parse_if_match(request.headers.get("If-Match"))
    if version is None:
        raise PreconditionRequired(str(IF_MATCH_REQUIRED))
    return version


class SchemaView(SpectacularAPIView):
    permission_classes = [HasRolePermission]
    required_permissions = {"GET": Permission.HOME_VIEW}


class SchemaDocsView(SpectacularSwaggerSplitView):
    permission_classes = [HasRolePermission]
    required_permissions = {"GET": Permission.HOME_VIEW}
