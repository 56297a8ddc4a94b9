"""Files in and out of ``haven link``: records from CSV, candidates and clusters to CSV.

``haven link --left A.csv --right B.csv --out matches.csv`` reads both files with
``read_records``, calls ``engine.link`` and writes ``write_candidates``;
``haven link --dedupe A.csv --out clusters.csv`` calls ``engine.dedupe`` and writes
``write_clusters``. The input format is in ``records.py`` (and ``docs/linkage.md``).

Output columns:

* candidates: ``left_id, right_id, rank, match_probability, match_weight``, then for
  each attribute (``names, birth, sex, nationality, place``) ``<attribute>_level``
  (the comparison level, in words) and ``<attribute>_weight`` (its match weight);
  one row per candidate, ordered by left id and rank.
* clusters: ``cluster_id, record_id, cluster_size``, one row per input record,
  ordered by cluster id and record id; ``cluster_id`` is the smallest record id of
  the cluster.

Probabilities and weights are written with 6 decimals, so files are stable.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from haven.tracing.domain.engine import Candidate, Cluster
from haven.tracing.domain.records import LinkageRecord, ProgressCallback
from haven.tracing.domain.records import read_records as _read_records
from haven.tracing.domain.settings import ATTRIBUTES

CANDIDATE_COLUMNS = (
    "left_id",
    "right_id",
    "rank",
    "match_probability",
    "match_weight",
    *(f"{attribute}_{part}" for attribute in ATTRIBUTES for part in ("level", "weight")),
)
CLUSTER_COLUMNS = ("cluster_id", "record_id", "cluster_size")
DECIMALS = 6


def read_records(path: str | Path, progress: ProgressCallback | None = None) -> list[LinkageRecord]:
    """The records of a CSV file; ``records.RecordInputError`` names the bad row and column."""
    return _read_records(path, progress=progress)


def _number(value: float) -> str:
    return f"{value:.{DECIMALS}f}"


def write_candidates(path: str | Path, candidates: Iterable[Candidate]) -> None:
    """Write candidates as CSV (``CANDIDATE_COLUMNS``)."""
    with open(path, "w", encoding="utf-8", newline="") as text:
        writer = csv.writer(text)
        writer.writerow(CANDIDATE_COLUMNS)
        for candidate in candidates:
            row = [
                candidate.left_id,
                candidate.right_id,
                str(candidate.rank),
                _number(candidate.match_probability),
                _number(candidate.match_weight),
            ]
            for attribute in ATTRIBUTES:
                evidence = candidate.evidence(attribute)
                row.extend((evidence.level, _number(evidence.match_weight)))
            writer.writerow(row)


def write_clusters(path: str | Path, clusters: Iterable[Cluster]) -> None:
    """Write clusters as CSV (``CLUSTER_COLUMNS``), one row per record."""
    with open(path, "w", encoding="utf-8", newline="") as text:
        writer = csv.writer(text)
        writer.writerow(CLUSTER_COLUMNS)
        for cluster in sorted(clusters, key=lambda cluster: cluster.cluster_id):
            for record_id in cluster.record_ids:
                writer.writerow((cluster.cluster_id, record_id, str(len(cluster.record_ids))))
