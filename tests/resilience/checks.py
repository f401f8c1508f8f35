"""What "consistent" means for a database after a crash, as queries any test can run.

- The database's own integrity: SQLite's `PRAGMA integrity_check` is "ok" and `PRAGMA
  foreign_key_check` finds nothing; on PostgreSQL every foreign key constraint has no orphans.
- History that points at nothing: audit events carry their partnership, organisation and person
  without a database constraint (history outlives what it describes), so orphans are counted here.
- The cycle: every partnership's status is the state its latest transition row moved it to.
- Versions: every partnership's version is the latest version its history records, so no change
  was written without its history entry or the other way round.
"""

from .harness import Database

FOREIGN_KEYS = """
SELECT child.relname, a.attname, parent.relname, pa.attname
FROM pg_constraint c
JOIN pg_class child ON child.oid = c.conrelid
JOIN pg_class parent ON parent.oid = c.confrelid
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
JOIN pg_namespace n ON n.oid = child.relnamespace
WHERE c.contype = 'f' AND n.nspname = 'public' AND array_length(c.conkey, 1) = 1
"""

AUDIT_ORPHANS = """
SELECT e.id FROM audit_auditevent e
WHERE (e.partnership_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM register_partnership p WHERE p.id = e.partnership_id))
   OR (e.organisation_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM register_organisation o WHERE o.id = e.organisation_id))
   OR (e.person_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM register_person r WHERE r.id = e.person_id))
"""

CYCLE_DISAGREES = """
SELECT p.reference, p.status, t.to_status
FROM register_partnership p
LEFT JOIN lifecycle_transition t
  ON t.id = (SELECT MAX(l.id) FROM lifecycle_transition l WHERE l.partnership_id = p.id)
WHERE t.to_status IS NULL OR t.to_status <> p.status
"""

VERSION_DISAGREES = """
SELECT p.reference, p.version, h.latest
FROM register_partnership p
LEFT JOIN (SELECT partnership_id, MAX(version) AS latest FROM audit_auditevent
           WHERE partnership_id IS NOT NULL GROUP BY partnership_id) h ON h.partnership_id = p.id
WHERE h.latest IS NULL OR h.latest <> p.version
"""


def integrity_problems(db: Database) -> list[str]:
    """What the database itself says is broken (an empty list when nothing is)."""
    problems = []
    if db.sqlite:
        checked = [row[0] for row in db.rows("PRAGMA integrity_check")]
        if checked != ["ok"]:
            problems += checked
        problems += [f"foreign key broken: {row}" for row in db.rows("PRAGMA foreign_key_check")]
    else:
        for child, column, parent, parent_column in db.rows(FOREIGN_KEYS):
            orphans = db.value(
                f'SELECT COUNT(*) FROM "{child}" c WHERE c."{column}" IS NOT NULL AND NOT EXISTS '
                f'(SELECT 1 FROM "{parent}" p WHERE p."{parent_column}" = c."{column}")'
            )
            if orphans:
                problems.append(f"{orphans} row(s) of {child}.{column} point at no {parent}")
    problems += [
        f"audit event {row[0]} describes a record that does not exist" for row in db.rows(AUDIT_ORPHANS)
    ]
    return problems


def disagreements(db: Database) -> list[str]:
    """Partnerships whose status, cycle rows, version and history do not tell the same story."""
    found = [
        f"{reference} is '{status}' but its latest transition says '{moved_to}'"
        for reference, status, moved_to in db.rows(CYCLE_DISAGREES)
    ]
    found += [
        f"{reference} is at version {version} but its history's latest is {latest}"
        for reference, version, latest in db.rows(VERSION_DISAGREES)
    ]
    return found


def consistent(db: Database) -> list[str]:
    return integrity_problems(db) + disagreements(db)
