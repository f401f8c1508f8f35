"""Transitions and decisions are append-only in the database too; partnerships already in the
register get the first row of their cycle, recorded retrospectively."""

from django.db import migrations
from django.utils import timezone

from accord.kernel.audit import guard

LEGACY = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_event_no_update;",
        "DROP TRIGGER IF EXISTS audit_event_no_delete;",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent;",
        "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;",
    ],
}


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in LEGACY.get(connection.vendor, []):
            cursor.execute(statement)
    guard.install(connection, "audit", "lifecycle")  # the audit trail's too, under today's names
    from django.conf import settings

    Partnership = apps.get_model("register", "Partnership")
    Transition = apps.get_model("lifecycle", "Transition")
    rows = []
    today = timezone.localdate()
    for pk, status, start_date in Partnership.objects.values_list("pk", "status", "start_date").iterator():
        retrospective = status != "proposed"
        rows.append(
            Transition(
                partnership_id=pk,
                from_status="",
                to_status=status,
                decided_on=start_date if retrospective and start_date and start_date <= today else today,
                reason="Recorded retrospectively: in the register before its cycle was recorded."
                if retrospective
                else "",
                retrospective=retrospective,
                recorded_by_name="Accord",
                framework_id=settings.ACCORD_FRAMEWORK,
                framework_version="",
            )
        )
        if len(rows) >= 2000:
            Transition.objects.bulk_create(rows)
            rows = []
    Transition.objects.bulk_create(rows)


def backwards(apps, schema_editor):
    guard.remove(schema_editor.connection, "lifecycle")


class Migration(migrations.Migration):
    dependencies = [
        ("lifecycle", "0001_initial"),
        ("register", "0006_alter_partnership_status"),
        ("audit", "0002_history_is_append_only"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
