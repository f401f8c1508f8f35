"""Issued report snapshots are append-only in the database too (accord.kernel.audit.guard)."""

from django.db import migrations

from accord.kernel.audit import guard


def forwards(apps, schema_editor):
    guard.install(schema_editor.connection, "reports")


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
