"""The Python Record Linkage Toolkit (recordlinkage 0.16) as its documentation
shows it: an ``Index`` (standard blocking on the same keys as the generic Splink
configuration, plus a sorted neighbourhood on the full name within sex and
nationality, and blocks on the first document and the first phone number),
``Compare`` features (Jaro-Winkler >= 0.85 on first name, surname and place;
exact birth date, sex, nationality, first document and first phone, normalised
as for the generic Splink configuration), and the unsupervised
``ECMClassifier`` whose match probability ranks the candidates. Dedupe joins
pairs at or above the threshold into connected components.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import recordlinkage as rl
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from bench.linkage import common
from bench.linkage.systems.splink_generic import prepare

warnings.filterwarnings("ignore")

WINDOW = 7


def _prepare(path: Path) -> pd.DataFrame:
    df = prepare(path)
    df["full_name"] = (df["first_name"].fillna("") + " " + df["surname"].fillna("")).str.strip()
    df["full_name"] = df["full_name"].replace("", None)
    df["birth_year"] = df["birth_date"].str[:4]
    # one number of each kind, as a single-valued toolkit compares them
    df["document"] = df.pop("documents").str[0]
    df["phone"] = df.pop("phones").str[0]
    return df.set_index("unique_id")


def _indexer() -> rl.Index:
    idx = rl.Index()
    idx.add(rl.index.Block(["first_name", "surname"]))
    idx.add(rl.index.Block(["surname", "birth_year"]))
    idx.add(rl.index.Block(["first_name", "birth_year"]))
    idx.add(rl.index.Block(["document"]))
    idx.add(rl.index.Block(["phone"]))
    idx.add(
        rl.index.SortedNeighbourhood("full_name", window=WINDOW, block_on=["sex", "nationality"])
    )
    return idx


def _compare() -> rl.Compare:
    c = rl.Compare()
    c.string("first_name", "first_name", method="jarowinkler", threshold=0.85, label="first_name")
    c.string("surname", "surname", method="jarowinkler", threshold=0.85, label="surname")
    c.exact("birth_date", "birth_date", label="birth_date")
    c.exact("sex", "sex", label="sex")
    c.exact("nationality", "nationality", label="nationality")
    c.string("place", "place", method="jarowinkler", threshold=0.85, label="place")
    c.exact("document", "document", label="document")
    c.exact("phone", "phone", label="phone")
    return c


def _score(pairs, a: pd.DataFrame, b: pd.DataFrame | None):
    features = _compare().compute(pairs, a, b) if b is not None else _compare().compute(pairs, a)
    ecm = rl.ECMClassifier(binarize=None)
    ecm.fit(features)
    return ecm.prob(features)


def link(data: Path, params: dict) -> common.RunOutput:
    out = common.RunOutput()
    t = time.perf_counter()
    a, b = _prepare(data / "missing.csv"), _prepare(data / "found.csv")
    out.phases["load"] = time.perf_counter() - t
    t = time.perf_counter()
    pairs = _indexer().index(a, b)
    out.phases["index"] = time.perf_counter() - t
    t = time.perf_counter()
    prob = _score(pairs, a, b)
    out.phases["compare+ecm"] = time.perf_counter() - t
    t = time.perf_counter()
    left = prob.index.get_level_values(0).to_numpy()
    right = prob.index.get_level_values(1).to_numpy()
    out.candidates = common.rank_top_k(zip(left, right, prob.to_numpy().tolist(), strict=True))
    out.phases["rank"] = time.perf_counter() - t
    out.context = pairs
    return out


def dedupe(data: Path, params: dict) -> common.RunOutput:
    out = common.RunOutput()
    t = time.perf_counter()
    a = _prepare(data / "persons.csv")
    out.phases["load"] = time.perf_counter() - t
    t = time.perf_counter()
    pairs = _indexer().index(a)
    out.phases["index"] = time.perf_counter() - t
    t = time.perf_counter()
    prob = _score(pairs, a, None)
    out.phases["compare+ecm"] = time.perf_counter() - t
    t = time.perf_counter()
    keep = prob[prob >= params["threshold"]]
    ids = a.index.to_numpy()
    pos = pd.Series(np.arange(len(ids)), index=ids)
    li = pos.loc[keep.index.get_level_values(0)].to_numpy()
    ri = pos.loc[keep.index.get_level_values(1)].to_numpy()
    graph = coo_matrix((np.ones(len(li)), (li, ri)), shape=(len(ids), len(ids)))
    _, labels = connected_components(graph, directed=False)
    out.clusters = [(rid, f"c{lab}") for rid, lab in zip(ids, labels, strict=True)]
    out.phases["cluster"] = time.perf_counter() - t
    out.context = pairs
    return out


def blocking_stats(output: common.RunOutput, job: str, truth) -> dict:
    pairs = output.context
    if job == "link":
        found = set(zip(pairs.get_level_values(0), pairs.get_level_values(1), strict=True))
        hit = sum(1 for p in truth if p in found)
    else:
        found = {
            (min(x, y), max(x, y))
            for x, y in zip(pairs.get_level_values(0), pairs.get_level_values(1), strict=True)
        }
        hit = sum(1 for p in truth if p in found)
    return {
        "pairs_compared": len(pairs),
        "blocked_true_pairs": hit,
        "blocking_recall": hit / len(truth) if truth else None,
    }
