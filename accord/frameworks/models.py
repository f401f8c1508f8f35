"""Results of applying a framework to a partnership, each stamped with the framework id and version
that produced it, so last year's result stays explainable after the framework changes."""

from django.conf import settings
from django.db import models

from accord.kernel.audit.append_only import Recorded


class Classification(models.Model):
    """The answer to "is this arrangement a partnership?", from the guided questions."""

    partnership = models.ForeignKey(
        "register.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="classifications",
    )
    arrangement = models.CharField(max_length=200, help_text="The arrangement being classified.")
    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=30)
    answers = models.JSONField(default=dict)
    is_partnership = models.BooleanField()
    reasons = models.JSONField(default=list)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.arrangement}: {'a partnership' if self.is_partnership else 'not a partnership'}"


class SignificanceAssessment(models.Model):
    """The tier a partnership is in, with the reasons, and any override by an administrator."""

    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.CASCADE, related_name="significance_assessments"
    )
    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=30)
    answers = models.JSONField(
        default=dict, help_text="Answers to the tier's questions (question id → yes/no)."
    )
    tier_id = models.CharField(max_length=60)
    tier_name = models.CharField(max_length=200)
    reasons = models.JSONField(default=list)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assessed_at = models.DateTimeField(auto_now_add=True)
    override_tier_id = models.CharField(max_length=60, blank=True)
    override_tier_name = models.CharField(max_length=200, blank=True)
    override_reason = models.TextField(blank=True, max_length=2000)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-assessed_at", "-id"]
        indexes = [models.Index(fields=["partnership", "-assessed_at"], name="significance_latest")]

    def __str__(self) -> str:
        return f"{self.partnership}: {self.effective_tier_name}"

    @property
    def effective_tier_id(self) -> str:
        return self.override_tier_id or self.tier_id

    @property
    def effective_tier_name(self) -> str:
        return self.override_tier_name or self.tier_name

    @property
    def overridden(self) -> bool:
        return bool(self.override_tier_id)


class ObligationStatus(models.Model):
    """One obligation's status for one partnership, as last computed: kept so the dashboard and
    reports can count across the whole register with one query (refreshed on change and daily)."""

    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.CASCADE, related_name="obligation_statuses"
    )
    directorate_id = models.BigIntegerField(help_text="The partnership's directorate, kept for filtering.")
    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=30)
    tier_id = models.CharField(max_length=60)
    tier_name = models.CharField(max_length=200)
    overridden = models.BooleanField(default=False)
    obligation_id = models.CharField(max_length=60)
    status = models.CharField(max_length=20)
    due = models.DateField(null=True, blank=True)
    evidence = models.DateField(null=True, blank=True)
    computed_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "obligation_id"], name="one_status_per_obligation")
        ]
        indexes = [
            models.Index(fields=["framework_id", "obligation_id", "status"], name="obligation_status_lookup"),
        ]

    def __str__(self) -> str:
        return f"{self.partnership_id} {self.obligation_id}: {self.status}"


class ComplianceCount(models.Model):
    """How many partnerships have each status of each obligation, by directorate and tier."""

    framework_id = models.CharField(max_length=60)
    directorate_id = models.BigIntegerField()
    tier_id = models.CharField(max_length=60)
    obligation_id = models.CharField(max_length=60)
    status = models.CharField(max_length=20)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["framework_id", "directorate_id", "tier_id", "obligation_id", "status"],
                name="one_count_per_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.obligation_id} {self.status}: {self.count}"


class ComplianceSnapshot(models.Model):
    """When the register's obligation statuses were last worked out in full, for which framework."""

    framework_id = models.CharField(max_length=60, unique=True)
    framework_version = models.CharField(max_length=30)
    refreshed_on = models.DateField()
    partnerships = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.framework_id} {self.framework_version} on {self.refreshed_on}"


class TrackingStart(Recorded):
    """The day Accord began tracking the council's duties (go-live). The latest row counts; earlier
    rows stay as the setting's history. Duties that fell due before it are never Overdue (ADR 0021)."""

    started_on = models.DateField()
    reason = models.TextField(max_length=2000)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "tracking start"

    def __str__(self) -> str:
        return f"Tracking from {self.started_on:%-d %B %Y}"


class PriorCompletion(Recorded):
    """When a duty was last done before Accord tracked it, as the council recorded it (a review held
    in March 2024, say). The latest row for a partnership and obligation counts; it may only name a
    day before tracking began, so it can never stand in for evidence recorded in Accord."""

    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="prior_completions"
    )
    obligation_id = models.CharField(max_length=60)
    done_on = models.DateField("last done")
    note = models.TextField(blank=True, max_length=2000)
    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=30)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "record of when a duty was last done"
        verbose_name_plural = "records of when duties were last done"
        indexes = [models.Index(fields=["partnership", "obligation_id"], name="prior_completion_lookup")]

    def __str__(self) -> str:
        return f"{self.obligation_id} last done {self.done_on:%-d %B %Y}"


class FrameworkAdoption(Recorded):
    """An administrator adopting one version of a framework from a day (ADR 0035). A version takes
    effect only once adopted; a later adoption replaces one still pending when it was made (of the same
    version, or taking effect on or after it). The file's sha256 is kept, so a file changed after its
    adoption is noticed."""

    framework_id = models.CharField(max_length=60)
    version = models.CharField(max_length=30)
    takes_effect_on = models.DateField("takes effect on")
    file_name = models.CharField(max_length=300)
    sha256 = models.CharField("file's SHA-256", max_length=64)
    reason = models.TextField(max_length=2000)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "framework adoption"
        indexes = [models.Index(fields=["framework_id", "at"], name="framework_adoption_lookup")]

    def __str__(self) -> str:
        return f"{self.framework_id} version {self.version} from {self.takes_effect_on:%-d %B %Y}"

    @property
    def adopted_by(self) -> str:
        return self.recorded_by_name

    @property
    def adopted_at(self):
        return self.at
