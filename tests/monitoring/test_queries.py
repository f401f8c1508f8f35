"""What pages and reports read: each indicator's latest value, and values for the summaries."""

from datetime import date
from decimal import Decimal

import pytest

from accord.domain.monitoring import queries

from .factories import BudgetYearFactory, IndicatorFactory, value_for

pytestmark = pytest.mark.django_db


def test_the_latest_value_of_many_indicators_in_two_queries(django_assert_max_num_queries):
    first, second, empty = IndicatorFactory(), IndicatorFactory(), IndicatorFactory()
    value_for(first, date(2026, 5, 1), Decimal("100"))
    newest = value_for(first, date(2026, 8, 1), Decimal("130"))
    only = value_for(second, date(2026, 2, 1), Decimal("90"), corrective_action="Plan")
    with django_assert_max_num_queries(2):
        latest = queries.latest_values([first.pk, second.pk, empty.pk])
    assert latest == {first.pk: newest, second.pk: only}


def test_values_for_a_period_and_the_latest_of_active_indicators(own_partnership):
    active = IndicatorFactory(partnership=own_partnership)
    retired = IndicatorFactory(partnership=own_partnership, active=False)
    value_for(active, date(2026, 5, 1), Decimal("100"), corrective_action="Plan")
    value_for(active, date(2026, 8, 1), Decimal("125"))
    value_for(retired, date(2026, 8, 1), Decimal("125"))
    facts = queries.value_facts([own_partnership.pk], since=date(2026, 7, 1))
    assert {(f.indicator_id, f.period_label) for f in facts} == {
        (active.pk, "Q2 2026/27"),
        (retired.pk, "Q2 2026/27"),
    }
    latest = queries.latest_facts([own_partnership.pk])
    assert [(f.indicator, f.actual) for f in latest] == [(active.name, Decimal("125"))]
    assert latest[0].partnership_id == own_partnership.pk


def test_budget_years_newest_first(own_partnership):
    BudgetYearFactory(partnership=own_partnership, year=2024)
    BudgetYearFactory(partnership=own_partnership, year=2025)
    assert [b.year for b in queries.budget_years([own_partnership.pk])[own_partnership.pk]] == [2025, 2024]
