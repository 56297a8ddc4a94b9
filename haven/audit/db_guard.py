"""Make the audit table append-only in the database itself.

Code is not enough: a bug, a shell or an injected statement could rewrite
history. These triggers refuse UPDATE and DELETE (and TRUNCATE on
PostgreSQL) whatever the client. Removing them takes a deliberate act by the
table's owner, and ``haven audit verify`` still detects any change made then.
In production the application's database role should not own the table.
"""

from __future__ import annotations

TABLE = "audit_auditentry"

_POSTGRES_INSTALL = [
    """
    CREATE OR REPLACE FUNCTION haven_audit_refuse_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql;
    """,
    f"DROP TRIGGER IF EXISTS haven_audit_no_update_delete ON {TABLE};",
    f"""
    CREATE TRIGGER haven_audit_no_update_delete BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION haven_audit_refuse_change();
    """,
    f"DROP TRIGGER IF EXISTS haven_audit_no_truncate ON {TABLE};",
    f"""
    CREATE TRIGGER haven_audit_no_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION haven_audit_refuse_change();
    """,
]
_POSTGRES_REMOVE = [
    f"DROP TRIGGER IF EXISTS haven_audit_no_update_delete ON {TABLE};",
    f"DROP TRIGGER IF EXISTS haven_audit_no_truncate ON {TABLE};",
]

_SQLITE_INSTALL = [
    f"""
    CREATE TRIGGER IF NOT EXISTS haven_audit_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only (UPDATE refused)'); END;
    """,
    f"""
    CREATE TRIGGER IF NOT EXISTS haven_audit_no_delete BEFORE DELETE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only (DELETE refused)'); END;
    """,
]
_SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS haven_audit_no_update;",
    "DROP TRIGGER IF EXISTS haven_audit_no_delete;",
]


def install_statements(vendor: str) -> list[str]:
    return {"postgresql": _POSTGRES_INSTALL, "sqlite": _SQLITE_INSTALL}.get(vendor, [])


def remove_statements(vendor: str) -> list[str]:
    return {"postgresql": _POSTGRES_REMOVE, "sqlite": _SQLITE_REMOVE}.get(vendor, [])


def install(connection) -> None:  # type: ignore[no-untyped-def]
    with connection.cursor() as cursor:
        for statement in install_statements(connection.vendor):
            cursor.execute(statement)


def remove(connection) -> None:  # type: ignore[no-untyped-def]
    """Only for test-database teardown and deliberate maintenance by the owner."""
    with connection.cursor() as cursor:
        for statement in remove_statements(connection.vendor):
            cursor.execute(statement)
