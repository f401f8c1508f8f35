from django import forms

from accord.register.forms.base import GovukForm
from accord.ui.widgets import YesNoField

from .schema import Framework


def question_tests(framework: Framework):
    return [
        (tier, test)
        for tier in framework.significance.tiers
        for test in tier.tests
        if test.kind == "question"
    ]


class SignificanceForm(GovukForm):
    """The significance questions the framework asks (facts the register already knows are not asked)."""

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        for tier, test in question_tests(framework):
            self.fields[test.id] = YesNoField(label=test.question, help_text=f"{tier.name} ({test.cite})")
        self._govuk_messages()
        for name in self.fields:
            self.fields[name].error_messages["required"] = "Select yes or no"


class OverrideForm(GovukForm):
    tier = forms.ChoiceField(label="Tier", widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Why are you overriding the assessed tier?",
        max_length=2000,
        widget=forms.Textarea,
        help_text="Your reason is shown wherever the tier is shown.",
    )

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tier"].choices = [(t.id, t.name) for t in framework.significance.tiers]
        self._govuk_messages()
        self.fields["reason"].error_messages["required"] = "Enter the reason for overriding the tier"
