"""The audit trail: every change to governed data, kept for good.

Events are written once and never changed. An event is append-only (accord.kernel.audit.append_only):
the model refuses updates and deletes, and the database refuses them too (accord.kernel.audit.guard),
so no interface can rewrite history.
"""

from django.conf import settings
from django.db import models

from .append_only import AppendOnly
from .append_only import ImmutableError as ImmutableError  # where callers have always found it


class Action(models.TextChoices):
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    REMOVED = "removed", "Removed"


class AuditEvent(AppendOnly):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, db_constraint=False
    )
    actor_name = models.CharField(max_length=200, help_text="Who made the change, as they were named then.")
    action = models.CharField(max_length=20, choices=Action.choices)
    object_type = models.CharField(max_length=60, help_text="What kind of record changed, e.g. 'membership'.")
    object_id = models.PositiveBigIntegerField()
    object_label = models.CharField(max_length=300)
    partnership = models.ForeignKey(
        "register.Partnership",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "register.Organisation",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        "register.Person",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The version of the governed record after this change."
    )
    changes = models.JSONField(default=list, help_text="[{field, label, old, new}]")
    reason = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["partnership", "-at"], name="audit_partnership"),
            models.Index(fields=["organisation", "-at"], name="audit_organisation"),
            models.Index(fields=["person", "-at"], name="audit_person"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_type} {self.object_label} by {self.actor_name}"
