"""Partnership types cite their framework by the document's title, not the seed file name: the
seeded types already in a register take the seed list's new wording (types a council added or
changed keep theirs unless they still hold a seed file name, which is then replaced the same way)."""

import re
from pathlib import Path

import yaml
from django.db import migrations, models

SEED = Path(__file__).resolve().parent.parent / "seed" / "partnership_types.yaml"
SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


def cite_by_title(apps, schema_editor):
    partnership_type = apps.get_model("register", "PartnershipType")
    seeded = {
        item["name"]: item.get("citation", "")
        for item in yaml.safe_load(SEED.read_text(encoding="utf-8"))["partnership_types"]
    }
    for row in partnership_type.objects.all():
        if SEED_FILE.search(row.citation or "") and row.name in seeded:
            row.citation = seeded[row.name]
            row.save(update_fields=["citation"])


class Migration(migrations.Migration):
    dependencies = [("register", "0008_partnershiprole_created_at")]

    operations = [
        migrations.AlterField(
            model_name="partnershiptype",
            name="citation",
            field=models.CharField(
                blank=True,
                help_text="Where the framework defines it, by the document's title, "
                "e.g. 'Code of Practice for Partnerships, App 1'.",
                max_length=200,
            ),
        ),
        migrations.RunPython(cite_by_title, migrations.RunPython.noop),
    ]
