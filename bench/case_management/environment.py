"""Where the benchmark runs: its database, its data directory (keys, secret
key), and the Django settings of the process. Nothing here imports Django
before ``configure`` has set the environment."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
REPOSITORY = BENCH_DIR.parent.parent
# bench/out/ is ignored by git: keys, the server's logs and raw results live here.
OUT_DIR = REPOSITORY / "bench" / "out" / "case_management"
DATA_DIR = OUT_DIR / "data"
# Overridable, for a run from a copy of the repository.
RESULTS_FILE = Path(
    os.environ.get("HAVEN_BENCH_RESULTS_FILE") or REPOSITORY / "bench" / "RESULTS.md"
)

# The test suite's database and its throwaway copies are never touched, nor
# PostgreSQL's own databases.
REFUSED_DATABASES = ("test", "postgres", "template0", "template1")
REFUSED_PREFIXES = ("test_",)


class RefusedDatabase(SystemExit):
    pass


@dataclass(frozen=True)
class Target:
    url: str
    name: str
    host: str
    port: int
    user: str

    @property
    def maintenance_url(self) -> str:
        parts = urlsplit(self.url)
        return urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))

    def libpq_args(self) -> list[str]:
        return ["-h", self.host, "-p", str(self.port), "-U", self.user]


def parse_target(url: str) -> Target:
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise RefusedDatabase(f"bench: --database-url must be a PostgreSQL URL, not {url!r}")
    name = parts.path.lstrip("/")
    if not name:
        raise RefusedDatabase("bench: --database-url names no database")
    if name in REFUSED_DATABASES or name.startswith(REFUSED_PREFIXES):
        raise RefusedDatabase(f"bench: refusing to use the database {name!r}; use e.g. haven_bench")
    return Target(
        url=url,
        name=name,
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
    )


def process_environment(target: Target) -> dict[str, str]:
    """The variables every benchmark process (this one, the server, the
    clients) shares: one database, one key file."""
    return {
        "DATABASE_URL": target.url,
        "HAVEN_DATA_DIR": str(DATA_DIR),
        "HAVEN_KEY_FILE": str(DATA_DIR / "keys.json"),
        # As in production: every staff session passes two-factor sign-in.
        "HAVEN_MFA_REQUIRED": "true",
    }


def configure(target: Target) -> None:
    """Set up Django in this process against the benchmark database, creating
    the database and migrating it when needed."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.update(process_environment(target))
    os.environ["DJANGO_SETTINGS_MODULE"] = "haven.settings.dev"
    # Django's test client (the case page benchmark) calls itself "testserver".
    os.environ["HAVEN_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    create_database_if_missing(target)
    import django

    django.setup()
    from haven.platform.crypto.keys import get_keyring

    get_keyring()  # the dev settings create the key file on first use
    migrate()


def create_database_if_missing(target: Target) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(target.maintenance_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (target.name,)
        ).fetchone()
        if exists:
            return
        print(f"bench: creating database {target.name}", flush=True)
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target.name)))


def migrate() -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("bench: migrating the schema", flush=True)
        call_command("migrate", interactive=False, verbosity=0)


def python() -> str:
    return sys.executable
