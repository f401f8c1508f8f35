"""Reviews of partnerships and their governance assurance ratings.

A `Review` answers one of the framework's review question banks (Redditch App 4a's self-assessment,
Chorley's three-yearly review...) for one review artefact, starting from the last completed
review's answers; it ends in a decision (continue, change or withdraw) and re-confirms the business
case (Redditch 9). Its `ReviewAction`s are tracked until done. Completing a review records an
`AssuranceRating`, proposed by the framework's rules and kept for good (append-only: a later rating
supersedes, nothing rewrites).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from accord.kernel.audit.append_only import AppendOnly


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "In progress"
    COMPLETE = "complete", "Complete"


class Decision(models.TextChoices):
    CONTINUE = "continue", "Continue as it is"
    CHANGE = "change", "Continue with changes"
    WITHDRAW = "withdraw", "Withdraw from the partnership"


class Review(models.Model):
    partnership = models.ForeignKey("register.Partnership", on_delete=models.PROTECT, related_name="reviews")
    artefact_id = models.CharField("review", max_length=60, help_text="The framework artefact it meets.")
    bank_id = models.CharField("questions", max_length=60, help_text="The framework question bank answered.")
    artefact_name = models.CharField(max_length=300, blank=True)
    period_start = models.DateField("period from")
    period_end = models.DateField("period to")
    started_on = models.DateField()
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The completed review its answers started from.",
    )
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    decision_notes = models.TextField(blank=True, max_length=5000)
    business_case_reconfirmed = models.BooleanField("business case re-confirmed", null=True, blank=True)
    business_case_notes = models.TextField(blank=True, max_length=5000)
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    framework_id = models.CharField(max_length=60, blank=True)
    framework_version = models.CharField(max_length=40, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["partnership", "status", "completed_on"], name="review_partnership"),
            models.Index(fields=["status", "completed_on"], name="review_completed"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "artefact_id"],
                condition=Q(status="draft"),
                name="one_review_in_progress_per_artefact",
            )
        ]

    def __str__(self) -> str:
        period = f"{self.period_start:%-d %b %Y} to {self.period_end:%-d %b %Y}"
        return f"{self.artefact_name or self.artefact_id} ({period})"

    @property
    def is_complete(self) -> bool:
        return self.status == ReviewStatus.COMPLETE


class ReviewAnswer(models.Model):
    """One question of the review's bank: a score 1–3 (score_1_3 banks), yes or no (yes/no banks) or
    text (text banks, kept in `evidence`), with the evidence and the actions needed."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=60)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    answer = models.CharField(max_length=3, blank=True, help_text="yes or no on a yes/no bank")
    evidence = models.TextField(blank=True, max_length=10000)
    actions = models.TextField("actions needed", blank=True, max_length=5000)
    confirmed = models.BooleanField(
        default=False, help_text="Answered in this review (a pre-filled answer is not, until saved)."
    )

    class Meta:
        ordering = ["review", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "question_id"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"Answer to question {self.question_id.replace('_', ' ')}"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class ReviewAction(models.Model):
    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="review_actions"
    )
    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="actions")
    question_id = models.CharField(max_length=60, blank=True, help_text="The question that raised it.")
    description = models.TextField("action", max_length=3000)
    owner = models.ForeignKey(
        "register.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="review_actions"
    )
    owner_name = models.CharField(max_length=200)
    due_on = models.DateField("due date")
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    done_on = models.DateField(null=True, blank=True)
    progress = models.TextField("progress note", blank=True, max_length=3000)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["status", "due_on"], name="review_action_due"),
            models.Index(fields=["partnership", "status"], name="review_action_partnership"),
        ]

    def __str__(self) -> str:
        return self.description[:80]


class Level(models.TextChoices):
    SUBSTANTIAL = "substantial", "Substantial"
    REASONABLE = "reasonable", "Reasonable"
    LIMITED = "limited", "Limited"
    WEAK = "weak", "Weak"


class AssuranceRating(AppendOnly):
    """A governance assurance rating: the level given, the level the framework's rules proposed and
    why, and the reviewer's reason where they differ."""

    partnership = models.ForeignKey("register.Partnership", on_delete=models.PROTECT, related_name="ratings")
    review = models.ForeignKey(
        Review, on_delete=models.PROTECT, null=True, blank=True, related_name="ratings"
    )
    level = models.CharField(max_length=12, choices=Level.choices)
    proposed_level = models.CharField(max_length=12, choices=Level.choices)
    reasons = models.JSONField(default=list, help_text="Why the rules proposed it: [{text, cite}].")
    override_reason = models.TextField(blank=True, max_length=5000)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    rated_by_name = models.CharField(max_length=200, blank=True)
    rated_on = models.DateField()
    framework_id = models.CharField(max_length=60)
    framework_version = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["rated_on", "created_at", "id"]
        indexes = [models.Index(fields=["partnership", "rated_on"], name="rating_partnership")]

    def __str__(self) -> str:
        return f"{self.get_level_display()} on {self.rated_on:%-d %B %Y}"

    @property
    def overridden(self) -> bool:
        return self.level != self.proposed_level
