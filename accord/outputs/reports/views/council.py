"""The council-wide reports: the list of them, each report from the live record for a chosen
period (as a page, Word, Excel or PDF), and issuing one as a frozen snapshot."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from accord.frameworks import loader
from accord.kernel import clock
from accord.kernel.accounts.policy import Action, require

from .. import services
from ..builders import kinds_for
from ..forms import PeriodForm
from . import common
from .issue import issue_page

RECENT = 5  # issued reports listed on the reports page


def index(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_REPORTS)
    return render(
        request,
        "reports/index.html",
        {
            "kinds": list(kinds_for(loader.for_request(request)).values()),
            "framework": loader.for_request(request),
            "recent": list(services.snapshots().filter(partnership=None)[:RECENT]),
        },
    )


def report_page(request: HttpRequest, kind: str) -> HttpResponse:
    require(request, Action.VIEW_REPORTS)
    chosen = common.kind_or_404(request, kind)
    form = PeriodForm(request.GET or None, cadence=chosen.cadence, today=clock.today())
    period = form.chosen()
    report = common.make(request, chosen, period)
    earlier = services.previous(chosen.id)
    services.with_changes_since(report, earlier)
    query = f"?period={period.id}"
    return common.show(
        request,
        "reports/report.html",
        report,
        kind=chosen,
        form=form,
        period=period,
        earlier=earlier,
        downloads=[
            (reverse("report-download", args=[chosen.id, fmt]) + query, label)
            for fmt, label in common.DOWNLOADS
        ],
        issue_url=reverse("report-issue", args=[chosen.id]) + query,
    )


def report_download(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    require(request, Action.VIEW_REPORTS)
    chosen = common.kind_or_404(request, kind)
    common.check_format(fmt)
    period = common.period_from_query(request, chosen)
    report = common.make(request, chosen, period)
    services.with_changes_since(report, services.previous(chosen.id))
    return common.download(report, fmt, f"{chosen.id}-{period.id}")


def report_issue(request: HttpRequest, kind: str) -> HttpResponse:
    require(request, Action.ISSUE_REPORTS)
    chosen = common.kind_or_404(request, kind)
    return issue_page(request, chosen, reverse("report", args=[chosen.id]))
