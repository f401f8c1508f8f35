"""A cheap fingerprint of everything Accord stores, to show a refused request changed nothing.

One query: the number of rows of every model in every Accord app (the audit trail among them), and
for models with an optimistic-locking `version`, the sum of versions (so an edit shows, not only an
insert or a delete).
"""

from django.apps import apps
from django.db import connection, models


def _parts() -> list[tuple[str, str]]:
    quote = connection.ops.quote_name
    parts = []
    for model in apps.get_models():
        if not model.__module__.startswith("accord.") or model._meta.proxy:
            continue
        table = quote(model._meta.db_table)
        label = model._meta.label
        parts.append((f"{label} rows", f"SELECT COUNT(*) FROM {table}"))
        version = next((f for f in model._meta.concrete_fields if f.name == "version"), None)
        if isinstance(version, models.IntegerField):  # a lock's counter (a framework's "1.0" is text)
            column = quote(version.column)
            parts.append((f"{label} versions", f"SELECT COALESCE(SUM({column}), 0) FROM {table}"))
    return parts


def fingerprint() -> dict[str, int]:
    parts = _parts()
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"({sql})" for _, sql in parts))
        values = cursor.fetchone()
    return {label: int(value) for (label, _), value in zip(parts, values, strict=True)}


def changes(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return [f"{label}: {before[label]} → {after[label]}" for label in before if before[label] != after[label]]
