"""The `haven` command.

haven demo [--no-serve] [--size N]   the embedded demo on http://127.0.0.1:8000
haven serve [--bind ADDR] [--workers N]
haven migrate
haven createuser USERNAME --role ROLE [--agency NAME]
haven audit verify
haven keys init | rotate | reencrypt | status
haven rules list | evaluate FACTS.json [--policy NAME] [--on YYYY-MM-DD]
haven link --left A.csv --right B.csv --out OUT.csv | --dedupe A.csv --out OUT.csv
haven persons dedupe [--threshold P]   propose possible duplicate persons for review
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Sequence

DEV_SETTINGS = "haven.settings.dev"
PRODUCTION_SETTINGS = "haven.settings.production"


def _setup(default_settings: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    import django

    django.setup()


def _step(number: int, total: int, text: str) -> None:
    print(f"[{number}/{total}] {text}", flush=True)


def _migrate(verbose: bool = False) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1 if verbose else 0)


# --- demo --------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    _setup(DEV_SETTINGS)
    if args.serve_only:
        return _serve_demo(args.bind, step=5, total=5)
    from django.conf import settings

    from haven.demo import seed
    from haven.platform.crypto.keys import get_keyring

    total = 4 if args.no_serve else 5
    _step(1, total, f"Database and keys in {settings.DATA_DIR}")
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    get_keyring()  # creates the demo key file on first run
    _step(2, total, "Creating or updating the database schema")
    _migrate()
    _step(3, total, "Agencies and one account per role")
    logins = seed.seed_agencies_and_accounts()
    _step(4, total, f"Synthetic persons (target {args.size:,})")
    started = time.monotonic()

    def progress(done: int, wanted: int) -> None:
        rate = done / max(time.monotonic() - started, 1e-6)
        print(f"      {done:,}/{wanted:,} persons ({rate:,.0f}/s)", flush=True)

    created = seed.seed_persons(args.size, progress=progress)
    print(f"      {created:,} new persons")
    opened = seed.seed_cases()
    if opened:
        print(f"      {opened} demo cases opened and walked through screening and decisions")
    duplicates = seed.seed_duplicates()
    if duplicates:
        print(f"      {duplicates} possible duplicate persons proposed for review")
    password = seed.demo_password()
    print(f"\nDemo accounts (password for all: {password}):")
    for login in logins:
        print(f"  {login.username:<12} {login.role:<20} {login.agency}")
    print(
        "\nTwo-factor sign-in is optional in the demo: set it up from the profile page, "
        "or run with HAVEN_MFA_REQUIRED=true to require it as production does."
    )
    if args.no_serve:
        return 0
    # The duplicate search ran DuckDB here, whose threads a forked server
    # worker cannot inherit (the workers crash): serve from a new process.
    sys.stdout.flush()
    command = [sys.executable, "-m", "haven.cli", "demo", "--serve-only", "--bind", args.bind]
    os.execv(sys.executable, command)
    return 1  # not reached


def _serve_demo(bind: str, *, step: int, total: int) -> int:
    _step(
        step,
        total,
        f"Serving on http://{bind} (Ctrl+C to stop); the public portal is at http://{bind}/help/",
    )
    return _serve(bind, workers=2)


# --- serve -------------------------------------------------------------------


def _serve(bind: str, workers: int) -> int:
    from django.core.wsgi import get_wsgi_application
    from gunicorn.app.base import BaseApplication

    application = get_wsgi_application()

    class Server(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", bind)
            self.cfg.set("workers", workers)
            self.cfg.set("threads", 4)
            # Access logs: method, path without query string, status, size, time.
            # No client address and no query string: nothing about a person.
            self.cfg.set("accesslog", "-")
            self.cfg.set("access_log_format", '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms')
            self.cfg.set("timeout", 60)

        def load(self):  # type: ignore[no-untyped-def]
            return application

    Server().run()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    _setup(PRODUCTION_SETTINGS)
    return _serve(args.bind, workers=args.workers)


def cmd_migrate(args: argparse.Namespace) -> int:
    _setup(DEV_SETTINGS)
    _migrate(verbose=True)
    return 0


# --- accounts ----------------------------------------------------------------


def cmd_createuser(args: argparse.Namespace) -> int:
    _setup(DEV_SETTINGS)
    from haven.accounts import services
    from haven.accounts.models import Agency
    from haven.kernel.errors import HavenError

    agency = None
    if args.agency:
        agency = Agency.objects.filter(name=args.agency).first()
        if agency is None:
            print(f"haven: no agency named {args.agency!r}", file=sys.stderr)
            return 2
    password = os.environ.get("HAVEN_NEW_PASSWORD") or getpass.getpass("Password: ")
    try:
        services.user_create(
            actor=None,
            username=args.username,
            password=password,
            role=args.role,
            agency_id=agency.pk if agency else None,
        )
    except HavenError as error:
        print(f"haven: {error.message}", file=sys.stderr)
        return 2
    print(f"Created {args.username} ({args.role}). Two-factor is set up at first sign-in.")
    return 0


# --- audit -------------------------------------------------------------------


def cmd_audit_verify(args: argparse.Namespace) -> int:
    _setup(DEV_SETTINGS)
    from haven.audit.verification import verify_audit_log

    report = verify_audit_log(progress=lambda n: print(f"  {n:,} entries checked…", flush=True))
    if report.ok:
        print(f"Audit log intact: {report.entries_checked:,} entries, chain verified.")
        return 0
    failure = report.failure
    print(f"AUDIT LOG BROKEN at entry {failure.sequence}: {failure.reason}", file=sys.stderr)
    return 1


# --- keys --------------------------------------------------------------------


def cmd_keys(args: argparse.Namespace) -> int:
    _setup(DEV_SETTINGS)
    from pathlib import Path

    from django.conf import settings

    from haven.audit.models import AuditAction
    from haven.audit.services import audit_record
    from haven.platform.crypto import keys, rotation

    path = Path(settings.HAVEN_KEY_FILE)
    if args.action == "init":
        if path.exists():
            print(f"haven: a key file already exists at {path}", file=sys.stderr)
            return 2
        keys.write_key_file(path, keys.KeyRing.generate())
        print(f"Created {path}. Back it up apart from the database.")
        return 0
    if args.action == "rotate":
        ring = keys.read_key_file(path).rotated()
        keys.write_key_file(path, ring)
        keys.forget_cached_keyring()
        print(f"New primary key {ring.primary_key_id}. Now run 'haven keys reencrypt'.")
        return 0
    if args.action == "reencrypt":

        def on_batch(label: str, ids: list[str]) -> None:
            audit_record(
                actor=None,
                action=AuditAction.KEY_ROTATION,
                object_type=label,
                detail={"rows": len(ids)},
            )

        for result in rotation.reencrypt_all(on_batch=on_batch):
            print(f"  {result.model_label}: {result.rows_rewritten:,} rows re-encrypted")
        remaining = sum(rotation.count_values_not_under_primary().values())
        print(f"Values still under an old key: {remaining}")
        if remaining == 0 and args.retire:
            ring = keys.get_keyring()
            old = set(ring.data_keys) - {ring.primary_key_id}
            keys.write_key_file(path, ring.without(old))
            keys.forget_cached_keyring()
            print(f"Retired keys: {', '.join(sorted(old)) or 'none'}")
        return 0
    if args.action == "status":
        ring = keys.get_keyring()
        print(
            f"Primary key: {ring.primary_key_id}; loaded keys: {', '.join(sorted(ring.data_keys))}"
        )
        for label, count in rotation.count_values_not_under_primary().items():
            print(f"  {label}: {count:,} rows under an old key")
        return 0
    return 2


# --- rules -------------------------------------------------------------------


def cmd_rules(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from haven.kernel.errors import HavenError
    from haven.protection.domain import evaluate_json, rules_catalogue

    if args.action == "list":
        print(json.dumps(rules_catalogue(), indent=2, ensure_ascii=False))
        return 0
    try:
        text = Path(args.facts).read_text(encoding="utf-8")
    except FileNotFoundError:
        print(f"haven: no such file: {args.facts}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"haven: {args.facts} is not UTF-8 text", file=sys.stderr)
        return 2
    try:
        result = evaluate_json(text, policy_name=args.policy, on=args.on)
    except HavenError as error:
        print(f"haven: {error.message}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


# --- record linkage ----------------------------------------------------------


def cmd_link(args: argparse.Namespace) -> int:
    """Runs without a database: CSV in, CSV out (docs/linkage.md)."""
    from haven.kernel.errors import HavenError
    from haven.tracing.domain import cli_io, engine

    last_report = [0.0]

    def progress(stage: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - last_report[0] >= 2 or (total is not None and done == total):
            last_report[0] = now
            of = f"/{total:,}" if total else ""
            print(f"  {stage}: {done:,}{of}", file=sys.stderr, flush=True)

    try:
        if args.dedupe:
            records = cli_io.read_records(args.dedupe, progress=progress)
            clusters = engine.dedupe(
                records, backend=args.backend, threshold=args.threshold or 0.9, progress=progress
            )
            cli_io.write_clusters(args.out, clusters)
            print(f"{len(records):,} records, {len(clusters):,} clusters → {args.out}")
            return 0
        if not (args.left and args.right):
            print("haven: give --left and --right, or --dedupe", file=sys.stderr)
            return 2
        left = cli_io.read_records(args.left, progress=progress)
        right = cli_io.read_records(args.right, progress=progress)
        candidates = engine.link(
            left,
            right,
            backend=args.backend,
            top_k=args.top_k,
            threshold=args.threshold or 0.0,
            progress=progress,
        )
        cli_io.write_candidates(args.out, candidates)
        print(
            f"{len(left):,} × {len(right):,} records, {len(candidates):,} candidates → {args.out}"
        )
        return 0
    except HavenError as error:
        print(f"haven: {error.message}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as error:
        print(f"haven: {error}", file=sys.stderr)
        return 2


# --- persons -----------------------------------------------------------------


def cmd_persons_dedupe(args: argparse.Namespace) -> int:
    """Search every agency's register for persons registered more than once and
    propose the pairs for review; run by an operator (the system), so pairs
    across agencies are found. Reviewers see a pair only if they may open both
    persons. Nothing is merged."""
    _setup(DEV_SETTINGS)
    from haven.kernel.errors import HavenError
    from haven.tracing import services

    last_report = [0.0]

    def progress(stage: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - last_report[0] >= 2 or (total is not None and done == total):
            last_report[0] = now
            of = f"/{total:,}" if total else ""
            print(f"  {stage}: {done:,}{of}", file=sys.stderr, flush=True)

    threshold = services.DUPLICATE_REVIEW_THRESHOLD if args.threshold is None else args.threshold
    try:
        result = services.person_duplicates_find(actor=None, threshold=threshold, progress=progress)
    except HavenError as error:
        print(f"haven: {error.message}", file=sys.stderr)
        return 2
    print(
        f"{result.persons:,} persons compared: {result.proposed:,} new pairs to review, "
        f"{result.refreshed:,} still to review, {result.withdrawn:,} withdrawn."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="haven", description="Haven referral mechanism")
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help="create, fill and serve the embedded demo")
    demo.add_argument("--no-serve", action="store_true", help="prepare everything, do not serve")
    demo.add_argument("--size", type=int, default=300, help="number of synthetic persons")
    demo.add_argument("--bind", default="127.0.0.1:8000")
    # Internal: the demo re-executes itself to serve from a fresh process.
    demo.add_argument("--serve-only", action="store_true", help=argparse.SUPPRESS)
    demo.set_defaults(handler=cmd_demo)

    serve = commands.add_parser("serve", help="run the production server (gunicorn)")
    serve.add_argument("--bind", default="127.0.0.1:8000")
    serve.add_argument("--workers", type=int, default=max(2, (os.cpu_count() or 1) * 2))
    serve.set_defaults(handler=cmd_serve)

    migrate = commands.add_parser("migrate", help="create or update the database schema")
    migrate.set_defaults(handler=cmd_migrate)

    createuser = commands.add_parser("createuser", help="create a staff account")
    createuser.add_argument("username")
    createuser.add_argument("--role", required=True)
    createuser.add_argument("--agency", help="agency name (every role but administrator)")
    createuser.set_defaults(handler=cmd_createuser)

    audit = commands.add_parser("audit", help="the audit log")
    audit_actions = audit.add_subparsers(dest="action", required=True)
    audit_actions.add_parser("verify", help="recompute the hash chain").set_defaults(
        handler=cmd_audit_verify
    )

    keys = commands.add_parser("keys", help="field encryption keys")
    keys.add_argument("action", choices=["init", "rotate", "reencrypt", "status"])
    keys.add_argument("--retire", action="store_true", help="after reencrypt, drop old keys")
    keys.set_defaults(handler=cmd_keys)

    rules = commands.add_parser("rules", help="the protection rules engine")
    rules_actions = rules.add_subparsers(dest="action", required=True)
    rules_actions.add_parser("list", help="every rule with its citations")
    evaluate = rules_actions.add_parser("evaluate", help="obligations for a facts file")
    evaluate.add_argument("facts")
    evaluate.add_argument("--policy")
    evaluate.add_argument("--on")
    rules.set_defaults(handler=cmd_rules)

    linkage = commands.add_parser("link", help="record linkage on CSV files (Splink)")
    linkage.add_argument("--left", help="missing-person reports (CSV)")
    linkage.add_argument("--right", help="found and deceased records (CSV)")
    linkage.add_argument("--dedupe", metavar="CSV", help="de-duplicate one file instead")
    linkage.add_argument("--out", required=True)
    linkage.add_argument("--backend", choices=["duckdb", "spark"], default="duckdb")
    linkage.add_argument("--top-k", type=int, default=10)
    linkage.add_argument("--threshold", type=float)
    linkage.set_defaults(handler=cmd_link)

    persons = commands.add_parser("persons", help="registered persons")
    persons_actions = persons.add_subparsers(dest="action", required=True)
    dedupe = persons_actions.add_parser(
        "dedupe", help="propose possible duplicate persons (across agencies) for review"
    )
    dedupe.add_argument(
        "--threshold",
        type=float,
        help="lowest match probability proposed (default 0.5)",
    )
    dedupe.set_defaults(handler=cmd_persons_dedupe)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
