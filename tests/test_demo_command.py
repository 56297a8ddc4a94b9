"""`haven demo --no-serve` on an empty machine: database, keys, accounts,
persons in several scripts, and an audit log that verifies."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from haven.demo.seed import DEMO_DUPLICATES


def run_haven(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["HAVEN_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "haven.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_demo_then_operator_commands(tmp_path):
    result = run_haven(tmp_path, "demo", "--no-serve", "--size", "120")
    assert result.returncode == 0, result.stderr
    for step in ("[1/4]", "[2/4]", "[3/4]", "[4/4]"):
        assert step in result.stdout
    for username in ("hotline", "caseworker", "responder", "decider", "tracer", "analyst", "admin"):
        assert f"  {username} " in result.stdout
    assert (tmp_path / "keys.json").stat().st_mode & 0o077 == 0

    database = sqlite3.connect(tmp_path / "haven.sqlite3")
    # The persons asked for, and a few registered a second time for the
    # review of possible duplicates, which the demo proposes.
    persons = database.execute("SELECT COUNT(*) FROM people_person").fetchone()[0]
    assert persons == 120 + DEMO_DUPLICATES
    assert database.execute("SELECT COUNT(*) FROM tracing_personduplicatecandidate").fetchone()[0]
    scripts = {row[0] for row in database.execute("SELECT DISTINCT name_script FROM people_person")}
    assert {"Arab", "Ethi", "Cyrl", "Deva", "Beng", "Latn"} <= scripts
    database.close()

    again = run_haven(tmp_path, "demo", "--no-serve", "--size", "120")
    assert again.returncode == 0 and "0 new persons" in again.stdout

    verified = run_haven(tmp_path, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    assert "Audit log intact" in verified.stdout

    # The same installation: an operator's commands.
    env_password = {"HAVEN_NEW_PASSWORD": "a long enough passphrase 123"}
    os.environ.update(env_password)
    try:
        created = run_haven(
            tmp_path,
            "createuser",
            "newcomer",
            "--role",
            "caseworker",
            "--agency",
            "Harbour Shelter",
        )
        refused = run_haven(tmp_path, "createuser", "orphan", "--role", "caseworker")
    finally:
        os.environ.pop("HAVEN_NEW_PASSWORD")
    assert created.returncode == 0, created.stderr
    assert refused.returncode == 2 and "agency" in refused.stderr

    assert run_haven(tmp_path, "keys", "rotate").returncode == 0
    status = run_haven(tmp_path, "keys", "status")
    assert f"people.Person: {120 + DEMO_DUPLICATES} rows under an old key" in status.stdout
    reencrypted = run_haven(tmp_path, "keys", "reencrypt", "--retire")
    assert reencrypted.returncode == 0, reencrypted.stderr
    assert "Values still under an old key: 0" in reencrypted.stdout
    assert "Retired keys: k" in reencrypted.stdout
    assert run_haven(tmp_path, "audit", "verify").returncode == 0
