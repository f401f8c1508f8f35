"""What the reports read from performance monitoring (accord.domain.monitoring): indicators with their
latest value in the period, exception rows, the delivery plan's milestones and budgets against
actuals. A query or two for many partnerships at once."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from accord.domain.monitoring import performance
from accord.domain.monitoring.models import BudgetYear, Indicator, IndicatorValue, Milestone, MilestoneStatus

from .periods import Period, financial_years


@dataclass
class IndicatorRow:
    indicator: Indicator
    latest: IndicatorValue | None  # the latest value whose period ends in the report's period


@dataclass
class Performance:
    indicators: dict[int, list[IndicatorRow]] = field(default_factory=dict)  # by partnership
    exceptions: dict[int, list[IndicatorValue]] = field(default_factory=dict)  # off target in the period

    def counts(self, pk: int) -> Counter:
        """Active indicators by the status of their latest value; 'none' when none was recorded."""
        return Counter(row.latest.status if row.latest else "none" for row in self.indicators.get(pk, []))


def performance_in(ids: list[int], period: Period) -> Performance:
    """Active indicators and their values in the period (two queries)."""
    found = Performance()
    indicators = Indicator.objects.filter(partnership_id__in=ids, active=True).order_by(
        "partnership_id", "name", "id"
    )
    by_id: dict[int, IndicatorRow] = {}
    for indicator in indicators:
        row = IndicatorRow(indicator, None)
        by_id[indicator.pk] = row
        found.indicators.setdefault(indicator.partnership_id, []).append(row)
    values = IndicatorValue.objects.filter(
        indicator__partnership_id__in=ids, period_end__gte=period.start, period_end__lte=period.end
    ).order_by("period_end", "id")
    for value in values.select_related("indicator"):
        row = by_id.get(value.indicator_id)
        if row is not None:
            row.latest = value
        if value.status == performance.OFF_TARGET:
            found.exceptions.setdefault(value.indicator.partnership_id, []).append(value)
    return found


def budgets(ids: list[int], period: Period) -> dict[int, list[BudgetYear]]:
    """Budget years the period overlaps, by partnership (one query)."""
    found: dict[int, list[BudgetYear]] = defaultdict(list)
    for budget in BudgetYear.objects.filter(
        partnership_id__in=ids, year__in=financial_years(period)
    ).order_by("partnership_id", "year"):
        found[budget.partnership_id].append(budget)
    return found


def milestones(ids: list[int], period: Period) -> dict[int, Counter]:
    """Delivery plan milestones due in the period, counted by status, by partnership (one query)."""
    found: dict[int, Counter] = defaultdict(Counter)
    rows = Milestone.objects.filter(partnership_id__in=ids, due_on__gte=period.start, due_on__lte=period.end)
    for pk, status in rows.values_list("partnership_id", "status"):
        found[pk][status] += 1
    return found


def milestone_summary(counts: Counter) -> tuple[int, int, int]:
    """(done, missed, still to do) from a partnership's milestone counts."""
    done, missed = counts[MilestoneStatus.DONE], counts[MilestoneStatus.MISSED]
    return done, missed, sum(counts.values()) - done - missed


def on_budget_text(budget: BudgetYear) -> str:
    answer = budget.on_budget
    return "Not known yet" if answer is None else "Yes" if answer else "No"
