"""Joint risk registers: risks and opportunities on a partnership, scored on the council's matrix.

Each score is an immutable `Assessment` (inherent, current or target) stamped with the framework
version and matrix it was made on; a re-score adds a new one. The risk keeps a copy of its latest
scores (`*_score`, `*_band`...) so registers and heat maps over the whole council are one query.
"""

from django.conf import settings
from django.db import models

from accord.kernel.audit.append_only import AppendOnly


class Kind(models.TextChoices):
    RISK = "risk", "Risk"
    OPPORTUNITY = "opportunity", "Opportunity"


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Stage(models.TextChoices):
    """Which score: before any controls, now, and where the controls should bring it."""

    INHERENT = "inherent", "Inherent"
    CURRENT = "current", "Current"
    TARGET = "target", "Target"


class Risk(models.Model):
    partnership = models.ForeignKey("register.Partnership", on_delete=models.PROTECT, related_name="risks")
    reference = models.CharField(max_length=20, help_text="Unique in the partnership, e.g. R-01.")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.RISK)
    title = models.CharField(max_length=300)
    objective = models.TextField(
        "objective it threatens", blank=True, max_length=2000, help_text="The partnership objective at stake."
    )
    category_id = models.CharField("category", max_length=60, blank=True)
    cause = models.TextField(blank=True, max_length=3000)
    event = models.TextField(blank=True, max_length=3000)
    consequence = models.TextField(blank=True, max_length=3000)
    identified_on = models.DateField("date identified")
    owner = models.CharField("risk owner", max_length=200, help_text="The person who owns the risk.")
    lead_officers = models.CharField("lead officer(s)", max_length=300, blank=True)
    partners = models.ManyToManyField(
        "register.Organisation", blank=True, related_name="risks", verbose_name="partners involved"
    )
    strategy_id = models.CharField("strategy", max_length=60, blank=True)
    contingency_plan = models.TextField(blank=True, max_length=5000)
    next_review_on = models.DateField("next review", null=True, blank=True)
    framework_answers = models.JSONField(
        "answers to the framework's own columns",
        default=dict,
        blank=True,
        help_text="Answers to columns of the framework's risk register that Accord has no field for, by "
        "column id (e.g. how the objective fits the council's ambitions).",
    )
    library_id = models.CharField(
        max_length=80, blank=True, help_text="The library risk it was adapted from."
    )
    status = models.CharField(max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    closed_on = models.DateField(null=True, blank=True)
    closed_reason = models.TextField(blank=True, max_length=3000)
    escalated_on = models.DateField(
        null=True,
        blank=True,
        help_text="When it was flagged to the Partnership Board and departmental register.",
    )
    escalation_note = models.TextField(blank=True, max_length=3000)
    # The latest score at each stage, kept in step by accord.domain.risks.services.
    inherent_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    inherent_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    inherent_score = models.PositiveSmallIntegerField(null=True, blank=True)
    inherent_band = models.CharField(max_length=40, blank=True)
    current_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    current_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    current_score = models.PositiveSmallIntegerField(null=True, blank=True)
    current_band = models.CharField(max_length=40, blank=True)
    target_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    target_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    target_score = models.PositiveSmallIntegerField(null=True, blank=True)
    target_band = models.CharField(max_length=40, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["partnership", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "reference"], name="one_risk_reference_per_partnership"
            )
        ]
        indexes = [
            models.Index(fields=["status", "current_band"], name="risk_status_band"),
            models.Index(fields=["status", "current_likelihood", "current_impact"], name="risk_status_cell"),
            models.Index(fields=["status", "inherent_likelihood", "inherent_impact"], name="risk_status_inh"),
            models.Index(fields=["status", "target_likelihood", "target_impact"], name="risk_status_tgt"),
            models.Index(fields=["status", "next_review_on"], name="risk_status_review"),
            models.Index(fields=["status", "category_id"], name="risk_status_category"),
            # The council list filtered by band and category, in review order (its default sort).
            models.Index(
                fields=["status", "current_band", "category_id", "next_review_on"],
                name="risk_band_category_review",
            ),
            models.Index(fields=["partnership", "status"], name="risk_partnership_status"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class Assessment(AppendOnly):
    """One score of one risk at one stage, on the matrix of the framework version in force."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="assessments")
    stage = models.CharField(max_length=10, choices=Stage.choices)
    likelihood = models.PositiveSmallIntegerField()
    impact = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField()
    band_id = models.CharField(max_length=40)
    band_name = models.CharField(max_length=100)
    likelihood_name = models.CharField(max_length=100)
    impact_name = models.CharField(max_length=100)
    matrix = models.CharField(max_length=10, help_text="e.g. 4×4")
    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=40)
    note = models.TextField(blank=True, max_length=3000)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, db_constraint=False
    )
    assessed_by_name = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["risk", "stage", "at"], name="assessment_risk_stage")]
        verbose_name = "risk assessment"

    def __str__(self) -> str:
        return f"{self.risk.reference} {self.stage} score: {self.score} {self.band_name} ({self.matrix})"


class ControlStatus(models.TextChoices):
    IN_PLACE = "in_place", "In place"
    PLANNED = "planned", "Planned"


class Control(models.Model):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="controls")
    description = models.TextField(max_length=3000)
    status = models.CharField(max_length=10, choices=ControlStatus.choices)
    partners = models.ManyToManyField("register.Organisation", blank=True, verbose_name="partners involved")

    class Meta:
        ordering = ["status", "id"]

    def __str__(self) -> str:
        return self.description[:80]


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class RiskAction(models.Model):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(max_length=3000)
    owner = models.CharField(max_length=200)
    due_on = models.DateField("due date")
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"], name="risk_action_due")]

    def __str__(self) -> str:
        return self.description[:80]


class Review(AppendOnly):
    """A review of a risk: when, by whom, what was found; sets the next review date."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    notes = models.TextField(max_length=3000)
    next_review_on = models.DateField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, db_constraint=False
    )
    reviewed_by_name = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        verbose_name = "risk review"

    def __str__(self) -> str:
        return f"{self.risk.reference} reviewed on {self.reviewed_on:%-d %B %Y}"


class HeatCount(models.Model):
    """How many open risks sit in each cell of the heat map at each stage, across the council, kept
    in step by accord.domain.risks.services so the council heat map is one small query (0, 0 = not scored)."""

    stage = models.CharField(max_length=10, choices=Stage.choices)
    likelihood = models.PositiveSmallIntegerField()
    impact = models.PositiveSmallIntegerField()
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stage", "likelihood", "impact"], name="one_heat_count_per_cell")
        ]

    def __str__(self) -> str:
        return f"{self.stage} {self.likelihood}×{self.impact}: {self.count}"
