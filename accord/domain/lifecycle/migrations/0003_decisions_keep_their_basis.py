"""Each decision keeps what it was based on (ADR 0023). Decisions already recorded keep an empty basis:
they count while their own record is at the revision decided on, as before.

Adding a column rebuilds the table on SQLite, which drops its append-only triggers
(accord.kernel.audit.guard); they are lifted first and put back after, as every guarded table needs."""

from django.db import migrations, models

from accord.kernel.audit import guard


def lift(apps, schema_editor):
    guard.remove(schema_editor.connection, "lifecycle")


def restore(apps, schema_editor):
    guard.install(schema_editor.connection, "lifecycle")


class Migration(migrations.Migration):
    dependencies = [("lifecycle", "0002_append_only_and_existing_states")]

    operations = [
        migrations.RunPython(lift, restore),
        migrations.AddField(
            model_name="decision",
            name="basis",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="What it was based on: {slot: revision} of each record the decider read "
                "(ADR 0023). Empty for decisions recorded before bases were kept.",
            ),
        ),
        migrations.RunPython(restore, lift),
    ]
