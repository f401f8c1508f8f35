"""Database triggers that make the history table append-only, for SQLite and PostgreSQL.

Installed by migration audit 0002. Tests that must empty the database (transactional browser
tests) lift the guard just before Django flushes and put it back for the next test.
"""

INSTALL = {
    "sqlite": [
        """CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_auditevent
           BEGIN SELECT RAISE(ABORT, 'History cannot be changed.'); END;""",
        """CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_auditevent
           BEGIN SELECT RAISE(ABORT, 'History cannot be deleted.'); END;""",
    ],
    "postgresql": [
        """CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
           BEGIN RAISE EXCEPTION 'History cannot be changed or deleted.'; END; $$ LANGUAGE plpgsql;""",
        "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;",
        """CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_auditevent
           FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();""",
        "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent;",
        """CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_auditevent
           FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();""",
    ],
}
REMOVE = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_event_no_update;",
        "DROP TRIGGER IF EXISTS audit_event_no_delete;",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent;",
        "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;",
    ],
}


def _execute(connection, statements) -> None:
    with connection.cursor() as cursor:
        for statement in statements.get(connection.vendor, []):
            cursor.execute(statement)


def install(connection) -> None:
    _execute(connection, INSTALL)


def remove(connection) -> None:
    _execute(connection, REMOVE)
