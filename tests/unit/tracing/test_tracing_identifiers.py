"""Document and phone numbers as linkage evidence: read from optional CSV columns,
normalised, hashed before any Splink table holds them, compared as the strongest
evidence, and blocked on unless many records share them."""

from __future__ import annotations

import io

import pytest

from haven.tracing.domain import features
from haven.tracing.domain import settings as model
from haven.tracing.domain.engine import dedupe, input_tables, link
from haven.tracing.domain.features import RecordRole, features_table, features_tables
from haven.tracing.domain.records import (
    BAD_DOCUMENT_CHARACTER,
    BAD_DOCUMENT_LENGTH,
    BAD_PHONE_CHARACTER,
    BAD_PHONE_LENGTH,
    COLUMNS,
    PLACEHOLDER_NUMBER,
    Identifier,
    IdentifierKind,
    RecordInputError,
    Sex,
    read_records,
    record_from_row,
    record_to_row,
)
from tests.unit.tracing.linkage_builders import day, record, year

# Synthetic numbers, in the format of no real registry.
PASSPORT = "ZQ0412977"
PHONE = "+000 955 012 734"
PHONE_DIGITS = "955012734"

HEADER = ",".join((*COLUMNS, "documents", "phones"))
ROW = "r1,Yonas Tekle,,m,1990,,,ER,,,2024-03-01,{documents},{phones}"


def read(documents: str = "", phones: str = ""):  # type: ignore[no-untyped-def]
    text = "\n".join((HEADER, ROW.format(documents=documents, phones=phones)))
    return read_records(io.BytesIO(text.encode("utf-8")))


def document(value: str) -> Identifier:
    return Identifier(IdentifierKind.DOCUMENT, value)


def phone(value: str) -> Identifier:
    return Identifier(IdentifierKind.PHONE, value)


# --- reading -------------------------------------------------------------------------------------


def test_a_file_without_the_identifier_columns_reads_as_before() -> None:
    text = "\n".join((",".join(COLUMNS), "r1,Yonas Tekle,,m,1990,,,ER,,,2024-03-01"))

    (read_record,) = read_records(io.BytesIO(text.encode("utf-8")))

    assert read_record.identifiers == ()
    assert read_record.names_latin == ("Yonas Tekle",)


def test_documents_are_compared_as_upper_case_letters_and_digits() -> None:
    (read_record,) = read(documents="zq-041 29.77|٤٤١٢٠٠٩٣")

    assert read_record.identifiers == (document("44120093"), document("ZQ0412977"))


@pytest.mark.parametrize("written", ["+000 955 012 734", "00000955012734", "0955-012-734"])
def test_phones_are_compared_on_their_last_nine_digits(written: str) -> None:
    (read_record,) = read(phones=written)

    assert read_record.identifiers == (phone(PHONE_DIGITS),)


@pytest.mark.parametrize(
    ("column", "documents", "phones", "message"),
    [
        ("phones", "", "0955 O12 734", BAD_PHONE_CHARACTER.format(character="O")),
        ("phones", "", "12 34", BAD_PHONE_LENGTH.format(length=4)),
        ("phones", "", "000 000 000", PLACEHOLDER_NUMBER),
        ("documents", "N/A", "", BAD_DOCUMENT_LENGTH.format(length=2)),
        ("documents", "UNKNOWN", "", BAD_DOCUMENT_LENGTH.format(length=7)),
        ("documents", "ZQ#0412977", "", BAD_DOCUMENT_CHARACTER.format(character="#")),
        ("documents", "0000000", "", PLACEHOLDER_NUMBER),
    ],
)
def test_a_malformed_number_names_its_row_and_column_but_not_the_number(
    column: str, documents: str, phones: str, message: str
) -> None:
    with pytest.raises(RecordInputError) as raised:
        read(documents=documents, phones=phones)

    assert (raised.value.row, raised.value.column, raised.value.reason) == (2, column, message)
    assert "0412977" not in str(raised.value) and "012 734" not in str(raised.value)


def test_a_record_with_numbers_writes_the_row_it_was_read_from() -> None:
    (read_record,) = read(documents=PASSPORT, phones=PHONE)

    assert record_from_row(record_to_row(read_record), row_number=2) == read_record


# --- features ------------------------------------------------------------------------------------


def test_identifiers_enter_the_tables_as_kind_prefixed_digests_never_in_clear() -> None:
    same_digits = "123456789"
    records = [
        record("a", identifiers=(document(same_digits), phone(same_digits))),
        record("b", identifiers=(document(PASSPORT),)),
        record("c"),
    ]

    table = features_table(records, RecordRole.PERSON)

    a, b, c = table.column("identifiers").to_pylist()
    assert sorted(item[:2] for item in a) == ["d:", "p:"]
    assert a[0][2:] != a[1][2:]  # a phone never equals a document of the same digits
    assert c is None
    dumped = str(table.to_pylist())
    assert same_digits not in dumped and PASSPORT not in dumped


def test_records_of_one_run_share_the_digest_of_one_number() -> None:
    missing, found = features_tables(
        [
            ([record("m", identifiers=(phone(PHONE_DIGITS),))], RecordRole.MISSING),
            ([record("f", identifiers=(phone(PHONE_DIGITS),))], RecordRole.FOUND),
        ]
    )

    assert missing.column("identifiers").to_pylist() == found.column("identifiers").to_pylist()


def test_a_number_many_records_share_is_compared_but_never_blocked_on() -> None:
    group_phone = phone("777000111")
    crowd = features.MAX_RECORDS_PER_BLOCKING_IDENTIFIER + 1
    records = [
        record(f"traveller-{index}", identifiers=(group_phone, document(f"ZQ{index:07d}")))
        for index in range(crowd)
    ]

    table = features_table(records, RecordRole.PERSON)

    for identifiers, keys in zip(
        table.column("identifiers").to_pylist(),
        table.column("identifier_keys").to_pylist(),
        strict=True,
    ):
        assert len(identifiers) == 2
        assert keys == [item for item in identifiers if item.startswith("d:")]


# --- the model -----------------------------------------------------------------------------------

# One man recorded by two agencies: names heard differently, ages estimated five
# years apart; and a stranger who shares nothing with him.
FIRST = record(
    "first",
    names_latin=("Yonas Tekle",),
    sex=Sex.MALE,
    birth_date=year(1990),
    nationality=("ERI",),
    event_date=day("2023-05-02"),
)
SECOND = record(
    "second",
    names_latin=("Johannes Teklai Berhe",),
    sex=Sex.MALE,
    birth_date=year(1995),
    nationality=("ERI",),
    event_date=day("2024-01-20"),
)
STRANGERS = [
    record(
        f"stranger-{index}",
        names_latin=(name,),
        sex=Sex.MALE,
        birth_date=year(1980 + index),
        nationality=("SDN",),
        event_date=day("2023-08-01"),
    )
    for index, name in enumerate(("Ahmed Hassan", "Osman Ali", "Ibrahim Musa", "Adam Yousif"))
]


def _cluster_of(clusters, record_id):  # type: ignore[no-untyped-def]
    return next(cluster for cluster in clusters if record_id in cluster.record_ids)


def test_a_shared_document_number_joins_records_that_agree_on_little_else() -> None:
    from dataclasses import replace

    with_number = [
        replace(FIRST, identifiers=(document(PASSPORT), phone(PHONE_DIGITS))),
        replace(SECOND, identifiers=(document(PASSPORT),)),
        *STRANGERS,
    ]
    without = [FIRST, SECOND, *STRANGERS]

    joined = _cluster_of(dedupe(with_number, threshold=0.9), "first")
    apart = _cluster_of(dedupe(without, threshold=0.9), "first")

    assert joined.record_ids == ("first", "second")
    (link_,) = joined.links
    assert link_.evidence(model.IDENTIFIERS).level == "a document number shared"
    assert link_.evidence(model.IDENTIFIERS).match_weight > 10
    assert apart.record_ids == ("first",)


def test_a_shared_phone_counts_for_less_than_a_shared_document() -> None:
    from dataclasses import replace

    by_phone = [
        replace(FIRST, identifiers=(phone(PHONE_DIGITS),)),
        replace(SECOND, identifiers=(phone(PHONE_DIGITS),)),
    ]
    by_document = [
        replace(FIRST, identifiers=(document(PASSPORT),)),
        replace(SECOND, identifiers=(document(PASSPORT),)),
    ]

    (phone_link,) = dedupe(by_phone, threshold=0.0)[0].links
    (document_link,) = dedupe(by_document, threshold=0.0)[0].links

    assert phone_link.evidence(model.IDENTIFIERS).level == "a phone number shared"
    assert 0 < phone_link.match_weight < document_link.match_weight


def test_numbers_unknown_on_one_side_weigh_nothing() -> None:
    from dataclasses import replace

    records = [replace(FIRST, identifiers=(document(PASSPORT),)), SECOND]

    (candidate,) = dedupe(records, threshold=0.0)[0].links

    assert candidate.evidence(model.IDENTIFIERS).level == model.UNKNOWN_LABEL
    assert candidate.evidence(model.IDENTIFIERS).match_weight == 0


def test_a_phone_on_one_record_and_a_document_on_the_other_say_nothing() -> None:
    from dataclasses import replace

    records = [
        replace(FIRST, identifiers=(phone(PHONE_DIGITS),)),
        replace(SECOND, identifiers=(document(PASSPORT),)),
    ]

    (candidate,) = dedupe(records, threshold=0.0)[0].links

    assert candidate.evidence(model.IDENTIFIERS).level == model.UNKNOWN_LABEL


def test_different_numbers_of_one_kind_count_against() -> None:
    from dataclasses import replace

    records = [
        replace(FIRST, identifiers=(phone(PHONE_DIGITS), document(PASSPORT))),
        replace(SECOND, identifiers=(phone("955012999"),)),
    ]

    (candidate,) = dedupe(records, threshold=0.0)[0].links

    evidence = candidate.evidence(model.IDENTIFIERS)
    assert evidence.level == "no document or phone number shared"
    assert evidence.match_weight < 0


def _blocked_pairs(job, tables):  # type: ignore[no-untyped-def]
    import duckdb
    from splink import DuckDBAPI, Linker

    connection = duckdb.connect()
    database = DuckDBAPI(connection=connection)
    names = (
        [model.MISSING_DATASET, model.FOUND_DATASET]
        if job is model.Job.LINK
        else [model.PERSONS_DATASET]
    )
    inputs = [
        database.register(table, dataset_display_name=name)
        for table, name in zip(tables, names, strict=True)
    ]
    linker = Linker(inputs, model.settings_creator(job, model.prior_parameters(0.01)))
    pairs = linker.inference.compute_blocked_pairs_for_predict()
    return connection.execute(f"select count(*) from {pairs.physical_name}").fetchone()[0]


def test_identifier_blocking_is_capped_so_a_group_phone_makes_no_block() -> None:
    # Records that share nothing but a phone (no name, birth or sex for another
    # rule to join on): a few (one person's records) meet; more than the cap (a
    # smuggler's phone) do not, however many they are.
    def sharing_a_phone(count: int):  # type: ignore[no-untyped-def]
        return [record(f"r{index}", identifiers=(phone(PHONE_DIGITS),)) for index in range(count)]

    few = sharing_a_phone(3)
    many = sharing_a_phone(features.MAX_RECORDS_PER_BLOCKING_IDENTIFIER + 5)

    assert _blocked_pairs(model.Job.DEDUPE, input_tables(model.Job.DEDUPE, few)) == 3
    assert _blocked_pairs(model.Job.DEDUPE, input_tables(model.Job.DEDUPE, many)) == 0


def test_a_shared_number_never_pairs_a_record_found_before_the_person_went_missing() -> None:
    report = record("report", identifiers=(phone(PHONE_DIGITS),), event_date=day("2024-03-01"))
    before = record(
        "found-before", identifiers=(phone(PHONE_DIGITS),), event_date=day("2024-01-05")
    )
    after = record("found-after", identifiers=(phone(PHONE_DIGITS),), event_date=day("2024-04-11"))

    candidates = link([report], [before, after])

    assert [candidate.right_id for candidate in candidates] == ["found-after"]
