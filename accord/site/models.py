"""What the set-up page records itself: an administrator's word that they checked the rulebook."""

from django.db import models

from accord.kernel.audit.append_only import Recorded


class RulebookCheck(Recorded):
    """An administrator confirming they checked the rulebook (the framework in force, as Accord reads
    it) against the council's own document (ADR 0039). Kept per framework version: a new version
    needs checking again. Rows are never changed; the latest for the version in force counts."""

    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=30)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "check of the rulebook"
        verbose_name_plural = "checks of the rulebook"

    def __str__(self) -> str:
        return f"Rulebook checked (version {self.framework_version})"
