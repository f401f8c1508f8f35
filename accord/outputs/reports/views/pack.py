"""A partnership pack: one partnership's record on a page, in Word, Excel or PDF, and issued."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from accord.kernel import clock
from accord.kernel.accounts.policy import Action, require
from accord.register.access import partnership_for

from .. import services
from ..builders import PACK
from ..forms import PeriodForm
from . import common
from .issue import issue_page


def pack_page(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_MONITORING)
    form = PeriodForm(request.GET or None, cadence=PACK.cadence, today=clock.today())
    period = form.chosen()
    report = common.make(request, PACK, period, partnership)
    earlier = services.previous(PACK.id, partnership)
    services.with_changes_since(report, earlier)
    query = f"?period={period.id}"
    return common.show(
        request,
        "reports/pack.html",
        report,
        kind=PACK,
        partnership=partnership,
        form=form,
        period=period,
        earlier=earlier,
        downloads=[
            (reverse("partnership-pack-download", args=[pk, fmt]) + query, label)
            for fmt, label in common.DOWNLOADS
        ],
        issue_url=reverse("partnership-pack-issue", args=[pk]) + query,
    )


def pack_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_MONITORING)
    common.check_format(fmt)
    period = common.period_from_query(request, PACK)
    report = common.make(request, PACK, period, partnership)
    services.with_changes_since(report, services.previous(PACK.id, partnership))
    return common.download(report, fmt, f"{partnership.reference}-pack-{period.id}")


def pack_issue(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_MONITORING)
    require(request, Action.ISSUE_REPORTS, partnership)
    return issue_page(request, PACK, reverse("partnership-pack", args=[pk]), partnership)
