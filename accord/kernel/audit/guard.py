"""Database triggers that make append-only tables refuse changes and deletes, for SQLite and PostgreSQL.

The tables guarded are those of every concrete model that subclasses AppendOnly
(accord.kernel.audit.append_only), found in the app registry: this module names no table and knows
no app. Each trigger's message names the thing, from the model's verbose_name, as the model's own
refusal does: "A risk assessment cannot be changed or deleted: it is part of the record."

Installed after every `migrate` (and every `flush`) for every append-only table that exists, by the
audit app's post_migrate handler (accord.kernel.audit.apps), which replaces whatever triggers the
table had; so a new append-only model is guarded without a migration of its own. Older migrations
install the triggers of their own app's tables (`install(connection, "risks")`), so a database
migrated part-way is guarded too. Restoring a backup, and tests that must empty the database
(transactional tests), lift the guard just before emptying and put it back afterwards.
"""

from django.apps import apps
from django.db import connections, models, router, transaction

from .append_only import AppendOnly, refusal

# PostgreSQL: one trigger function; each trigger passes it the message (TG_ARGV). SQLite triggers
# carry the message in their RAISE.
POSTGRESQL_FUNCTION = """CREATE OR REPLACE FUNCTION accord_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '%', COALESCE(TG_ARGV[0], 'This record cannot be changed or deleted.');
    END; $$ LANGUAGE plpgsql;"""


def append_only_models(*app_labels: str) -> list[type[models.Model]]:
    """The concrete append-only models with a table of their own, of the apps named (all if none)."""
    found: dict[str, type[models.Model]] = {}
    for model in apps.get_models():
        opts = model._meta
        if not issubclass(model, AppendOnly) or not opts.managed or opts.proxy:
            continue
        if app_labels and opts.app_label not in app_labels:
            continue
        found.setdefault(opts.db_table, model)
    return [found[table] for table in sorted(found)]


def tables(*app_labels: str) -> list[str]:
    """The guarded tables, of the apps named (all if none)."""
    return [model._meta.db_table for model in append_only_models(*app_labels)]


def _sqlite_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _postgresql_literal(text: str) -> str:
    # An escape string, read the same whatever standard_conforming_strings says.
    return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def _install(connection, model) -> list[str]:
    table = model._meta.db_table
    quote = connection.ops.quote_name
    if connection.vendor == "sqlite":
        message = _sqlite_literal(refusal(model))
        return [
            *_remove(connection, model),
            f"""CREATE TRIGGER {quote(f"{table}_no_update")} BEFORE UPDATE ON {quote(table)}
               BEGIN SELECT RAISE(ABORT, {message}); END;""",
            f"""CREATE TRIGGER {quote(f"{table}_no_delete")} BEFORE DELETE ON {quote(table)}
               BEGIN SELECT RAISE(ABORT, {message}); END;""",
        ]
    if connection.vendor == "postgresql":
        message = _postgresql_literal(refusal(model))
        return [
            *_remove(connection, model),
            f"""CREATE TRIGGER {quote(f"{table}_append_only")} BEFORE UPDATE OR DELETE ON {quote(table)}
               FOR EACH ROW EXECUTE FUNCTION accord_append_only({message});""",
            f"""CREATE TRIGGER {quote(f"{table}_no_truncate")} BEFORE TRUNCATE ON {quote(table)}
               FOR EACH STATEMENT EXECUTE FUNCTION accord_append_only({message});""",
        ]
    return []


def _remove(connection, model) -> list[str]:
    table = model._meta.db_table
    quote = connection.ops.quote_name
    if connection.vendor == "sqlite":
        return [
            f"DROP TRIGGER IF EXISTS {quote(f'{table}_no_update')};",
            f"DROP TRIGGER IF EXISTS {quote(f'{table}_no_delete')};",
        ]
    if connection.vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {quote(f'{table}_no_truncate')} ON {quote(table)};",
            f"DROP TRIGGER IF EXISTS {quote(f'{table}_append_only')} ON {quote(table)};",
        ]
    return []


def _execute(connection, build, app_labels, prelude=()) -> None:
    existing = set(connection.introspection.table_names())
    models = [
        model
        for model in append_only_models(*app_labels)
        if model._meta.db_table in existing and router.allow_migrate_model(connection.alias, model)
    ]
    statements = [statement for model in models for statement in build(connection, model)]
    if not statements:
        return
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for statement in (*prelude, *statements):
            cursor.execute(statement)


def install(connection, *app_labels: str) -> None:
    """Guard the existing append-only tables of the apps named (of every app if none), replacing any
    triggers they had."""
    prelude = [POSTGRESQL_FUNCTION] if connection.vendor == "postgresql" else []
    _execute(connection, _install, app_labels, prelude)


def remove(connection, *app_labels: str) -> None:
    """Lift the guard from the append-only tables of the apps named (of every app if none)."""
    _execute(connection, _remove, app_labels)


def after_migrate(sender, using, **kwargs) -> None:
    """After every migrate (and flush), every append-only table that exists refuses changes and
    deletes in the database, with the message of today's models (connected in AuditConfig.ready)."""
    install(connections[using])
