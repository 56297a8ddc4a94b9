"""Haven's tracing engine through its public API (``haven.tracing.domain.engine``).

``link(missing, found, backend="duckdb", top_k=10, threshold=0.0,
labelled_pairs=...)`` and ``dedupe(records, backend="duckdb", threshold=...,
labelled_pairs=...)``, records read by ``cli_io.read_records``. System
``haven`` passes the dataset's reviewed sample (``*_labels.csv``: about 200
pairs drawn with a separate seed, matches and near misses) as
``labelled_pairs``; ``haven-nolabels`` passes none.

Blocking recall and pairs compared are counted after the timed part, from
Haven's own blocking rules (``settings.blocking_rules``) on its own features
(``features.features_table``) with Splink's ``compute_blocked_pairs_for_predict``.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.linkage import common


def _api():
    try:
        from haven.tracing.domain import cli_io, engine
    except ImportError as exc:  # the engine is not there (yet)
        raise SystemExit(f"SKIP: haven.tracing.domain.engine is not importable ({exc})") from exc
    return engine, cli_io


class _Phases:
    def __init__(self, out: common.RunOutput):
        self.out = out
        self.stage = None
        self.t = time.perf_counter()

    def __call__(self, stage, done, total):
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.t = time.perf_counter()

    def close(self):
        if self.stage is not None:
            self.out.phases[self.stage] = self.out.phases.get(self.stage, 0.0) + (
                time.perf_counter() - self.t
            )
            self.stage = None


def _labels(path: Path, params: dict):
    if params.get("labels") and path.exists():
        return common.read_pairs(path, with_label=True)
    return None


def link(data: Path, params: dict) -> common.RunOutput:
    engine, cli_io = _api()
    out = common.RunOutput()
    t = time.perf_counter()
    missing = cli_io.read_records(data / "missing.csv")
    found = cli_io.read_records(data / "found.csv")
    labels = _labels(data / "link_labels.csv", params)
    out.phases["read"] = time.perf_counter() - t
    phases = _Phases(out)
    candidates = engine.link(
        missing,
        found,
        backend="duckdb",
        top_k=common.TOP_K,
        threshold=0.0,
        labelled_pairs=labels,
        progress=phases,
    )
    phases.close()
    out.candidates = [(c.left_id, c.right_id, c.match_probability, c.rank) for c in candidates]
    out.notes.append(f"labelled_pairs={len(labels) if labels else 0}")
    out.context = (missing, found)
    return out


def dedupe(data: Path, params: dict) -> common.RunOutput:
    engine, cli_io = _api()
    out = common.RunOutput()
    t = time.perf_counter()
    records = cli_io.read_records(data / "persons.csv")
    labels = _labels(data / "dedupe_labels.csv", params)
    out.phases["read"] = time.perf_counter() - t
    phases = _Phases(out)
    clusters = engine.dedupe(
        records,
        backend="duckdb",
        threshold=params["threshold"],
        labelled_pairs=labels,
        progress=phases,
    )
    phases.close()
    out.clusters = [(rid, c.cluster_id) for c in clusters for rid in c.record_ids]
    out.notes.append(f"labelled_pairs={len(labels) if labels else 0}")
    out.context = (records, None)
    return out


def blocking_stats(output: common.RunOutput, job: str, truth) -> dict:
    import duckdb
    from splink import DuckDBAPI, Linker

    from bench.linkage.systems.splink_blocking import blocked_stats
    from haven.tracing.domain import features
    from haven.tracing.domain import settings as model
    from haven.tracing.domain.engine import input_tables

    # Untimed, after the run: normalise names in this process. Forking workers from
    # a process that now holds the whole run would exceed the harness's
    # address-space limit (--mem-limit-gb), which each child inherits.
    features.PARALLEL_MIN_RECORDS = sum(len(records or ()) for records in output.context) + 1

    left_records, right_records = output.context
    con = duckdb.connect()
    db = DuckDBAPI(connection=con)
    if job == "link":
        left, right = input_tables(model.Job.LINK, left_records, right_records)
        inputs = [
            db.register(left, dataset_display_name=model.MISSING_DATASET),
            db.register(right, dataset_display_name=model.FOUND_DATASET),
        ]
        settings = model.settings_creator(model.Job.LINK, model.prior_parameters(0.001))
        linker = Linker(inputs, settings)
        return blocked_stats(linker, con, truth, "link", left_dataset=model.MISSING_DATASET)
    [table] = input_tables(model.Job.DEDUPE, left_records)
    inputs = [db.register(table, dataset_display_name=model.PERSONS_DATASET)]
    settings = model.settings_creator(model.Job.DEDUPE, model.prior_parameters(0.001))
    linker = Linker(inputs, settings)
    return blocked_stats(linker, con, truth, "dedupe")
