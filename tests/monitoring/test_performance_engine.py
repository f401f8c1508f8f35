"""The performance engine: status against target, financial periods, budget and the summaries."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.monitoring import performance as p

amounts = st.decimals(min_value=-10_000, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
tolerances = st.decimals(min_value=0, max_value=1_000, places=2, allow_nan=False, allow_infinity=False)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
frequencies = st.sampled_from(sorted(p.FREQUENCY_MONTHS))
RANK = {p.ON_TARGET: 0, p.NEAR_TARGET: 1, p.OFF_TARGET: 2}


def test_meeting_the_target_exactly_is_on_target_either_way():
    assert p.status_against_target(Decimal("80"), Decimal("80"), "higher") == p.ON_TARGET
    assert p.status_against_target(Decimal("80"), Decimal("80"), "lower") == p.ON_TARGET


def test_a_shortfall_within_the_tolerance_is_near_target_and_beyond_it_off_target():
    assert p.status_against_target(Decimal("76"), Decimal("80"), "higher", Decimal("5")) == p.NEAR_TARGET
    assert p.status_against_target(Decimal("74.99"), Decimal("80"), "higher", Decimal("5")) == p.OFF_TARGET
    # Lower is better: 12 days against a target of 10 misses by 2.
    assert p.status_against_target(Decimal("12"), Decimal("10"), "lower", Decimal("2")) == p.NEAR_TARGET
    assert p.status_against_target(Decimal("13"), Decimal("10"), "lower", Decimal("2")) == p.OFF_TARGET


def test_a_negative_tolerance_or_unknown_direction_is_refused():
    with pytest.raises(ValueError):
        p.status_against_target(Decimal("1"), Decimal("2"), "higher", Decimal("-1"))
    with pytest.raises(ValueError):
        p.status_against_target(Decimal("1"), Decimal("2"), "sideways")


@given(amounts, amounts, amounts, tolerances)
def test_a_better_actual_never_gets_a_worse_status(a, b, target, tolerance):
    low, high = sorted((a, b))
    assert (
        RANK[p.status_against_target(high, target, "higher", tolerance)]
        <= RANK[p.status_against_target(low, target, "higher", tolerance)]
    )
    assert (
        RANK[p.status_against_target(low, target, "lower", tolerance)]
        <= RANK[p.status_against_target(high, target, "lower", tolerance)]
    )


@given(amounts, amounts, tolerances)
def test_lower_is_better_mirrors_higher_is_better(actual, target, tolerance):
    assert p.status_against_target(actual, target, "lower", tolerance) == p.status_against_target(
        -actual, -target, "higher", tolerance
    )


@given(amounts, amounts, tolerances, st.sampled_from(["higher", "lower"]))
def test_a_wider_tolerance_never_makes_a_status_worse(actual, target, tolerance, direction):
    narrow = p.status_against_target(actual, target, direction, tolerance)
    wide = p.status_against_target(actual, target, direction, tolerance + 1)
    assert RANK[wide] <= RANK[narrow]
    assert (p.shortfall(actual, target, direction) == 0) == (narrow == p.ON_TARGET)


def test_quarters_follow_the_financial_year_from_april():
    assert p.period_containing("quarterly", date(2026, 5, 9)) == p.Period(
        date(2026, 4, 1), date(2026, 6, 30), "Q1 2026/27"
    )
    assert p.period_containing("quarterly", date(2027, 2, 1)).label == "Q4 2026/27"
    assert p.period_containing("annual", date(2027, 3, 31)).label == "2026/27"
    assert p.period_containing("monthly", date(2026, 11, 22)).label == "November 2026"
    half = p.period_containing("six_monthly", date(2027, 1, 5))
    assert (half.start, half.end, half.label) == (
        date(2026, 10, 1),
        date(2027, 3, 31),
        "October to March 2027",
    )


@given(frequencies, days)
def test_a_day_falls_in_its_period_and_periods_follow_on_without_gaps(frequency, day):
    period = p.period_containing(frequency, day)
    assert period.start <= day <= period.end
    following = p.next_period(frequency, period)
    assert following.start == period.end + timedelta(days=1)
    assert p.previous_period(frequency, following) == period
    assert p.period_containing(frequency, period.end) == period


@given(frequencies, days, st.integers(min_value=1, max_value=12))
def test_recent_periods_run_back_from_today_without_gaps(frequency, day, count):
    periods = p.recent_periods(frequency, day, count)
    assert len(periods) == count
    assert periods[0].start <= day <= periods[0].end
    for newer, older in zip(periods, periods[1:], strict=False):
        assert older.end + timedelta(days=1) == newer.start


def test_the_next_value_due_is_for_the_period_after_the_last_reported():
    assert p.next_due("quarterly", date(2026, 6, 30), date(2025, 1, 1)).label == "Q2 2026/27"
    assert p.next_due("quarterly", None, date(2026, 11, 22)).label == "Q3 2026/27"


@given(frequencies, days, st.integers(min_value=-400, max_value=2000))
def test_values_count_as_reported_when_recorded_but_no_later_than_a_period_after(frequency, day, delay):
    period = p.period_containing(frequency, day)
    recorded = period.end + timedelta(days=delay)
    reported = p.reported_on(frequency, period.end, recorded)
    assert reported <= recorded
    assert reported <= p.next_period(frequency, period).end
    if period.end <= recorded <= p.next_period(frequency, period).end:
        assert reported == recorded


def test_last_years_figures_entered_today_count_for_last_year():
    assert p.reported_on("quarterly", date(2025, 6, 30), date(2026, 11, 22)) == date(2025, 9, 30)


@given(
    st.decimals(min_value=0, max_value=10**9, places=2),
    st.none() | st.decimals(min_value=0, max_value=10**9, places=2),
)
def test_on_budget_when_the_actual_is_within_the_budget(budget, actual):
    answer, gap = p.on_budget(budget, actual), p.variance(budget, actual)
    if actual is None:
        assert answer is None and gap is None
    else:
        assert answer == (gap <= 0)
        assert budget + gap == actual


def fact(indicator_id: int, name: str, end: date, status: str, action: str = "") -> p.ValueFact:
    return p.ValueFact(
        indicator_id,
        name,
        "%",
        "higher",
        "period",
        end.replace(day=1),
        end,
        Decimal("1"),
        Decimal("2"),
        status,
        action,
    )


def test_the_exception_report_lists_values_off_target_newest_period_first():
    values = [
        fact(1, "Satisfaction", date(2026, 6, 30), p.OFF_TARGET, "Survey again"),
        fact(2, "Arrears", date(2026, 9, 30), p.OFF_TARGET),
        fact(3, "Visits", date(2026, 9, 30), p.NEAR_TARGET),
        fact(4, "Answered calls", date(2026, 9, 30), p.OFF_TARGET, "Extra staff"),
    ]
    rows = p.exception_rows(values)
    assert [r.indicator for r in rows] == ["Answered calls", "Arrears", "Satisfaction"]
    assert [r.indicator for r in p.exception_rows(values, since=date(2026, 7, 1))] == [
        "Answered calls",
        "Arrears",
    ]
    assert [r.indicator for r in p.missing_actions(values)] == ["Arrears"]


@given(st.lists(st.tuples(days, st.sampled_from(p.STATUSES)), max_size=40))
def test_counts_by_quarter_add_up_to_the_values_shown(items):
    values = [fact(i, "x", day, status) for i, (day, status) in enumerate(items)]
    labels, counts = p.by_quarter(values, quarters=1000)
    assert sum(sum(c) for c in counts.values()) == len(values)
    assert all(len(c) == len(labels) for c in counts.values())
    assert p.status_counts(values) == {s: sum(counts[s]) for s in p.STATUSES}
