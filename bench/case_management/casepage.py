"""The case page: GET /cases/<id>/ through Django's test client, signed in as
the searching caseworker past two-factor sign-in, over cases of the working
set (open cases with their records and obligations)."""

from __future__ import annotations

import secrets
import time
from typing import Any

from bench.case_management import seeding
from bench.case_management.search import searching_caseworker
from bench.case_management.stats import latency_summary

WARM_UP_PAGES = 20


def verified_client(user: Any):  # type: ignore[no-untyped-def]
    """A client signed in past two-factor, as tests/conftest.py makes one."""
    import django_otp
    from django.test import Client

    from haven.accounts.models import TwoFactorDevice

    client = Client()
    client.force_login(user)
    device = TwoFactorDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TwoFactorDevice(
            user=user, name="bench", confirmed=True, secret=secrets.token_hex(20)
        )
        device.save(force_insert=True)
    session = client.session
    session[django_otp.DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _sample_cases(agency_id: int, count: int) -> list[str]:
    return [
        str(row[0])
        for row in seeding._execute(
            "SELECT c.id FROM cases_case c WHERE c.agency_id = %s AND c.status <> 'closed' "
            "AND EXISTS (SELECT 1 FROM cases_obligation o WHERE o.case_id = c.id) "
            "ORDER BY md5(c.id::text || 'bench-casepage') LIMIT %s",
            (agency_id, count),
        )
    ]


def benchmark(pages: int = 300) -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = searching_caseworker()
    client = verified_client(user)
    case_ids = _sample_cases(user.agency_id, pages + WARM_UP_PAGES)
    if len(case_ids) <= WARM_UP_PAGES:
        raise SystemExit("bench: no cases with obligations; run the seed step first")
    warm_up, timed = case_ids[:WARM_UP_PAGES], case_ids[WARM_UP_PAGES:]
    for case_id in warm_up:
        response = client.get(f"/cases/{case_id}/")
        if response.status_code != 200:
            raise SystemExit(f"bench: case page answered {response.status_code}")
    seconds, sizes, statuses = [], [], {}
    for case_id in timed:
        started = time.perf_counter()
        response = client.get(f"/cases/{case_id}/")
        seconds.append(time.perf_counter() - started)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        sizes.append(len(response.content))
    with CaptureQueriesContext(connection) as captured:
        client.get(f"/cases/{timed[0]}/")
    obligations = seeding._execute(
        "SELECT avg(n), max(n) FROM (SELECT count(*) n FROM cases_obligation "
        "WHERE case_id = ANY(%s::uuid[]) GROUP BY case_id) per_case",
        (timed,),
    )[0]
    return {
        "actor": user.get_username(),
        "pages": len(timed),
        "warm_up": len(warm_up),
        "statuses": {str(code): count for code, count in statuses.items()},
        "latency": latency_summary(seconds),
        "queries_per_page": len(captured.captured_queries),
        "mean_page_bytes": round(sum(sizes) / len(sizes)),
        "obligations_per_case_mean": round(float(obligations[0] or 0), 1),
        "obligations_per_case_max": obligations[1],
    }
