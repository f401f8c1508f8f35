"""Writing tens of thousands of rows without the ORM's per-row overheads, with the ORM's results.

`insert_returning` does what `bulk_create` does (each object gets its id, as saved) but builds each
multi-row INSERT ... RETURNING once per batch shape instead of compiling every value through the
query compiler, which for 10,000 partnerships was several seconds. `insert_rows` is the same for
rows whose ids nobody needs back (one prepared statement, executemany). Fields are prepared exactly
as the ORM prepares them (pre_save, then get_db_prep_save), so auto_now dates are set on the objects
and values reach the database in the same form.

`Snapshots` is accord.kernel.audit.service.snapshot for many records of one model, with the field list,
labels and choice labels worked out once; `created_changes` is accord.kernel.audit.service.diff from
nothing. Both give exactly what the audit service gives (tests/transfer/test_fast_paths.py checks it).
`Maker` builds objects to insert by Django's positional constructor, `update_column` is `.update()`
for many rows with one prepared statement, and `collector_paused` keeps Python's cycle collector
out of a bulk write (issue 18, ADR 0043).
"""

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.hashable import make_hashable

from accord.kernel.audit.service import display_value, governed_fields


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a bulk write, then back as it was. An import of 10,000 rows
    makes a million objects that stay alive until it ends, and the collector's passes over them were
    15% of its time (1.9 s of 12), for 6 MB less at the peak. The switch is the process's: other
    threads' cycles wait the few seconds too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def _column(field: models.Field[Any, Any]) -> str:
    if field.column is None:  # only a field with no column of its own (none of _fields)
        raise ValueError(f"{field.name} has no column")
    return field.column


def _db() -> BaseDatabaseWrapper:
    """The connection itself, not the proxy `connection` (whose every attribute is a thread-local
    lookup: a million of them for 10,000 partnerships)."""
    return connections[DEFAULT_DB_ALIAS]


def _row(fields: list[models.Field[Any, Any]], obj: models.Model, db: BaseDatabaseWrapper) -> list[Any]:
    return [f.get_db_prep_save(f.pre_save(obj, True), db) for f in fields]


def update_column(model: type[models.Model], name: str, values: Sequence[tuple[Any, Any]]) -> None:
    """`model.objects.filter(pk=pk).update(name=value)` for each (pk, value), as one prepared statement."""
    if not values:
        return
    db = _db()
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or field.column is None:
        raise ValueError(f"{name} is not a column of {model.__name__}")
    pk = model._meta.pk
    quote = db.ops.quote_name
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {quote(field.column)} = %s WHERE {quote(_column(pk))} = %s"
    )
    rows = [(field.get_db_prep_save(value, db), pk.get_db_prep_save(key, db)) for key, value in values]
    with db.cursor() as cursor:
        cursor.executemany(sql, rows)


def insert_rows(model: type[models.Model], objects: Sequence[models.Model]) -> None:
    """Insert rows whose ids nobody needs back with one prepared statement."""
    if not objects:
        return
    db = _db()
    fields = _fields(model)
    quote = db.ops.quote_name
    columns = ", ".join(quote(_column(f)) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"
    rows = [_row(fields, obj, db) for obj in objects]
    with db.cursor() as cursor:
        cursor.executemany(sql, rows)


def insert_returning(model: type[models.Model], objects: Sequence[models.Model], batch: int = 500) -> None:
    """Insert new objects (no id yet) and give each its id, as bulk_create does."""
    if not objects:
        return
    db = _db()
    if not db.features.can_return_rows_from_bulk_insert:
        model._default_manager.bulk_create(objects, batch_size=batch)
        return
    fields = _fields(model)
    pk = model._meta.pk
    quote = db.ops.quote_name
    size = max(1, min(batch, db.ops.bulk_batch_size(fields, objects)))
    head = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(_column(f)) for f in fields)}) VALUES "
    )
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    tail = f" RETURNING {quote(_column(pk))}"
    statements: dict[int, str] = {}
    with db.cursor() as cursor:
        for start in range(0, len(objects), size):
            chunk = objects[start : start + size]
            params: list[Any] = []
            for obj in chunk:
                # As bulk_create does (a private method of Model, absent from django-stubs).
                obj._prepare_related_fields_for_save(operation_name="bulk_create")  # type: ignore[attr-defined]
                params += _row(fields, obj, db)
            sql = statements.get(len(chunk)) or statements.setdefault(
                len(chunk), head + ", ".join([one] * len(chunk)) + tail
            )
            cursor.execute(sql, params)
            ids = [row[0] for row in cursor.fetchall()]
            if len(ids) != len(chunk):
                raise RuntimeError(f"{model.__name__}: inserted {len(chunk)} rows, got {len(ids)} ids back")
            for obj, value in zip(chunk, ids, strict=True):
                for converter in pk.get_db_converters(db):
                    value = converter(value, pk, db)
                setattr(obj, pk.attname, value)
                obj._state.adding = False
                obj._state.db = db.alias


class Maker[M: models.Model]:
    """`model(**values)` for many objects, by the path Django takes for the rows it loads (every field's
    value, in order), with a missing field's default as Model.__init__ gives it: several times faster
    for objects made to be inserted. A value is given by attname (`partnership_id`) or, for a related
    object, by name (`partnership`), which is set as Model.__init__ sets it (the object is cached)."""

    def __init__(self, model: type[M]):
        self.model = model
        self.fields = [(f.attname, f) for f in model._meta.concrete_fields]
        self.related = {f.name for f in model._meta.concrete_fields if f.is_relation and f.many_to_one}
        self.names = {attname for attname, _ in self.fields} | self.related

    def __call__(self, **values: Any) -> M:
        if not values.keys() <= self.names:
            raise TypeError(f"{self.model.__name__} has no field {sorted(values.keys() - self.names)[0]}")
        instance = self.model(*[values[a] if a in values else f.get_default() for a, f in self.fields])
        for name in self.related & values.keys():
            setattr(instance, name, values[name])
        return instance


class Snapshots:
    """accord.kernel.audit.service.snapshot(instance, exclude) for many instances of one model."""

    def __init__(self, model: type[models.Model], exclude: Iterable[str] = ()):
        self.fields = []
        for f in governed_fields(model, exclude):
            label = str(f.verbose_name).capitalize()
            choices = dict(make_hashable(f.flatchoices)) if f.choices else None
            self.fields.append((f, f.name, label, choices))

    def __call__(self, instance: models.Model) -> dict[str, tuple[str, str]]:
        shot = {}
        for f, name, label, choices in self.fields:
            if choices is None:
                shot[name] = (label, display_value(instance, f))
                continue
            value = getattr(instance, f.attname)
            if value is None or value == "":
                shot[name] = (label, "")
            else:  # as Model.get_FOO_display
                shot[name] = (label, str(choices.get(make_hashable(value), value)))
        return shot


def created_changes(after: dict[str, tuple[str, str]]) -> list[dict[str, str]]:
    """accord.kernel.audit.service.diff({}, after): every field with a value, in the snapshot's order."""
    return [
        {"field": name, "label": label, "old": "", "new": new} for name, (label, new) in after.items() if new
    ]
