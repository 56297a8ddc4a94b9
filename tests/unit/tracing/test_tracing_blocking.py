"""Blocking keys: which records meet, and blocks that never outgrow their cap."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from haven.tracing.domain import blocking, engine
from haven.tracing.domain import settings as model
from haven.tracing.domain.features import RecordRole, features_table
from haven.tracing.domain.records import AgeEstimate, Sex
from tests.unit.tracing.linkage_builders import day, record, year


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


# --- linking only: wider birth years, undated names, birth dates, places of remains ---------------

# Every name part counts as common, so that names alone never block.
COMMON_NAMES_LINK_CAPS = replace(
    blocking.LINK_CAPS, rare_pair_key_records=1, rare_name_key_records=1
)


def _link_keys(missing, found, caps=COMMON_NAMES_LINK_CAPS, column=blocking.BLOCKING_KEYS_COLUMN):
    tables = [
        features_table(missing, RecordRole.MISSING),
        features_table(found, RecordRole.FOUND),
    ]
    keys = {}
    for table in blocking.with_blocking_keys(tables, caps):
        ids = table.column("unique_id").to_pylist()
        for record_id, record_keys in zip(ids, table.column(column).to_pylist(), strict=True):
            keys[record_id] = set(record_keys or ())
    return keys


def _compared(missing, found, caps, monkeypatch) -> set[tuple[str, str]]:
    """The (report, found record) pairs Splink's blocking rules compare."""
    import duckdb
    from splink import DuckDBAPI, Linker

    monkeypatch.setattr(engine, "LINK_CAPS", caps)
    left, right = engine.input_tables(model.Job.LINK, missing, found)
    connection = duckdb.connect()
    database = DuckDBAPI(connection=connection)
    linker = Linker(
        [
            database.register(left, dataset_display_name=model.MISSING_DATASET),
            database.register(right, dataset_display_name=model.FOUND_DATASET),
        ],
        model.settings_creator(model.Job.LINK, model.prior_parameters(0.001)),
    )
    blocked = linker.inference.compute_blocked_pairs_for_predict()
    rows = connection.execute(
        f"select distinct join_key_l, join_key_r from {blocked.physical_name}"
    ).fetchall()
    pairs = set()
    for first, second in rows:
        ids = sorted((first.split("-__-")[-1], second.split("-__-")[-1]))
        pairs.add((ids[1], ids[0]) if ids[0].startswith("f") else (ids[0], ids[1]))
    return pairs


def _person(record_id, born, **fields):
    defaults = dict(
        names_latin=("Muhammad Ahmad",),
        sex=Sex.MALE,
        nationality=("SDN",),
        event_date=day("2024-05-01"),
    )
    if born is not None:
        defaults["birth_date"] = year(born)
    return record(record_id, **{**defaults, **fields})


def test_when_linking_common_names_meet_four_birth_years_apart_but_not_six() -> None:
    report = _person("m", 1990, event_date=day("2024-01-01"))
    four_apart, six_apart = _person("f4", 1994), _person("f6", 1996)

    keys = _link_keys([report], [four_apart, six_apart])

    assert _meet(keys, "m", "f4")
    assert not _meet(keys, "m", "f6")
    # de-duplication keeps its slack of one year on each side
    dedupe_keys = _keys(
        report,
        four_apart,
        caps=replace(blocking.DEDUPE_CAPS, rare_pair_key_records=1, rare_name_key_records=1),
    )
    assert not _meet(dedupe_keys, "m", "f4")


def test_a_report_without_birth_years_meets_its_common_name_with_the_same_sex_and_nationality(
    monkeypatch,
) -> None:
    report = _person("m", None, event_date=day("2024-01-01"))
    same = _person("f-same", 1990)
    other_nationality = _person("f-eritrean", 1990, nationality=("ERI",))
    other_sex = _person("f-woman", 1990, sex=Sex.FEMALE)
    # two found records of the name, sex and nationality but 30 years apart
    older = _person("f-older", 1960)

    pairs = _compared(
        [report], [same, other_nationality, other_sex, older], COMMON_NAMES_LINK_CAPS, monkeypatch
    )

    assert ("m", "f-same") in pairs
    assert ("m", "f-eritrean") not in pairs
    assert ("m", "f-woman") not in pairs
    # the undated keys bring a pair together only when one record has no birth years:
    # a report born in 1960 would not meet the found record born in 1990 through them
    dated = _person("m-dated", 1960, event_date=day("2024-01-01"))
    pairs = _compared([report, dated], [same], COMMON_NAMES_LINK_CAPS, monkeypatch)
    assert ("m-dated", "f-same") not in pairs
    assert ("m", "f-same") in pairs


def test_undated_name_blocks_compare_no_more_pairs_than_a_full_block() -> None:
    # a full block of 4 records compares 2 reports with 2 found records: 4 pairs
    caps = replace(COMMON_NAMES_LINK_CAPS, max_block_records=4)
    found = [_person(f"f{index}", 1990 + 20 * index) for index in range(3)]
    undated_reports = [_person(f"m{index}", None) for index in range(2)]

    # one undated report and three found records: at most 4 pairs, a block
    one = _link_keys(undated_reports[:1], found, caps, blocking.UNDATED_BLOCKING_KEYS_COLUMN)
    # two undated reports: up to 2 x 5 pairs, too many, the block is left out
    two = _link_keys(undated_reports, found, caps, blocking.UNDATED_BLOCKING_KEYS_COLUMN)

    assert _meet(one, "m0", "f0")
    assert not any(two.values())


def test_when_linking_the_same_full_birth_date_meets_whatever_the_names() -> None:
    # names that share nothing, as two romanisations of one Cyrillic name can
    report = _person("m", None, names_latin=("Amina Yusuf",), birth_date=day("1988-09-01"))
    found = _person("f", None, names_latin=("Selam Kidane",), birth_date=day("1988-09-01"))
    # 1 January is what agencies write when only the year is known
    placeholder_report = replace(report, id="m-jan", birth_date=day("1988-01-01"))
    placeholder_found = replace(found, id="f-jan", birth_date=day("1988-01-01"))

    keys = _link_keys([report, placeholder_report], [found, placeholder_found], blocking.LINK_CAPS)

    assert _meet(keys, "m", "f")
    assert not _meet(keys, "m-jan", "f-jan")
    assert not _meet(_keys(report, found), "m", "f")  # de-duplication: names only


def _remains(record_id, **fields):
    # a forensic estimate of 30 to 32 years: born 1991-1994
    defaults = dict(age=AgeEstimate(30, 32), age_date=day("2024-05-01"), place="Zuwara")
    return record(record_id, event_date=day("2024-05-01"), **{**defaults, **fields})


def test_remains_meet_reports_of_their_place_a_few_birth_years_apart_whatever_sex_and_nationality(
    monkeypatch,
) -> None:
    # the remains: no sex, another nationality than the reports'
    remains = _remains("f-remains", nationality=("IND",))
    near = _person("m-near", 1997, place="Zuwara", event_date=day("2024-01-01"))
    far = _person("m-far", 1999, place="Zuwara", event_date=day("2024-01-01"))
    elsewhere = _person("m-elsewhere", 1993, place="Kufra", event_date=day("2024-01-01"))
    # found before the report: never compared, whichever rule brings them together
    too_early = _person("m-later", 1993, place="Zuwara", event_date=day("2024-09-01"))
    # two named records of the remains' place and birth year: not compared
    named_found = _person("f-named", 1993, names_latin=("Tesfaye Gebremariam",), place="Zuwara")
    named_report = _person("m-named", 1993, names_latin=("Yusuf Osman",), place="Zuwara")

    pairs = _compared(
        [near, far, elsewhere, too_early, named_report],
        [remains, named_found],
        blocking.LINK_CAPS,
        monkeypatch,
    )

    assert ("m-near", "f-remains") in pairs
    assert ("m-far", "f-remains") not in pairs
    assert ("m-elsewhere", "f-remains") not in pairs
    assert ("m-later", "f-remains") not in pairs
    assert ("m-named", "f-named") not in pairs


def test_remains_place_blocks_compare_no_more_pairs_than_a_full_block() -> None:
    caps = replace(blocking.LINK_CAPS, max_block_records=4)
    remains = _remains("f-remains")
    reports = [_person(f"m{index}", 1993, place="Zuwara") for index in range(4)]

    def keys(count):
        return _link_keys(reports[:count], [remains], caps, blocking.REMAINS_BLOCKING_KEYS_COLUMN)

    # the remains with three reports of their place and years: 1 x 4, a block
    assert _meet(keys(3), "m0", "f-remains")
    # with four: 1 unnamed record x 5 records, more than a full block's 4 pairs
    assert not _meet(keys(4), "m0", "f-remains")


# --- linking only: blocks still too large refined by the place of the record -------------------


def test_when_linking_a_block_too_large_for_its_nationality_is_refined_by_place() -> None:
    # Given five found namesakes of the same birth year, sex and nationality, more
    # than the cap of 4, and a report: one found record was found where the report's
    # person was last seen
    caps = replace(COMMON_NAMES_LINK_CAPS, max_block_records=4)
    report = _person("m", 1990, place="Kufra", event_date=day("2024-01-01"))
    same_place = _person("f-kufra", 1990, place="Kufra")
    elsewhere = [_person(f"f-zuwara{index}", 1990, place="Zuwara") for index in range(4)]

    keys = _link_keys([report], [same_place, *elsewhere], caps)

    # then the report meets the found record of its place, not the others
    assert _meet(keys, "m", "f-kufra")
    assert not any(_meet(keys, "m", other.id) for other in elsewhere)
    # without the refinement the block is left out and nobody meets
    unrefined = _link_keys(
        [report], [same_place, *elsewhere], replace(caps, place_refinement=False)
    )
    assert not _meet(unrefined, "m", "f-kufra")


def test_place_refined_blocks_hold_no_more_records_than_the_cap() -> None:
    caps = replace(COMMON_NAMES_LINK_CAPS, max_block_records=4)
    places = ("Kufra", "Kufra", "Zuwara")
    reports = [_person(f"m{index}", 1990, place=places[index % 3]) for index in range(9)]
    found = [_person(f"f{index}", 1990, place="Kufra") for index in range(3)]

    keys = _link_keys(reports, found, caps)

    sizes = Counter(key for record_keys in keys.values() for key in record_keys)
    assert sizes and max(sizes.values()) <= 4
    # Kufra holds 6 reports and 3 found records: too many, left out; Zuwara 3 reports
    assert not _meet(keys, "m0", "f0")
    assert _meet(keys, "m2", "m5")


def test_an_undated_report_meets_its_name_in_a_block_refined_by_place() -> None:
    # Given an undated report and four found namesakes: 1 x 5 pairs, more than a full
    # block's 4, so the name block is refined by place
    caps = replace(COMMON_NAMES_LINK_CAPS, max_block_records=4)
    report = _person("m", None, place="Kufra")
    same_place = _person("f-kufra", 1990, place="Kufra")
    elsewhere = [
        _person(f"f-zuwara{index}", 1970 + 10 * index, place="Zuwara") for index in range(3)
    ]
    column = blocking.UNDATED_BLOCKING_KEYS_COLUMN

    keys = _link_keys([report], [same_place, *elsewhere], caps, column)

    assert _meet(keys, "m", "f-kufra")
    assert not _meet(keys, "m", "f-zuwara0")
    unrefined = _link_keys(
        [report], [same_place, *elsewhere], replace(caps, place_refinement=False), column
    )
    assert not _meet(unrefined, "m", "f-kufra")
