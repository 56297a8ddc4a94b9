"""`haven link` on CSV files: candidates out, and errors that name the row
and column of bad input."""

from __future__ import annotations

import csv
from pathlib import Path

from haven.cli import main as haven_main

HEADER = (
    "id,names_latin,names_original,sex,birth_date,age,age_date,nationality,place,route,event_date\n"
)


def write(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_link_writes_ranked_candidates(tmp_path, capsys):
    left = write(
        tmp_path / "missing.csv",
        [
            "m1,Mohamed Osman,محمد عثمان,m,,24,2024-06-01,SD,Kufra,Khartoum>Kufra,2024-06-01",
            "m2,Selam Tesfay,ሰላም ተስፋይ,f,2001-03-04,,,ER,Agadez,,2024-05-01",
        ],
    )
    right = write(
        tmp_path / "found.csv",
        [
            "f1,Muhammad Othman,,m,,25,2024-09-01,SD,Kufra,,2024-09-01",
            "f2,Salam Tesfaye,,f,2001,,,ER,Agadez,,2024-08-01",
            "f3,Yuriy Shevchenko,Юрий Шевченко,m,1980,,,UA,Lviv,,2024-08-01",
        ],
    )
    out = tmp_path / "matches.csv"
    assert haven_main(["link", "--left", str(left), "--right", str(right), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    best = {row["left_id"]: row["right_id"] for row in rows if row["rank"] == "1"}
    assert best == {"m1": "f1", "m2": "f2"}
    assert "names_level" in rows[0]


def test_dedupe_writes_clusters(tmp_path):
    source = write(
        tmp_path / "persons.csv",
        [
            "a1,Tesfaye Gebremariam,ተስፋይ ገብረማርያም,m,1990-02-02,,,ER,Rome,,2024-01-01",
            "a2,Tesfay Gebre Mariam,,m,1990,,,ER,Rome,,2024-02-01",
            "a3,Olha Kovalenko,Ольга Коваленко,f,1985-07-07,,,UA,Milan,,2024-01-01",
        ],
    )
    out = tmp_path / "clusters.csv"
    assert (
        haven_main(["link", "--dedupe", str(source), "--out", str(out), "--threshold", "0.5"]) == 0
    )
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    cluster_of = {row["record_id"]: row["cluster_id"] for row in rows}
    assert cluster_of["a1"] == cluster_of["a2"] != cluster_of["a3"]


def test_malformed_input_names_the_row_and_column(tmp_path, capsys):
    bad_date = write(tmp_path / "bad.csv", ["m1,Ali,,m,1990-13-45,,,SD,,,2024-01-01"])
    assert haven_main(["link", "--dedupe", str(bad_date), "--out", str(tmp_path / "o.csv")]) == 2
    error = capsys.readouterr().err
    assert "birth_date" in error and "2" in error
    missing_column = tmp_path / "cols.csv"
    missing_column.write_text("id,names_latin\nm1,Ali\n", encoding="utf-8")
    assert (
        haven_main(["link", "--dedupe", str(missing_column), "--out", str(tmp_path / "o.csv")]) == 2
    )
    error = capsys.readouterr().err
    assert "missing" in error and "column" in error
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes((HEADER + "m1,Jos\xe9,,m,,,,CO,,,2024-01-01\n").encode("latin-1"))
    assert haven_main(["link", "--dedupe", str(latin1), "--out", str(tmp_path / "o.csv")]) == 2
    assert "UTF-8" in capsys.readouterr().err
