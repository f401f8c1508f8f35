from django.db import models
from django.db.models import Q

from accord.register.orgid import validate_org_id

from .base import Versioned


class Sector(models.TextChoices):
    PUBLIC = "public", "Public sector"
    PRIVATE = "private", "Private sector"
    VCF = "vcf", "Voluntary, community and faith sector"
    STATUTORY = "statutory", "Statutory body"
    OTHER = "other", "Other"


class Organisation(Versioned):
    """An organisation that takes part in partnerships. The council itself is one."""

    name = models.CharField(max_length=200, help_text="The organisation's full legal or working name.")
    sector = models.CharField(max_length=20, choices=Sector.choices, help_text="Which sector it belongs to.")
    org_id = models.CharField(
        "organisation identifier",
        max_length=60,
        blank=True,
        validators=[validate_org_id],
        help_text="Its identifier in an org-id.guide scheme, e.g. GB-COH-01234567 (Companies House), "
        "GB-CHC-1123456 (Charity Commission), GB-LAE-CHO (local authority), GB-NHS-RXN.",
    )
    can_be_accountable_body = models.BooleanField(
        "can act as accountable body",
        default=False,
        help_text="Whether it has the legal personality to hold funds and be the accountable body.",
    )
    can_employ_staff = models.BooleanField(
        default=False, help_text="Whether it has the legal personality to employ staff."
    )
    website = models.URLField(blank=True, max_length=300)
    notes = models.TextField(blank=True, max_length=5000)
    is_council = models.BooleanField(
        default=False, editable=False, help_text="True for the council that runs this register."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["org_id"], condition=~Q(org_id=""), name="unique_org_id"),
            models.UniqueConstraint(fields=["is_council"], condition=Q(is_council=True), name="one_council"),
        ]

    def __str__(self) -> str:
        return self.name
