"""Every user-facing string is translated, and Arabic is laid out right to left."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from haven.accounts.roles import Role
from tests.conftest import verified_client

LOCALE = Path(__file__).resolve().parents[2] / "haven" / "locale"
LANGUAGES = ("fr", "es", "ar", "ru", "uk")


def po_entries(path: Path):  # type: ignore[no-untyped-def]
    """(msgid, [msgstr...], fuzzy) triples of a .po file, header excluded."""
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        if "msgid" not in block:
            continue
        fuzzy = "#, fuzzy" in block

        def joined(keyword: str, block: str = block) -> list[str]:
            pattern = rf'^{keyword}(?:\[\d\])? ((?:".*"\n?)+)'
            return [
                "".join(re.findall(r'"(.*)"', match))
                for match in re.findall(pattern, block + "\n", flags=re.M)
            ]

        msgid = "".join(joined("msgid"))
        if msgid == "":
            continue
        yield msgid, joined("msgstr"), fuzzy


def unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    entries = list(po_entries(path))
    assert len(entries) > 100
    untranslated = [msgid for msgid, strings, _f in entries if not all(strings)]
    fuzzy = [msgid for msgid, _s, is_fuzzy in entries if is_fuzzy]
    assert untranslated == [], f"{language}: untranslated {untranslated[:5]}"
    assert fuzzy == [], f"{language}: fuzzy {fuzzy[:5]}"
    # The compiled catalogue says the same as the source (git keeps no mtimes,
    # so compare contents, not dates).
    import gettext

    with path.with_suffix(".mo").open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    stale = [
        msgid
        for msgid, strings, _f in entries
        if len(strings) == 1 and catalog.get(unescape(msgid)) is None
    ]
    assert stale == [], f"{language}: recompile the catalogue, missing {stale[:3]}"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Se connecter"), ("es", "Iniciar sesión"), ("ar", "تسجيل الدخول")],
)
def test_sign_in_page_is_served_in_the_browser_language(db, language, expected):
    response = Client().get("/accounts/sign-in/", HTTP_ACCEPT_LANGUAGE=language)
    page = response.content.decode()
    assert f'lang="{language}"' in page
    assert expected in page


def test_arabic_pages_are_right_to_left(cast):
    client = verified_client(cast[Role.CASEWORKER])
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    page = client.get("/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
