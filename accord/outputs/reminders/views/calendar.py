"""The council calendar: reviews and reports (or every obligation) due per month across the
partnerships the user may see, with a chart and a table of the same figures, and one month's list."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.frameworks import engine, loader
from accord.kernel import clock
from accord.kernel.accounts.policy import Action, require
from accord.kernel.ui.forms import GovukForm, as_select, field_of
from accord.kernel.ui.pages import paginate

from .. import council


class CalendarForm(GovukForm):
    what = forms.ChoiceField(label="Show", choices=list(council.WHAT.items()), required=False)
    month = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        as_select(field_of(self, "what", forms.ChoiceField))


def council_calendar(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_REPORTS)
    framework = loader.for_request(request)
    today = clock.today()
    snapshot = council.fresh_snapshot(framework, today)
    form = CalendarForm(request.GET or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    what = chosen.get("what") or "reviews"
    rows = council.scheduled(request.user, framework, what, today)
    months = council.per_month(rows, today)
    page = pagination = selected = None
    month_key = chosen.get("month") or ""
    if month_key:
        selected = next((m for m in months if m.key == month_key), None)
        listed = council.in_month(rows, month_key, today)
        if listed is not None and selected is not None:
            listed = listed.select_related("partnership").order_by(
                "due", "partnership__name", "obligation_id"
            )
            page, pagination = paginate(request, listed, count_cap=1000)
    return render(
        request,
        "reminders/council_calendar.html",
        {
            "form": form,
            "what": what,
            "what_name": council.WHAT[what],
            "months": months,
            "chart": council.chart(months, what),
            "snapshot": snapshot,
            "framework": framework,
            "selected": selected,
            "page": page,
            "pagination": pagination,
            "names": {o.id: o for o in engine.definitions(framework)},
            "today": today,
        },
    )
