"""Issuing a report (administrators): confirm the period, write the recommendations, freeze it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accord.frameworks import loader
from accord.kernel import clock
from accord.register.models import Partnership

from .. import periods, services
from ..builders import RECOMMENDATIONS, ReportKind
from ..forms import IssueForm
from . import common


def issue_page(
    request: HttpRequest, kind: ReportKind, back: str, partnership: Partnership | None = None
) -> HttpResponse:
    """The issue form for `kind` (for `partnership`, for a pack); `back` is the report's page."""
    today = clock.today()
    data = request.POST if request.method == "POST" else None
    given = (data or request.GET).get("period")
    period = periods.parse(given, today) or periods.last_complete(kind.cadence, today)
    form = IssueForm(data, needs_recommendations=kind.recommendations, initial={"period": period.id})
    if form.is_valid():
        if periods.parse(form.cleaned_data["period"], today) is None:
            form.add_error(None, "The report's period is not recognised: go back to the report and choose it")
        else:
            report = common.make(request, kind, period, partnership)
            snapshot = services.issue(
                request.user,
                report,
                kind,
                loader.for_request(request),
                form.cleaned_data.get("recommendations", ""),
                partnership=partnership,
            )
            messages.success(request, f"{snapshot.title} issued")
            return redirect("report-snapshot", snapshot.pk)
    if not form.is_bound and kind.recommendations:
        suggested = common.make(request, kind, period, partnership).section(RECOMMENDATIONS)
        form.initial["recommendations"] = "\n\n".join(suggested.paragraphs[1:] if suggested else [])
    return render(
        request,
        "reports/issue.html",
        {
            "kind": kind,
            "form": form,
            "period": period,
            "partnership": partnership,
            "title": f"Issue the {kind.title.lower()}",
            "cancel_url": f"{back}?period={period.id}",
        },
    )
