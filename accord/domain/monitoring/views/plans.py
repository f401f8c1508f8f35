"""The annual delivery plan (Central Bedfordshire 2.13.7): a year's milestones, adding them and
changing their status; and the council's budget for the partnership against the actual, per year."""

from decimal import Decimal

from django.contrib import messages
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.kernel import clock

from .. import performance, services
from ..forms import BudgetForm, MilestoneForm
from ..models import BudgetYear, Milestone
from .common import REFUSED, can_change, crumbs, data, milestone_tag, monitoring_partnership


def _year(request: HttpRequest, default: int) -> int:
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        return default
    return year if 1990 <= year <= 2100 else default


def delivery_plan(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = monitoring_partnership(request, pk)
    today = clock.today()
    year = _year(request, performance.financial_year_of(today))
    milestones = list(partnership.milestones.filter(plan_year=year))
    years = sorted(set(partnership.milestones.values_list("plan_year", flat=True)) | {year}, reverse=True)
    return render(
        request,
        "monitoring/delivery_plan.html",
        {
            "partnership": partnership,
            "year": year,
            "year_label": performance.financial_year_label(year),
            "years": [(y, performance.financial_year_label(y)) for y in years],
            "milestones": [
                (m, milestone_tag(m), m.due_on < today and m.status not in ("done", "missed"))
                for m in milestones
            ],
            "done": sum(1 for m in milestones if m.status == "done"),
            "can_change": can_change(request, partnership),
            "breadcrumbs": crumbs(partnership),
        },
    )


def _plan_url(partnership, year: int) -> str:
    return reverse("delivery-plan", args=[partnership.pk]) + f"?year={year}"


def milestone_edit(request: HttpRequest, pk: int, milestone_id: int | None = None) -> HttpResponse:
    partnership = monitoring_partnership(request, pk, change=True)
    milestone = (
        get_object_or_404(Milestone, pk=milestone_id, partnership=partnership) if milestone_id else None
    )
    if milestone is not None:
        initial = {name: getattr(milestone, name) for name in services.MILESTONE_FIELDS}
    else:
        initial = {
            "plan_year": _year(request, performance.financial_year_of(clock.today())),
            "status": "not_started",
        }
    form = MilestoneForm(data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_milestone(request.user, partnership, form.values(), milestone)
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Milestone “{saved.title}” saved.")
            return redirect(_plan_url(partnership, saved.plan_year))
    year = milestone.plan_year if milestone else initial["plan_year"]
    return render(
        request,
        "monitoring/forms/plan.html",
        {
            "form": form,
            "partnership": partnership,
            "title": "Change a milestone" if milestone else "Add a milestone",
            "button_text": "Save milestone",
            "cancel_url": _plan_url(partnership, year),
            "purpose": "milestone",
            "breadcrumbs": crumbs(partnership, ("Delivery plan", _plan_url(partnership, year))),
        },
    )


def contribution_for(partnership, year: int) -> Decimal | None:
    """What the register says the council puts in that year, in pounds, as a starting budget."""
    total = partnership.contributions.filter(year=year, amount__isnull=False).aggregate(total=Sum("amount"))
    return total["total"]


def budget_edit(request: HttpRequest, pk: int, budget_id: int | None = None) -> HttpResponse:
    partnership = monitoring_partnership(request, pk, change=True)
    budget_year = get_object_or_404(BudgetYear, pk=budget_id, partnership=partnership) if budget_id else None
    if budget_year is not None:
        initial = {name: getattr(budget_year, name) for name in services.BUDGET_FIELDS}
    else:
        year = performance.financial_year_of(clock.today())
        initial = {"year": year, "budget": contribution_for(partnership, year)}
    form = BudgetForm(data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_budget_year(request.user, partnership, form.values(), budget_year)
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Budget for {performance.financial_year_label(saved.year)} saved.")
            return redirect(reverse("performance", args=[partnership.pk]) + "#budget")
    return render(
        request,
        "monitoring/forms/plan.html",
        {
            "form": form,
            "partnership": partnership,
            "title": "Change the budget" if budget_year else "Add a year's budget",
            "button_text": "Save budget",
            "cancel_url": reverse("performance", args=[partnership.pk]) + "#budget",
            "purpose": "budget",
            "contributions": partnership.latest_year_contribution,
            "breadcrumbs": crumbs(partnership),
        },
    )
