"""The demo on one machine: the embedded database, plain HTTP on localhost.

Two-factor is optional here (set HAVEN_MFA_REQUIRED=true to try it as in
production); everything else keeps the secure defaults of base.
"""

from __future__ import annotations

import secrets

from haven.settings.base import *  # noqa: F403
from haven.settings.base import DATA_DIR
from haven.settings.env import env_bool, env_list, env_str


def _local_secret_key() -> str:
    """A per-installation key kept beside the database, created on first use."""
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("HAVEN_SECRET_KEY") or _local_secret_key()
ALLOWED_HOSTS = env_list("HAVEN_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
HAVEN_MFA_REQUIRED = env_bool("HAVEN_MFA_REQUIRED", False)
# The demo creates its own key file beside the database on first use.
HAVEN_AUTO_CREATE_KEYS = True
