"""Form fields whose inputs follow GOV.UK patterns, e.g. dates as day, month and year boxes."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from accord.kernel import values


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
        day, month, year = (str(part or "") for part in data_list)
        try:  # the parser every route uses: the same range and the same words as the importer and API
            return values.date_from_parts(day, month, year, str(self.label or "Date"))
        except values.ValueProblem as problem:
            raise ValidationError(problem.message) from None


class MoneyField(forms.Field):
    """An amount in pounds as people write it ("12,500", "£1.25m"), read by the parser every route
    uses; a Decimal, or None when left blank."""

    def __init__(self, *, negative: bool = False, **kwargs):
        self.negative = negative
        super().__init__(**kwargs)

    def to_python(self, value):
        try:
            return values.parse_money(value, str(self.label or "Amount"), negative=self.negative)
        except values.ValueProblem as problem:
            raise ValidationError(problem.message, code="invalid") from None


def _yes(answer) -> bool:
    try:
        return values.parse_yes_no(answer) is True
    except values.ValueProblem:
        return False


class YesNoField(forms.TypedChoiceField):
    """A yes/no question asked with radios, as GOV.UK asks it, stored as a boolean."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", [(True, "Yes"), (False, "No")])
        kwargs.setdefault("widget", forms.RadioSelect)
        kwargs.setdefault("coerce", _yes)
        kwargs.setdefault("empty_value", None)
        super().__init__(**kwargs)
