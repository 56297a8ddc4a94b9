"""Search-before-create among namesakes: a date of birth, a birth year or an
age, the sex and a nationality put the person sought first, never leave anyone
out, and each result says why it ranks where it does."""

from __future__ import annotations

import html
from datetime import date

import pytest
from django.utils import timezone

from haven.accounts.roles import Role
from haven.audit.models import AuditEntry
from haven.kernel.errors import ValidationFailed
from haven.people import selectors, services
from tests.conftest import verified_client

NAME = "Selam Tesfay"
SOUGHT = {"birth_date": date(1994, 6, 2), "sex": "female", "nationalities": ["ER"]}


@pytest.fixture
def caseworker(cast):  # type: ignore[no-untyped-def]
    return cast[Role.CASEWORKER]


def _register(actor, **fields):  # type: ignore[no-untyped-def]
    return services.person_register(
        actor=actor, original_name="ሰላም ተስፋይ", name_script="Ethi", latin_names=[NAME], **fields
    )


@pytest.fixture
def namesakes(caseworker):  # type: ignore[no-untyped-def]
    """Eight persons with the same name, then the one sought, registered last (the
    highest id, so last among equals when only the name counts)."""
    others = [
        {"birth_year_min": 1980, "birth_year_max": 1982, "sex": "female", "nationalities": ["ER"]},
        {"birth_date": date(1994, 1, 9), "sex": "male", "nationalities": ["ER"]},
        {"birth_date": date(1994, 11, 30), "sex": "female", "nationalities": ["ET"]},
        {"birth_year_min": 1960, "birth_year_max": 1965, "sex": "male", "nationalities": ["SD"]},
        {"sex": "unknown"},
        {"birth_date": date(2001, 2, 2), "sex": "female", "nationalities": ["ER"]},
        {"birth_year_min": 1990, "birth_year_max": 2000, "sex": "female"},
        {"birth_date": date(1975, 5, 5), "sex": "male", "nationalities": ["ER", "ET"]},
    ]
    people = [_register(caseworker, **fields) for fields in others]
    sought = _register(caseworker, **SOUGHT)
    return people, sought


def _ids(matches) -> list[str]:  # type: ignore[no-untyped-def]
    return [match.person.id for match in matches]


def test_by_name_alone_namesakes_cannot_be_told_apart(caseworker, namesakes):
    _people, sought = namesakes

    matches = selectors.person_search(actor=caseworker, name=NAME, limit=5)

    # Every namesake scores the same on the name: the one sought is not in the top 5.
    assert len({match.score for match in matches}) == 1
    assert str(sought.pk) not in _ids(matches)
    assert all(match.reasons == [] for match in matches)


@pytest.mark.parametrize(
    "criteria",
    [
        {"birth_date": SOUGHT["birth_date"], "sex": "female", "nationality": "ER"},
        {"birth_date": SOUGHT["birth_date"]},
        {"birth_year": 1994, "sex": "female", "nationality": "er"},
    ],
)
def test_birth_sex_and_nationality_put_the_person_sought_first(caseworker, namesakes, criteria):
    _people, sought = namesakes

    matches = selectors.person_search(actor=caseworker, name=NAME, limit=5, **criteria)

    assert matches[0].person.id == str(sought.pk)
    assert matches[0].rank > matches[1].rank
    assert {reason.agreement for reason in matches[0].reasons} <= {"same", "same-date"}


def test_an_age_estimate_ranks_by_the_years_it_allows(caseworker, namesakes):
    _people, sought = namesakes
    age = timezone.localdate().year - 1994

    matches = selectors.person_search(
        actor=caseworker, name=NAME, age=age, sex="female", nationality="ER", limit=3
    )

    assert str(sought.pk) in _ids(matches)
    birth = next(r for r in matches[0].reasons if r.attribute == "birth")
    assert birth.agreement == "same"


def test_a_wrong_estimate_lowers_the_person_but_never_hides_them(caseworker):
    # Given the only person with this name, and an estimate that gets everything wrong
    person = services.person_register(
        actor=caseworker,
        original_name="Yonas Haile",
        name_script="Latn",
        latin_names=["Yonas Haile"],
        birth_year_min=1970,
        birth_year_max=1971,
        sex="male",
        nationalities=["ER"],
    )

    matches = selectors.person_search(
        actor=caseworker, name="Yonas Haile", age=19, sex="female", nationality="SD"
    )

    # then the person is still found, with every disagreement shown and weighed
    assert _ids(matches) == [str(person.pk)]
    reasons = {reason.attribute: reason for reason in matches[0].reasons}
    assert {r.agreement for r in reasons.values()} == {"different"}
    assert all(r.weight < 0 for r in reasons.values())
    assert matches[0].rank < matches[0].score


def test_the_namesakes_scored_are_chosen_by_the_criteria_when_there_are_too_many(
    caseworker, namesakes, monkeypatch
):
    # Given more namesakes than the search scores (here one of the nine),
    monkeypatch.setattr(selectors, "NAME_CANDIDATES", 1)
    monkeypatch.setattr(selectors, "PAIR_RANKED", 2)
    people, sought = namesakes
    # when two different persons are described, each search scores the one described:
    # the database picks the namesakes to score by the criteria, not by chance.
    for person, criteria in (
        (sought, {"birth_year": 1994, "sex": "female", "nationality": "ER"}),
        (people[2], {"birth_date": date(1994, 11, 30), "sex": "female", "nationality": "ET"}),
        (people[3], {"birth_year": 1962, "sex": "male", "nationality": "SD"}),
    ):
        matches = selectors.person_search(actor=caseworker, name=NAME, **criteria)
        assert _ids(matches) == [str(person.pk)]


def test_the_visible_first_lookup_also_prefers_agreeing_namesakes(
    cast, caseworker, namesakes, monkeypatch
):
    # Given namesakes elsewhere crowding the ranking (the small-agency path),
    monkeypatch.setattr(selectors, "NAME_CANDIDATES", 3)
    monkeypatch.setattr(selectors, "PAIR_RANKED", 2)
    for _ in range(3):
        _register(cast[Role.HOTLINE_OPERATOR], sex="female", nationalities=["ER"])
    _people, sought = namesakes

    matches = selectors.person_search(
        actor=caseworker, name=NAME, birth_date=SOUGHT["birth_date"], sex="female"
    )

    assert matches[0].person.id == str(sought.pk)


@pytest.mark.parametrize(
    ("criteria", "field"),
    [
        ({"name": "", "sex": "female"}, "name"),
        ({"name": NAME, "birth_date": date(1994, 6, 2), "age": 30}, "age"),
        ({"name": NAME, "birth_year": 1850}, "birth_year"),
        ({"name": NAME, "nationality": "XX"}, "nationality"),
        ({"name": NAME, "birth_date": date(2999, 1, 1)}, "birth_date"),
    ],
)
def test_criteria_are_checked_with_the_field_named(caseworker, criteria, field):
    with pytest.raises(ValidationFailed) as error:
        selectors.person_search(actor=caseworker, **criteria)
    assert field in error.value.extra["errors"]


def test_the_search_with_criteria_is_audited_without_them(caseworker, namesakes):
    selectors.person_search(
        actor=caseworker, name=NAME, birth_date=SOUGHT["birth_date"], nationality="ER"
    )

    entry = AuditEntry.objects.filter(detail__search=True).latest("sequence")
    content = str(entry.content())
    assert "Selam" not in content and "1994" not in content and '"ER"' not in content
    assert "birth_date" in entry.fields


def test_the_api_ranks_and_explains(caseworker, namesakes):
    _people, sought = namesakes
    client = verified_client(caseworker)

    response = client.post(
        "/api/v1/persons/search/",
        {"name": NAME, "birth_year": 1994, "sex": "female", "nationality": "ER"},
        content_type="application/json",
    )

    assert response.status_code == 200
    first = response.json()[0]
    assert first["person"]["id"] == str(sought.pk)
    assert first["rank"] > first["score"]
    assert [(r["attribute"], r["agreement"]) for r in first["reasons"]] == [
        ("birth", "same"),
        ("sex", "same"),
        ("nationality", "same"),
    ]
    assert all(r["label"] for r in first["reasons"])


def test_the_api_refuses_criteria_without_a_name_phone_or_document(caseworker):
    response = verified_client(caseworker).post(
        "/api/v1/persons/search/", {"sex": "female", "age": 20}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "name" in response.json()["errors"]


def test_the_search_page_shows_why_each_result_ranks_where_it_does(caseworker, namesakes):
    _people, sought = namesakes
    client = verified_client(caseworker)

    response = client.post(
        "/persons/search/", {"name": NAME, "birth_year": "1994", "sex": "female"}
    )

    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "same birth year" in page and "same sex" in page
    assert page.index(f"/persons/{sought.pk}/") < page.index("other sex")


def test_the_search_page_says_what_is_wrong_with_the_criteria(caseworker):
    response = verified_client(caseworker).post(
        "/persons/search/", {"sex": "female", "nationality": "ER"}
    )
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "birth, sex and nationality only order the persons found" in page
