"""Database triggers that make history tables append-only, for SQLite and PostgreSQL.

The audit trail and the partnership cycle's transitions, decisions and gate overrides are written
once and never changed. Installed by migrations (audit 0002, lifecycle 0002 and 0004) for the
tables that exist. Tests that must empty the database (transactional browser tests) lift the guard
just before Django flushes and put it back for the next test.
"""

TABLES = (
    "audit_auditevent",
    "lifecycle_transition",
    "lifecycle_decision",
    "lifecycle_gateoverride",
    "risks_assessment",
    "risks_review",
    "reviews_assurancerating",
    "reports_reportsnapshot",
    "frameworks_trackingstart",
    "frameworks_priorcompletion",
)


def _install(vendor: str, table: str) -> list[str]:
    if vendor == "sqlite":
        return [
            f"""CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
               BEGIN SELECT RAISE(ABORT, 'History cannot be changed.'); END;""",
            f"""CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
               BEGIN SELECT RAISE(ABORT, 'History cannot be deleted.'); END;""",
        ]
    if vendor == "postgresql":
        return [
            """CREATE OR REPLACE FUNCTION accord_append_only() RETURNS trigger AS $$
               BEGIN RAISE EXCEPTION 'History cannot be changed or deleted.'; END; $$ LANGUAGE plpgsql;""",
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};",
            f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
               FOR EACH ROW EXECUTE FUNCTION accord_append_only();""",
            f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};",
            f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
               FOR EACH STATEMENT EXECUTE FUNCTION accord_append_only();""",
        ]
    return []


def _remove(vendor: str, table: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {table}_no_update;", f"DROP TRIGGER IF EXISTS {table}_no_delete;"]
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};",
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};",
        ]
    return []


def _execute(connection, build) -> None:
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in TABLES:
            if table in existing:
                for statement in build(connection.vendor, table):
                    cursor.execute(statement)


def install(connection) -> None:
    _execute(connection, _install)


def remove(connection) -> None:
    _execute(connection, _remove)
