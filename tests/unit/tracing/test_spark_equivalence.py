"""The same linkage on DuckDB and on a local Spark session gives the same candidates.

Runs in the normal suite (it is never skipped); ``-m spark`` selects it alone. The
link check trains m from reviewed pairs on each backend, so training runs on Spark
too; u keeps its priors at this size (sampling it costs a minute of Spark start-up
work on a small machine, and on data this small would read every pair anyway), so
the u estimate is checked on its own, over every pair (samples differ between
backends, whose hash functions differ).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from haven.tracing.domain import engine
from haven.tracing.domain.engine import Candidate, dedupe, link
from haven.tracing.domain.records import Identifier, IdentifierKind, LinkageRecord
from haven.tracing.domain.settings import Job, prior_parameters
from tests.unit.tracing.linkage_builders import SCENARIO_FOUND, SCENARIO_REPORTS, synthetic_link

pytestmark = pytest.mark.spark

PROBABILITY_TOLERANCE = 1e-6


def numbered(records: tuple[LinkageRecord, ...]) -> tuple[LinkageRecord, ...]:
    """Some records with synthetic numbers (the index of the person behind the id,
    so a report and its found record share them): documents on every third,
    phones on every fourth, so that the identifiers comparison and its blocking
    run on both backends."""
    numbered_records = []
    for record in records:
        person = int("".join(c for c in record.id if c.isdigit()) or 0)
        identifiers = []
        if person % 3 == 0:
            identifiers.append(Identifier(IdentifierKind.DOCUMENT, f"ZQ{person:07d}"))
        if person % 4 == 0:
            identifiers.append(Identifier(IdentifierKind.PHONE, f"9{person:08d}"))
        numbered_records.append(replace(record, identifiers=tuple(identifiers)))
    return tuple(numbered_records)


def keyed(candidates: list[Candidate]) -> dict[tuple[str, str], Candidate]:
    return {(candidate.left_id, candidate.right_id): candidate for candidate in candidates}


# One test, so that one process (one xdist worker) starts one Spark session for both.
def test_link_and_dedupe_give_the_same_results_on_duckdb_and_spark(spark_session) -> None:
    link_gives_the_same_candidates(spark_session)
    dedupe_gives_the_same_clusters(spark_session)
    u_counts_the_same_pairs(spark_session)


def link_gives_the_same_candidates(spark_session) -> None:
    data = synthetic_link(7, persons=40, found_persons=30, distractors=6)
    reports = (*numbered(data.missing), *SCENARIO_REPORTS)
    found = (*numbered(data.found), *SCENARIO_FOUND)
    reviewed = sorted(data.true_pairs)[:10]
    arguments = {"labelled_pairs": reviewed, "top_k": 5}

    on_duckdb = keyed(link(reports, found, backend="duckdb", **arguments))
    on_spark = keyed(
        link(reports, found, backend="spark", spark_session=spark_session, **arguments)
    )

    assert on_spark.keys() == on_duckdb.keys()
    assert len(on_duckdb) > len(reports)
    levels = {evidence.level for c in on_duckdb.values() for evidence in c.explanation}
    assert {"a document number shared", "a phone number shared"} <= levels
    for pair, candidate in on_duckdb.items():
        twin = on_spark[pair]
        assert twin.rank == candidate.rank
        assert twin.match_probability == pytest.approx(
            candidate.match_probability, abs=PROBABILITY_TOLERANCE
        )
        assert [(e.attribute, e.level) for e in twin.explanation] == [
            (e.attribute, e.level) for e in candidate.explanation
        ]


def dedupe_gives_the_same_clusters(spark_session) -> None:
    data = synthetic_link(8, persons=20, found_persons=15, distractors=4)
    records = numbered((*data.missing, *data.found))

    on_duckdb = dedupe(records, backend="duckdb", threshold=0.8)
    on_spark = dedupe(records, backend="spark", spark_session=spark_session, threshold=0.8)

    assert [c.record_ids for c in on_spark] == [c.record_ids for c in on_duckdb]
    assert any(len(cluster.record_ids) > 1 for cluster in on_duckdb)
    spark_links = {(link.left_id, link.right_id): link for c in on_spark for link in c.links}
    for cluster in on_duckdb:
        for link_ in cluster.links:
            assert spark_links[(link_.left_id, link_.right_id)].match_probability == (
                pytest.approx(link_.match_probability, abs=PROBABILITY_TOLERANCE)
            )


def u_counts_the_same_pairs(spark_session) -> None:
    data = synthetic_link(9, persons=30, found_persons=20, distractors=4)
    tables = engine._link_tables(data.missing, data.found, engine._no_progress)
    parameters = prior_parameters(0.01)
    every_pair = float(len(data.missing) * len(data.found))

    def estimate(backend: str, session) -> dict[str, list[float]]:
        with engine._Backend(backend, session) as database:
            inputs = [database.register(table, dataset) for table, dataset in tables]
            return engine._u_by_random_sampling(
                Job.LINK,
                inputs,
                [table.num_rows for table, _ in tables],
                parameters,
                max_pairs=every_pair,
                seed=42,
            )

    on_duckdb = estimate("duckdb", None)
    on_spark = estimate("spark", spark_session)

    assert on_spark == on_duckdb
    assert all(0 < share < 1 for share in on_duckdb["sex"])
