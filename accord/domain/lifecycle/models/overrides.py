"""Administrators' overrides of a gate: one missing item, for one partnership, with a written reason.

Written once and never changed (append-only in the model and in the database, see
accord.kernel.audit.guard), like the cycle's transitions and decisions.
"""

from django.conf import settings
from django.db import models

from accord.kernel.audit.append_only import AppendOnly


class GateOverride(AppendOnly):
    """An administrator let a partnership past one missing item of one gate (entering `gate`)."""

    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="gate_overrides"
    )
    gate = models.CharField(max_length=20, help_text="The state being entered, e.g. 'business_case'.")
    from_status = models.CharField(max_length=20, help_text="The state the partnership was in.")
    item_id = models.CharField(
        max_length=60,
        help_text="The framework's requirement id, or Accord's own check "
        "('significance_assessed', 'is_a_partnership').",
    )
    item_text = models.CharField(max_length=500, help_text="What was missing, in words, when overridden.")
    cite = models.CharField(max_length=300, blank=True)
    reason = models.TextField(max_length=2000)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, db_constraint=False
    )
    overridden_by_name = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=40)

    class Meta:
        verbose_name = "gate override"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["partnership", "gate", "item_id"], name="gate_override_lookup")]

    def __str__(self) -> str:
        return self.item_text
