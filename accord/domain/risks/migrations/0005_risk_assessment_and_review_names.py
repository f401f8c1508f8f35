"""Risk assessments and risk reviews are called so (not 'assessment' and 'review'): the names their
history events and their append-only refusals use. Model options only; no change to the tables."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("risks", "0004_council_list_index")]

    operations = [
        migrations.AlterModelOptions(
            name="assessment",
            options={"ordering": ["at", "id"], "verbose_name": "risk assessment"},
        ),
        migrations.AlterModelOptions(
            name="review",
            options={"ordering": ["-reviewed_on", "-id"], "verbose_name": "risk review"},
        ),
    ]
