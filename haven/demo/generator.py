"""Deterministic synthetic persons: the same seed gives the same people."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from haven.demo.name_pools import TRADITIONS, Name, Tradition
from haven.people.services import PersonRecord

REFERENCE_DATE = date(2026, 6, 30)


def _full_name(parts: list[Name], rng: random.Random) -> tuple[str, list[str]]:
    original = " ".join(part[0] for part in parts)
    spellings = []
    for _variant in range(rng.randint(1, 2)):
        spelled = " ".join(rng.choice(part[1]) if part[1] else part[0] for part in parts)
        if spelled not in spellings and spelled != original:
            spellings.append(spelled)
    if not spellings:
        spellings.append(original)
    return original, spellings


def _names_for(tradition: Tradition, sex: str, rng: random.Random) -> list[Name]:
    given_pool = tradition.given_female if sex == "female" else tradition.given_male
    given = rng.choice(given_pool)
    if tradition.structure == "patronymic":
        # Father's and often grandfather's given names follow the person's own.
        father = rng.choice(tradition.given_male)
        chain = [given, father]
        if rng.random() < 0.6:
            chain.append(rng.choice(tradition.given_male))
        return chain
    return [given, rng.choice(tradition.family)]


def _birth(rng: random.Random) -> dict:
    """A known date for about half; otherwise an estimate with a range, as an
    age assessment gives it, sometimes straddling eighteen."""
    age = rng.choice([rng.randint(14, 17), rng.randint(18, 35), rng.randint(18, 60)])
    if rng.random() < 0.5:
        born = REFERENCE_DATE - timedelta(days=age * 365 + rng.randint(0, 364))
        return {"birth_date": born}
    spread = rng.choice([1, 2, 3])
    estimated_on = REFERENCE_DATE - timedelta(days=rng.randint(0, 700))
    year = estimated_on.year - age
    return {
        "birth_year_min": year - spread,
        "birth_year_max": year + spread,
        "age_estimated_on": estimated_on,
    }


def synthetic_persons(count: int, *, seed: int = 2026) -> Iterator[PersonRecord]:
    rng = random.Random(seed)
    for _index in range(count):
        tradition = rng.choice(TRADITIONS)
        sex = rng.choice(["female", "male"])
        original, spellings = _full_name(_names_for(tradition, sex, rng), rng)
        nationality = rng.choice(tradition.nationalities)
        yield PersonRecord(
            original_name=original,
            original_script=tradition.script,
            latin_names=spellings,
            sex=sex,
            nationalities=(nationality,),
            **_birth(rng),
        )
