"""Accuracy metrics of the linkage benchmark (computed by the harness, untimed).

Link (missing reports -> found records), on each system's top-``TOP_K``
candidates per report:

* ``hit@1`` / ``hit@10``: share of reports that have at least one true match
  whose rank-1 candidate / any of the top 10 is a true match; ``mrr``;
* ``precision`` / ``recall`` / ``f1`` at the threshold: candidates (in the top
  10) with match probability >= threshold, against all true pairs;
* ``best_f1`` (diagnostic): the best F1 over all thresholds, same candidates;
* ``false_alarm``: share of reports with no true match that still have a
  candidate at or above the threshold.

Dedupe: pairwise precision / recall / F1 of the clusters (every pair of
records in one cluster is a predicted match) against the true entities.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def link_metrics(
    candidates,
    truth: set[tuple[str, str]],
    threshold: float,
    groups: dict[str, str] | None = None,
    n_reports: int | None = None,
) -> dict:
    """``candidates``: (left_id, right_id, probability, rank) rows."""
    with_match = {m for m, _ in truth}
    by_left: dict[str, list[tuple[int, str, float]]] = defaultdict(list)
    for left, right, p, rank in candidates:
        by_left[left].append((int(rank), right, float(p)))
    hit1 = hit10 = 0
    rr = 0.0
    group_hits: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for m in with_match:
        lst = sorted(by_left.get(m, []))
        ranks = [rank for rank, right, _ in lst if (m, right) in truth]
        best = min(ranks) if ranks else None
        h1 = best == 1
        h10 = best is not None and best <= 10
        hit1 += h1
        hit10 += h10
        rr += 1.0 / best if best else 0.0
        if groups is not None:
            g = group_hits[groups.get(m, "?")]
            g[0] += 1
            g[1] += h1
            g[2] += h10
    n = len(with_match) or 1
    scored = [(float(p), (left, right) in truth) for left, right, p, _ in candidates]
    pred = [t for p, t in scored if p >= threshold]
    tp = sum(pred)
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(truth) if truth else 0.0
    # best F1 over thresholds
    scored.sort(key=lambda x: -x[0])
    best_f1, best_t, cum = 0.0, None, 0
    for i, (p, t) in enumerate(scored, start=1):
        cum += t
        if i < len(scored) and scored[i][0] == p:
            continue
        f = _f1(cum / i, cum / len(truth)) if truth else 0.0
        if f > best_f1:
            best_f1, best_t = f, p
    lefts_with_alarm = {left for left, right, p, _ in candidates if float(p) >= threshold}
    no_match = (n_reports - len(with_match)) if n_reports is not None else None
    false_alarm = (len(lefts_with_alarm - with_match) / no_match) if no_match else None
    out = {
        "reports_with_match": len(with_match),
        "true_pairs": len(truth),
        "hit@1": hit1 / n,
        "hit@10": hit10 / n,
        "mrr": rr / n,
        "threshold": threshold,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "best_f1": best_f1,
        "best_f1_threshold": best_t,
        "candidates": len(candidates),
        "false_alarm": false_alarm,
    }
    if groups is not None:
        out["by_group"] = {
            g: {"reports": v[0], "hit@1": v[1] / v[0], "hit@10": v[2] / v[0]}
            for g, v in sorted(group_hits.items())
        }
    return out


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def dedupe_metrics(
    clusters, entities: dict[str, str], groups: dict[str, str] | None = None
) -> dict:
    """``clusters``: (record_id, cluster_id) rows; records not listed are singletons."""
    cluster_of = {rid: cid for rid, cid in clusters}
    joint = Counter()
    csize = Counter()
    esize = Counter()
    for rid, ent in entities.items():
        c = cluster_of.get(rid, "single:" + rid)
        joint[(c, ent)] += 1
        csize[c] += 1
        esize[ent] += 1
    tp = sum(_pairs(n) for n in joint.values())
    pred = sum(_pairs(n) for n in csize.values())
    true = sum(_pairs(n) for n in esize.values())
    precision = tp / pred if pred else 0.0
    recall = tp / true if true else 0.0
    out = {
        "records": len(entities),
        "entities": len(esize),
        "clusters": len(csize),
        "true_pairs": true,
        "predicted_pairs": pred,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
    }
    if groups is not None:  # recall and precision by the entity's group (tradition)
        g_tp, g_true, g_pred = Counter(), Counter(), Counter()
        ent_group = {}
        for rid, ent in entities.items():
            ent_group[ent] = groups.get(rid, "?")
        for (_c, ent), n in joint.items():
            g_tp[ent_group[ent]] += _pairs(n)
        for ent, n in esize.items():
            g_true[ent_group[ent]] += _pairs(n)
        # predicted pairs attributed to the group of each record's entity (halves)
        members = defaultdict(list)
        for rid, ent in entities.items():
            members[cluster_of.get(rid, "single:" + rid)].append(ent_group[ent])
        for gs in members.values():
            cnt = Counter(gs)
            n = len(gs)
            for g, k in cnt.items():
                g_pred[g] += k * (n - 1) / 2
        out["by_group"] = {
            g: {
                "recall": g_tp[g] / g_true[g] if g_true[g] else None,
                "precision": g_tp[g] / g_pred[g] if g_pred[g] else None,
            }
            for g in sorted(g_true)
        }
    return out


def read_groups(path: Path, key_col: str = "id", group_col: str = "tradition") -> dict[str, str]:
    with path.open(newline="", encoding="utf-8") as f:
        r = csv.DictReader(f)
        return {row[key_col]: row[group_col] for row in r}
