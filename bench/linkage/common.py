"""Shared helpers of the linkage harness: dataset files, truth, outputs."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LINK_FILES = ("missing.csv", "found.csv", "link_truth.csv")
DEDUPE_FILES = ("persons.csv", "dedupe_truth.csv")

# thresholds at which each system's decisions are scored (the same for all systems)
LINK_THRESHOLD = 0.5
DEDUPE_THRESHOLD = 0.9
TOP_K = 10


@dataclass
class RunOutput:
    """What a system hands back to the worker.

    ``candidates`` (link): rows (left_id, right_id, match_probability, rank), top
    ``TOP_K`` per report. ``clusters`` (dedupe): rows (record_id, cluster_id).
    ``phases``: seconds per stage. ``context``: anything the system needs after
    the timed part to count its blocked pairs.
    """

    candidates: list[tuple[str, str, float, int]] | None = None
    clusters: list[tuple[str, str]] | None = None
    phases: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    context: Any = None


def read_pairs(path: Path, with_label: bool = False) -> list[tuple]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    if with_label:
        return [(a, b, int(c)) for a, b, c in rows]
    return [(a, b) for a, b in rows]


def link_truth(data: Path) -> set[tuple[str, str]]:
    return set(read_pairs(data / "link_truth.csv"))


def dedupe_entities(data: Path) -> dict[str, str]:
    with (data / "dedupe_truth.csv").open(newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        return {row[0]: row[1] for row in r}


def dedupe_true_pairs(data: Path) -> list[tuple[str, str]]:
    by_entity: dict[str, list[str]] = {}
    for rid, ent in dedupe_entities(data).items():
        by_entity.setdefault(ent, []).append(rid)
    pairs = []
    for ids in by_entity.values():
        ids.sort()
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                pairs.append((ids[i], ids[j]))
    return pairs


def rank_top_k(scored, k: int = TOP_K) -> list[tuple[str, str, float, int]]:
    """Top-k per left id from (left, right, probability) rows: by probability, then right id."""
    by_left: dict[str, list[tuple[float, str]]] = {}
    for left, right, p in scored:
        by_left.setdefault(left, []).append((p, right))
    out = []
    for left, lst in by_left.items():
        lst.sort(key=lambda x: (-x[0], x[1]))
        for rank, (p, right) in enumerate(lst[:k], start=1):
            out.append((left, right, p, rank))
    return out
