"""One indicator: its definition, its values over time (a line chart of actual against target, with
the table), adding and changing it, and recording or correcting the value for a period."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accord.kernel import clock
from accord.kernel.ui import charts
from accord.kernel.ui.pages import conflict_summary, set_version

from .. import performance, services
from ..forms import IndicatorForm, ValueForm
from ..models import Indicator, IndicatorValue
from .common import (
    REFUSED,
    StaleEdit,
    can_change,
    crumbs,
    data,
    measure,
    monitoring_partnership,
    status_tag,
)


def _indicator(partnership, indicator_id: int) -> Indicator:
    return get_object_or_404(Indicator, pk=indicator_id, partnership=partnership)


def _to_indicator(partnership, indicator, anchor: str = "") -> HttpResponse:
    url = reverse("indicator", args=[partnership.pk, indicator.pk])
    return redirect(url + (f"#{anchor}" if anchor else ""))


def values_chart(indicator: Indicator, values: list[IndicatorValue]) -> charts.Chart:
    unit = indicator.unit.strip()
    return charts.line_chart(
        f"indicator-{indicator.pk}",
        f"{indicator.name}: actual against target",
        [v.period_label for v in values],
        [
            charts.Series("Actual", [v.actual for v in values]),
            charts.Series("Target", [v.target for v in values]),
        ],
        unit=unit if unit in ("%", "£") else "",
        description=f"The actual for each period against the target it was judged on. "
        f"{indicator.get_direction_display()}.",
        category_label="Period",
        value_label=unit or "Value",
    )


def indicator_detail(request: HttpRequest, pk: int, indicator_id: int) -> HttpResponse:
    partnership = monitoring_partnership(request, pk)
    indicator = _indicator(partnership, indicator_id)
    values = list(indicator.values.select_related("recorded_by").order_by("period_start"))
    last = values[-1] if values else None
    since = timezone.localdate(indicator.created_at)
    due = performance.next_due(indicator.frequency, last.period_end if last else None, since)
    rows = [
        {
            "value": v,
            "actual": measure(v.actual, indicator.unit),
            "target": measure(v.target, indicator.unit),
            "status": status_tag(v.status),
        }
        for v in reversed(values)
    ]
    return render(
        request,
        "monitoring/indicator.html",
        {
            "partnership": partnership,
            "indicator": indicator,
            "rows": rows,
            "picture": values_chart(indicator, values) if values else None,
            "latest": status_tag(last.status if last else None),
            "due": due,
            "overdue": indicator.active and due.end < clock.today(),
            "measure": lambda value: measure(value, indicator.unit),
            "can_change": can_change(request, partnership),
            "breadcrumbs": crumbs(partnership),
        },
    )


def _indicator_form(request, partnership, form, title: str, indicator=None, conflict=None) -> HttpResponse:
    extra = [(indicator.name, reverse("indicator", args=[partnership.pk, indicator.pk]))] if indicator else []
    return render(
        request,
        "monitoring/forms/indicator.html",
        {
            "form": form,
            "partnership": partnership,
            "indicator": indicator,
            "conflict": conflict,
            "title": title,
            "breadcrumbs": crumbs(partnership, *extra),
        },
    )


def indicator_add(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = monitoring_partnership(request, pk, change=True)
    form = IndicatorForm(data(request), initial={"direction": "higher", "frequency": "quarterly"})
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.save_indicator(request.user, partnership, form.values())
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, f"Indicator “{indicator.name}” added. Record its values as they come in."
            )
            return _to_indicator(partnership, indicator)
    return _indicator_form(request, partnership, form, "Add an indicator")


def indicator_edit(request: HttpRequest, pk: int, indicator_id: int) -> HttpResponse:
    partnership = monitoring_partnership(request, pk, change=True)
    indicator = _indicator(partnership, indicator_id)
    initial = {name: getattr(indicator, name) for name in services.INDICATOR_FIELDS}
    initial["version"] = indicator.version
    form = IndicatorForm(data(request), initial=initial, indicator=indicator)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_indicator(
                request.user,
                partnership,
                form.values(),
                indicator,
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except StaleEdit as stale:
            conflict = conflict_summary(stale)
            set_version(form, stale.current.version)
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Indicator “{indicator.name}” saved.")
            return _to_indicator(partnership, indicator)
    return _indicator_form(request, partnership, form, f"Change {indicator.name}", indicator, conflict)


def value_edit(request: HttpRequest, pk: int, indicator_id: int, value_id: int | None = None) -> HttpResponse:
    """Record the value for a period, or correct one already recorded."""
    partnership = monitoring_partnership(request, pk, change=True)
    indicator = _indicator(partnership, indicator_id)
    value = get_object_or_404(IndicatorValue, pk=value_id, indicator=indicator) if value_id else None
    if value is not None:
        chosen = performance.Period(value.period_start, value.period_end, value.period_label)
        initial = {
            "period": value.period_start.isoformat(),
            "actual": value.actual,
            "note": value.note,
            "corrective_action": value.corrective_action,
        }
    else:
        last = indicator.values.order_by("-period_end").first()
        since = timezone.localdate(indicator.created_at)
        due = performance.next_due(indicator.frequency, last.period_end if last else None, since)
        chosen, initial = None, {"period": due.start.isoformat()}
    target = value.target if value is not None else indicator.target
    form = ValueForm(data(request), initial=initial, indicator=indicator, target=target, chosen=chosen)
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        try:
            saved = services.record_value(
                request.user,
                indicator,
                form.chosen_period(),
                cleaned["actual"],
                cleaned["note"],
                cleaned["corrective_action"],
                value,
            )
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            status = performance.STATUS_LABELS[saved.status].lower()
            messages.success(
                request, f"{saved.period_label}: {measure(saved.actual, indicator.unit)}, {status}."
            )
            return _to_indicator(partnership, indicator, "values")
    return render(
        request,
        "monitoring/forms/value.html",
        {
            "form": form,
            "partnership": partnership,
            "indicator": indicator,
            "value": value,
            "target": measure(target, indicator.unit),
            "tolerance": measure(indicator.tolerance, indicator.unit) if indicator.tolerance else "",
            "title": f"Correct the value for {value.period_label}" if value else "Record a value",
            "breadcrumbs": crumbs(
                partnership, (indicator.name, reverse("indicator", args=[partnership.pk, indicator.pk]))
            ),
        },
    )
