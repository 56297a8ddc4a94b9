"""Screening in the reader's language: the form's questions, labels, title and
caution, and the summary on the case page and in the API, go through gettext
with the catalogue's own text as message id. A summary stored before its
messages were kept still shows its English lines.

As in test_views_obligations_i18n, the translations these tests need are put
into the loaded catalogue by the tests: they check the plumbing, not the
translators' words."""

from __future__ import annotations

import html
import uuid

from haven.cases.domain import indicators
from haven.cases.domain.catalogues import CATALOGUES
from haven.cases.models import Screening
from tests.conftest import verified_client

LABOUR = next(v for v in CATALOGUES if v.startswith("ilo-ec-trafficking-2009-adult-labour"))
CATALOGUE = CATALOGUES[LABOUR]
FIRST = CATALOGUE.indicators[0]
FRENCH = {
    CATALOGUE.title: "Indicateurs opérationnels de la traite : adultes, travail (OIT/CE 2009)",
    CATALOGUE.caution: "Les forces de cette liste viennent d'une source secondaire.",
    FIRST.question: "Le travail, le lieu ou l'employeur étaient-ils différents de ce promis ?",
    FIRST.label: "Tromperie sur la nature du travail",
    indicators.COUNTS_LINE: (
        "Réponses : oui {yes}, non {no}, ne sait pas {unknown}, pas encore posées {not_asked}."
    ),
    indicators.SUPPORT_NOTICE: "Ce résumé aide la personne qui décide ; il ne décide pas.",
    indicators.DIMENSION_LABELS[indicators.Dimension.DECEPTIVE_RECRUITMENT]: (
        "Recrutement trompeur"
    ),
}


def _get(client, url: str, language: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_form_asks_its_questions_in_french(case, caseworker, catalogue):
    catalogue("fr", FRENCH)
    url = f"/cases/{case.pk}/screenings/new/?catalogue={LABOUR}"

    page = _get(verified_client(caseworker), url, "fr")

    for english in (CATALOGUE.title, CATALOGUE.caution, FIRST.question, FIRST.label):
        assert FRENCH[english] in page
        assert english not in page


def _screened(client, case) -> Screening:  # type: ignore[no-untyped-def]
    response = client.post(
        f"/api/v1/cases/{case.pk}/screenings/",
        {"catalogue": LABOUR, "answers": {FIRST.id: {"answer": "yes", "evidence": "Payslip."}}},
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4()), "Accept-Language": "fr"},
    )
    assert response.status_code == 201, response.content
    return response


def test_the_summary_reads_in_french_on_the_case_page_and_in_the_api(case, caseworker, catalogue):
    catalogue("fr", FRENCH)
    client = verified_client(caseworker)

    answered = _screened(client, case).json()["summary"]
    page = _get(client, f"/cases/{case.pk}/", "fr")

    counts = FRENCH[indicators.COUNTS_LINE].format(
        yes=1, no=0, unknown=0, not_asked=len(CATALOGUE.indicators) - 1
    )
    for shown in (answered["lines"], page):
        assert counts in shown
        assert FRENCH[indicators.SUPPORT_NOTICE] in shown
        assert indicators.SUPPORT_NOTICE not in shown
    # a label inside a sentence is translated in turn
    assert any("Recrutement trompeur" in line for line in answered["lines"])
    assert FRENCH[CATALOGUE.title] in page  # the catalogue named by its title
    assert "messages" not in answered  # message ids and parameters stay internal
    english = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert html.escape(indicators.SUPPORT_NOTICE) in english


def test_a_summary_stored_without_messages_shows_its_english(case, caseworker, catalogue):
    catalogue("fr", FRENCH)
    client = verified_client(caseworker)
    _screened(client, case)
    screening = Screening.objects.get(case=case)
    stored = dict(screening.summary)
    del stored["messages"]  # as saved before summaries kept their messages
    Screening.objects.filter(pk=screening.pk).update(summary=stored)

    page = _get(client, f"/cases/{case.pk}/", "fr")

    assert indicators.SUPPORT_NOTICE in page
