"""Issued reports: each frozen as a snapshot of what it said, kept for good.

A `ReportSnapshot` holds the report as `structure.to_json` wrote it when an administrator issued
it, so the issued report reads the same whatever happens to the live record afterwards, and a
later report can say what changed since. Snapshots are append-only: the model refuses updates and
deletes, and so does the database (accord.kernel.audit.guard).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from accord.kernel.audit.append_only import AppendOnly


class ReportSnapshot(AppendOnly):
    kind = models.CharField(max_length=40, help_text="Which report, e.g. 'annual'.")
    title = models.CharField(max_length=300)
    partnership = models.ForeignKey(
        "register.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_snapshots",
        help_text="For a partnership pack: the partnership it is about.",
    )
    period_start = models.DateField()
    period_end = models.DateField()
    issued_at = models.DateTimeField(default=timezone.now, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, db_constraint=False
    )
    issued_by_name = models.CharField(max_length=200)
    data = models.JSONField(help_text="The report as issued (accord.outputs.reports.structure.to_json).")
    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=40)

    class Meta:
        ordering = ["-issued_at", "-id"]
        indexes = [
            models.Index(fields=["kind", "-issued_at"], name="snapshot_kind"),
            models.Index(fields=["partnership", "kind", "-issued_at"], name="snapshot_partnership"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (issued {self.issued_at:%Y-%m-%d})"
