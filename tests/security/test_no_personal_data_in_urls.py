"""Names, phone and document numbers never travel in a URL (where access logs,
proxies and browser history would keep them): every search is sent by POST."""

from __future__ import annotations

import re

from haven.accounts.roles import Role
from haven.cli import build_parser
from tests.conftest import verified_client


def form_methods(html: str) -> list[str]:
    return re.findall(r'<form method="(\w+)"', html)


def test_search_forms_post(cast):
    client = verified_client(cast[Role.CASEWORKER])
    for path in ("/persons/search/", "/cases/"):
        page = client.get(path).content.decode()
        assert "get" not in form_methods(page), path


def test_searching_by_url_is_not_possible_in_the_api(cast):
    from haven.people import services

    caseworker = cast[Role.CASEWORKER]
    services.person_register(actor=caseworker, original_name="Selam", latin_names=["Selam"])
    client = verified_client(caseworker)
    by_url = client.get("/api/v1/persons/", {"name": "Nobody At All"}).json()
    assert by_url["count"] == 1  # the parameter is ignored: a plain listing
    by_body = client.post(
        "/api/v1/persons/search/", {"name": "Selam"}, content_type="application/json"
    )
    assert by_body.status_code == 200 and by_body.json()[0]["person"]["display_name"] == "Selam"


def test_access_log_format_has_no_query_string_or_address():
    import haven.cli as cli

    source = open(cli.__file__, encoding="utf-8").read()
    log_format = re.search(r'"access_log_format", \'([^\']+)\'', source).group(1)
    assert "%(U)s" in log_format
    for leaky in ("%(r)s", "%(q)s", "%(h)s", "%(a)s", "%(f)s"):
        assert leaky not in log_format
    assert build_parser()  # the CLI still builds
