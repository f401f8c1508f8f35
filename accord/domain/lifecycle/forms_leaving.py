"""Forms for leaving a partnership: the decision and exit plan, and the leaving form (Redditch App 5)."""

from datetime import date
from typing import Any

from django import forms

from accord.frameworks.schema import Template
from accord.kernel import clock
from accord.kernel.ui.forms import GovukForm
from accord.kernel.ui.widgets import GovukDateField

from .leaving import (
    CONTINUES_CHOICES,
    EXIT_PLAN,
    LIST_SIZE,
    OTHER,
    PLANNED_CHOICES,
    REASON_CHOICES,
    question,
)


def _radios(label: str, choices, help_text: str = "", required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, help_text=help_text, required=required
    )


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


class ExitDecisionForm(GovukForm):
    decided_on = GovukDateField(label="Date the decision was made", help_text="For example, 27 3 2025")
    decided_by = forms.CharField(
        label="Who made the decision",
        max_length=200,
        help_text="The body or officer with the authority under the council's constitution.",
    )
    reference = forms.CharField(
        label="Authority or decision reference",
        max_length=200,
        help_text="For example, a committee minute number or a delegated decision reference.",
    )
    reason = _radios(
        "Why is the council's involvement ending?", REASON_CHOICES, "Choose the nearest reason, or Other."
    )
    reason_detail = forms.CharField(
        label="The reason, if other",
        required=False,
        max_length=2000,
        widget=forms.Textarea,
        help_text="Needed if you chose Other.",
    )
    planned = _radios(
        "Is this a planned or unplanned end?",
        PLANNED_CHOICES,
        "An exit strategy covers both planned and unplanned ends.",
    )
    continues = _radios(
        "Will the partnership continue without the council?",
        CONTINUES_CHOICES,
        "Leaving does not necessarily mean that the partnership itself will end.",
    )

    def __init__(self, *args, answers: dict[str, Any] | None = None, **kwargs):
        answers = answers or {}
        initial = {
            name: answers.get(name, "") for name in ("decided_by", "reference", "reason", "reason_detail")
        }
        initial.update({name: answers.get(name, "") for name in ("planned", "continues")})
        initial["decided_on"] = _date(answers.get("decided_on"))
        super().__init__(*args, initial=initial, **kwargs)
        for heading in EXIT_PLAN:
            self.fields[f"plan_{heading.id}"] = forms.CharField(
                label=heading.label,
                required=False,
                max_length=5000,
                widget=forms.Textarea,
                help_text=heading.hint,
                initial=(answers.get("plan") or {}).get(heading.id, ""),
            )
        self._govuk_messages()
        self.fields["reason"].error_messages["required"] = "Select why the council's involvement is ending"
        self.fields["planned"].error_messages["required"] = (
            "Select whether this is a planned or unplanned end"
        )
        self.fields["continues"].error_messages["required"] = (
            "Select whether the partnership will continue without the council"
        )
        self.fields["decided_on"].error_messages["required"] = "Enter the date the decision was made"
        self.fields["decided_by"].error_messages["required"] = "Enter who made the decision"
        self.fields["reference"].error_messages["required"] = (
            "Enter the authority or decision reference, for example a minute number"
        )

    def clean(self):
        cleaned = super().clean()
        decided = cleaned.get("decided_on")
        if decided and decided > clock.today():
            self.add_error("decided_on", "Date the decision was made must be today or in the past")
        if cleaned.get("reason") == OTHER and not str(cleaned.get("reason_detail") or "").strip():
            self.add_error("reason_detail", "Enter the reason the council's involvement is ending")
        return cleaned

    def answers(self) -> dict[str, Any]:
        data = self.cleaned_data
        reason = data["reason"]
        return {
            "decided_on": _iso(data["decided_on"]),
            "decided_by": data["decided_by"].strip(),
            "reference": data["reference"].strip(),
            "reason": reason,
            "reason_detail": data["reason_detail"].strip() if reason == OTHER else "",
            "planned": data["planned"],
            "continues": data["continues"],
            "plan": {h.id: data[f"plan_{h.id}"].strip() for h in EXIT_PLAN},
        }


def list_field_name(heading_id: str, number: int) -> str:
    return f"{heading_id}_{number}"


class LeavingForm(GovukForm):
    """The leaving form's questions, from the framework's template. Nothing is required to save a
    draft; `require_all()` marks what is still unanswered when submitting."""

    def __init__(self, *args, template: Template, answers: dict[str, Any], **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        for heading in template.headings:
            asked = question(heading.id)
            given = answers.get(heading.id)
            if asked.kind == "list":
                items = list(given or [])
                for number in range(1, LIST_SIZE + 1):
                    self.fields[list_field_name(heading.id, number)] = forms.CharField(
                        label=f"{asked.item} {number}",
                        required=False,
                        max_length=2000,
                        initial=items[number - 1] if len(items) >= number else "",
                    )
                continue
            self.fields[heading.id] = self._field(heading.text, heading.guidance, asked, given)
        self._govuk_messages()

    @staticmethod
    def _field(label: str, hint: str, asked, given) -> forms.Field:
        if asked.kind == "date":
            return GovukDateField(label=label, required=False, help_text=hint, initial=_date(given))
        if asked.kind == "choice":
            field = _radios(label, asked.choices, hint, required=False)
            field.initial = given or ""
            return field
        widget = forms.Textarea if asked.kind == "long_text" else forms.TextInput
        return forms.CharField(
            label=label, required=False, max_length=5000, widget=widget, help_text=hint, initial=given or ""
        )

    def answers(self) -> dict[str, Any]:
        data = self.cleaned_data
        found: dict[str, Any] = {}
        for heading in self.template.headings:
            asked = question(heading.id)
            if asked.kind == "list":
                items = [data.get(list_field_name(heading.id, n)) or "" for n in range(1, LIST_SIZE + 1)]
                found[heading.id] = [item.strip() for item in items if item.strip()]
            elif asked.kind == "date":
                found[heading.id] = _iso(data.get(heading.id))
            else:
                found[heading.id] = str(data.get(heading.id) or "").strip()
        return found

    def require_all(self, gaps: list[str]) -> None:
        for heading_id in gaps:
            asked = question(heading_id)
            name = list_field_name(heading_id, 1) if asked.kind == "list" else heading_id
            self.add_error(name, asked.missing)
