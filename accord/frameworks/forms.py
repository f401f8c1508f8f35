from django import forms

from accord.kernel.ui.forms import GovukForm, field_of
from accord.kernel.ui.widgets import GovukDateField, YesNoField

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
            self.fields[test.id] = YesNoField(
                label=test.question, help_text=f"{tier.name} ({framework.cite_text(test.cite)})"
            )
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
        tiers = framework.significance.tiers
        field_of(self, "tier", forms.ChoiceField).choices = [(t.id, t.name) for t in tiers]
        self._govuk_messages()
        self.fields["reason"].error_messages["required"] = "Enter the reason for overriding the tier"


class TrackingStartForm(GovukForm):
    started_on = GovukDateField(
        label="When did the council begin tracking its duties in Accord?",
        help_text="Its go-live date, for example 1 9 2026. Duties that fell due before it are never shown "
        "as overdue.",
    )
    reason = forms.CharField(
        label="Why is the date being set or changed?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the history of the setting.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._govuk_messages()
        self.fields["started_on"].error_messages["required"] = "Enter the date the council began tracking"
        self.fields["reason"].error_messages["required"] = "Enter why the date is being set or changed"


class LastDoneForm(GovukForm):
    done_on = GovukDateField(label="When was it last done?", help_text="For example, 14 3 2024")
    note = forms.CharField(
        label="Where is it recorded? (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the meeting and minute where the review was considered.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._govuk_messages()
        self.fields["done_on"].error_messages["required"] = "Enter the date it was last done"


class VersionDateForm(GovukForm):
    """The day a framework version would take effect (a preview, then the adoption)."""

    on = GovukDateField(
        label="Date it takes effect",
        help_text="Today or a later date, for example 1 4 2027.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._govuk_messages()
        self.fields["on"].error_messages["required"] = "Enter the date the version would take effect"


class AdoptForm(GovukForm):
    reason = forms.CharField(
        label="Why is the council adopting this version?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the meeting and minute that approved the revised framework. "
        "Kept in the history.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._govuk_messages()
        self.fields["reason"].error_messages["required"] = "Enter why this version is being adopted"
