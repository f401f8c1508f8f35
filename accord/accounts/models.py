from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Administrator"
    OFFICER = "officer", "Officer"
    APPROVER = "approver", "Approver"
    MEMBER = "member", "Elected member"
    AUDITOR = "auditor", "Auditor"
    PARTNER = "partner", "Partner organisation"


class User(AbstractUser):
    """A person who signs in to Accord. What they may see and do is decided by accord.accounts.policy."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.OFFICER)
    person = models.OneToOneField(
        "register.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
        help_text="Their entry in the register, which links them to the partnerships they hold roles on.",
    )
    organisation = models.ForeignKey(
        "register.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text="For partner users: the partner organisation they belong to.",
    )

    @property
    def display_name(self) -> str:
        return self.get_full_name() or (self.person.name if self.person else self.username)
