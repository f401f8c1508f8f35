"""Forms for the agreement: the document itself, where it covers each heading, and its signatories."""

from datetime import date

from django import forms

from accord.frameworks.schema import Template
from accord.kernel import clock
from accord.kernel.ui.forms import GovukForm, check_date_order, field_of
from accord.kernel.ui.widgets import GovukDateField
from accord.register.models import Organisation, Partnership

from .agreements import GAP, ReviewRule, review_limit
from .models import Agreement, AgreementStatus, DocumentType


def _not_in_future(form: forms.Form, name: str, label: str) -> None:
    value = form.cleaned_data.get(name)
    if value and value > clock.today():
        form.add_error(name, f"{label} must be today or in the past")


class AgreementForm(GovukForm):
    document_type = forms.ChoiceField(
        label="Type of document", choices=DocumentType.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(
        label="Title",
        max_length=300,
        help_text="As it appears on the document, for example "
        "'Memorandum of understanding for the Community Safety Partnership'.",
    )
    status = forms.ChoiceField(
        label="Status",
        choices=AgreementStatus.choices,
        widget=forms.RadioSelect,
        help_text="Agreed means all partners have agreed it; signed means all partners have signed it.",
    )
    agreed_on = GovukDateField(
        label="Date agreed", required=False, help_text="When the partners agreed it. For example, 27 3 2025"
    )
    signed_on = GovukDateField(
        label="Date signed",
        required=False,
        help_text="When the last partner signed it. For example, 27 3 2025",
    )
    next_review_on = GovukDateField(
        label="Next review date",
        required=False,
        help_text="When the partners will next review it. For example, 27 3 2026",
    )
    termination_notice = forms.CharField(
        label="Notice a partner must give to leave",
        required=False,
        max_length=200,
        help_text="For example, '6 months'. Include any exceptions to the notice period.",
    )

    def __init__(self, *args, agreement: Agreement | None = None, review: ReviewRule | None = None, **kwargs):
        if agreement is not None:
            kwargs.setdefault(
                "initial",
                {name: getattr(agreement, name) for name in self.base_fields if hasattr(agreement, name)},
            )
        super().__init__(*args, **kwargs)
        self.review = review  # the framework's rule for reviewing it, if it has one
        if review is not None:
            self.fields["next_review_on"].help_text = (
                f"The agreement must be reviewed within {review.period} of its last review ({review.cite}). "
                "For example, 27 3 2026"
            )

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        agreed_on, signed_on = cleaned.get("agreed_on"), cleaned.get("signed_on")
        review = cleaned.get("next_review_on")
        _not_in_future(self, "agreed_on", "Date agreed")
        _not_in_future(self, "signed_on", "Date signed")
        check_date_order(self, "agreed_on", "signed_on", "Date signed must be on or after the date agreed")
        if status == AgreementStatus.SIGNED and not signed_on and "signed_on" not in self.errors:
            self.add_error("signed_on", "Enter the date it was signed")
        if status == AgreementStatus.AGREED and not agreed_on and "agreed_on" not in self.errors:
            self.add_error("agreed_on", "Enter the date it was agreed")
        if status == AgreementStatus.DRAFT and signed_on and "signed_on" not in self.errors:
            self.add_error(
                "signed_on", "A draft has not been signed: choose 'Signed' or remove the date signed"
            )
        done = status in (AgreementStatus.AGREED, AgreementStatus.SIGNED)
        if done and not review and "next_review_on" not in self.errors:
            self.add_error("next_review_on", "Enter the next review date")
        since = signed_on if status == AgreementStatus.SIGNED else agreed_on
        if done and since and review and "next_review_on" not in self.errors:
            self._check_review(since, review)
        return cleaned

    def _check_review(self, since: date, review: date) -> None:
        if review <= since:
            self.add_error("next_review_on", "The next review date must be after the agreement")
            return
        if self.review is None:  # the framework sets no period for reviewing it
            return
        rule = self.review
        limit = review_limit(since, clock.today(), rule.within)
        if review > limit and limit == rule.within.after(since):
            self.add_error(
                "next_review_on",
                f"The next review must be within {rule.period} of the agreement ({rule.cite})",
            )
        elif review > limit:
            # An agreement older than that, recorded after the event: the next review within it from today.
            self.add_error(
                "next_review_on", f"The next review must be within {rule.period} from today ({rule.cite})"
            )


class CoverageForm(GovukForm):
    """One box per heading: where the agreement covers it (a clause, section or page) and, where the
    framework lets a heading be left out if the gap is explained (`reasons` given), why it is not."""

    def __init__(self, *args, template: Template, coverage: dict, reasons: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        for heading in template.headings:
            self.fields[heading.id] = forms.CharField(
                label=heading.text,
                required=False,
                max_length=300,
                help_text=heading.guidance,
                initial=coverage.get(heading.id, ""),
            )
            if reasons is not None:
                self.fields[GAP + heading.id] = forms.CharField(
                    label=f"If it is not covered, why not? ({heading.text})",
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    help_text="The approvers accept the reason by approving the agreement.",
                    initial=reasons.get(heading.id, ""),
                )
        self._govuk_messages()

    def clean(self):
        cleaned = super().clean()
        for heading in self.template.headings:
            where, why = cleaned.get(heading.id), cleaned.get(GAP + heading.id)
            if where and why and (where.strip() and why.strip()):
                self.add_error(
                    GAP + heading.id,
                    f"“{heading.text}” is covered: remove the reason it is not, or the place it is covered",
                )
        return cleaned


class SignatoryForm(GovukForm):
    name = forms.CharField(label="Name", max_length=200)
    position = forms.CharField(label="Position", max_length=200, required=False, help_text="Their job title.")
    organisation = forms.ModelChoiceField(
        label="Organisation", queryset=Organisation.objects.none(), help_text="A member of the partnership."
    )
    signed_on = GovukDateField(
        label="Date signed", required=False, help_text="Leave blank if not signed yet. For example, 27 3 2025"
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        field = field_of(self, "organisation", forms.ModelChoiceField)
        field.queryset = (
            Organisation.objects.filter(memberships__partnership=partnership).distinct().order_by("name")
        )
        field.empty_label = "Choose an organisation"

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "signed_on", "Date signed")
        return cleaned


class ConfirmForm(GovukForm):
    """A confirmation with nothing to fill in."""
