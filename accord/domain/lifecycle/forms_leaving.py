"""Forms for leaving a partnership: the decision and exit plan, and the leaving form (Redditch App 5)."""

from datetime import date
from typing import Any

from django import forms

from accord.frameworks import citations
from accord.frameworks.schema import Framework, Template
from accord.kernel import clock
from accord.kernel.ui.forms import GovukForm
from accord.kernel.ui.widgets import GovukDateField

from .leaving import (
    CONTINUES_CHOICES,
    LIST_SIZE,
    OTHER,
    PLANNED_CHOICES,
    exit_plan,
    plan_headings,
    question,
    reason_choices,
    reason_text,
    rules,
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

    def __init__(self, *args, framework: Framework, answers: dict[str, Any] | None = None, **kwargs):
        answers = answers or {}
        self.earlier = answers
        self.reasons = reason_choices(framework)
        self.plan = exit_plan(framework)
        initial = {
            name: answers.get(name, "") for name in ("decided_by", "reference", "reason", "reason_detail")
        }
        initial.update({name: answers.get(name, "") for name in ("planned", "continues")})
        initial["decided_on"] = _date(answers.get("decided_on"))
        super().__init__(*args, initial=initial, **kwargs)
        if self.reasons:
            found = rules(framework)
            source = citations.display(found.cite if found else "", framework)
            self.fields["reason"] = _radios(
                "Why is the council's involvement ending?",
                self.reasons,
                "Choose the nearest reason, or Other." + (f" Source: {source}." if source else ""),
            )
            self.order_fields(["decided_on", "decided_by", "reference", "reason", "reason_detail"])
        else:  # the framework lists no reasons: the reason is given in words
            detail = self.fields["reason_detail"]
            detail.label, detail.help_text, detail.required = (
                "Why is the council's involvement ending?",
                "",
                True,
            )
        plan = answers.get("plan") or {}
        for heading in self.plan:
            self.fields[f"plan_{heading.id}"] = forms.CharField(
                label=heading.label,
                required=False,
                max_length=5000,
                widget=forms.Textarea,
                help_text=heading.hint,
                initial=plan.get(heading.id, ""),
            )
        self._govuk_messages()
        if self.reasons:
            self.fields["reason"].error_messages["required"] = (
                "Select why the council's involvement is ending"
            )
        else:
            self.fields["reason_detail"].error_messages["required"] = (
                "Enter why the council's involvement is ending"
            )
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

    def earlier_entries(self) -> dict[str, Any]:
        """What the decision recorded that the framework's form no longer asks: a reason that is not
        among its reasons now, and exit plan entries written under other headings."""
        asked = {h.id for h in self.plan}
        plan = self.earlier.get("plan") or {}
        entries = [
            (label, plan[key])
            for key, label in plan_headings(self.earlier)
            if key not in asked and plan.get(key)
        ]
        reason = str(self.earlier.get("reason") or "")
        offered = {value for value, _ in self.reasons}
        earlier_reason = ""
        if reason and reason != OTHER and reason not in offered:
            earlier_reason = reason_text(self.earlier)
        return {"reason": earlier_reason, "plan": entries}

    def clean(self):
        cleaned = super().clean()
        decided = cleaned.get("decided_on")
        if decided and decided > clock.today():
            self.add_error("decided_on", "Date the decision was made must be today or in the past")
        if cleaned.get("reason") == OTHER and not str(cleaned.get("reason_detail") or "").strip():
            self.add_error("reason_detail", "Enter the reason the council's involvement is ending")
        return cleaned

    def answers(self) -> dict[str, Any]:
        """The decision, with the reason's words and the plan's headings as the framework gives them
        now, so it reads the same later; plan entries written under earlier headings are kept."""
        data = self.cleaned_data
        reason = data.get("reason") or OTHER
        plan = {
            key: value
            for key, value in (self.earlier.get("plan") or {}).items()
            if key not in {h.id for h in self.plan} and str(value).strip()
        }
        headings = [[key, label] for key, label in plan_headings(self.earlier) if key in plan]
        plan.update({h.id: data[f"plan_{h.id}"].strip() for h in self.plan})
        return {
            "decided_on": _iso(data["decided_on"]),
            "decided_by": data["decided_by"].strip(),
            "reference": data["reference"].strip(),
            "reason": reason,
            "reason_text": "" if reason == OTHER else dict(self.reasons).get(reason, ""),
            "reason_detail": data["reason_detail"].strip() if reason == OTHER else "",
            "planned": data["planned"],
            "continues": data["continues"],
            "plan": plan,
            "plan_headings": [[h.id, h.label] for h in self.plan] + headings,
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
