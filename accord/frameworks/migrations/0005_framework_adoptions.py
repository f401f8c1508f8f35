"""Adopting a framework version from a day (ADR 0035): an append-only record, guarded in the database."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from accord.kernel.audit import guard


def forwards(apps, schema_editor):
    guard.install(schema_editor.connection, "frameworks")


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0004_tracking_is_append_only"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="FrameworkAdoption",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("recorded_by_name", models.CharField(max_length=200)),
                ("at", models.DateTimeField(auto_now_add=True)),
                ("framework_id", models.CharField(max_length=60)),
                ("version", models.CharField(max_length=30)),
                ("takes_effect_on", models.DateField(verbose_name="takes effect on")),
                ("file_name", models.CharField(max_length=300)),
                ("sha256", models.CharField(max_length=64, verbose_name="file's SHA-256")),
                ("reason", models.TextField(max_length=2000)),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "framework adoption",
                "ordering": ["-at", "-id"],
                "indexes": [models.Index(fields=["framework_id", "at"], name="framework_adoption_lookup")],
            },
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
