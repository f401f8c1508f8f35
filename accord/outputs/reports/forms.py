"""Choosing a report's period, and issuing a report with its recommendations."""

from __future__ import annotations

from datetime import date

from django import forms

from accord.kernel.ui.forms import GovukForm, field_of

from . import periods
from .builders.common import written


class PeriodForm(GovukForm):
    """A select of the periods the report can cover: financial years or half-years, newest first."""

    period = forms.ChoiceField(label="Period", widget=forms.Select)

    def __init__(self, *args, cadence: str, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.cadence = cadence
        default = periods.last_complete(cadence, today)
        offered = periods.choices(cadence, today)
        period = field_of(self, "period", forms.ChoiceField)
        period.choices = [(p.id, p.label) for p in offered]
        period.widget.choices = period.choices
        period.initial = default.id
        self.fields["period"].help_text = (
            "Financial years run from 1 April to 31 March."
            if cadence != periods.HALF_YEAR
            else "Half-years run from April to September and from October to March."
        )

    def chosen(self) -> periods.Period:
        """The period chosen, or the default (the last complete one) when none or a wrong one is given."""
        if self.is_bound and self.is_valid():
            found = periods.parse(self.cleaned_data["period"], self.today)
            if found is not None:
                return found
        return periods.last_complete(self.cadence, self.today)


class IssueForm(GovukForm):
    period = forms.CharField(widget=forms.HiddenInput)
    recommendations = forms.CharField(
        label="Recommendations",
        widget=forms.Textarea,
        max_length=10000,
        required=False,
        help_text="What the report recommends, one recommendation to a paragraph (leave a blank line "
        "between them). Suggestions from the record are filled in: change them as you need.",
    )

    def __init__(self, *args, needs_recommendations: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_recommendations = needs_recommendations
        if not needs_recommendations:
            del self.fields["recommendations"]

    def clean_recommendations(self) -> str:
        text = self.cleaned_data.get("recommendations", "")
        if self.needs_recommendations and not written(text):
            raise forms.ValidationError("Enter the recommendations")
        return text
