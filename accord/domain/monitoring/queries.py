"""Reading the performance record for pages and reports: each function one or two queries for any
number of partnerships or indicators, returning plain values for the pure engine
(accord.domain.monitoring.performance)."""

from collections.abc import Iterable
from datetime import date

from django.db.models import OuterRef, Subquery

from . import performance
from .models import BudgetYear, Indicator, IndicatorValue

FACT_FIELDS = (
    "indicator_id",
    "indicator__name",
    "indicator__unit",
    "indicator__direction",
    "period_label",
    "period_start",
    "period_end",
    "actual",
    "target",
    "status",
    "corrective_action",
    "note",
    "indicator__partnership_id",
)


def latest_values(indicator_ids: Iterable[int]) -> dict[int, IndicatorValue]:
    """indicator id -> its value for the latest period (indicators with none are left out)."""
    ids = list(indicator_ids)
    if not ids:
        return {}
    newest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-period_end", "-pk")
    latest = (
        Indicator.objects.filter(pk__in=ids)
        .annotate(latest=Subquery(newest.values("pk")[:1]))
        .exclude(latest=None)
        .values_list("latest", flat=True)
    )
    return {v.indicator_id: v for v in IndicatorValue.objects.filter(pk__in=list(latest))}


def value_facts(
    partnership_ids: Iterable[int], since: date | None = None, until: date | None = None
) -> list[performance.ValueFact]:
    """Every value recorded for the partnerships' indicators (periods ending between `since` and
    `until`, if given), for the summaries and the exception report."""
    values = IndicatorValue.objects.filter(indicator__partnership_id__in=list(partnership_ids))
    if since is not None:
        values = values.filter(period_end__gte=since)
    if until is not None:
        values = values.filter(period_end__lte=until)
    return [
        performance.ValueFact(*row)
        for row in values.order_by("period_end", "indicator_id").values_list(*FACT_FIELDS)
    ]


def latest_facts(partnership_ids: Iterable[int]) -> list[performance.ValueFact]:
    """The latest value of each active indicator of the partnerships."""
    ids = Indicator.objects.filter(partnership_id__in=list(partnership_ids), active=True).values_list(
        "pk", flat=True
    )
    chosen = [v.pk for v in latest_values(ids).values()]
    return [
        performance.ValueFact(*row)
        for row in IndicatorValue.objects.filter(pk__in=chosen).values_list(*FACT_FIELDS)
    ]


def budget_years(partnership_ids: Iterable[int]) -> dict[int, list[BudgetYear]]:
    """partnership id -> its budget years, newest first."""
    found: dict[int, list[BudgetYear]] = {}
    for year in BudgetYear.objects.filter(partnership_id__in=list(partnership_ids)).order_by("-year"):
        found.setdefault(year.partnership_id, []).append(year)
    return found
