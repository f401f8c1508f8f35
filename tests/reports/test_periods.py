"""Report periods: financial years from 1 April, their halves, and the defaults (the last complete
year for annual reports, the last complete half-year for the bi-annual one)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from accord.outputs.reports import periods

days = st.dates(min_value=date(1995, 1, 1), max_value=date(2095, 12, 31))


def test_a_financial_year_runs_from_april_to_march():
    year = periods.financial_year(2025)
    assert (year.id, year.start, year.end) == ("2025-26", date(2025, 4, 1), date(2026, 3, 31))
    assert year.label == "2025/26 (1 April 2025 to 31 March 2026)"


def test_the_halves_of_a_year():
    first, second = periods.half_year(2025, 1), periods.half_year(2025, 2)
    assert (first.start, first.end) == (date(2025, 4, 1), date(2025, 9, 30))
    assert (second.start, second.end) == (date(2025, 10, 1), date(2026, 3, 31))
    assert second.id == "2025-26-h2"


def test_defaults_in_november_2026():
    today = date(2026, 11, 22)
    assert periods.last_complete(periods.YEAR, today).id == "2025-26"
    assert periods.last_complete(periods.HALF_YEAR, today).id == "2026-27-h1"


def test_defaults_in_early_april():
    today = date(2026, 4, 2)
    assert periods.last_complete(periods.YEAR, today).id == "2025-26"
    assert periods.last_complete(periods.HALF_YEAR, today).id == "2025-26-h2"


def test_ids_that_name_no_period_are_refused():
    today = date(2026, 11, 22)
    for wrong in ("", None, "2025", "2025-27", "2025-26-h3", "1066-67", "drop table", "2025-26-h1x"):
        assert periods.parse(wrong, today) is None


@given(days)
def test_the_last_complete_period_ended_before_today_and_the_next_one_has_not(today):
    for cadence in (periods.YEAR, periods.HALF_YEAR):
        period = periods.last_complete(cadence, today)
        assert period.end < today
        following = periods.parse(
            periods.choices(cadence, period.end + timedelta(days=1), count=0)[0].id, today
        )
        assert following is not None and following.end >= today


@given(days)
def test_every_period_offered_reads_back_from_its_id(today):
    for cadence in (periods.YEAR, periods.HALF_YEAR, periods.TWELVE_MONTHS):
        for period in periods.choices(cadence, today):
            assert periods.parse(period.id, today) == period
            assert period.start <= period.end


@given(days)
def test_halves_tile_the_year_without_gaps(day):
    year = periods.financial_year_of(day)
    first, second = periods.half_year(year, 1), periods.half_year(year, 2)
    assert first.start == periods.financial_year(year).start
    assert first.end + timedelta(days=1) == second.start
    assert second.end == periods.financial_year(year).end
    assert day in periods.financial_year(year)
