"""Risks across the council: every partnership the user may see, filtered, with the overdue reviews
and actions, and the same list as a spreadsheet."""

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from accord.frameworks import loader
from accord.kernel import clock
from accord.kernel.accounts.policy import Action, require
from accord.kernel.ui.pages import paginate

from .. import exports, heatmap, queries

COUNT_CAP = 1000  # the list counts its results up to this many, so its cost is bounded


def _form(request: HttpRequest) -> queries.CouncilFilterForm:
    return queries.CouncilFilterForm(request.GET or None, model=loader.for_request(request).risk_model)


def council_risks(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_COUNCIL_RISKS)
    form = _form(request)
    risks = queries.visible_risks(request.user)
    filters = form.active_filters() if form.is_bound else []
    counted = queries.filtered(form, risks).order_by()
    page, pagination = paginate(
        request, queries.council_query(form, risks), count_cap=COUNT_CAP, counted=counted
    )
    query = request.GET.copy()
    query.pop("page", None)
    model = loader.for_request(request).risk_model
    return render(
        request,
        "risks/council.html",
        {
            "form": form,
            "page": page,
            "pagination": pagination,
            "filters": filters,
            # The overview: on the unfiltered list only (a filtered list is already narrowed down).
            "summary": None if filters else queries.overdue_summary(request.user),
            "bands": heatmap.band_keys(model),
            "categories": {c.id: c.name for c in model.categories},
            "current_name": model.scores.current,
            "query": query.urlencode(),
            "today": clock.today(),
        },
    )


def council_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    require(request, Action.VIEW_COUNCIL_RISKS)
    exports.check_format(fmt)
    form = _form(request)
    risks = queries.filtered(form, queries.visible_risks(request.user))
    stem = f"council-{clock.today().isoformat()}"
    return exports.export(risks, fmt, stem, with_partnership=True, framework=loader.for_request(request))
