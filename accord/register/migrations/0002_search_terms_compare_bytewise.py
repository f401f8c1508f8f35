"""Search terms compare byte by byte, so a prefix search is a range scan on the index (ADR 0004).

SQLite compares text bytewise already; PostgreSQL needs the "C" collation on the column.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            'ALTER TABLE register_searchterm ALTER COLUMN term TYPE varchar(40) COLLATE "C"'
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE register_searchterm ALTER COLUMN term TYPE varchar(40)")


class Migration(migrations.Migration):
    dependencies = [("register", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
