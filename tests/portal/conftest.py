from __future__ import annotations

import pytest

from haven.accounts.models import Agency


@pytest.fixture
def receiving(agencies):  # type: ignore[no-untyped-def]
    """The hotline receives help requests, the tracing service missing relatives."""
    Agency.objects.filter(pk__in=[agencies["hotline"].pk, agencies["tracing"].pk]).update(
        receives_portal_requests=True
    )
    return agencies
