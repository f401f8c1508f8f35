"""Risk assessments and reviews are append-only in the database too (accord.kernel.audit.guard)."""

from django.db import migrations

from accord.kernel.audit import guard


def forwards(apps, schema_editor):
    guard.install(schema_editor.connection, "risks")


class Migration(migrations.Migration):
    dependencies = [("risks", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
