"""The seeded partnership types' groups and descriptions, in words that name no council.

The register's types are shared by every framework (each maps its own types onto them), so a type's
group ("Central Bedfordshire 1.5") or description ("Redditch says...") must not name one council: an
administrator under another council's framework sees them on Settings when a partnership uses them.
Only rows still holding the seeded words are changed; an administrator's own edits are kept.
"""

from django.db import migrations, models

GROUPS = {
    "Central Bedfordshire 1.5": "Sector and role",
    "Bury 3.4 and App 1": "Legal basis",
    "Redditch §3 characteristics": "Way of working",
}
DESCRIPTIONS = {
    " Bury gives this type only as an example in 3.4; App 1 does not describe it further.": "",
    "Redditch says these are formed as a legal entity.": "They are formed as a legal entity.",
}


def neutral_words(apps, schema_editor):
    partnership_type = apps.get_model("register", "PartnershipType")
    for old, new in GROUPS.items():
        partnership_type.objects.filter(group=old).update(group=new)
    for row in partnership_type.objects.all():
        description = row.description
        for old, new in DESCRIPTIONS.items():
            description = description.replace(old, new)
        if description != row.description:
            row.description = description
            row.save(update_fields=["description"])


class Migration(migrations.Migration):
    dependencies = [("register", "0012_partnership_subtype")]

    operations = [
        migrations.AlterField(
            model_name="partnershiptype",
            name="citation",
            field=models.CharField(
                blank=True,
                help_text="Where the framework defines it: the document's title and the section.",
                max_length=200,
            ),
        ),
        migrations.RunPython(neutral_words, migrations.RunPython.noop),
    ]
