"""The audit trail: every change to governed data, kept for good.

Events are written once and never changed. The model refuses updates and deletes, and the
database refuses them too (triggers added in migration 0002), so no interface can rewrite history.
"""

from django.conf import settings
from django.db import models


class ImmutableError(Exception):
    pass


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableError("History cannot be changed.")

    def delete(self):
        raise ImmutableError("History cannot be deleted.")


class Action(models.TextChoices):
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    REMOVED = "removed", "Removed"


class AuditEvent(models.Model):
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

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["partnership", "-at"], name="audit_partnership"),
            models.Index(fields=["organisation", "-at"], name="audit_organisation"),
            models.Index(fields=["person", "-at"], name="audit_person"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_type} {self.object_label} by {self.actor_name}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("History cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("History cannot be deleted.")
