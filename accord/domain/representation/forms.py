"""Forms for outside-body duties: a meeting with each representative's attendance, and a report-back."""

from datetime import date

from django import forms

from accord.kernel import clock
from accord.kernel.ui.forms import GovukForm, field_of
from accord.kernel.ui.widgets import GovukDateField, YesNoField
from accord.register.models import Person

from .models import AttendanceStatus


def _not_in_future(form: forms.Form, name: str) -> None:
    value = form.cleaned_data.get(name)
    if value and value > clock.today():
        form.add_error(name, f"{form.fields[name].label} must be today or in the past")


class MeetingForm(GovukForm):
    held_on = GovukDateField(label="Date of the meeting", help_text="For example, 12 3 2026")
    title = forms.CharField(
        label="Meeting", max_length=200, help_text="For example, 'Partnership Board' or 'Steering Group'."
    )
    notes = forms.CharField(label="Notes (optional)", required=False, max_length=3000, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].error_messages["required"] = "Enter the date of the meeting"
        self.fields["title"].error_messages["required"] = "Enter the name of the meeting"

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "held_on")
        return cleaned


class AttendanceForm(GovukForm):
    """One representative's attendance at a meeting (the form is prefixed per representative)."""

    status = forms.ChoiceField(choices=AttendanceStatus.choices, widget=forms.RadioSelect)
    substitute = forms.ModelChoiceField(
        label="Substitute who went instead",
        queryset=Person.objects.none(),
        required=False,
        empty_label="No substitute",
        help_text="Only if a substitute went.",
    )
    substitute_briefed = YesNoField(
        label="Was the substitute briefed before the meeting?",
        required=False,
        help_text="Only if a substitute went.",
    )
    briefed_on = GovukDateField(
        label="Date the substitute was briefed", required=False, help_text="Optional. For example, 10 3 2026"
    )
    notes = forms.CharField(label="Notes (optional)", required=False, max_length=500)

    def __init__(self, *args, person: Person, substitutes, held_on: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["status"].label = f"Did {person.name} attend?"
        self.fields["status"].error_messages["required"] = f"Select whether {person.name} attended"
        field_of(self, "substitute", forms.ModelChoiceField).queryset = substitutes.exclude(pk=person.pk)
        self.fields["substitute"].label = f"Substitute who went instead of {person.name}"

    def clean(self):
        cleaned = super().clean()
        sent = cleaned.get("status") == AttendanceStatus.SUBSTITUTE
        if sent:
            if not cleaned.get("substitute"):
                self.add_error("substitute", "Select the substitute who went")
            if cleaned.get("substitute_briefed") is None:
                self.add_error(
                    "substitute_briefed", "Select yes if the substitute was briefed before the meeting"
                )
        else:
            if cleaned.get("substitute"):
                self.add_error(
                    "substitute", "Choose ‘Sent a substitute’, or leave the substitute as ‘No substitute’"
                )
            cleaned["substitute_briefed"] = False
            cleaned["briefed_on"] = None
        if cleaned.get("briefed_on") and not cleaned.get("substitute_briefed"):
            self.add_error("briefed_on", "Leave the date empty if the substitute was not briefed")
        _not_in_future(self, "briefed_on")
        return cleaned

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "person": self.person,
            "status": data["status"],
            "substitute": data.get("substitute"),
            "substitute_briefed": bool(data.get("substitute_briefed")),
            "briefed_on": data.get("briefed_on"),
            "notes": data.get("notes", "").strip(),
        }


class ReportBackForm(GovukForm):
    person = forms.ModelChoiceField(
        label="Who reported back?", queryset=Person.objects.none(), empty_label=None
    )
    reported_on = GovukDateField(label="Date reported back", help_text="For example, 12 3 2026")
    reported_to = forms.CharField(
        label="Reported to", max_length=200, help_text="The body or person, for example 'Executive Cabinet'."
    )
    summary = forms.CharField(label="What was reported", max_length=5000, widget=forms.Textarea)
    policy_issues = YesNoField(label="Did it raise policy issues?")
    performance_issues = YesNoField(label="Did it raise performance issues?")

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "person", forms.ModelChoiceField).queryset = people
        self.fields["person"].error_messages["required"] = "Select who reported back"
        self.fields["reported_on"].error_messages["required"] = "Enter the date reported back"
        self.fields["reported_to"].error_messages["required"] = "Enter who the report went to"
        self.fields["summary"].error_messages["required"] = "Enter what was reported"
        self.fields["policy_issues"].error_messages["required"] = "Select yes if it raised policy issues"
        self.fields["performance_issues"].error_messages["required"] = (
            "Select yes if it raised performance issues"
        )

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "reported_on")
        return cleaned
