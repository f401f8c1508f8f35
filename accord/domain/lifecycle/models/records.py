"""What a partnership has produced in the cycle: one record per artefact, and the files behind it.

Every artefact Accord keeps — a business case, a checklist, the sign-off, the agreement, the
decision to leave, the leaving form or any other document the framework asks for — is an
`ArtefactRecord` keyed by its `slot`. Singletons use their kind as the slot (`business_case`,
`sign_off`, `agreement`, `exit_decision`, `exit_report`); anything else uses the framework's
artefact id. `answers` holds structured content; `complete` says whether it is finished by the
rules in accord.domain.lifecycle.content. Each save makes a new `revision`, so approvals given to an
earlier revision no longer count.
"""

from django.conf import settings
from django.db import models


class ArtefactRecord(models.Model):
    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="artefacts"
    )
    slot = models.CharField(max_length=60)
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, max_length=10000, help_text="What it says, or where it is kept.")
    produced_on = models.DateField(null=True, blank=True, help_text="The date it was produced or agreed.")
    answers = models.JSONField(default=dict, blank=True)
    complete = models.BooleanField(default=False)
    revision = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", db_constraint=False
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", db_constraint=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "record"
        ordering = ["partnership", "slot"]
        constraints = [models.UniqueConstraint(fields=["partnership", "slot"], name="one_record_per_slot")]

    def __str__(self) -> str:
        """As history shows it: "Business case for Riverside Community Trust" (never an id)."""
        return f"{self.title} for {self.partnership.name}"


def upload_path(instance: "EvidenceFile", filename: str) -> str:
    return f"partnerships/{instance.partnership_id}/{instance.slot}/{filename}"


class EvidenceFile(models.Model):
    """An uploaded file supporting an artefact (or one answer in it). Files are stored outside the
    web root and served only through Accord to users who may see the partnership."""

    partnership = models.ForeignKey("register.Partnership", on_delete=models.PROTECT, related_name="files")
    slot = models.CharField(max_length=60)
    section = models.CharField(max_length=60, blank=True, help_text="The answer it supports, if one.")
    file = models.FileField(upload_to=upload_path, max_length=300)
    name = models.CharField(max_length=200, help_text="The file's name as uploaded.")
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    description = models.CharField(max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", db_constraint=False
    )
    uploaded_by_name = models.CharField(max_length=200)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["partnership", "slot"], name="file_slot")]

    def __str__(self) -> str:
        return self.name


class Consultee(models.Model):
    """One row of the sign-off (Bury App 3): who was consulted, what they advised, and whether the
    advice was followed."""

    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="consultees"
    )
    department = models.CharField(max_length=200, help_text="e.g. Legal Services, Finance, Procurement.")
    key_areas = models.TextField(max_length=2000, help_text="The key areas they were consulted on.")
    officer_name = models.CharField("advising officer's name", max_length=200)
    officer_position = models.CharField("advising officer's position", max_length=200)
    advice = models.TextField("advice given", max_length=5000)
    followed = models.BooleanField("advice followed")
    why_not_followed = models.TextField(
        "why the advice was not followed", blank=True, max_length=5000, help_text="Needed if it was not."
    )
    consulted_on = models.DateField("date consulted", null=True, blank=True)

    class Meta:
        ordering = ["department", "id"]

    def __str__(self) -> str:
        return f"{self.department}: {self.officer_name}"


class DocumentType(models.TextChoices):
    MOU = "mou", "Memorandum of understanding"
    AGREEMENT = "agreement", "Partnership agreement"
    TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference"
    CONSTITUTION = "constitution", "Constitution"
    CONTRACT = "contract", "Contract"


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AGREED = "agreed", "Agreed"
    SIGNED = "signed", "Signed"
    UNKNOWN = "unknown", "Not known"  # named in an imported register, its state not said (issue 18)


class Agreement(models.Model):
    """The partnership's governing document (Bury 7.5, Redditch App 10, Chorley 'Governance')."""

    partnership = models.OneToOneField(
        "register.Partnership", on_delete=models.PROTECT, related_name="agreement"
    )
    document_type = models.CharField(max_length=30, choices=DocumentType.choices)
    title = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT)
    agreed_on = models.DateField(null=True, blank=True, help_text="When the partners agreed it.")
    signed_on = models.DateField(null=True, blank=True, help_text="When the last partner signed it.")
    next_review_on = models.DateField(
        "next review date", null=True, blank=True, help_text="At least once a year."
    )
    termination_notice = models.CharField(
        max_length=200, blank=True, help_text="Notice a partner must give to leave, e.g. '6 months'."
    )
    coverage = models.JSONField(default=dict, blank=True, help_text="{heading id: where it is covered}")
    gap_reasons = models.JSONField(
        default=dict, blank=True, help_text="{heading id: why it is not covered}, for the approvers to accept"
    )

    def __str__(self) -> str:
        return self.title


class Signatory(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(max_length=200)
    position = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey("register.Organisation", on_delete=models.PROTECT)
    signed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["organisation__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"
