"""A partnership's performance page (its indicators with their latest values, the indicators against
target over time, recent exceptions, this year's delivery plan and the budget against actual) and
its exception report (Central Bedfordshire 2.13.2)."""

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accord.frameworks import loader
from accord.kernel import clock
from accord.kernel.ui import charts

from .. import performance, queries, rules
from ..models import BudgetYear, Indicator
from .common import (
    budget_tag,
    can_change,
    crumbs,
    measure,
    milestone_tag,
    monitoring_partnership,
    signed_money,
    status_tag,
)


def indicator_rows(indicators: list[Indicator], today) -> list[dict]:
    latest = queries.latest_values(i.pk for i in indicators)
    rows = []
    for indicator in indicators:
        value = latest.get(indicator.pk)
        since = timezone.localdate(indicator.created_at)
        due = performance.next_due(indicator.frequency, value.period_end if value else None, since)
        rows.append(
            {
                "indicator": indicator,
                "value": value,
                "latest": measure(value.actual, indicator.unit) if value else "No value yet",
                "target": measure(indicator.target, indicator.unit),
                "status": status_tag(value.status if value else None),
                "due": due,
                "overdue": indicator.active and due.end < today,
            }
        )
    return rows


def status_chart(partnership, facts) -> charts.Chart:
    """Indicators against target: how many values were on, near and off target in each quarter."""
    labels, counts = performance.by_quarter(facts)
    return charts.bar_chart(
        f"indicators-against-target-{partnership.pk}",
        "Indicators against target, by quarter",
        labels,
        [charts.Series(performance.STATUS_LABELS[s], counts[s]) for s in performance.STATUSES],
        unit="",
        stacked=True,
        description="How many indicator values were on target, near target and off target in each "
        "financial quarter, by the quarter each value's period ended in.",
        category_label="Quarter",
        value_label="Values",
    )


def exception_table(facts, indicators: dict[int, Indicator], pk: int) -> list[dict]:
    return [
        {
            "fact": fact,
            "indicator": indicators.get(fact.indicator_id),
            "actual": measure(fact.actual, fact.unit),
            "target": measure(fact.target, fact.unit),
            "shortfall": measure(performance.shortfall(fact.actual, fact.target, fact.direction), fact.unit),
        }
        for fact in facts
    ]


def performance_page(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = monitoring_partnership(request, pk)
    today = clock.today()
    indicators = list(partnership.indicators.all())
    facts = queries.value_facts([partnership.pk])
    by_id = {i.pk: i for i in indicators}
    exceptions = performance.exception_rows(facts, since=today - timedelta(days=366))
    plan_year = performance.financial_year_of(today)
    milestones = list(partnership.milestones.filter(plan_year=plan_year))
    budgets = list(BudgetYear.objects.filter(partnership=partnership).order_by("-year"))
    framework = loader.for_request(request)
    return render(
        request,
        "monitoring/performance.html",
        {
            "partnership": partnership,
            "framework": framework,
            "rows": indicator_rows(indicators, today),
            "picture": status_chart(partnership, facts) if facts else None,
            "exceptions": exception_table(exceptions, by_id, partnership.pk),
            "plan_year": plan_year,
            "plan_label": performance.financial_year_label(plan_year),
            "milestones": [
                (m, milestone_tag(m), m.due_on < today and m.status not in ("done", "missed"))
                for m in milestones
            ],
            "budgets": [(b, budget_tag(b.on_budget), signed_money(b.variance)) for b in budgets],
            "show_budget": bool(budgets) or bool(partnership.latest_year_contribution),
            "progress_kinds": rules.progress_kinds(framework),
            "can_change": can_change(request, partnership),
            "year_label": performance.financial_year_label,
            "monitoring": framework.monitoring,
        },
    )


def exception_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Every indicator value off target, newest period first, with the corrective action agreed."""
    partnership = monitoring_partnership(request, pk)
    facts = queries.value_facts([partnership.pk])
    indicators = {i.pk: i for i in partnership.indicators.all()}
    rows = exception_table(performance.exception_rows(facts), indicators, partnership.pk)
    periods: dict[str, list[dict]] = {}
    for row in rows:
        periods.setdefault(row["fact"].period_label, []).append(row)
    framework = loader.for_request(request)
    meets = [
        a.name
        for a in framework.artefacts
        if a.id in rules.artefacts_met_by(framework, rules.EXCEPTION_REPORT)
    ]
    return render(
        request,
        "monitoring/exceptions.html",
        {
            "partnership": partnership,
            "periods": list(periods.items()),
            "count": len(rows),
            "reported_periods": len({f.period_label for f in facts}),
            "meets": meets,
            "breadcrumbs": crumbs(partnership),
        },
    )
