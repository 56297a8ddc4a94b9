"""Blocking keys: which records meet, and blocks that never outgrow their cap."""

from __future__ import annotations

from collections import Counter

import pytest

from haven.tracing.domain import blocking
from haven.tracing.domain.features import RecordRole, features_table
from haven.tracing.domain.records import Sex
from tests.unit.tracing.linkage_builders import record, year


def _keys(*records, caps=blocking.DEDUPE_CAPS):
    [table] = blocking.with_blocking_keys([features_table(records, RecordRole.PERSON)], caps)
    ids = table.column("unique_id").to_pylist()
    keys = table.column(blocking.BLOCKING_KEYS_COLUMN).to_pylist()
    return {
        record_id: set(record_keys or ()) for record_id, record_keys in zip(ids, keys, strict=True)
    }


def _meet(keys, first, second) -> bool:
    return bool(keys[first] & keys[second])


def test_a_rare_pair_of_names_meets_whatever_the_birth_years_and_script() -> None:
    keys = _keys(
        record("a", names_latin=("Tesfaye Gebremariam",), birth_date=year(1980)),
        record("b", names_original=("ተስፋዬ ገብረማርያም",), birth_date=year(1995)),
        record("c", names_latin=("Yusuf Osman",), birth_date=year(1980)),
    )

    assert _meet(keys, "a", "b")
    assert not _meet(keys, "a", "c")


def test_when_linking_spellings_that_share_only_their_sound_still_meet() -> None:
    # Zarifa and Sarifa have no search key in common (zrf, srf), but one metaphone code
    records = (
        record("a", names_latin=("Zarifa",), birth_date=year(1990)),
        record("b", names_latin=("Sarifa",), birth_date=year(1990)),
        record("c", names_latin=("Sharif",), birth_date=year(1990)),
    )
    keys = _keys(*records, caps=blocking.LINK_CAPS)

    assert _meet(keys, "a", "b")
    assert not _meet(keys, "a", "c")
    # de-duplication leaves metaphone codes out (no gain there, much more work)
    assert not _meet(_keys(*records, caps=blocking.DEDUPE_CAPS), "a", "b")


def test_a_record_without_a_name_has_no_blocking_key() -> None:
    keys = _keys(record("a", birth_date=year(1980)), record("b", names_latin=("Ali",)))

    assert keys["a"] == set()


def test_common_names_meet_only_within_their_birth_years() -> None:
    # Given more records named Muhammad Ahmad than a name pair may block alone
    caps = blocking.BlockCaps(3, 3, blocking.DEDUPE_CAPS.max_block_records)
    records = [
        record(f"r{born}", names_latin=("Muhammad Ahmad",), birth_date=year(born))
        for born in (1980, 1981, 1990, 1991, 2000)
    ]

    keys = _keys(*records, caps=caps)

    # then a year apart still meet (each interval is widened by one year), ten do not
    assert _meet(keys, "r1980", "r1981")
    assert not _meet(keys, "r1980", "r1990")


@pytest.mark.parametrize("cap", [2, 4])
def test_no_block_holds_more_records_than_the_cap(cap: int) -> None:
    records = [
        record(
            f"r{index}",
            names_latin=("Muhammad Ahmad Ali",),
            birth_date=year(1990),
            sex=Sex.MALE if index % 2 else Sex.FEMALE,
            nationality=("SDN",) if index % 3 else ("ERI",),
        )
        for index in range(12)
    ]

    keys = _keys(*records, caps=blocking.BlockCaps(cap, cap, cap))

    sizes = Counter(key for record_keys in keys.values() for key in record_keys)
    assert sizes and max(sizes.values()) <= cap


def test_blocking_keys_are_counted_over_both_files_of_a_link_job() -> None:
    missing = features_table(
        [record("m", names_latin=("Abdirahman Farah",), birth_date=year(1990))],
        RecordRole.MISSING,
    )
    found = features_table(
        [record("f", names_latin=("Abdi Rahman Farax",), birth_date=year(1990))],
        RecordRole.FOUND,
    )

    left, right = blocking.with_blocking_keys([missing, found], blocking.LINK_CAPS)

    assert set(left.column("blocking_keys")[0].as_py()) & set(
        right.column("blocking_keys")[0].as_py()
    )
