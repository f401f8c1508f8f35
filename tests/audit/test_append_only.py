"""Every append-only model's table refuses UPDATE and DELETE in the database itself, whatever client
connects, with a message that names the thing; and the kernel's guard finds those tables for itself,
naming none of them (a kernel module knows no higher app)."""

import ast
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

import accord.kernel
from accord.kernel.audit import guard
from accord.kernel.audit.append_only import AppendOnly, ImmutableError, refusal
from accord.kernel.audit.models import AuditEvent
from tests.reports.factories import risk

APPEND_ONLY = guard.append_only_models()
SIMPLE_VALUES = {
    "CharField": "x",
    "TextField": "x",
    "SlugField": "x",
    "EmailField": "someone@example.org",
    "URLField": "https://example.org/",
    "SmallIntegerField": 1,
    "PositiveSmallIntegerField": 1,
    "IntegerField": 1,
    "PositiveIntegerField": 1,
    "BigIntegerField": 1,
    "PositiveBigIntegerField": 1,
    "DecimalField": Decimal("1"),
    "FloatField": 1.0,
    "BooleanField": False,
    "DateField": date(2025, 6, 2),
    "JSONField": {},
}


def a_value(field: models.Field):
    if field.is_relation:
        related = field.related_model
        return related._default_manager.order_by("pk").first() or a_row(related)
    if field.choices:
        return field.flatchoices[0][0]
    kind = field.get_internal_type()
    if kind == "DateTimeField":
        return timezone.now()
    if kind == "UUIDField":
        return uuid.uuid4()
    assert kind in SIMPLE_VALUES, f"Teach a_value a value for a {kind} ({field})"
    return SIMPLE_VALUES[kind]


def a_row(model):
    """One row of any model, every field it needs filled in; foreign keys point at rows that exist."""
    needed = {
        field.name: a_value(field)
        for field in model._meta.concrete_fields
        if not (field.primary_key or field.null or field.has_default())
    }
    return model._default_manager.create(**needed)


@pytest.fixture
def one_row_each(own_partnership):
    """A row in every append-only table (the partnership and a risk for them to belong to)."""
    risk(own_partnership, "R-01", "Flooding of the depot", "high", 12)
    return {model: a_row(model) for model in APPEND_ONLY}


def refused(statement: str, params=(), first: str = "") -> str:
    with pytest.raises(DatabaseError) as refusal_raised, transaction.atomic(), connection.cursor() as cursor:
        if first:
            cursor.execute(first)
        cursor.execute(statement, params)
    return str(refusal_raised.value)


def test_the_guard_finds_every_append_only_model_and_the_audit_trail():
    expected = {
        model
        for model in apps.get_models()
        if issubclass(model, AppendOnly) and model._meta.managed and not model._meta.proxy
    }
    assert set(APPEND_ONLY) == expected
    assert AuditEvent in APPEND_ONLY
    assert guard.tables() == sorted(model._meta.db_table for model in APPEND_ONLY)
    assert guard.tables("audit") == [AuditEvent._meta.db_table]


@pytest.mark.parametrize("model", APPEND_ONLY, ids=lambda model: model._meta.label)
@pytest.mark.django_db
def test_the_database_refuses_to_change_or_delete_a_row_and_names_the_thing(model, one_row_each):
    row = one_row_each[model]
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(model._meta.pk.column)
    message = refusal(model)
    assert message.split(" cannot")[0] in {f"A {model._meta.verbose_name}", f"An {model._meta.verbose_name}"}

    assert message in refused(f"UPDATE {table} SET {column} = {column} WHERE {column} = %s", [row.pk])
    assert message in refused(f"DELETE FROM {table} WHERE {column} = %s", [row.pk])
    assert message in refused(f"DELETE FROM {table}")
    if connection.vendor == "postgresql":
        # The test's own rows leave foreign-key checks pending, which TRUNCATE would refuse first.
        assert message in refused(f"TRUNCATE {table} CASCADE", first="SET CONSTRAINTS ALL IMMEDIATE")
    assert model._default_manager.filter(pk=row.pk).exists()


@pytest.mark.parametrize("model", APPEND_ONLY, ids=lambda model: model._meta.label)
@pytest.mark.django_db
def test_the_model_refuses_with_the_same_words(model, one_row_each):
    row = one_row_each[model]
    for attempt in (row.save, row.delete, model._default_manager.all().delete, model._default_manager.update):
        with pytest.raises(ImmutableError, match=f"^{refusal(model)}$"):
            attempt()


def test_a_refusal_names_the_thing_with_its_article():
    assert refusal(apps.get_model("risks", "Assessment")) == (
        "A risk assessment cannot be changed or deleted: it is part of the record."
    )
    assert refusal(AuditEvent) == "An audit event cannot be changed or deleted: it is part of the record."


@pytest.mark.django_db
def test_a_message_with_a_quote_reaches_the_trigger_intact(one_row_each, monkeypatch):
    """The message is quoted for the SQL, not pasted into it."""
    model = apps.get_model("lifecycle", "Decision")
    monkeypatch.setattr(model._meta, "verbose_name", "council's \\ decision")
    guard.install(connection, "lifecycle")
    table = connection.ops.quote_name(model._meta.db_table)
    assert refusal(model) in refused(f"DELETE FROM {table}")
    monkeypatch.undo()
    guard.install(connection, "lifecycle")
    assert refusal(model) in refused(f"DELETE FROM {table}")


def kernel_modules() -> list[Path]:
    root = Path(accord.kernel.__file__).parent
    return [path for path in root.rglob("*.py") if "migrations" not in path.parts]


def test_no_kernel_module_names_a_table_of_a_higher_app():
    """The guard finds its tables in the app registry; no kernel module names another layer's table
    (nor any append-only table: the audit trail's too is found, not named)."""
    higher = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model.__module__.startswith("accord.") and not model.__module__.startswith("accord.kernel.")
    }
    guarded = set(guard.tables())
    named = []
    for path in kernel_modules():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                named += [(path.name, table) for table in higher if table in node.value]
                if path.name == "guard.py":
                    named += [(path.name, table) for table in guarded if table in node.value]
    assert not named
    assert {model._meta.app_label for model in APPEND_ONLY} - {"audit"}, "the check would prove nothing"
