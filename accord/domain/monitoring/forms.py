"""Forms of performance monitoring: an indicator, a value for a period, a delivery plan milestone, a
budget year, and a progress report on the framework's template."""

from datetime import date
from decimal import Decimal

from django import forms

from accord.frameworks.schema import Heading
from accord.kernel import clock
from accord.kernel.ui.forms import GovukForm, field_of
from accord.kernel.ui.widgets import GovukDateField, MoneyField, YesNoField

from . import performance, rules
from .models import Digits, Direction, Frequency, Indicator, MilestoneStatus

MEASURE: Digits = {"max_digits": 14, "decimal_places": 2}


def _required(form: forms.Form, messages: dict[str, str]) -> None:
    for name, message in messages.items():
        form.fields[name].error_messages["required"] = message


class IndicatorForm(GovukForm):
    """A SMART indicator (Northampton: "All action plans must be SMART")."""

    name = forms.CharField(label="Indicator", max_length=200)
    definition = forms.CharField(
        label="Definition",
        max_length=3000,
        widget=forms.Textarea,
        help_text="What is measured and how, so anyone would count it the same way.",
    )
    unit = forms.CharField(label="Unit", max_length=40, help_text="For example %, people, days or £.")
    baseline = forms.DecimalField(label="Baseline (optional)", required=False, **MEASURE)
    target = forms.DecimalField(label="Target", **MEASURE)
    direction = forms.ChoiceField(
        label="Which way is better?", choices=Direction.choices, widget=forms.RadioSelect
    )
    tolerance = forms.DecimalField(
        label="Tolerance (optional)",
        required=False,
        min_value=Decimal("0"),
        help_text="How far short of the target still counts as near target, in the indicator's unit. "
        "Leave blank for none.",
        **MEASURE,
    )
    frequency = forms.ChoiceField(
        label="How often is it reported?", choices=Frequency.choices, widget=forms.RadioSelect
    )
    source = forms.CharField(label="Data source", max_length=300)
    owner = forms.CharField(label="Owner", max_length=200, help_text="The person who reports it.")
    active = YesNoField(label="Is it still reported?")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicator: Indicator | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if indicator is None:
            del self.fields["active"]
        _required(
            self,
            {
                "name": "Enter the name of the indicator",
                "definition": "Enter how the indicator is defined",
                "unit": "Enter the unit it is measured in",
                "target": "Enter the target",
                "direction": "Select whether higher or lower is better",
                "frequency": "Select how often it is reported",
                "source": "Enter where the figures come from",
                "owner": "Enter the owner of the indicator",
            },
        )

    def values(self) -> dict:
        values = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        values["tolerance"] = values.get("tolerance") or Decimal("0")
        return values


def period_choices(frequency: str, today: date, chosen: performance.Period | None = None):
    """The periods a value can be recorded for: the current one and the seven before (and the one
    already chosen, when correcting an older value)."""
    periods = performance.recent_periods(frequency, today, 8)
    if chosen is not None and chosen.start not in {p.start for p in periods}:
        periods.append(chosen)
    return [(p.start.isoformat(), f"{p.label} ({p.start:%-d %B %Y} to {p.end:%-d %B %Y})") for p in periods]


class ValueForm(GovukForm):
    """The actual for a period; the corrective action is needed when it is off target (2.13.2)."""

    period = forms.ChoiceField(label="Period")
    actual = forms.DecimalField(label="Actual", **MEASURE)
    note = forms.CharField(label="Note (optional)", required=False, max_length=3000, widget=forms.Textarea)
    corrective_action = forms.CharField(
        label="Corrective action agreed",
        required=False,
        max_length=3000,
        widget=forms.Textarea,
        help_text="Needed when the value is off target: what will be done, by whom and by when. "
        "It goes in the exception report.",
    )

    def __init__(self, *args, indicator: Indicator, target: Decimal, chosen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.target = target
        period = field_of(self, "period", forms.ChoiceField)
        period.choices = period_choices(indicator.frequency, clock.today(), chosen)
        self.fields["actual"].label = f"Actual ({indicator.unit})" if indicator.unit else "Actual"
        _required(self, {"period": "Select the period", "actual": "Enter the actual value"})

    def chosen_period(self) -> performance.Period:
        start = date.fromisoformat(self.cleaned_data["period"])
        return performance.period_containing(self.indicator.frequency, start)

    def clean(self):
        cleaned = super().clean()
        actual = cleaned.get("actual")
        if actual is None:
            return cleaned
        status = performance.status_against_target(
            actual, self.target, self.indicator.direction, self.indicator.tolerance
        )
        cleaned["status"] = status
        if status == performance.OFF_TARGET and not (cleaned.get("corrective_action") or "").strip():
            self.add_error(
                "corrective_action",
                f"{performance.STATUS_LABELS[status]}: enter the corrective action agreed "
                f"(the target is {self.target:,})",
            )
        return cleaned


class MilestoneForm(GovukForm):
    plan_year = forms.IntegerField(
        label="Delivery plan year",
        min_value=1990,
        max_value=2100,
        help_text="The year the financial year starts in: 2026 is 2026/27.",
    )
    title = forms.CharField(label="Milestone", max_length=300)
    due_on = GovukDateField(label="Due date", help_text="For example, 31 3 2027")
    owner = forms.CharField(label="Owner", max_length=200)
    status = forms.ChoiceField(label="Status", choices=MilestoneStatus.choices, widget=forms.RadioSelect)
    completed_on = GovukDateField(
        label="Date completed (optional)", required=False, help_text="When done. Leave blank for today."
    )
    note = forms.CharField(label="Note (optional)", required=False, max_length=3000, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(
            self,
            {
                "plan_year": "Enter the year of the delivery plan",
                "title": "Enter the milestone",
                "due_on": "Enter the due date",
                "owner": "Enter the owner of the milestone",
                "status": "Select the status of the milestone",
            },
        )

    def clean(self):
        cleaned = super().clean()
        completed = cleaned.get("completed_on")
        if completed and completed > clock.today():
            self.add_error("completed_on", "Date completed must be today or in the past")
        if completed and cleaned.get("status") != MilestoneStatus.DONE:
            self.add_error("completed_on", "Leave the date completed blank unless the milestone is done")
        return cleaned

    def values(self) -> dict:
        return dict(self.cleaned_data)


class BudgetForm(GovukForm):
    """The council's budget for the partnership in a financial year, and the actual when known."""

    year = forms.IntegerField(
        label="Financial year",
        min_value=1990,
        max_value=2100,
        help_text="The year the financial year starts in: 2026 is 2026/27.",
    )
    budget = MoneyField(label="Budget (£)", help_text="In pounds, like 12,500 or £1.25m")
    actual = MoneyField(
        label="Actual (£) (optional)",
        required=False,
        help_text="Leave blank until the year's spend is known.",
    )
    explanation = forms.CharField(
        label="Explanation (optional)",
        required=False,
        max_length=3000,
        widget=forms.Textarea,
        help_text="Needed when the actual is over budget.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(self, {"year": "Enter the financial year", "budget": "Enter the budget"})

    def clean(self):
        cleaned = super().clean()
        budget, actual = cleaned.get("budget"), cleaned.get("actual")
        if budget is not None and performance.on_budget(budget, actual) is False:
            if not (cleaned.get("explanation") or "").strip():
                self.add_error("explanation", "Explain why the actual is over budget")
        return cleaned

    def values(self) -> dict:
        return dict(self.cleaned_data)


def answer_field(heading: Heading) -> str:
    return f"answer_{heading.id}"


class ProgressForm(GovukForm):
    """A progress report: its period and one answer per heading of the framework's template. Saving a
    draft allows empty headings; submitting needs them all (checked by accord.domain.monitoring.progress)."""

    period_start = GovukDateField(label="Period from", help_text="For example, 1 4 2026")
    period_end = GovukDateField(label="Period to", help_text="For example, 30 9 2026")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, headings: list[Heading], period: tuple[date | None, date | None], **kwargs):
        super().__init__(*args, **kwargs)
        self.headings = headings
        for heading in headings:
            self.fields[answer_field(heading)] = forms.CharField(
                label=rules.heading_text(heading.text, *period),
                required=False,
                max_length=10000,
                widget=forms.Textarea,
                help_text=heading.guidance,
            )
        self._govuk_messages()
        _required(
            self,
            {"period_start": "Enter the start of the period", "period_end": "Enter the end of the period"},
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end <= start:  # a report covers a real period (ADR 0024)
            self.add_error("period_end", "The end of the period must be after its start")
        return cleaned

    def answers(self) -> dict[str, str]:
        return {h.id: self.cleaned_data.get(answer_field(h), "") for h in self.headings}

    def mark_missing(self, missing: list[Heading]) -> None:
        for heading in missing:
            self.add_error(
                answer_field(heading), f"Enter an answer for “{self.fields[answer_field(heading)].label}”"
            )
