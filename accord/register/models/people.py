"""People (officers, elected members, partner contacts) and the roles they hold on partnerships."""

from django.db import models
from django.db.models import Q

from .base import Versioned


class PersonKind(models.TextChoices):
    OFFICER = "officer", "Council officer"
    MEMBER = "member", "Elected member"
    PARTNER_CONTACT = "partner_contact", "Partner organisation contact"


class RoleType(models.TextChoices):
    COUNCIL_REPRESENTATIVE = "council_representative", "Council representative"
    SUBSTITUTE = "substitute", "Substitute"
    SPONSORING_OFFICER = "sponsoring_officer", "Sponsoring officer"
    LINK_OFFICER = "link_officer", "Officer representative / link officer"
    LEAD_OFFICER = "lead_officer", "Lead officer"
    ACCOUNTABLE_HEAD_OF_SERVICE = "accountable_head_of_service", "Accountable Head of Service"
    BUDGET_HOLDER = "budget_holder", "Budget holder"
    PARTNER_CONTACT = "partner_contact", "Partner contact"


class Person(Versioned):
    name = models.CharField(max_length=200)
    job_title = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'Head of Communities' or 'Councillor'."
    )
    kind = models.CharField(max_length=20, choices=PersonKind.choices, default=PersonKind.OFFICER)
    organisation = models.ForeignKey(
        "register.Organisation",
        on_delete=models.PROTECT,
        related_name="people",
        help_text="Who they work for or represent.",
    )
    directorate = models.ForeignKey(
        "register.Directorate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="directorate or service",
        help_text="For council officers: their directorate or service.",
    )
    email = models.EmailField(blank=True, max_length=254)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name


class PartnershipRole(models.Model):
    """A role a person holds on a partnership, for a period (Bury App 5, Northampton App 2)."""

    partnership = models.ForeignKey("register.Partnership", on_delete=models.CASCADE, related_name="roles")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="partnership_roles")
    role = models.CharField(max_length=40, choices=RoleType.choices)
    start_date = models.DateField(null=True, blank=True, help_text="When they took the role on.")
    end_date = models.DateField(null=True, blank=True, help_text="When the role ended, if it has.")
    notes = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(
        auto_now_add=True,
        null=True,
        help_text="When it was recorded (none for roles recorded before this was kept).",
    )

    class Meta:
        ordering = ["role", "person__name"]
        indexes = [models.Index(fields=["person", "role", "partnership"], name="role_person")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="role_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}"
