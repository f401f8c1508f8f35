"""Heat maps: open risks on the likelihood × impact grid, for one partnership or across the council,
at the inherent, current or target stage. One aggregate query counts the risks in every cell."""

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from accord.frameworks import loader
from accord.kernel.accounts.policy import Action, require
from accord.register.access import partnership_for

from .. import counts, heatmap, queries, scoring
from ..models import Risk


def heatmap_context(request: HttpRequest, risks: QuerySet[Risk] | None, list_url: str) -> dict:
    """The grid for the chosen stage, each cell's link to its risks, and the stage switcher.
    `risks` None means every risk in the council, read from the kept counts."""
    stage = queries.chosen_stage(request.GET.get("stage"))
    model = loader.for_request(request).risk_model
    found = counts.council_counts(stage) if risks is None else queries.cell_counts(risks, stage)
    grid = heatmap.build(model, found, stage)
    links = {
        (cell.likelihood, cell.impact): f"{list_url}?"
        + urlencode({"stage": stage, "likelihood": cell.likelihood, "impact": cell.impact})
        for row in grid.rows
        for cell in row
        if cell.count
    }
    stages = [
        (value, label, f"{request.path}?{urlencode({'stage': value})}", value == stage)
        for value, label in scoring.stage_names(model)
    ]
    return {"grid": grid, "links": links, "stages": stages, "list_url": list_url, "model": model}


def partnership_heatmap(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_RISKS)
    context = heatmap_context(request, partnership.risks.all(), reverse("risks", args=[partnership.pk]))
    context.update({"partnership": partnership, "scope": partnership.name})
    return render(request, "risks/heatmap.html", context)


def council_heatmap(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_COUNCIL_RISKS)
    # Everyone who may see the council heat map sees every partnership: the kept counts serve it.
    risks = None if queries.sees_every_partnership(request.user) else queries.visible_risks(request.user)
    context = heatmap_context(request, risks, reverse("council-risks"))
    context.update({"partnership": None, "scope": "all partnerships"})
    return render(request, "risks/heatmap.html", context)
