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
    """A person who signs in to Accord. What they may see and do is decided by accounts.policy."""

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
    # Single sign-on (accord.kernel.accounts.oidc): who they are at the council's identity provider. The
    # subject is unique only within its issuer, so the pair is the key.
    oidc_issuer = models.CharField("identity provider", max_length=300, blank=True, default="")
    oidc_subject = models.CharField(
        "identity at the provider", max_length=255, blank=True, default="", editable=False
    )

    class Meta(AbstractUser.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["oidc_issuer", "oidc_subject"],
                condition=~models.Q(oidc_subject=""),
                name="accounts_user_one_account_per_sso_identity",
            )
        ]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or (self.person.name if self.person else self.username)


class SignInSettings(models.Model):
    """How people may sign in: one row, changed by an administrator and kept in the audit trail."""

    local_sign_in_enabled = models.BooleanField(
        "sign in with a username and password",
        default=True,
        help_text="Off: people sign in only through the council's identity provider.",
    )

    class Meta:
        verbose_name = "sign-in settings"
        verbose_name_plural = "sign-in settings"

    def __str__(self) -> str:
        return "Sign-in settings"

    @classmethod
    def current(cls) -> "SignInSettings":
        found, _ = cls.objects.get_or_create(pk=1)
        return found
