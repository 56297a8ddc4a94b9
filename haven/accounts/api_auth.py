"""How the API knows who is calling and whether their role may call this.

Session cookies need a CSRF token on every write (DRF's SessionAuthentication
enforces it) and a completed two-factor sign-in; bearer tokens carry
"Authorization: Bearer hvn_…".
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions, permissions
from rest_framework.request import Request

from haven.accounts import access
from haven.accounts.models import ApiToken
from haven.accounts.services import token_digest


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Malformed Authorization header."))
        try:
            secret = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Malformed token.")) from None
        token = (
            ApiToken.objects.select_related("user", "user__agency")
            .filter(digest=token_digest(secret), revoked_at__isnull=True)
            .first()
        )
        now = timezone.now()
        if token is None or token.expires_at <= now or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid or expired token."))
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    """Session auth with CSRF enforced on writes (inherited) that refuses a
    session still owing its two-factor code."""

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        from haven.accounts.middleware import two_factor_needed

        if two_factor_needed(request._request):
            return None
        return result


class HasRolePermission(permissions.BasePermission):
    """Each API view names ``required_permissions`` per HTTP method (deny by
    default: a method without an entry is refused). Object scope is then
    decided by access.py inside the view's selectors and services."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not hasattr(view, request.method.lower()):
            return True  # no such handler: let the view answer 405
        if not access.is_staff_user(request.user):
            if request.user and request.user.is_authenticated:
                return False
            raise exceptions.NotAuthenticated()
        required = getattr(view, "required_permissions", {}).get(request.method)
        if required is None and request.method in ("HEAD", "OPTIONS"):
            required = getattr(view, "required_permissions", {}).get("GET")
        if required is None:
            return False
        return access.has_permission(request.user, required)
