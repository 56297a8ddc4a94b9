"""Reading linkage records from CSV: every malformed row is named with its column."""

from __future__ import annotations

import io

import pytest

from haven.tracing.domain import records
from haven.tracing.domain.records import (
    COLUMNS,
    AgeEstimate,
    LinkageRecord,
    PartialDate,
    RecordInputError,
    Sex,
    read_records,
    record_to_row,
    write_records,
)

HEADER = ",".join(COLUMNS)
GOOD_ROW = (
    "r1,Mohamed Osman|Mohammed Othman Ali,محمد عثمان,M,,25,2024-03-01,SD|ER,"
    "Kufra,Khartoum > Kufra,2024-03-01"
)


def csv_bytes(*rows: str, header: str = HEADER) -> io.BytesIO:
    return io.BytesIO("\n".join((header, *rows)).encode("utf-8"))


def row_with(column: str, value: str) -> str:
    """GOOD_ROW with one column's value replaced."""
    values = next(iter(__import__("csv").reader([GOOD_ROW])))
    values[COLUMNS.index(column)] = value
    return ",".join(values)


def read_error(source: io.BytesIO) -> RecordInputError:
    with pytest.raises(RecordInputError) as raised:
        read_records(source)
    return raised.value


def test_a_good_row_reads_into_a_record() -> None:
    (record,) = read_records(csv_bytes(GOOD_ROW))

    assert record == LinkageRecord(
        id="r1",
        names_latin=("Mohamed Osman", "Mohammed Othman Ali"),
        names_original=("محمد عثمان",),
        sex=Sex.MALE,
        age=AgeEstimate(25, 25),
        age_date=PartialDate(2024, 3, 1),
        nationality=("SDN", "ERI"),
        place="Kufra",
        route=("Khartoum", "Kufra"),
        event_date=PartialDate(2024, 3, 1),
    )


def test_columns_may_come_in_any_order_with_extra_columns_and_a_byte_order_mark() -> None:
    header = "agency_note," + ",".join(reversed(COLUMNS))
    values = next(iter(__import__("csv").reader([GOOD_ROW])))
    row = "ignored," + ",".join(reversed(values))
    source = io.BytesIO(("\ufeff" + header + "\n" + row).encode("utf-8"))

    (record,) = read_records(source)

    assert record.id == "r1"
    assert record.nationality == ("SDN", "ERI")


def test_every_value_but_the_id_may_be_empty() -> None:
    (record,) = read_records(csv_bytes("r1" + "," * (len(COLUMNS) - 1)))

    assert record == LinkageRecord(id="r1")


def test_records_written_by_write_records_read_back_the_same(tmp_path) -> None:
    original = read_records(csv_bytes(GOOD_ROW, row_with("id", "r2")))
    path = tmp_path / "records.csv"

    write_records(path, original)

    assert read_records(path) == original
    assert record_to_row(original[0])["route"] == "Khartoum > Kufra"


@pytest.mark.parametrize("column", COLUMNS)
def test_a_column_missing_from_the_header_is_named(column: str) -> None:
    header = ",".join(name for name in COLUMNS if name != column)

    error = read_error(csv_bytes(header=header))

    assert (error.row, error.column) == (1, column)
    assert error.reason == records.MISSING_COLUMN.format(column=column)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("birth_date", "2001-02-30", records.BAD_DATE.format(value="2001-02-30")),
        ("birth_date", "17/05/1990", records.BAD_DATE.format(value="17/05/1990")),
        ("event_date", "yesterday", records.BAD_DATE.format(value="yesterday")),
        ("age_date", "2024-13", records.BAD_DATE.format(value="2024-13")),
        ("sex", "female?", records.BAD_SEX.format(value="female?")),
        ("age", "about 25", records.BAD_AGE.format(value="about 25", oldest=records.OLDEST_AGE)),
        ("age", "35-25", records.BAD_AGE.format(value="35-25", oldest=records.OLDEST_AGE)),
        ("nationality", "SD|XY", records.BAD_COUNTRY.format(value="XY")),
        ("nationality", "Sudan", records.BAD_COUNTRY.format(value="SUDAN")),
        ("id", "  ", records.ID_REQUIRED),
    ],
)
def test_a_bad_value_is_named_by_row_and_column(column: str, value: str, message: str) -> None:
    error = read_error(csv_bytes(GOOD_ROW.replace("r1", "r0", 1), row_with(column, value)))

    assert (error.row, error.column) == (3, column)
    assert error.reason == message
    assert str(error).startswith(f"row 3, column {column!r}: ")


def test_the_good_values_of_the_failure_cases_read() -> None:
    # The failure cases above differ from this row in the one value they name.
    assert len(read_records(csv_bytes(GOOD_ROW.replace("r1", "r0", 1), GOOD_ROW))) == 2


def test_bytes_that_are_not_utf8_are_named_by_row_and_column() -> None:
    # A name saved as Latin-1 in an otherwise UTF-8 file.
    latin1_row = row_with("names_latin", "@").encode().replace(b"@", "José Ñúñez".encode("latin-1"))
    source = io.BytesIO(HEADER.encode() + b"\n" + GOOD_ROW.encode() + b"\n" + latin1_row)

    error = read_error(source)

    assert (error.row, error.column) == (3, "names_latin")
    assert error.reason == records.NOT_UTF8


def test_a_repeated_id_names_the_first_row_that_used_it() -> None:
    error = read_error(csv_bytes(GOOD_ROW, row_with("names_latin", "Other"), GOOD_ROW))

    assert (error.row, error.column) == (3, "id")
    assert error.reason == records.ID_DUPLICATED.format(value="r1", first_row=2)


def test_an_age_needs_a_date() -> None:
    error = read_error(csv_bytes(row_with("age_date", "").replace("2024-03-01", "")))

    assert (error.row, error.column) == (2, "age_date")
    assert error.reason == records.AGE_WITHOUT_DATE


def test_an_age_without_its_own_date_is_taken_at_the_event_date() -> None:
    (record,) = read_records(csv_bytes(row_with("age_date", "")))

    assert record.age_reference_date == PartialDate(2024, 3, 1)


def test_a_birth_after_the_event_is_refused() -> None:
    error = read_error(csv_bytes(row_with("birth_date", "2024-04")))

    assert (error.row, error.column) == (2, "birth_date")


def test_a_row_with_too_many_values_is_named() -> None:
    error = read_error(csv_bytes(GOOD_ROW + ",extra"))

    assert (error.row, error.column) == (2, None)
    assert error.reason == records.WRONG_FIELD_COUNT.format(
        found=len(COLUMNS) + 1, expected=len(COLUMNS)
    )


def test_an_empty_file_needs_a_header() -> None:
    error = read_error(io.BytesIO(b""))

    assert (error.row, error.reason) == (1, records.EMPTY_FILE)


def test_blank_lines_are_skipped_and_rows_keep_their_line_numbers() -> None:
    error = read_error(csv_bytes(GOOD_ROW, "", row_with("sex", "?").replace("r1", "r9", 1)))

    assert error.row == 4


def test_special_and_unspecified_nationalities() -> None:
    stateless = read_records(csv_bytes(row_with("nationality", "xxa|XXX|sdn")))

    assert stateless[0].nationality == ("XXA", "SDN")


def test_partial_dates_span_their_month_or_year() -> None:
    assert PartialDate(2024, 2).latest.isoformat() == "2024-02-29"
    assert PartialDate(2023, 12).latest.isoformat() == "2023-12-31"
    assert PartialDate(2023).earliest.isoformat() == "2023-01-01"
    assert str(PartialDate(2023, 7)) == "2023-07"


def test_progress_is_reported_while_reading(monkeypatch) -> None:
    monkeypatch.setattr(records, "PROGRESS_EVERY_ROWS", 2)
    rows = [row_with("id", f"r{index}") for index in range(5)]
    reports: list[tuple[str, int, int | None]] = []

    read_records(csv_bytes(*rows), progress=lambda *report: reports.append(report))

    assert reports == [("read", 2, None), ("read", 4, None), ("read", 5, 5)]
