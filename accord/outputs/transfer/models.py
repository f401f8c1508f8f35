"""Imports of the register: each run (who, when, which file, what it did) and remembered column mappings."""

from django.conf import settings
from django.db import models


class ColumnMapping(models.Model):
    """How the columns of a sheet with these headers were last mapped, so the next upload of the same
    layout is mapped for the administrator (ADR 0013)."""

    sheet = models.CharField(max_length=40)
    signature = models.CharField(max_length=64, help_text="A hash of the sheet's headers, in order.")
    headers = models.JSONField(default=list)
    mapping = models.JSONField(
        default=list, help_text="The field key of each column, or '' for not imported."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["sheet", "signature"], name="one_mapping_per_layout")]

    def __str__(self) -> str:
        return f"{self.sheet}: {len(self.headers)} columns"


class Outcome(models.TextChoices):
    UPLOADED = "uploaded", "Uploaded"
    IMPORTED = "imported", "Imported"
    REFUSED = "refused", "Refused"


class ImportRun(models.Model):
    """One uploaded file on its way through mapping, preview and import. The file is kept in the
    database (never under the web root) until it is imported."""

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_by_name = models.CharField(max_length=200)
    started_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)
    content = models.BinaryField(editable=False)
    mapping = models.JSONField(default=dict, help_text="{sheet: [field key of each column]}")
    defaults = models.JSONField(
        default=dict, blank=True, help_text="{field key: the value used where the file gives none}"
    )
    status_rule = models.CharField(
        max_length=10, default="dates", help_text="How new partnerships get a status the file does not give."
    )
    duplicates = models.JSONField(
        default=dict, blank=True, help_text="{row: 'same' or 'different'} for each likely duplicate."
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.UPLOADED)
    finished_at = models.DateTimeField(null=True, blank=True)
    counts = models.JSONField(default=dict, help_text="{sheet: {created, updated, unchanged}}")
    organisations_created = models.PositiveIntegerField(default=0)
    problems = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_outcome_display()})"
