"""JSON in, the web's own forms to check it: the API validates with the same forms (and so the same
rules and plain-words messages) as the pages, then writes through the same services."""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django import forms
from django.db import models
from django.utils.datastructures import MultiValueDict

from accord.kernel.ui.widgets import GovukDateField

from .errors import invalid


def _as_form_value(field: forms.Field, name: str, value: Any) -> dict[str, Any]:
    if isinstance(field, GovukDateField):
        if isinstance(value, date):
            value = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"  # 0001 is out of range
        if isinstance(value, str) and value.count("-") == 2:  # yyyy-mm-dd as sent (schemas.common.ApiDate)
            year, month, day = value.split("-")
            return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}
        return {}
    if value is None:
        return {name: ""}
    if isinstance(value, bool):
        return {name: "True" if value else "False"}
    if isinstance(value, list | tuple | set):
        return {name: [str(v) for v in value]}
    if isinstance(value, models.Model):
        return {name: str(value.pk)}
    return {name: str(value)}


def form_data(form_class: type[forms.BaseForm], values: Mapping[str, Any]) -> MultiValueDict:
    """`values` (JSON-ish: dates, numbers, ids) as the POST data the form's widgets read."""
    fields = form_class.base_fields  # declared fields: enough to know each one's kind, and cheap
    data = MultiValueDict()
    for name, value in values.items():
        if name not in fields:
            continue
        for key, item in _as_form_value(fields[name], name, value).items():
            data.setlist(key, item if isinstance(item, list) else [item])
    return data


def field_errors(form: forms.BaseForm) -> list[dict[str, str]]:
    return [
        {"field": "request" if name == "__all__" else name, "message": str(message)}
        for name, messages in form.errors.items()
        for message in messages
    ]


def check(form_class: type[forms.BaseForm], values: Mapping[str, Any], **form_kwargs) -> dict[str, Any]:
    """Validate `values` with the web's form; its cleaned data, or a 422 with a message per field."""
    form = form_class(form_data(form_class, values), **form_kwargs)
    if not form.is_valid():
        raise invalid(field_errors(form))
    return form.cleaned_data


def current_values(instance: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """A record's current values for `names`, in the form the payloads use (ids for relations)."""
    values = {}
    for name in names:
        field = instance._meta.get_field(name)
        values[name] = getattr(instance, field.attname) if field.is_relation else getattr(instance, name)
    return values
