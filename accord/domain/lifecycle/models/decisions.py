"""Decisions in the partnership cycle: transitions between states and approvals of artefacts.

Both are written once and never changed (the model refuses updates and deletes; the database
refuses them too, see accord.kernel.audit.guard). A later decision supersedes an earlier one; nothing
rewrites it.
"""

from django.conf import settings
from django.db import models

from accord.kernel.audit.append_only import AppendOnly


class Transition(AppendOnly):
    """One move of a partnership from one state of the cycle to another."""

    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="transitions"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    from_status = models.CharField(max_length=20, blank=True, help_text="Empty when first recorded.")
    to_status = models.CharField(max_length=20)
    decided_on = models.DateField(help_text="The date of the decision (may be before it was recorded).")
    reason = models.TextField(blank=True, max_length=5000)
    decision_reference = models.CharField(
        max_length=200,
        blank=True,
        help_text="e.g. 'Executive Cabinet minute 23/45', 'Record of Delegated Decision 2024/112'.",
    )
    retrospective = models.BooleanField(
        default=False, help_text="Recorded after the event; the gates were not checked in Accord."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, db_constraint=False
    )
    recorded_by_name = models.CharField(max_length=200)
    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=40)
    tier_id = models.CharField(max_length=60, blank=True)
    gates = models.JSONField(
        default=list,
        help_text="The requirements checked and met: [{id, artefact, cite}], and any an administrator "
        "overrode (with overridden_by and reason).",
    )

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["partnership", "at"], name="transition_partnership")]

    def __str__(self) -> str:
        return f"{self.partnership_id}: {self.from_status or 'new'} → {self.to_status}"


class Outcome(models.TextChoices):
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"


class Decision(AppendOnly):
    """An approver's decision on an artefact, in one of the framework's roles."""

    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="decisions"
    )
    artefact_id = models.CharField(max_length=60)
    role_id = models.CharField(max_length=60)
    role_title = models.CharField(max_length=300)
    revision = models.PositiveIntegerField(help_text="The revision of the artefact decided on.")
    basis = models.JSONField(
        default=dict,
        blank=True,
        help_text="What it was based on: {slot: revision} of each record the decider read (ADR 0023). "
        "Empty for decisions recorded before bases were kept.",
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    comment = models.TextField(max_length=5000)
    decision_reference = models.CharField(max_length=200, blank=True)
    decided_on = models.DateField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, db_constraint=False
    )
    decided_by_name = models.CharField(max_length=200)
    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=40)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["partnership", "artefact_id", "role_id"], name="decision_lookup")]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} {self.artefact_id.replace('_', ' ')} as {self.role_title}"


class Appointment(models.Model):
    """A user who may decide in one of the framework's roles (e.g. the Monitoring Officer, or the
    Democratic Services officer who records Executive Cabinet's decisions)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appointments")
    framework_id = models.CharField(max_length=60)
    role_id = models.CharField(max_length=60)
    appointed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role_id", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "framework_id", "role_id"], name="one_appointment_per_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} as {self.role_id.replace('_', ' ')}"
