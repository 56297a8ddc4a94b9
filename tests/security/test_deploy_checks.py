"""Production mode fails closed and passes Django's deployment checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from haven.platform.crypto.keys import KeyRing, write_key_file

REPO = Path(__file__).resolve().parents[2]


def run_check(tmp_path: Path, **overrides: str) -> subprocess.CompletedProcess:
    key_file = tmp_path / "keys.json"
    if not key_file.exists():
        write_key_file(key_file, KeyRing.generate())
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "haven.settings.production",
        "HAVEN_SECRET_KEY": "k" * 10 + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP",
        "HAVEN_ALLOWED_HOSTS": "haven.example.org",
        "HAVEN_DATA_DIR": str(tmp_path),
        "HAVEN_KEY_FILE": str(key_file),
    }
    env.pop("HAVEN_KEYRING", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    env.update(overrides)
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_real_secret_key(tmp_path):
    result = run_check(tmp_path, HAVEN_SECRET_KEY="short")
    assert result.returncode != 0
    assert "HAVEN_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    result = run_check(tmp_path, HAVEN_ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "HAVEN_ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_a_key_file(tmp_path):
    result = run_check(tmp_path, HAVEN_KEY_FILE=str(tmp_path / "missing.json"))
    assert result.returncode != 0
    assert "key file" in result.stderr
