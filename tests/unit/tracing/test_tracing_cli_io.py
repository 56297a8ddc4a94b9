"""The files of ``haven link``: records in, candidates and clusters out."""

from __future__ import annotations

import csv

import pytest

from haven.tracing.domain.cli_io import (
    CANDIDATE_COLUMNS,
    CLUSTER_COLUMNS,
    read_records,
    write_candidates,
    write_clusters,
)
from haven.tracing.domain.engine import AttributeEvidence, Candidate, Cluster
from haven.tracing.domain.records import RecordInputError, write_records
from haven.tracing.domain.settings import ATTRIBUTES
from tests.unit.tracing.linkage_builders import SCENARIO_REPORTS


def rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as text:
        return list(csv.DictReader(text))


CANDIDATE = Candidate(
    left_id="report-1",
    right_id="found-9",
    match_probability=0.98765432,
    match_weight=6.3,
    rank=1,
    explanation=tuple(
        AttributeEvidence(attribute, f"{attribute} level", float(index))
        for index, attribute in enumerate(ATTRIBUTES)
    ),
)


def test_candidates_are_written_one_row_each_with_their_explanation(tmp_path) -> None:
    path = tmp_path / "matches.csv"

    write_candidates(path, [CANDIDATE])

    (row,) = rows(path)
    assert tuple(row) == CANDIDATE_COLUMNS
    assert row["left_id"] == "report-1"
    assert row["rank"] == "1"
    assert row["match_probability"] == "0.987654"
    assert row["names_level"] == "names level"
    assert row["place_weight"] == "4.000000"


def test_clusters_are_written_one_row_per_record(tmp_path) -> None:
    path = tmp_path / "clusters.csv"
    clusters = [Cluster("b", ("b",)), Cluster("a", ("a", "c"))]

    write_clusters(path, clusters)

    assert [tuple(row.values()) for row in rows(path)] == [
        ("a", "a", "2"),
        ("a", "c", "2"),
        ("b", "b", "1"),
    ]
    assert tuple(rows(path)[0]) == CLUSTER_COLUMNS


def test_records_are_read_from_a_path_with_progress(tmp_path) -> None:
    path = tmp_path / "reports.csv"
    write_records(path, SCENARIO_REPORTS)
    reports: list[tuple[str, int, int | None]] = []

    records = read_records(path, progress=lambda *report: reports.append(report))

    assert records == list(SCENARIO_REPORTS)
    assert reports[-1] == ("read", len(SCENARIO_REPORTS), len(SCENARIO_REPORTS))


def test_a_malformed_file_names_the_row_and_column(tmp_path) -> None:
    path = tmp_path / "reports.csv"
    write_records(path, SCENARIO_REPORTS)
    text = path.read_text(encoding="utf-8").replace("2024-03-01", "2024-03-41")
    path.write_text(text, encoding="utf-8")

    with pytest.raises(RecordInputError) as raised:
        read_records(path)

    assert (raised.value.row, raised.value.column) == (2, "event_date")
