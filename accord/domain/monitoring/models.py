"""Performance monitoring and progress reports on a partnership.

- `Indicator`: a SMART performance indicator (definition, baseline, target, unit, frequency, source,
  owner) and which way is better (Central Bedfordshire 2.13; Northampton "Performance Management").
- `IndicatorValue`: the actual for one period, its status against the target it was judged on (set
  by the pure engine `accord.domain.monitoring.performance`), and the corrective action agreed when it is
  off target: the exception report (Central Bedfordshire 2.13.2).
- `Milestone`: the annual delivery plan (Central Bedfordshire 2.13.7).
- `BudgetYear`: the council's budget for the partnership against the actual, per financial year
  (Chorley's key partnerships report: "whether contracts are on budget").
- `ProgressReport`: a report on the framework's template (Redditch §8 and App 3), draft then submitted.
"""

from decimal import Decimal
from typing import TypedDict

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from . import performance


class Direction(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    SIX_MONTHLY = "six_monthly", "Every six months"
    ANNUAL = "annual", "Yearly"


class Status(models.TextChoices):
    ON_TARGET = performance.ON_TARGET, "On target"
    NEAR_TARGET = performance.NEAR_TARGET, "Near target"
    OFF_TARGET = performance.OFF_TARGET, "Off target"


class Digits(TypedDict):
    """A decimal field's size, given to the model's fields and the forms' alike."""

    max_digits: int
    decimal_places: int


MONEY: Digits = {"max_digits": 14, "decimal_places": 2}
MEASURE: Digits = {"max_digits": 14, "decimal_places": 2}


class Indicator(models.Model):
    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="indicators"
    )
    name = models.CharField(max_length=200)
    definition = models.TextField(
        max_length=3000, help_text="What is measured and how, so anyone would count it the same way."
    )
    unit = models.CharField(max_length=40, help_text="For example %, people, days or £.")
    baseline = models.DecimalField(**MEASURE, null=True, blank=True, help_text="Where it started.")
    target = models.DecimalField(**MEASURE)
    direction = models.CharField(max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    tolerance = models.DecimalField(
        **MEASURE,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text="How far short of the target still counts as near target, in the indicator's unit.",
    )
    frequency = models.CharField(max_length=12, choices=Frequency.choices, default=Frequency.QUARTERLY)
    source = models.CharField("data source", max_length=300)
    owner = models.CharField(max_length=200, help_text="The person who reports it.")
    active = models.BooleanField(default=True, help_text="Whether values are still being reported.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["partnership", "-active", "name", "id"]
        indexes = [models.Index(fields=["partnership", "active"], name="indicator_partnership")]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    period_label = models.CharField("period", max_length=40)
    period_start = models.DateField()
    period_end = models.DateField()
    actual = models.DecimalField(**MEASURE)
    target = models.DecimalField(
        **MEASURE, help_text="The target the value was judged against (the indicator's when recorded)."
    )
    status = models.CharField(max_length=12, choices=Status.choices)
    note = models.TextField(blank=True, max_length=3000)
    corrective_action = models.TextField(
        blank=True, max_length=3000, help_text="Agreed when the value is off target (the exception report)."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "period_start"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period_start"], name="one_value_per_period")
        ]
        indexes = [
            models.Index(fields=["status", "period_end"], name="value_status_period"),
            models.Index(fields=["indicator", "-period_end"], name="value_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period_label}: {self.actual}"


class MilestoneStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    DONE = "done", "Done"
    MISSED = "missed", "Missed"


YEAR = [MinValueValidator(1990), MaxValueValidator(2100)]


class Milestone(models.Model):
    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="milestones"
    )
    plan_year = models.PositiveIntegerField(
        "delivery plan year",
        validators=YEAR,
        help_text="The year the financial year starts in: 2026 is 2026/27.",
    )
    title = models.CharField("milestone", max_length=300)
    due_on = models.DateField("due date")
    owner = models.CharField(max_length=200)
    status = models.CharField(
        max_length=12, choices=MilestoneStatus.choices, default=MilestoneStatus.NOT_STARTED
    )
    completed_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True, max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partnership", "plan_year", "due_on", "id"]
        indexes = [models.Index(fields=["partnership", "plan_year"], name="milestone_plan_year")]

    def __str__(self) -> str:
        return self.title


class BudgetYear(models.Model):
    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="budget_years"
    )
    year = models.PositiveIntegerField(
        "financial year", validators=YEAR, help_text="The year the financial year starts in: 2026 is 2026/27."
    )
    budget = models.DecimalField("budget (£)", **MONEY, validators=[MinValueValidator(Decimal("0"))])
    actual = models.DecimalField(
        "actual (£)", **MONEY, null=True, blank=True, validators=[MinValueValidator(Decimal("0"))]
    )
    explanation = models.TextField(blank=True, max_length=3000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["partnership", "-year"]
        constraints = [models.UniqueConstraint(fields=["partnership", "year"], name="one_budget_per_year")]

    def __str__(self) -> str:
        return f"Budget {performance.financial_year_label(self.year)}"

    @property
    def on_budget(self) -> bool | None:
        return performance.on_budget(self.budget, self.actual)

    @property
    def variance(self) -> Decimal | None:
        return performance.variance(self.budget, self.actual)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class ProgressReport(models.Model):
    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="progress_reports"
    )
    artefact_id = models.CharField("report", max_length=80, help_text="The framework artefact it meets.")
    template_id = models.CharField(max_length=80, blank=True)
    period_start = models.DateField("period from")
    period_end = models.DateField("period to")
    answers = models.JSONField(default=dict, blank=True)
    headings = models.JSONField(
        default=list, blank=True, help_text="The template's headings as submitted: [{id, text}]."
    )
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    submitted_on = models.DateField(null=True, blank=True)
    is_published = models.BooleanField(
        "published to the public",
        default=False,
        help_text="Whether this submitted report appears on the published register.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    framework_id = models.CharField(max_length=60, blank=True)
    framework_version = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["partnership", "-period_end", "-id"]
        indexes = [
            models.Index(fields=["partnership", "status"], name="progress_partnership_status"),
            models.Index(fields=["status", "submitted_on"], name="progress_submitted"),
        ]

    def __str__(self) -> str:
        return f"Progress report {self.period_start:%-d %B %Y} to {self.period_end:%-d %B %Y}"
