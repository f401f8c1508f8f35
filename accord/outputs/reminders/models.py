"""What the reminders keep: which reminder went to whom on which day, and people's calendar feeds."""

from django.conf import settings
from django.db import models


class ReminderKind(models.TextChoices):
    REMINDER = "reminder", "Reminder"
    ESCALATION = "escalation", "Escalation"


class ReminderLog(models.Model):
    """One item in one reminder email: the row is written before the email is sent, and the unique
    constraint lets only one run claim an item for a person, kind and day (ADR 0009)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # written tens of thousands of times a day, looked up by day and run
        help_text="The signed-in user emailed, where the person has an account.",
    )
    person = models.ForeignKey(
        "register.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", db_index=False
    )
    email = models.EmailField(max_length=254, help_text="The address the reminder went to (lower case).")
    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    item_key = models.CharField(max_length=100, help_text="An obligation id, or 'action:<id>'.")
    due_on = models.DateField()
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    sent_on = models.DateField()
    run = models.CharField(max_length=32, help_text="The run that claimed it (a random id).")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["email", "partnership", "item_key", "kind", "sent_on"], name="one_reminder_a_day"
            )
        ]
        indexes = [models.Index(fields=["sent_on", "run"], name="reminder_run")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.item_key} to {self.email} on {self.sent_on}"


class CalendarFeed(models.Model):
    """A person's secret calendar address. Only a hash of its token is kept: the address is shown
    once, when it is made, and stops working when revoked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Calendar feed for {self.user} ({'revoked' if self.revoked_at else 'active'})"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
