"""Access-test URL cases for accord.outputs.reports (see tests/access_cases/__init__.py): every council-wide
report and its downloads, issuing, the issued reports (council-wide and a pack) and each
partnership's pack."""

from datetime import UTC, date, datetime

from django.urls import reverse

from accord.frameworks import loader
from accord.outputs.reports.builders import kinds_for
from accord.outputs.reports.models import ReportSnapshot
from accord.outputs.reports.structure import Report, to_json


def _snapshot(kind: str, partnership=None) -> ReportSnapshot:
    report = Report(
        kind=kind,
        title="Annual partnerships report: 2025/26",
        council="Chorley Council",
        audience="Audit Committee",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        generated_at=datetime(2026, 5, 1, tzinfo=UTC),
    )
    return ReportSnapshot.objects.create(
        kind=kind,
        title=report.title,
        partnership=partnership,
        period_start=report.period_start,
        period_end=report.period_end,
        issued_by_name="Ann Administrator",
        data=to_json(report),
        framework_id="chorley",
        framework_version="1.0",
    )


def cases(world) -> list[tuple[str, str, object]]:
    council = _snapshot("annual")
    found: list[tuple[str, str, object]] = [
        ("reports", reverse("reports"), None),
        ("report-snapshots", reverse("report-snapshots"), None),
        ("report-snapshot", reverse("report-snapshot", args=[council.pk]), None),
        ("report-snapshot-download", reverse("report-snapshot-download", args=[council.pk, "docx"]), None),
        ("report-issue", reverse("report-issue", args=["annual"]), None),
    ]
    # the reports offered under the framework in force (another council's own reports answer 404)
    found += [("report", reverse("report", args=[kind]), None) for kind in kinds_for(loader.current().id)]
    found += [
        ("report-download", reverse("report-download", args=["annual", fmt]), None)
        for fmt in ("docx", "xlsx")
    ]
    for which in ("own", "other"):
        p = world[which]
        pack = _snapshot("pack", p)
        found += [
            ("partnership-pack", reverse("partnership-pack", args=[p.pk]), p),
            ("partnership-pack-download", reverse("partnership-pack-download", args=[p.pk, "xlsx"]), p),
            ("partnership-pack-issue", reverse("partnership-pack-issue", args=[p.pk]), p),
            ("report-snapshot", reverse("report-snapshot", args=[pack.pk]), p),
            ("report-snapshot-download", reverse("report-snapshot-download", args=[pack.pk, "xlsx"]), p),
        ]
    return found
