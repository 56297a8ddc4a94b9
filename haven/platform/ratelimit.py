"""Fixed-window rate limits shared by every server process (the counts live
in the database). Clients are identified by a keyed hash of their address,
so no address is ever stored."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from haven.platform.models import RateLimitBucket


def client_address(request: HttpRequest) -> str:
    """The client's address; behind HAVEN_PROXY_COUNT proxies, the one they saw."""
    proxies = getattr(settings, "HAVEN_PROXY_COUNT_FOR_LIMITS", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _digest(scope: str, identifier: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"ratelimit:{scope}:{identifier}".encode(), hashlib.sha256).hexdigest()


def _window(now: datetime, period: timedelta) -> datetime:
    seconds = int(period.total_seconds())
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=now.tzinfo)


def allow(scope: str, identifier: str, *, limit: int, period: timedelta) -> bool:
    """Count one attempt; False once ``limit`` attempts fell in this window."""
    now = timezone.now()
    window = _window(now, period)
    digest = _digest(scope, identifier)
    with transaction.atomic():
        updated = RateLimitBucket.objects.filter(digest=digest, window_start=window).update(
            count=F("count") + 1
        )
        if not updated:
            try:
                with transaction.atomic():
                    RateLimitBucket.objects.create(digest=digest, window_start=window, count=1)
            except IntegrityError:
                RateLimitBucket.objects.filter(digest=digest, window_start=window).update(
                    count=F("count") + 1
                )
        count = RateLimitBucket.objects.get(digest=digest, window_start=window).count
    return count <= limit


def purge_old_buckets(older_than: timedelta = timedelta(days=2)) -> int:
    deleted, _ = RateLimitBucket.objects.filter(
        window_start__lt=timezone.now() - older_than
    ).delete()
    return deleted
