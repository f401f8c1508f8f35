"""Forms for the sign-off's consultee rows, approvers' decisions and appointments to framework roles."""

from django import forms
from django.contrib.auth import get_user_model

from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.kernel.accounts.models import Role
from accord.kernel.ui.forms import GovukForm, field_of
from accord.kernel.ui.widgets import GovukDateField, YesNoField

from .models import Appointment, Outcome


def _messages(form: forms.Form, required: dict[str, str]) -> None:
    for name, message in required.items():
        form.fields[name].error_messages["required"] = message


def _not_in_future(form: forms.Form, name: str, label: str) -> None:
    value = form.cleaned_data.get(name)
    if value and value > clock.today():
        form.add_error(name, f"{label} must be today or in the past")


class ConsulteeForm(GovukForm):
    """One row of the sign-off: who was consulted, what they advised, and whether it was followed."""

    department = forms.CharField(
        label="Department or service consulted",
        max_length=200,
        help_text="For example, Legal Services, Finance or Procurement.",
    )
    key_areas = forms.CharField(
        label="Key areas they were consulted on", max_length=2000, widget=forms.Textarea
    )
    officer_name = forms.CharField(label="Advising officer's name", max_length=200)
    officer_position = forms.CharField(
        label="Advising officer's position", max_length=200, help_text="For example, Senior Solicitor."
    )
    advice = forms.CharField(label="Advice given", max_length=5000, widget=forms.Textarea)
    followed = YesNoField(label="Was the advice followed?")
    why_not_followed = forms.CharField(
        label="Why was the advice not followed?",
        max_length=5000,
        required=False,
        widget=forms.Textarea,
        help_text="Needed if the advice was not followed.",
    )
    consulted_on = GovukDateField(label="Date consulted", required=False, help_text="For example, 27 3 2025")

    def __init__(self, *args, expected: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if expected:
            self.fields["department"].help_text = "The framework expects: " + "; ".join(expected) + "."
        _messages(
            self,
            {
                "department": "Enter the department or service consulted",
                "key_areas": "Enter the key areas they were consulted on",
                "officer_name": "Enter the advising officer's name",
                "officer_position": "Enter the advising officer's position",
                "advice": "Enter the advice given",
                "followed": "Select yes if the advice was followed",
            },
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("followed") is False and not (cleaned.get("why_not_followed") or "").strip():
            self.add_error("why_not_followed", "Enter why the advice was not followed")
        _not_in_future(self, "consulted_on", "Date consulted")
        return cleaned


class DeclarationForm(GovukForm):
    """The sign-off's declaration, signed by name and dated (Bury App 3)."""

    name = forms.CharField(label="Name", max_length=200)
    signed_on = GovukDateField(label="Date", help_text="For example, 27 3 2027")

    def __init__(self, *args, signed_by: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = f"Name of the {signed_by} signing"
        _messages(self, {"name": f"Enter the name of the {signed_by} signing the declaration"})
        for error in ("required", "incomplete"):
            self.fields["signed_on"].error_messages[error] = "Enter the date the declaration is signed"

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "signed_on", "The date the declaration is signed")
        return cleaned


class RemoveConsulteeForm(GovukForm):
    reason = forms.CharField(
        label="Why are you removing this consultee?",
        max_length=2000,
        widget=forms.Textarea,
        help_text="Recorded in the partnership's history.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _messages(self, {"reason": "Enter the reason for removing this consultee"})


class DecisionForm(GovukForm):
    """An approver's decision: approve or refuse, with a comment and the authority for it."""

    outcome = forms.ChoiceField(
        label="Your decision",
        choices=[(Outcome.APPROVED, "Approve"), (Outcome.REFUSED, "Refuse")],
        widget=forms.RadioSelect,
        help_text="A refusal while the partnership is awaiting approval sends it back to its business case.",
    )
    comment = forms.CharField(
        label="Comment",
        max_length=5000,
        widget=forms.Textarea,
        help_text="Explain the decision. A refusal should say what must change.",
    )
    reference = forms.CharField(
        label="Decision reference (optional)",
        max_length=200,
        required=False,
        help_text="For example, Executive Cabinet minute 23/45.",
    )
    decided_on = GovukDateField(label="Date of the decision", help_text="For example, 27 3 2025")
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31)

    def __init__(self, *args, **kwargs):
        kwargs["initial"] = {"decided_on": clock.today(), **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        _messages(
            self,
            {
                "outcome": "Select approve or refuse",
                "comment": "Enter a comment explaining the decision",
                "decided_on": "Enter the date of the decision",
            },
        )

    def clean(self):
        cleaned = super().clean()
        if "comment" in cleaned and not cleaned["comment"].strip():
            self.add_error("comment", "Enter a comment explaining the decision")
        _not_in_future(self, "decided_on", "Date of the decision")
        return cleaned


def appointable_users():
    """Users who may be appointed to decide: active approvers and administrators."""
    return (
        get_user_model()
        .objects.filter(is_active=True, role__in=[Role.APPROVER, Role.ADMINISTRATOR])
        .select_related("person")
        .order_by("first_name", "last_name", "username")
    )


class AppointmentForm(GovukForm):
    role = forms.ChoiceField(label="Framework role", help_text="As the council's framework names it.")
    user = forms.ChoiceField(label="Person", help_text="Only approvers and administrators can be appointed.")

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = framework
        roles = sorted(framework.roles, key=lambda r: r.title.lower())
        self.titles = {r.id: r.title for r in roles}
        field_of(self, "role", forms.ChoiceField).choices = [("", "Choose a role"), *self.titles.items()]
        self.users = {str(u.pk): u for u in appointable_users()}
        field_of(self, "user", forms.ChoiceField).choices = [("", "Choose a person")] + [
            (pk, f"{u.display_name} ({u.username})") for pk, u in self.users.items()
        ]
        _messages(self, {"role": "Select a framework role", "user": "Select a person"})

    def clean(self):
        cleaned = super().clean()
        role_id, user_pk = cleaned.get("role"), cleaned.get("user")
        if role_id and user_pk:
            cleaned["user_obj"] = self.users[user_pk]
            if Appointment.objects.filter(
                user_id=user_pk, framework_id=self.framework.id, role_id=role_id
            ).exists():
                title = self.titles[role_id]
                self.add_error("user", f"{self.users[user_pk].display_name} is already appointed as {title}")
        return cleaned
