"""Form fields whose inputs follow GOV.UK patterns, e.g. dates as day, month and year boxes."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError


class DateInputWidget(forms.MultiWidget):
    """Three boxes named like GOV.UK's date input: <name>-day, <name>-month, <name>-year."""

    template_name = "django/forms/widgets/multiwidget.html"
    parts = ("day", "month", "year")

    def __init__(self, attrs=None):
        super().__init__({part: forms.TextInput for part in self.parts}, attrs)

    def value_from_datadict(self, data, files, name):
        return [data.get(f"{name}-{part}") for part in self.parts]

    def value_omitted_from_data(self, data, files, name):
        return all(f"{name}-{part}" not in data for part in self.parts)

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A date entered as day, month and year, with GOV.UK error messages."""

    widget = DateInputWidget

    def __init__(self, **kwargs):
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        kwargs.setdefault("require_all_fields", False)
        super().__init__(fields, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        label = str(self.label or "Date")
        missing = [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]
        if missing:
            raise ValidationError(f"{label} must include a {' and '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(f"{label} must be a real date, like 27 3 2024")
        if len(year) != 4:
            raise ValidationError(f"{label} year must include 4 numbers")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{label} must be a real date") from None


class YesNoField(forms.TypedChoiceField):
    """A yes/no question asked with radios, as GOV.UK asks it, stored as a boolean."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", [(True, "Yes"), (False, "No")])
        kwargs.setdefault("widget", forms.RadioSelect)
        kwargs.setdefault("coerce", lambda v: v in (True, "True", "true", "1"))
        kwargs.setdefault("empty_value", None)
        super().__init__(**kwargs)
