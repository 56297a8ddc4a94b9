"""Count a Splink linker's blocked pairs and the true pairs among them, in DuckDB."""

from __future__ import annotations

import duckdb
import pyarrow as pa

SEP = "-__-"


def _id(col: str) -> str:
    return (
        f"case when strpos({col}, '{SEP}') > 0 "
        f"then substr({col}, strpos({col}, '{SEP}') + {len(SEP)}) else {col} end"
    )


def _dataset(col: str) -> str:
    return (
        f"case when strpos({col}, '{SEP}') > 0 "
        f"then substr({col}, 1, strpos({col}, '{SEP}') - 1) else '' end"
    )


def blocked_stats(
    linker,
    con: duckdb.DuckDBPyConnection,
    truth: list[tuple[str, str]],
    job: str,
    left_dataset: str = "missing",
) -> dict:
    """Pairs compared and blocking recall from ``compute_blocked_pairs_for_predict``.

    For ``link`` a truth pair is (left_dataset id, other id); for ``dedupe`` the
    pair is unordered.
    """
    bp = linker.inference.compute_blocked_pairs_for_predict()
    name = bp.physical_name
    n_pairs = con.execute(f"select count(*) from {name}").fetchall()[0][0]
    con.register(
        "__bench_truth", pa.table({"a": [a for a, _ in truth], "b": [b for _, b in truth]})
    )
    if job == "link":
        sql = f"""
        with p as (
          select case when {_dataset("join_key_l")} = '{left_dataset}' then {_id("join_key_l")}
                      else {_id("join_key_r")} end as a,
                 case when {_dataset("join_key_l")} = '{left_dataset}' then {_id("join_key_r")}
                      else {_id("join_key_l")} end as b
          from {name})
        select count(*) from (select distinct a, b from p) p join __bench_truth t using (a, b)"""
    else:
        sql = f"""
        with p as (
          select least({_id("join_key_l")}, {_id("join_key_r")}) as a,
                 greatest({_id("join_key_l")}, {_id("join_key_r")}) as b
          from {name})
        select count(*) from (select distinct a, b from p) p join __bench_truth t using (a, b)"""
    blocked_true = con.execute(sql).fetchall()[0][0]
    con.unregister("__bench_truth")
    return {
        "pairs_compared": int(n_pairs),
        "blocked_true_pairs": int(blocked_true),
        "blocking_recall": blocked_true / len(truth) if truth else None,
    }
