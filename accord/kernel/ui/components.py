"""Django form fields rendered as GOV.UK Frontend components.

`field(form["name"])` picks the component that fits the field's widget (input, textarea, select,
radios, checkboxes, date input) and renders it through the govuk-frontend-jinja macro, so no
template writes component markup by hand.
"""

import json
import threading
from collections import OrderedDict
from typing import Any

from django import forms
from jinja2 import Environment, pass_environment
from markupsafe import Markup

from .widgets import DateInputWidget, MoneyField

_MACROS = {
    "input": ("input", "govukInput"),
    "textarea": ("textarea", "govukTextarea"),
    "character-count": ("character-count", "govukCharacterCount"),
    "select": ("select", "govukSelect"),
    "radios": ("radios", "govukRadios"),
    "checkboxes": ("checkboxes", "govukCheckboxes"),
    "date-input": ("date-input", "govukDateInput"),
    "summary-list": ("summary-list", "govukSummaryList"),
    "generic-header": ("generic-header", "govukGenericHeader"),
    "footer": ("footer", "govukFooter"),
    "service-navigation": ("service-navigation", "govukServiceNavigation"),
    "phase-banner": ("phase-banner", "govukPhaseBanner"),
}


def _macro(env: Environment, component: str):
    cache = env.globals.setdefault("_accord_macro_cache", {})
    if component not in cache:
        folder, name = _MACROS[component]
        template = env.from_string(
            f'{{% from "govuk_frontend_jinja/components/{folder}/macro.html" import {name} %}}'
            f"{{{{ {name}(params) }}}}"
        )
        cache[component] = template
    return cache[component]


def _error(bound: forms.BoundField) -> dict[str, str] | None:
    return {"text": str(bound.errors[0])} if bound.errors else None


def _label(bound: forms.BoundField, as_heading: bool) -> dict[str, Any]:
    label: dict[str, Any] = {"text": str(bound.label)}
    if as_heading:
        label.update({"isPageHeading": True, "classes": "govuk-label--l"})
    else:
        label["classes"] = "govuk-label--s"
    return label


def _legend(bound: forms.BoundField, as_heading: bool) -> dict[str, Any]:
    legend: dict[str, Any] = {"text": str(bound.label)}
    legend.update(
        {"isPageHeading": True, "classes": "govuk-fieldset__legend--l"}
        if as_heading
        else {"classes": "govuk-fieldset__legend--s"}
    )
    return {"legend": legend}


def _choices(bound: forms.BoundField, multiple: bool, mark: str = "checked") -> list[dict[str, Any]]:
    """Items for a select (mark='selected'), radios or checkboxes (mark='checked')."""
    value = bound.value()
    selected = {str(v) for v in value} if multiple and value else {str(value) if value is not None else ""}
    hints = getattr(bound.field, "item_hints", {}) if mark == "checked" else {}
    items = []
    for choice_value, choice_label in bound.field.choices:
        choice_value = getattr(choice_value, "value", choice_value)
        text_value = "" if choice_value is None else str(choice_value)
        item = {"value": text_value, "text": str(choice_label), mark: str(choice_value) in selected}
        if hints.get(text_value):  # a radio or checkbox's own hint (a field's `item_hints`)
            item["hint"] = {"text": str(hints[text_value])}
        items.append(item)
    return items


def component_for(bound: forms.BoundField) -> str:
    widget = bound.field.widget
    if isinstance(widget, DateInputWidget):
        return "date-input"
    # CheckboxSelectMultiple is a subclass of RadioSelect in Django: ask about it first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


def field_params(bound: forms.BoundField, as_heading: bool = False, **overrides: Any) -> tuple[str, dict]:
    component = component_for(bound)
    params: dict[str, Any] = {"id": bound.id_for_label or bound.auto_id, "name": bound.html_name}
    if bound.help_text:
        params["hint"] = {"text": str(bound.help_text)}
    if error := _error(bound):
        params["errorMessage"] = error
    if component == "date-input":
        day, month, year = (
            (bound.value() or [None, None, None])
            if isinstance(bound.value(), list)
            else (bound.field.widget.decompress(bound.value()))
        )
        params.pop("name")
        params["id"] = bound.auto_id
        params["namePrefix"] = bound.html_name
        params["fieldset"] = _legend(bound, as_heading)
        error_class = " govuk-input--error" if bound.errors else ""
        params["items"] = [
            {
                "name": "day",
                "classes": "govuk-input--width-2" + error_class,
                "value": day or "",
                "label": "Day",
            },
            {
                "name": "month",
                "classes": "govuk-input--width-2" + error_class,
                "value": month or "",
                "label": "Month",
            },
            {
                "name": "year",
                "classes": "govuk-input--width-4" + error_class,
                "value": year or "",
                "label": "Year",
            },
        ]
    elif component in {"radios", "checkboxes"}:
        params["idPrefix"] = params.pop("id")
        params["fieldset"] = _legend(bound, as_heading)
        params["items"] = _choices(bound, multiple=component == "checkboxes")
        if component == "radios" and len(params["items"]) <= 3:
            params["classes"] = "govuk-radios--inline"
    elif component == "select":
        params["label"] = _label(bound, as_heading)
        params["items"] = _choices(bound, multiple=False, mark="selected")
    else:
        params["label"] = _label(bound, as_heading)
        value = bound.value()
        params["value"] = "" if value is None else str(value)
        if component == "input":
            input_type = getattr(bound.field.widget, "input_type", "text")
            params["type"] = {"number": "text"}.get(input_type, input_type)
            if isinstance(bound.field, forms.DecimalField | forms.IntegerField):
                params["inputmode"] = "decimal" if isinstance(bound.field, forms.DecimalField) else "numeric"
                params["classes"] = "govuk-input--width-10"
                params["spellcheck"] = False
            if isinstance(bound.field, MoneyField):  # "£1.25m" is allowed, so no number keypad
                params["classes"] = "govuk-input--width-10"
                params["spellcheck"] = False
            if isinstance(bound.field, forms.EmailField):
                params["autocomplete"] = "email"
                params["spellcheck"] = False
        else:
            params["rows"] = 4
    params.update(overrides)
    return component, params


@pass_environment
def field(env: Environment, bound: forms.BoundField, as_heading: bool = False, **overrides: Any) -> Markup:
    if bound.is_hidden:
        return Markup(str(bound))
    component, params = field_params(bound, as_heading, **overrides)
    return render_component(env, component, params)


_RENDERED: OrderedDict[str, Markup] = OrderedDict()
_RENDERED_MAX = 1024
_RENDERED_LOCK = threading.Lock()


def render_component(env: Environment, component: str, params: dict[str, Any]) -> Markup:
    """Render a component macro, remembering the output for identical params.

    A macro's output is a pure function of its params, and most form fields render with the same
    params on every request (an empty search box, the list of partnership types), so the filter
    panel costs a dictionary lookup instead of a macro call after the first request.
    """
    key = component + json.dumps(params, sort_keys=True, default=str)
    with _RENDERED_LOCK:
        rendered = _RENDERED.get(key)
        if rendered is not None:
            _RENDERED.move_to_end(key)
            return rendered
    rendered = Markup(_macro(env, component).render(params=params))
    with _RENDERED_LOCK:
        _RENDERED[key] = rendered
        if len(_RENDERED) > _RENDERED_MAX:
            _RENDERED.popitem(last=False)
    return rendered


@pass_environment
def component(env: Environment, name: str, params: dict[str, Any]) -> Markup:
    """Render a GOV.UK component by name through the memo (for parts repeated on every page)."""
    return render_component(env, name, params)


def error_anchor(bound: forms.BoundField) -> str:
    if component_for(bound) == "date-input":
        return f"#{bound.auto_id}-day"
    if component_for(bound) in {"radios", "checkboxes"}:
        return f"#{bound.auto_id}"
    return f"#{bound.id_for_label or bound.auto_id}"


def error_summary_params(*forms_with_errors: forms.BaseForm) -> dict[str, Any] | None:
    """Params for govukErrorSummary: each error links to its field; None when there are no errors."""
    items = []
    for form in forms_with_errors:
        if form is None:
            continue
        for error in form.non_field_errors():
            items.append({"text": str(error)})
        for name in form.errors:
            if name == "__all__":
                continue
            bound = form[name]
            if bound.errors:
                # ErrorList[0] is the message; a slice of it holds ValidationErrors ("['...']").
                items.append({"text": str(bound.errors[0]), "href": error_anchor(bound)})
    if not items:
        return None
    return {"titleText": "There is a problem", "errorList": items}


def summary_row(
    key: str, value: Any, change_url: str | None = None, hidden: str | None = None, html: bool = False
) -> dict[str, Any]:
    """One row of a GOV.UK summary list, with an optional 'Change' link. Plain text keeps the line
    breaks its author typed."""
    if value in (None, ""):
        shown = {"text": "Not recorded"}
    elif html:
        shown = {"html": value}
    else:
        shown = {"html": Markup('<span class="accord-multiline">{}</span>').format(value)}
    row: dict[str, Any] = {"key": {"text": key}, "value": shown}
    if change_url:
        row["actions"] = {
            "items": [{"href": change_url, "text": "Change", "visuallyHiddenText": (hidden or key).lower()}]
        }
    return row


def link(href: str, text: Any, hidden_suffix: str = "") -> Markup:
    """A GOV.UK link, escaped; `hidden_suffix` adds context for screen reader users."""
    extra = (
        Markup('<span class="govuk-visually-hidden"> {}</span>').format(hidden_suffix)
        if hidden_suffix
        else ""
    )
    return Markup('<a class="govuk-link" href="{}">{}{}</a>').format(href, text, extra)


TAG_COLOURS = {
    "proposed": "yellow",
    "business_case": "light-blue",
    "awaiting_approval": "orange",
    "agreement": "turquoise",
    "active": "green",
    "under_review": "purple",
    "leaving": "pink",
    "closed": "grey",
    "rejected": "red",
    "withdrawn": "grey",
}


def tag(partnership) -> Markup:
    colour = TAG_COLOURS.get(partnership.status, "grey")
    return Markup('<strong class="govuk-tag govuk-tag--{}">{}</strong>').format(
        colour, partnership.get_status_display()
    )


OBLIGATION_COLOURS = {
    "met": "green",
    "due_soon": "yellow",
    "overdue": "red",
    "not_yet_due": "blue",
    "not_applicable": "grey",
    "before_accord": "purple",
}


def obligation_tag(result) -> Markup:
    colour = OBLIGATION_COLOURS.get(result.status, "grey")
    return Markup('<strong class="govuk-tag govuk-tag--{}">{}</strong>').format(colour, result.status_label)
