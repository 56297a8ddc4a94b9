"""The test suite: a throwaway data directory, a fixed key, fast password hashing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# One data directory (key file, SQLite file, uploads) per process: parallel
# test workers must never share a key file that one of them rotates.
os.environ["HAVEN_DATA_DIR"] = tempfile.mkdtemp(prefix=f"haven-test-{os.getpid()}-")

from haven.settings.base import *  # noqa: E402, F403
from haven.settings.base import DATA_DIR, PASSWORD_HASHERS  # noqa: E402

SECRET_KEY = "test-only-" + "x" * 60
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
HAVEN_MFA_REQUIRED = True
# Hashing cost is irrelevant to what the tests check; argon2 stays available
# so the tests of password storage use it explicitly.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
HAVEN_KEY_FILE = Path(DATA_DIR) / "keys.json"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
HAVEN_AUTO_CREATE_KEYS = True

# A file, not shared-cache memory: tests with threads need SQLite's real
# locking (WAL, busy timeout), as a deployment has.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(Path(DATA_DIR) / "test.sqlite3")}  # noqa: F405
