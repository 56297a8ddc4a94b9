"""Synthetic linkage records for the tracing tests: hand-made people and a seeded generator.

Every name is drawn from the variant table (spellings of common given names in
several scripts); no record describes a real person.
"""

from __future__ import annotations

import datetime
import random
import re
from dataclasses import dataclass, replace

from haven.people.domain.name_variants import VARIANT_GROUPS
from haven.tracing.domain.records import AgeEstimate, LinkageRecord, PartialDate, Sex

_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f' -]+$")


def record(record_id: str, **fields: object) -> LinkageRecord:
    """A record with only the fields a test cares about."""
    return LinkageRecord(id=record_id, **fields)  # type: ignore[arg-type]


def day(text: str) -> PartialDate:
    year, month, day_of_month = (int(part) for part in text.split("-"))
    return PartialDate(year, month, day_of_month)


def year(value: int) -> PartialDate:
    return PartialDate(value)


# --- a hand-made scenario: a true match across scripts and its near misses -----------------------

MOHAMED_REPORT = record(
    "report-mohamed",
    names_latin=("Mohamed Osman",),
    names_original=("محمد عثمان",),
    sex=Sex.MALE,
    age=AgeEstimate(25, 25),
    nationality=("SDN",),
    place="Kufra",
    route=("Khartoum", "Kufra"),
    event_date=day("2024-03-01"),
)
MOHAMED_FOUND = record(
    "found-muhammad",
    names_latin=("Muhammad Othman",),
    sex=Sex.MALE,
    birth_date=year(2000),
    nationality=("SDN",),
    place="Tripoli",
    route=("Kufra", "Tripoli"),
    event_date=day("2024-05-02"),
)
# His brother: the same father's name, another given name, three years older.
BROTHER_FOUND = record(
    "found-ahmed-brother",
    names_latin=("Ahmed Osman",),
    sex=Sex.MALE,
    birth_date=year(1997),
    nationality=("SDN",),
    place="Tripoli",
    event_date=day("2024-05-03"),
)
# Another name with the same consonant skeleton as Mohamed (Arabic script محمود/محمد).
MAHMOUD_FOUND = record(
    "found-mahmoud",
    names_latin=("Mahmoud Osman",),
    sex=Sex.MALE,
    birth_date=year(2000),
    nationality=("SDN",),
    event_date=day("2024-06-01"),
)
TESFAYE_REPORT = record(
    "report-tesfaye",
    names_original=("ተስፋዬ ገብረማርያም",),
    sex=Sex.MALE,
    birth_date=year(1998),
    nationality=("ERI",),
    place="Tripoli",
    event_date=day("2023-06-10"),
)
TESFAYE_FOUND = record(
    "found-tesfay",
    names_latin=("Gebre Mariam Tesfay",),  # other order, split compound, other spelling
    sex=Sex.MALE,
    age=AgeEstimate(26, 26),
    nationality=("ER",),
    place="Lampedusa",
    route=("Tripoli", "Lampedusa"),
    event_date=day("2024-02-01"),
)
AMINA_REPORT = record(
    "report-amina",
    names_latin=("Amina Yusuf Ibrahim",),
    sex=Sex.FEMALE,
    birth_date=day("2005-01-01"),  # a placeholder: only the year is known
    nationality=("SOM",),
    place="Agadez",
    event_date=day("2023-09-01"),
)
AMINA_FOUND = record(
    "found-amina",
    names_latin=("Amina Youssouf",),  # the grandfather's name left out
    sex=Sex.FEMALE,
    age=AgeEstimate(18, 18),
    age_date=day("2023-10-12"),
    nationality=("SOM",),
    place="Agadez",
    event_date=day("2023-10-12"),
)
# Amina's father: his name is part of hers.
FATHER_FOUND = record(
    "found-yusuf-father",
    names_latin=("Yusuf Ibrahim",),
    sex=Sex.MALE,
    birth_date=year(1971),
    nationality=("SOM",),
    place="Agadez",
    event_date=day("2023-11-02"),
)
YURI_REPORT = record(
    "report-yuri",
    names_latin=("Yuriy Ivanov",),
    names_original=("Юрий Иванов",),
    sex=Sex.MALE,
    birth_date=day("1990-05-17"),
    nationality=("UKR",),
    event_date=day("2024-01-15"),
)
# The same name and birth date, but found six weeks before Yuri went missing.
YURI_FOUND_BEFORE = record(
    "found-iurii-before",
    names_latin=("Iurii Ivanov",),
    sex=Sex.MALE,
    birth_date=day("1990-05-17"),
    nationality=("UA",),
    event_date=day("2023-12-01"),
)

SCENARIO_REPORTS = (MOHAMED_REPORT, TESFAYE_REPORT, AMINA_REPORT, YURI_REPORT)
SCENARIO_FOUND = (
    MOHAMED_FOUND,
    BROTHER_FOUND,
    MAHMOUD_FOUND,
    TESFAYE_FOUND,
    AMINA_FOUND,
    FATHER_FOUND,
    YURI_FOUND_BEFORE,
)
SCENARIO_TRUE_MATCHES = {
    MOHAMED_REPORT.id: MOHAMED_FOUND.id,
    TESFAYE_REPORT.id: TESFAYE_FOUND.id,
    AMINA_REPORT.id: AMINA_FOUND.id,
}


# --- a seeded generator ---------------------------------------------------------------------------

_NATIONALITIES = ("SDN", "ERI", "ETH", "SOM", "AFG", "SYR")
_PLACES = (
    "Khartoum",
    "Kassala",
    "Kufra",
    "Sabha",
    "Tripoli",
    "Zuwara",
    "Agadez",
    "Lampedusa",
    "Catania",
    "Athens",
    "Izmir",
    "Niamey",
)


@dataclass(frozen=True)
class SyntheticLink:
    missing: tuple[LinkageRecord, ...]
    found: tuple[LinkageRecord, ...]
    true_pairs: frozenset[tuple[str, str]]


def _spellings(group: str, *, latin: bool) -> list[str]:
    spellings = VARIANT_GROUPS[group]
    chosen = [s for s in spellings if bool(_LATIN.match(s)) == latin and " " not in s]
    return chosen or [group.capitalize()]


def synthetic_link(
    seed: int, *, persons: int = 60, found_persons: int = 45, distractors: int = 20
) -> SyntheticLink:
    """Missing-person reports for ``persons`` people, found records for the first
    ``found_persons`` of them (each spelled, dated and aged differently), and found
    records of ``distractors`` others, half of them brothers of a missing person.
    """
    rng = random.Random(seed)
    groups = sorted(VARIANT_GROUPS)

    def person() -> dict[str, object]:
        born = datetime.date(1965, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 45))
        route = rng.sample(_PLACES, rng.randint(2, 4))
        went_missing = datetime.date(2022, 1, 1) + datetime.timedelta(days=rng.randrange(700))
        return {
            "names": [rng.choice(groups) for _ in range(3)],
            "sex": rng.choice((Sex.FEMALE, Sex.MALE)),
            "born": born,
            "nationality": rng.choice(_NATIONALITIES),
            "route": route,
            "went_missing": went_missing,
        }

    def spelled(names: list[str], *, allow_script: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
        kept = names if rng.random() < 0.7 else names[:2]
        if rng.random() < 0.15:
            kept = [kept[1], kept[0], *kept[2:]]
        if allow_script and rng.random() < 0.3:
            return (), (" ".join(rng.choice(_spellings(g, latin=False)) for g in kept),)
        return (" ".join(rng.choice(_spellings(g, latin=True)) for g in kept),), ()

    def birth(born: datetime.date, at: datetime.date) -> dict[str, object]:
        draw = rng.random()
        if draw < 0.35:
            return {"birth_date": PartialDate.from_date(born)}
        if draw < 0.6:
            return {"birth_date": PartialDate(born.year, 1, 1)}
        age = (at - born).days // 365 + rng.randint(-2, 2)
        age = max(0, age)
        return {"age": AgeEstimate(age, age)}

    def report(record_id: str, who: dict[str, object]) -> LinkageRecord:
        went_missing = who["went_missing"]
        assert isinstance(went_missing, datetime.date)
        route = who["route"]
        assert isinstance(route, list)
        latin, original = spelled(who["names"], allow_script=True)  # type: ignore[arg-type]
        return LinkageRecord(
            id=record_id,
            names_latin=latin,
            names_original=original,
            sex=who["sex"],  # type: ignore[arg-type]
            nationality=(who["nationality"],),  # type: ignore[arg-type]
            place=route[-2],
            route=tuple(route[:-1]),
            event_date=PartialDate.from_date(went_missing),
            **birth(who["born"], went_missing),  # type: ignore[arg-type]
        )

    def found_record(record_id: str, who: dict[str, object]) -> LinkageRecord:
        went_missing = who["went_missing"]
        assert isinstance(went_missing, datetime.date)
        found_on = went_missing + datetime.timedelta(days=rng.randint(5, 400))
        route = who["route"]
        assert isinstance(route, list)
        latin, original = spelled(who["names"], allow_script=False)  # type: ignore[arg-type]
        return LinkageRecord(
            id=record_id,
            names_latin=latin,
            names_original=original,
            sex=who["sex"],  # type: ignore[arg-type]
            nationality=(who["nationality"],),  # type: ignore[arg-type]
            place=route[-1],
            route=tuple(route[-2:]) if rng.random() < 0.5 else (),
            event_date=PartialDate.from_date(found_on),
            **birth(who["born"], found_on),  # type: ignore[arg-type]
        )

    people = [person() for _ in range(persons)]
    missing = [report(f"m{index:04d}", who) for index, who in enumerate(people)]
    found = [found_record(f"f{index:04d}", who) for index, who in enumerate(people[:found_persons])]
    true_pairs = {(f"m{index:04d}", f"f{index:04d}") for index in range(found_persons)}
    for index in range(distractors):
        other = person()
        if index % 2 == 0:
            sibling_of = people[index % persons]
            names = sibling_of["names"]
            assert isinstance(names, list)
            born = sibling_of["born"]
            assert isinstance(born, datetime.date)
            other = {
                **sibling_of,
                "names": [rng.choice(groups), *names[1:]],
                "born": born
                + datetime.timedelta(days=rng.choice((-1, 1)) * rng.randint(700, 2500)),
            }
        found.append(found_record(f"d{index:04d}", other))
    rng.shuffle(found)
    return SyntheticLink(tuple(missing), tuple(found), frozenset(true_pairs))


def renamed(record_: LinkageRecord, record_id: str) -> LinkageRecord:
    return replace(record_, id=record_id)
