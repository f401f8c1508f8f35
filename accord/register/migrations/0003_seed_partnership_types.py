"""Every new register starts with the partnership types the seed frameworks name."""

from pathlib import Path

import yaml
from django.db import migrations

SEED = Path(__file__).resolve().parent.parent / "seed" / "partnership_types.yaml"


def seed_types(apps, schema_editor):
    partnership_type = apps.get_model("register", "PartnershipType")
    for item in yaml.safe_load(SEED.read_text(encoding="utf-8"))["partnership_types"]:
        partnership_type.objects.get_or_create(
            name=item["name"],
            defaults={k: item.get(k, "") for k in ("group", "citation", "description")},
        )


class Migration(migrations.Migration):
    dependencies = [("register", "0002_search_terms_compare_bytewise")]

    operations = [migrations.RunPython(seed_types, migrations.RunPython.noop)]
