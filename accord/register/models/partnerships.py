"""The partnership: the register's central record (Redditch App 7, Northampton App 2, Chorley App A)."""

from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from accord.kernel import clock
from accord.kernel.accounts.models import Role

from .. import states
from .base import Versioned

if TYPE_CHECKING:
    from .people import PartnershipRole


class StatutoryStatus(models.TextChoices):
    STATUTORY = "statutory", "Statutory"
    NON_STATUTORY = "non_statutory", "Non-statutory"


class LegalIncorporation(models.TextChoices):
    INCORPORATED = "incorporated", "Incorporated body"
    UNINCORPORATED = "unincorporated", "Unincorporated"


class CouncilRole(models.TextChoices):
    LEAD = "lead", "Lead organisation"
    MEMBER = "member", "Member"
    ACCOUNTABLE_BODY = "accountable_body", "Accountable body"
    HOST = "host", "Host"
    OTHER = "other", "Other"


class MemberRole(models.TextChoices):
    LEAD = "lead", "Lead organisation"
    MEMBER = "member", "Member"
    ACCOUNTABLE_BODY = "accountable_body", "Accountable body"
    HOST = "host", "Host"
    OBSERVER = "observer", "Observer"


class PartnershipStatus(models.TextChoices):
    """Where a partnership is in its cycle, from proposal to closing."""

    # The API's description of the status is this docstring, so it names no council and no module:
    # the stages follow the partnership cycle (Redditch App 1), and only the cycle's transition
    # service (accord.domain.lifecycle.services) changes a partnership's status.

    # Values and names come from `accord.register.states`, where the cycle's vocabulary is defined once.
    PROPOSED = states.PROPOSED, states.NAMES[states.PROPOSED]
    BUSINESS_CASE = states.BUSINESS_CASE, states.NAMES[states.BUSINESS_CASE]
    AWAITING_APPROVAL = states.AWAITING_APPROVAL, states.NAMES[states.AWAITING_APPROVAL]
    AGREEMENT = states.AGREEMENT, states.NAMES[states.AGREEMENT]
    ACTIVE = states.ACTIVE, states.NAMES[states.ACTIVE]
    UNDER_REVIEW = states.UNDER_REVIEW, states.NAMES[states.UNDER_REVIEW]
    LEAVING = states.LEAVING, states.NAMES[states.LEAVING]
    CLOSED = states.CLOSED, states.NAMES[states.CLOSED]
    REJECTED = states.REJECTED, states.NAMES[states.REJECTED]
    WITHDRAWN = states.WITHDRAWN, states.NAMES[states.WITHDRAWN]


# A partnership in one of these states keeps its record and history but can no longer be changed.
FINISHED_STATUSES = frozenset(PartnershipStatus(s) for s in states.FINISHED)


class YesNoUnknown(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "unknown", "Not known"


class ContributionCategory(models.TextChoices):
    FINANCE = "finance", "Finance"
    OFFICER_TIME = "officer_time", "Officer time"
    ACCOMMODATION = "accommodation", "Accommodation"
    IT = "it", "IT"
    ADMINISTRATION = "administration", "Administration"
    TRAINING = "training", "Training"
    INSURANCE = "insurance", "Insurance"
    RECRUITMENT = "recruitment", "Recruitment"
    PAYROLL = "payroll", "Payroll"
    HEALTH_AND_SAFETY = "health_and_safety", "Health and safety"
    ADVICE = "advice", "Advice"
    OTHER = "other", "Other"


class FinanceForm(models.TextChoices):
    GRANT = "grant", "Grant"
    BUDGET_DIVERSION = "budget_diversion", "Budget diversion"
    POOLED = "pooled", "Pooled budget"
    IN_KIND = "in_kind", "In kind"


class Partnership(Versioned):
    name = models.CharField(max_length=200, help_text="The partnership's name as its members know it.")
    reference = models.CharField(
        max_length=30, unique=True, help_text="A short reference unique in the register, e.g. CSP-01."
    )
    description = models.TextField(
        max_length=5000, help_text="What the partnership is, in a sentence or two."
    )
    purpose = models.TextField(blank=True, max_length=5000, help_text="Its purpose or remit: why it exists.")
    vision = models.TextField(blank=True, max_length=5000, help_text="The shared vision the partners agreed.")
    aims_objectives = models.TextField(
        "aims and objectives",
        blank=True,
        max_length=10000,
        help_text="What it aims to achieve, as specific objectives.",
    )
    partnership_type = models.ForeignKey(
        "register.PartnershipType",
        on_delete=models.PROTECT,
        verbose_name="type",
        help_text="The type of partnership, as the council's framework names it.",
    )
    subtype = models.CharField(
        "sub-type",
        max_length=50,
        blank=True,
        help_text="Where the council's framework divides the type, which kind of it this is.",
    )
    statutory_status = models.CharField(
        max_length=20,
        choices=StatutoryStatus.choices,
        help_text="Whether the council is required by law to take part.",
    )
    incorporation = models.CharField(
        "legal status",
        max_length=20,
        choices=LegalIncorporation.choices,
        help_text="Whether the partnership is an incorporated body (a company, trust) or unincorporated.",
    )
    statutory_basis = models.CharField(
        max_length=300,
        blank=True,
        help_text="The law it is set up under, e.g. 'Crime and Disorder Act 1998'.",
    )
    themes = models.CharField(
        max_length=300, blank=True, help_text="The themes it works on, e.g. health; housing."
    )
    geographical_area = models.CharField(max_length=300, blank=True, help_text="The area it covers.")
    client_groups = models.CharField(
        max_length=300, blank=True, help_text="The people it serves, e.g. older people; young carers."
    )
    lead_organisation = models.ForeignKey(
        "register.Organisation",
        on_delete=models.PROTECT,
        related_name="led_partnerships",
        help_text="The organisation that leads the partnership.",
    )
    accountable_body = models.ForeignKey(
        "register.Organisation",
        on_delete=models.PROTECT,
        related_name="accountable_for",
        null=True,
        blank=True,
        help_text="The organisation that holds the money and is accountable for it.",
    )
    council_role = models.CharField(
        "the council's role",
        max_length=20,
        choices=CouncilRole.choices,
        help_text="The council's role in it.",
    )
    directorate = models.ForeignKey(
        "register.Directorate",
        on_delete=models.PROTECT,
        verbose_name="lead directorate or service",
        help_text="The council service that leads on it.",
    )
    start_date = models.DateField(null=True, blank=True, help_text="When the council joined or it began.")
    proposed_end_date = models.DateField(
        null=True, blank=True, help_text="When it is planned to end, if known."
    )
    external_funding_end_date = models.DateField(
        "date external funding ends", null=True, blank=True, help_text="When external funding for it ends."
    )
    funding_sources = models.TextField(blank=True, max_length=3000, help_text="Where its money comes from.")
    accountable_to = models.TextField(
        blank=True, max_length=3000, help_text="To whom it is accountable, e.g. Executive Cabinet; a Board."
    )
    monitoring_arrangements = models.TextField(
        blank=True, max_length=5000, help_text="How it reports and is monitored."
    )
    additional_monitoring_required = models.BooleanField(
        default=False,
        help_text="Whether the council needs monitoring beyond the partnership's own.",
    )
    has_procurement_functions = models.BooleanField(
        "has procurement functions",
        default=False,
        help_text="Whether the partnership buys goods, works or services itself.",
    )
    works_with_children = models.BooleanField(
        "work involves access to children",
        default=False,
        help_text="Whether the partnership's work, or the work it funds, involves access to children.",
    )
    covers_members_expenses = models.CharField(
        "covers members' expenses",
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
        help_text="Whether the partnership pays councillors' expenses for attending.",
    )
    insurance_arrangements = models.TextField(
        "insurance and indemnity",
        blank=True,
        max_length=3000,
        help_text="Insurance and indemnity.",
    )
    exit_strategy = models.TextField(
        blank=True, max_length=5000, help_text="How the council would leave or the partnership would end."
    )
    is_key_partnership = models.BooleanField(
        "listed as a key partnership",
        default=False,
        help_text="Whether the council lists it among its key partnerships.",
    )
    status = models.CharField(
        max_length=20, choices=PartnershipStatus.choices, default=PartnershipStatus.PROPOSED
    )
    is_published = models.BooleanField(
        "published to the public", default=False, help_text="Whether it appears on the published register."
    )
    governance_summary = models.TextField(
        "how it is governed",
        blank=True,
        max_length=3000,
        help_text="For the public: its board or committee, how it makes decisions and who scrutinises it.",
    )
    complaints_procedure = models.TextField(
        "how to complain or seek redress",
        blank=True,
        max_length=3000,
        help_text="For the public: the joint complaints procedure, or whom to contact.",
    )
    complaints_url = models.URLField(
        "complaints web page",
        blank=True,
        max_length=300,
        help_text="A web page with the complaints procedure, if there is one.",
    )
    has_risk_register = models.CharField(
        "has a risk register",
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
        help_text="Whether the partnership keeps a risk register of its own (as a council's register says).",
    )
    notes = models.TextField(
        blank=True, max_length=5000, help_text="Anything else the council's register notes about it."
    )
    latest_year_contribution = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        editable=False,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="The council's costed contribution in the latest year recorded (kept by the register).",
    )

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["name", "id"], name="partnership_name"),
            models.Index(fields=["status", "name"], name="partnership_status_name"),
            models.Index(fields=["status", "partnership_type"], name="partnership_status_type"),
            models.Index(fields=["partnership_type", "name"], name="partnership_type_name"),
            models.Index(fields=["directorate", "name"], name="partnership_dir_name"),
            models.Index(fields=["council_role", "name"], name="partnership_role_name"),
            models.Index(fields=["proposed_end_date"], name="partnership_end"),
            models.Index(fields=["latest_year_contribution"], name="partnership_contribution"),
            models.Index(fields=["updated_at"], name="partnership_updated"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_finished(self) -> bool:
        """Closed, rejected or withdrawn: kept in the register, read-only."""
        return self.status in FINISHED_STATUSES

    def is_linked_to(self, user) -> bool:
        """Whether the user is linked to it (the access policy asks): staff by a current role on it,
        partners by their organisation's current membership of it."""
        links: models.QuerySet[Membership] | models.QuerySet[PartnershipRole] | None
        if user.role == Role.PARTNER:
            links = (
                self.memberships.filter(organisation_id=user.organisation_id)
                if user.organisation_id
                else None
            )
        else:
            links = self.roles.filter(person_id=user.person_id) if user.person_id else None
        today = clock.today()
        return links is not None and links.filter(Q(end_date__isnull=True) | Q(end_date__gte=today)).exists()


class Membership(models.Model):
    """An organisation's membership of a partnership."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "register.Organisation", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    start_date = models.DateField(null=True, blank=True, help_text="When it joined.")
    end_date = models.DateField(null=True, blank=True, help_text="When it left, if it has.")
    notes = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="one_membership_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.partnership}"


class PriorityLink(models.Model):
    """How a partnership contributes to one of the council's corporate priorities."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="priority_links")
    priority = models.ForeignKey("register.CorporatePriority", on_delete=models.PROTECT)
    how = models.TextField(max_length=2000, help_text="How the partnership contributes to this priority.")

    class Meta:
        ordering = ["priority__code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "priority"], name="one_link_per_priority")
        ]

    def __str__(self) -> str:
        return f"{self.partnership} → {self.priority}"
