"""Spellings of one name must meet; look-alike names must stay apart.

Every spelling below is a common given name or a synthetic combination of them.
"""

from __future__ import annotations

from itertools import combinations

import pytest

from haven.people.domain.names import (
    GROUP_KEY_PREFIX,
    PAIR_KEY_SEPARATOR,
    name_similarity,
    search_keys,
)

# --- variant groups that must match --------------------------------------------------------------

VARIANT_GROUPS_THAT_MUST_MATCH = {
    "Muhammad across conventions and scripts": [
        "Mohamed", "Muhammad", "Mohammed", "Mohammad", "Muhamad", "محمد", "Мухаммад",
    ],
    "Tesfay, Latin and Ge'ez": ["Tesfay", "Tesfaye", "ተስፋይ"],
    "Yuri: ICAO, BGN, English, Cyrillic": ["Iurii", "Yuriy", "Yury", "Юрий"],
    "Abd al-Rahman with its particles": [
        "Abd al-Rahman", "Abdulrahman", "Abdel Rahman", "عبد الرحمن", "Abdurrahman",
        "Abdirahman",
    ],
    "Yusuf and its translation Joseph": ["Yusuf", "Youssef", "Joseph", "يوسف"],
    "Aleksandr, Russian and Ukrainian": ["Aleksandr", "Alexander", "Олександр", "Александр"],
    "Ahmad": ["Ahmed", "Ahmad", "أحمد"],
    "Hussein": ["Hussein", "Husain", "حسين"],
    "Ethiopian given and father's name, in any order and script": [
        "Tesfaye Gebremariam", "Gebre Mariam Tesfay", "ተስፋይ ገብረማርያም", "Tesfay G/Mariam",
    ],
    "Devanagari": ["राजेश कुमार", "Rajesh Kumar"],
    "Bengali": ["রহিম", "Rahim"],
    "Abdullah written as one word or two": ["Abdullah", "Abd Allah", "عبدالله", "Abdoulaye"],
    "Salah ad-Din": ["Salah ad-Din", "Salaheddine", "Salah Eddine", "Salahuddin"],
    "Ukrainian h is Russian g": ["Oleh", "Oleg", "Олег"],
    "Persian compound written as one word": ["Mohammad Reza", "Mohammadreza", "محمدرضا"],
    "Maghrebi compound written as one word": ["Fatima Zahra", "Fatimazahra", "فاطمة الزهراء"],
    "Turkish spelling": ["Zainab", "Zeynep", "زينب"],
    "Arabic s and h that are not the digraph sh": ["Suhail", "سهيل"],
}  # fmt: skip

# --- pairs that must stay apart ------------------------------------------------------------------
# Each pair is two different names that an over-eager key would merge, usually
# because unvocalised Arabic script writes them with the same consonants.
# Not listed on purpose: Salim/Salem (Latin "Salim" transliterates both سليم and
# سالم, so it must find both), and Alia/Aliya (one name).
PAIRS_THAT_MUST_STAY_APART = [
    ("Muhammad", "Mahmoud"),  # محمد / محمود: both mhmd once vowels are gone
    ("محمد", "Mahmoud"),
    ("Mohamed", "محمود"),
    ("Hassan", "Hussein"),  # حسن / حسين: both hsn
    ("حسن", "Hussein"),
    ("Hassan", "حسين"),
    ("Ahmed", "Hamid"),  # أحمد / حامد: both hmd without the initial vowel
    ("Ali", "Aliya"),  # a man's and a woman's name
    ("Amin", "Amina"),  # the same, told apart only by the feminine ending
    ("Yuri", "Yuliya"),  # Юрий / Юлия
    ("Said", "Saad"),  # سعيد / سعد: both sd
    ("Omar", "Amir"),  # عمر / أمير: both amr
    ("Osama", "Asma"),  # أسامة / أسماء: both asm
]


def _pairs_within_groups() -> list[tuple[str, str, str]]:
    return [
        (group, first, second)
        for group, spellings in VARIANT_GROUPS_THAT_MUST_MATCH.items()
        for first, second in combinations(spellings, 2)
    ]


MATCHING_PAIRS = _pairs_within_groups()


@pytest.mark.parametrize(("group", "first", "second"), MATCHING_PAIRS)
def test_spellings_of_one_name_share_a_search_key(group: str, first: str, second: str) -> None:
    assert search_keys(first) & search_keys(second), group


@pytest.mark.parametrize(("group", "first", "second"), MATCHING_PAIRS)
def test_spellings_of_one_name_are_highly_similar(group: str, first: str, second: str) -> None:
    assert name_similarity(first, second) >= 0.9, group


@pytest.mark.parametrize(("first", "second"), PAIRS_THAT_MUST_STAY_APART)
def test_look_alike_names_share_no_search_key(first: str, second: str) -> None:
    assert not search_keys(first) & search_keys(second)


def test_look_alike_names_are_less_similar_than_any_spellings_of_one_name() -> None:
    least_similar_spellings = min(name_similarity(a, b) for _, a, b in MATCHING_PAIRS)
    most_similar_look_alikes = max(name_similarity(a, b) for a, b in PAIRS_THAT_MUST_STAY_APART)

    assert most_similar_look_alikes < least_similar_spellings


def test_a_missing_father_name_lowers_the_score_without_ruling_the_pair_out() -> None:
    full = name_similarity("Tesfaye Gebremariam Haile", "Tesfay Gebremariam Haile")
    missing_grandfather = name_similarity("Tesfaye Gebremariam Haile", "Tesfay Gebremariam")

    assert 0.8 <= missing_grandfather < full


def test_a_name_with_a_missing_part_still_shares_the_pair_key_of_the_parts_it_has() -> None:
    full = search_keys("Mohamed Ali Hassan")
    partial = search_keys("Hassan Mohamed")

    shared_pair_keys = {key for key in full & partial if PAIR_KEY_SEPARATOR in key}
    hassan, muhammad = GROUP_KEY_PREFIX + "hassan", GROUP_KEY_PREFIX + "muhammad"
    assert shared_pair_keys == {hassan + PAIR_KEY_SEPARATOR + muhammad}


def test_different_full_names_sharing_one_given_name_share_no_pair_key() -> None:
    first = search_keys("Mohamed Ali Hassan")
    second = search_keys("Mohamed Omar Khalid")

    assert not {key for key in first & second if PAIR_KEY_SEPARATOR in key}


def test_a_three_part_name_has_a_handful_of_keys() -> None:
    # three token keys and three pair keys
    assert len(search_keys("Tesfaye Gebremariam Haile")) == 6


def test_an_initial_gives_no_key_of_its_own() -> None:
    assert search_keys("M. Ali") == search_keys("Ali")
