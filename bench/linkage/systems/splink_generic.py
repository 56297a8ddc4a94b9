"""Plain Splink 5 (DuckDB) as a competent user would configure it without domain
knowledge, following Splink's tutorials:

* columns from the canonical file: the first Latin name, lower-cased, split into
  ``first_name`` (first word) and ``surname`` (last word); ``birth_date`` as
  written; ``sex``, ``nationality``, ``place``; ``documents`` and ``phones``
  (when the file has them) as arrays, with the normalisation Haven applies
  (documents: upper-case letters and digits; phones: the last 9 digits), so
  that both systems see the same numbers;
* comparisons: ``NameComparison`` on first name and surname (with term-frequency
  adjustments), ``DateOfBirthComparison``, ``ExactMatch`` on sex and nationality,
  ``JaroWinklerAtThresholds`` on place, an exact match on any document and on
  any phone (``ArrayIntersectAtSizes``, size 1);
* blocking: first name + surname; surname + birth year; first name + birth year;
  a document shared; a phone shared (exploded arrays, no cap: a generic user
  does not know that a smuggler's phone joins dozens of records);
* training: lambda from a deterministic rule (recall 0.7), u by random sampling,
  m by EM on two blocks (``max_pairs`` capped, as the research note advises);
* link: every blocked pair scored, top 10 per report; dedupe: clusters at the
  threshold (``cluster_pairwise_predictions_at_threshold``).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import duckdb
import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from bench.linkage import common
from bench.linkage.systems.splink_blocking import blocked_stats

logging.getLogger("splink").setLevel(logging.WARNING)

# Tutorial-style keys, tightened until the comparison count fits this machine at 1M
# records (birth date alone: 458 M pairs at 1M because of 1 January placeholders;
# these three: about 15 M each).
BLOCKING = [
    block_on("first_name", "surname"),
    block_on("surname", "substr(birth_date, 1, 4)"),
    block_on("first_name", "substr(birth_date, 1, 4)"),
    block_on("documents", arrays_to_explode=["documents"]),
    block_on("phones", arrays_to_explode=["phones"]),
]
PHONE_DIGITS_COMPARED = 9


def _numbers(column: pd.Series, normalise) -> pd.Series:
    def items(text: str):
        values = sorted({normalise(part) for part in text.split("|")} - {""})
        return values or None

    return column.map(items)


def _document(text: str) -> str:
    return "".join(c for c in text.upper() if c.isascii() and c.isalnum())


def _phone(text: str) -> str:
    return "".join(c for c in text if c.isdigit())[-PHONE_DIGITS_COMPARED:]


def prepare(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    first = df["names_latin"].str.split("|").str[0].str.lower().str.strip()
    toks = first.str.split()
    n = toks.str.len().fillna(0)
    out = pd.DataFrame(
        {
            "unique_id": df["id"],
            "first_name": toks.str[0],
            "surname": toks.str[-1].where(n > 1),
            "birth_date": df["birth_date"],
            "sex": df["sex"].str.lower(),
            "nationality": df["nationality"].str.upper(),
            "place": df["place"].str.lower(),
        }
    ).replace("", None)
    empty = pd.Series([""] * len(df), index=df.index)
    out["documents"] = _numbers(df.get("documents", empty), _document)
    out["phones"] = _numbers(df.get("phones", empty), _phone)
    return out


def settings(link_type: str) -> SettingsCreator:
    return SettingsCreator(
        link_type=link_type,
        unique_id_column_name="unique_id",
        comparisons=[
            cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "birth_date", input_is_string=True, datetime_format="%Y-%m-%d"
            ),
            cl.ExactMatch("sex"),
            cl.ExactMatch("nationality").configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds("place", [0.9, 0.7]),
            cl.ArrayIntersectAtSizes("documents", [1]),
            cl.ArrayIntersectAtSizes("phones", [1]),
        ],
        blocking_rules_to_generate_predictions=BLOCKING,
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )


def _train(linker: Linker) -> None:
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "birth_date")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=42)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "surname"), max_pairs=2e6
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("birth_date"), max_pairs=2e6
    )


def link(data: Path, params: dict) -> common.RunOutput:
    out = common.RunOutput()
    t = time.perf_counter()
    left, right = prepare(data / "missing.csv"), prepare(data / "found.csv")
    con = duckdb.connect()
    db = DuckDBAPI(connection=con)
    sl = db.register(left, dataset_display_name="missing")
    sr = db.register(right, dataset_display_name="found")
    linker = Linker([sl, sr], settings("link_only"))
    out.phases["load"] = time.perf_counter() - t
    t = time.perf_counter()
    _train(linker)
    out.phases["train"] = time.perf_counter() - t
    t = time.perf_counter()
    pred = linker.inference.predict()
    rows = con.execute(f"""
        with p as (
          select case when source_dataset_l = 'missing' then unique_id_l else unique_id_r end as l,
                 case when source_dataset_l = 'missing' then unique_id_r else unique_id_l end as r,
                 match_probability as p
          from {pred.physical_name}),
        ranked as (select l, r, p, row_number() over (partition by l order by p desc, r) as rank
                   from p)
        select l, r, p, rank from ranked where rank <= {common.TOP_K}""").fetchall()
    out.candidates = rows
    out.phases["predict"] = time.perf_counter() - t
    out.context = (linker, con)
    return out


def dedupe(data: Path, params: dict) -> common.RunOutput:
    out = common.RunOutput()
    t = time.perf_counter()
    df = prepare(data / "persons.csv")
    con = duckdb.connect()
    db = DuckDBAPI(connection=con)
    sdf = db.register(df, dataset_display_name="persons")
    linker = Linker(sdf, settings("dedupe_only"))
    out.phases["load"] = time.perf_counter() - t
    t = time.perf_counter()
    _train(linker)
    out.phases["train"] = time.perf_counter() - t
    t = time.perf_counter()
    threshold = params["threshold"]
    pred = linker.inference.predict(threshold_match_probability=threshold)
    out.phases["predict"] = time.perf_counter() - t
    t = time.perf_counter()
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        pred, threshold_match_probability=threshold
    )
    out.clusters = con.execute(
        f"select unique_id, cluster_id from {clusters.physical_name}"
    ).fetchall()
    out.phases["cluster"] = time.perf_counter() - t
    out.context = (linker, con)
    return out


def blocking_stats(output: common.RunOutput, job: str, truth) -> dict:
    linker, con = output.context
    return blocked_stats(linker, con, truth, job)
