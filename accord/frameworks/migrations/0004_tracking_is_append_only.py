"""The go-live setting's history and the records of duties done before Accord are append-only in
the database too (accord.kernel.audit.guard)."""

from django.db import migrations

from accord.kernel.audit import guard


def forwards(apps, schema_editor):
    guard.install(schema_editor.connection, "frameworks")


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0003_tracking_start_and_prior_completions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
