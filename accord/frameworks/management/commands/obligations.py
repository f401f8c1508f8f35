"""accord obligations --format json|csv — every partnership's obligations under the council's framework.

In the CSV, text that a spreadsheet could take for a formula is neutralised (`accord.kernel.ui.spreadsheet`).
"""

import csv
import json

from django.core.management.base import BaseCommand

from accord.frameworks import compliance, loader
from accord.kernel import clock
from accord.kernel.ui.spreadsheet import neutralise
from accord.register.models import FINISHED_STATUSES, Partnership

COLUMNS = [
    "partnership_reference",
    "partnership",
    "tier",
    "obligation",
    "name",
    "status",
    "due",
    "evidence",
    "cite",
]


class Command(BaseCommand):
    help = "List every partnership's obligations under the council's framework, as JSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--include-closed", action="store_true", help="Include closed, rejected and withdrawn ones."
        )

    def handle(self, *args, format="json", include_closed=False, **options):
        framework = loader.current()
        partnerships = (
            Partnership.objects.all()
            if include_closed
            else Partnership.objects.exclude(status__in=FINISHED_STATUSES)
        )
        rows = []
        for row in compliance.evaluate(framework, partnerships, clock.today()):
            for result in row.obligations:
                rows.append(
                    {
                        "partnership_reference": row.partnership.reference,
                        "partnership": row.partnership.name,
                        "tier": row.tier_id,
                        "obligation": result.obligation_id,
                        "name": result.name,
                        "status": result.status,
                        "due": result.due.isoformat() if result.due else None,
                        "evidence": result.evidence.isoformat() if result.evidence else None,
                        "cite": result.cite,
                    }
                )
        if format == "json":
            json.dump(
                {
                    "framework": framework.id,
                    "version": framework.version,
                    "date": clock.today().isoformat(),
                    "obligations": rows,
                },
                self.stdout,
                indent=2,
            )
            self.stdout.write("")
        else:
            writer = csv.DictWriter(self.stdout, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows({key: neutralise(value) for key, value in row.items()} for row in rows)
