"""The database itself refuses to change or delete history, whatever client connects."""

from django.db import migrations

from accord.kernel.audit import guard


def forwards(apps, schema_editor):
    guard.install(schema_editor.connection, "audit")


def backwards(apps, schema_editor):
    guard.remove(schema_editor.connection, "audit")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
