"""Obligations are read in the reader's language: the case page, "my deadlines",
the API and a refused removal translate the engine's messages when they are
shown, with dates in the reader's format; a row stored before messages were
kept still shows its English.

The catalogues are filled by translators after makemessages, so these tests put
the translations they need into the loaded catalogue themselves: what they check
is that the page goes through gettext with the message id and its parameters,
not what a translator wrote."""

from __future__ import annotations

import html
import importlib
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.utils import formats, timezone, translation

from haven.cases import services
from haven.cases.models import Case, Obligation
from haven.kernel.errors import ValidationFailed
from haven.protection.domain.rules import removal
from tests.conftest import verified_client

STAY_TITLE = "No removal while identification is pending or during the recovery period"
PERIOD_TITLE = "Recovery and reflection period"
FRENCH = {
    STAY_TITLE: "Pas d'éloignement pendant l'identification ni la période de rétablissement",
    PERIOD_TITLE: "Période de rétablissement et de réflexion",
    removal.STAY_IDENTIFICATION_PENDING_TEXT: (
        "Motifs raisonnables reconnus le {decided_on} : pas d'éloignement avant la décision "
        "définitive, ni avant le {period_end}."
    ),
}
ARABIC = {
    STAY_TITLE: "لا ترحيل أثناء تحديد الهوية أو خلال فترة التعافي",
    removal.STAY_IDENTIFICATION_PENDING_TEXT: (
        "توجد أسباب معقولة (قرار {decided_on}). لا ترحيل قبل {period_end}."
    ),
}


@pytest.fixture
def identified_case(case, caseworker, decider):  # type: ignore[no-untyped-def]
    """A case with positive reasonable grounds decided today: the removal stay and
    the recovery period run."""
    case = services.case_submit_for_identification(
        actor=caseworker, case_id=case.pk, expected_version=case.version
    )
    services.decision_record(
        actor=decider,
        case_id=case.pk,
        kind="reasonable_grounds",
        outcome="positive",
        threshold="Reasonable grounds to believe",
        reasons="Consistent account; indicators.",
        decided_on=timezone.localdate(),
    )
    return Case.objects.get(pk=case.pk)


def _period_end(case: Case) -> date:
    return Obligation.objects.get(
        case=case, obligation_id="recovery-reflection-period"
    ).period_ends_on


def _in(language: str, day: date) -> str:
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


def _page(client, case: Case, language: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_case_page_shows_obligations_in_french(identified_case, caseworker, catalogue):
    # given French translations of the removal stay's title and explanation
    catalogue("fr", FRENCH)
    today = timezone.localdate()
    # when a French-speaking caseworker opens the case page
    page = _page(verified_client(caseworker), identified_case, "fr")
    # then the stay is in French, with its dates written the French way
    explanation = FRENCH[removal.STAY_IDENTIFICATION_PENDING_TEXT].format(
        decided_on=_in("fr", today), period_end=_in("fr", _period_end(identified_case))
    )
    assert FRENCH[STAY_TITLE] in page
    assert explanation in page
    assert STAY_TITLE not in page
    assert "reasonable grounds (decided" not in page


def test_the_case_page_shows_obligations_in_arabic(identified_case, caseworker, catalogue):
    catalogue("ar", ARABIC)
    today = timezone.localdate()

    page = _page(verified_client(caseworker), identified_case, "ar")

    decided_on = _in("ar", today)
    assert decided_on != today.isoformat() and decided_on != _in("en", today)
    assert ARABIC[STAY_TITLE] in page
    assert (
        ARABIC[removal.STAY_IDENTIFICATION_PENDING_TEXT].format(
            decided_on=decided_on, period_end=_in("ar", _period_end(identified_case))
        )
        in page
    )
    assert 'dir="rtl"' in page


def test_the_same_case_page_stays_in_english_for_an_english_reader(
    identified_case, caseworker, catalogue
):
    catalogue("fr", FRENCH)

    page = _page(verified_client(caseworker), identified_case, "en")

    assert STAY_TITLE in page
    assert FRENCH[STAY_TITLE] not in page
    assert f"There are reasonable grounds (decided {_in('en', timezone.localdate())})" in page


def test_the_api_answers_in_the_requested_language_with_stable_ids(
    identified_case, caseworker, catalogue
):
    catalogue("fr", FRENCH)
    client = verified_client(caseworker)
    url = f"/api/v1/cases/{identified_case.pk}/obligations/"

    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")

    assert french.status_code == english.status_code == 200
    assert french.headers["Content-Language"] == "fr"
    stay_fr = next(o for o in french.json() if o["id"] == "removal-stay")
    stay_en = next(o for o in english.json() if o["id"] == "removal-stay")
    assert stay_fr["rule"] == stay_en["rule"] == "removal-stay"
    assert stay_fr["title"] == FRENCH[STAY_TITLE]
    assert stay_en["title"] == STAY_TITLE
    assert stay_fr["explanation"].startswith("Motifs raisonnables reconnus le ")
    assert stay_en["period_ends_with"] == "the conclusive-grounds decision"
    assert stay_fr["period_ends_with"] == "la décision définitive"  # the shipped catalogue
    assert [o["id"] for o in french.json()] == [o["id"] for o in english.json()]


def test_my_deadlines_are_in_the_readers_language(identified_case, caseworker, catalogue):
    catalogue("fr", FRENCH)
    client = verified_client(caseworker)

    page = html.unescape(
        client.get("/cases/deadlines/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    )
    listed = client.get("/api/v1/deadlines/", HTTP_ACCEPT_LANGUAGE="fr").json()

    assert FRENCH[PERIOD_TITLE] in page
    assert FRENCH[PERIOD_TITLE] in {deadline["title"] for deadline in listed}
    assert "recovery-reflection-period" in {deadline["obligation_id"] for deadline in listed}


def test_a_refused_removal_gives_its_reason_in_the_readers_language(
    identified_case, caseworker, catalogue
):
    catalogue("fr", FRENCH)

    with translation.override("fr"), pytest.raises(ValidationFailed) as refused:
        services.removal_plan(
            actor=caseworker,
            case_id=identified_case.pk,
            expected_version=identified_case.version,
            planned_on=timezone.localdate() + timedelta(days=3),
        )

    assert "Motifs raisonnables reconnus le " in str(refused.value)
    assert "IPU-118 op.19" in str(refused.value)


def test_a_row_stored_before_messages_shows_its_english(identified_case, caseworker, catalogue):
    catalogue("fr", FRENCH)
    Obligation.objects.filter(case=identified_case).update(
        messages={}, explanation="Stored English explanation."
    )

    page = _page(verified_client(caseworker), identified_case, "fr")

    assert "Stored English explanation." in page
    assert STAY_TITLE in page


def test_the_migration_recomputes_rows_stored_before_messages(identified_case):
    migration = importlib.import_module("haven.cases.migrations.0002_obligation_messages")
    Obligation.objects.filter(case=identified_case).update(messages={})

    migration.recompute_existing(apps, None)

    stay = Obligation.objects.get(case=identified_case, obligation_id="removal-stay")
    assert stay.messages["title"] == {"id": STAY_TITLE}
    assert stay.messages["explanation"][0]["id"] == removal.STAY_IDENTIFICATION_PENDING_TEXT
    assert stay.messages["explanation"][0]["params"]["decided_on"] == {
        "date": timezone.localdate().isoformat()
    }
