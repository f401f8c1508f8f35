"""Form conventions: GOV.UK error wording, GOV.UK widgets, and an edit version for conflict checks."""

from typing import Any

from django import forms
from django.core.validators import BaseValidator
from django.db import models

from accord.kernel.ui.widgets import GovukDateField, YesNoField


def govuk_formfield(db_field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
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
        if isinstance(field, forms.ChoiceField):
            field.choices = [c for c in db_field.choices if c[0] != ""]  # the field's, less the blank
        return field
    return db_field.formfield(**kwargs)


class GovukFormMixin:
    """Error messages in the GOV.UK style: 'Enter the name', 'Name must be 200 characters or fewer'."""

    fields: dict[str, forms.Field]  # the form's, which the mixin comes before

    def _govuk_messages(self) -> None:
        for field in self.fields.values():
            label = str(field.label or "").strip()
            lower = label[:1].lower() + label[1:]
            choose = isinstance(field.widget, forms.Select | forms.RadioSelect | forms.CheckboxSelectMultiple)
            field.error_messages["required"] = f"Select {lower}" if choose else f"Enter {lower}"
            field.error_messages["invalid_choice"] = f"Select {lower} from the list"
            if max_length := getattr(field, "max_length", None):
                field.error_messages["max_length"] = (
                    f"The selected file's name must be {max_length:,} characters or fewer"
                    if isinstance(field, forms.FileField)  # its max_length is the file name's
                    else f"{label} must be {max_length:,} characters or fewer"
                )
                for validator in field.validators:
                    if getattr(validator, "code", "") == "max_length" and isinstance(
                        validator, BaseValidator
                    ):
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
                    if code in field.error_messages and isinstance(validator, BaseValidator):
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
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._govuk_messages()

    def clean(self) -> dict[str, Any]:
        super().clean()
        return self.cleaned_data  # what Django's returns; its stubs allow an override's None


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    """A model form whose POST carries the version of the record it was opened at."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, version: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if version is not None:
            self.fields["version"].initial = version
        self._govuk_messages()

    def clean(self) -> dict[str, Any]:
        super().clean()
        return self.cleaned_data  # what Django's returns; its stubs allow an override's None

    def changed_values(self) -> dict[str, Any]:
        fields = self._meta.fields or ()
        return {name: self.cleaned_data[name] for name in fields if name in self.cleaned_data}


class ReasonMixin(forms.Form):
    reason = forms.CharField(
        label="Reason for this change",
        required=False,
        max_length=2000,
        widget=forms.Textarea,
        help_text="Recorded in the partnership's history. Needed when closing or removing.",
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        return self.cleaned_data  # what Django's returns; its stubs allow an override's None


def field_of[F: forms.Field](form: forms.BaseForm, name: str, kind: type[F]) -> F:
    """A form's field as the kind it is, to set what only that kind has (its choices, its queryset)."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{name} is a {type(field).__name__}, not a {kind.__name__}")
    return field


def as_select(field: forms.ChoiceField) -> None:
    """Show a choice field as a drop-down of the choices it has."""
    # Django keeps choices as a list; django-stubs reads them back as anything the setter accepts.
    field.widget = forms.Select(choices=field.choices)  # type: ignore[arg-type]


def check_date_order(form: forms.BaseForm, start: str, end: str, message: str) -> None:
    start_value, end_value = form.cleaned_data.get(start), form.cleaned_data.get(end)
    if start_value and end_value and end_value < start_value:
        form.add_error(end, message)
