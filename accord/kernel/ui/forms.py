"""Form conventions: GOV.UK error wording, GOV.UK widgets, and an edit version for conflict checks."""

from django import forms
from django.db import models

from accord.kernel.ui.widgets import GovukDateField, YesNoField


def govuk_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """Choose the GOV.UK-style form field for a model field."""
    if isinstance(db_field, models.DateField):
        return GovukDateField(
            label=db_field.verbose_name.capitalize(),
            required=not db_field.blank,
            help_text=db_field.help_text,
        )
    if isinstance(db_field, models.BooleanField):
        return YesNoField(
            label=db_field.verbose_name.capitalize(), required=True, help_text=db_field.help_text
        )
    if db_field.choices and not db_field.is_relation and len(db_field.choices) <= 6:
        kwargs["widget"] = forms.RadioSelect
        field = db_field.formfield(**kwargs)
        field.choices = [c for c in field.choices if c[0] != ""]
        return field
    return db_field.formfield(**kwargs)


class GovukFormMixin:
    """Error messages in the GOV.UK style: 'Enter the name', 'Name must be 200 characters or fewer'."""

    def _govuk_messages(self) -> None:
        for field in self.fields.values():
            label = str(field.label or "").strip()
            lower = label[:1].lower() + label[1:]
            choose = isinstance(field.widget, forms.Select | forms.RadioSelect | forms.CheckboxSelectMultiple)
            field.error_messages["required"] = f"Select {lower}" if choose else f"Enter {lower}"
            field.error_messages["invalid_choice"] = f"Select {lower} from the list"
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = (
                    f"{label} must be {field.max_length:,} characters or fewer"
                )
                for validator in field.validators:
                    if getattr(validator, "code", "") == "max_length":
                        validator.message = field.error_messages["max_length"]
            if isinstance(field, forms.DecimalField | forms.IntegerField):
                field.error_messages["invalid"] = f"{label} must be a number"
                field.error_messages["min_value"] = f"{label} must be 0 or more"
                field.error_messages["max_value"] = f"{label} must be %(limit_value)s or less"
                field.error_messages["max_digits"] = f"{label} is too large"
                field.error_messages["max_decimal_places"] = (
                    f"{label} must not have more than 2 decimal places"
                )
                for validator in field.validators:
                    code = getattr(validator, "code", "")
                    if code in field.error_messages:
                        validator.message = field.error_messages[code]
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = (
                    "Enter an email address in the correct format, like name@example.com"
                )
            if isinstance(field, forms.URLField):
                field.error_messages["invalid"] = (
                    "Enter a web address in the correct format, like https://example.org"
                )


class GovukForm(GovukFormMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._govuk_messages()


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    """A model form whose POST carries the version of the record it was opened at."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, version: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if version is not None:
            self.fields["version"].initial = version
        self._govuk_messages()

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


class ReasonMixin(forms.Form):
    reason = forms.CharField(
        label="Reason for this change",
        required=False,
        max_length=2000,
        widget=forms.Textarea,
        help_text="Recorded in the partnership's history. Needed when closing or removing.",
    )


def check_date_order(form: forms.BaseForm, start: str, end: str, message: str) -> None:
    start_value, end_value = form.cleaned_data.get(start), form.cleaned_data.get(end)
    if start_value and end_value and end_value < start_value:
        form.add_error(end, message)
