"""Forms for moving a partnership through its cycle."""

from django import forms

from accord.kernel import clock
from accord.kernel.ui.forms import GovukForm
from accord.kernel.ui.widgets import GovukDateField

from .services import RETROSPECTIVE_TARGETS


class MoveForm(GovukForm):
    expected_status = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Reason",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Recorded with the decision in the partnership's history.",
    )
    reference = forms.CharField(
        label="Decision reference",
        required=False,
        max_length=200,
        help_text="For example, 'Executive Cabinet minute 23/45' or 'Record of Delegated Decision 2024/112'.",
    )
    decided_on = GovukDateField(
        label="Date of the decision", required=True, help_text="For example, 27 3 2026"
    )

    def __init__(self, *args, check=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].initial = clock.today()
        if check is not None:
            self.fields["expected_status"].initial = check.current
            if check.needs_reason:
                self.fields["reason"].label = "Reason for this decision"
            else:
                self.fields["reason"].label = "Notes (optional)"
            if not check.needs_reference:
                self.fields["reference"].label = "Decision reference (optional)"
        self.check = check

    def clean(self):
        cleaned = super().clean()
        if self.check is not None:
            if self.check.needs_reason and not (cleaned.get("reason") or "").strip():
                self.add_error("reason", "Enter the reason for this decision")
            if self.check.needs_reference and not (cleaned.get("reference") or "").strip():
                self.add_error("reference", "Enter the decision reference, for example a minute number")
        decided_on = cleaned.get("decided_on")
        if decided_on and decided_on > clock.today():
            self.add_error("decided_on", "Date of the decision must be today or in the past")
        return cleaned


class RetrospectiveForm(GovukForm):
    target = forms.ChoiceField(
        label="Where is the partnership in its cycle now?",
        widget=forms.RadioSelect,
        choices=[
            (s, label)
            for s, label in (
                ("active", "Active: approved and working"),
                ("under_review", "Under review"),
                ("leaving", "Leaving: the council has decided to leave"),
            )
            if s in RETROSPECTIVE_TARGETS
        ],
    )
    reason = forms.CharField(
        label="How did it get there?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, 'Approved by Executive Cabinet in 2019; agreement signed March 2020.'",
    )
    reference = forms.CharField(
        label="Decision reference (optional)",
        required=False,
        max_length=200,
        help_text="The minute or record of the decision that approved it, if known.",
    )
    decided_on = GovukDateField(
        label="Date of that decision", required=True, help_text="For example, 27 3 2019"
    )

    def clean_decided_on(self):
        value = self.cleaned_data["decided_on"]
        if value and value > clock.today():
            raise forms.ValidationError("Date of that decision must be today or in the past")
        return value


class GateOverrideForm(GovukForm):
    reason = forms.CharField(
        label="Why may the partnership move on without it?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Your name, the date and this reason are recorded in the partnership's history, shown "
        "on its record and cycle page, and listed in the annual report.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter the reason for overriding this requirement"
