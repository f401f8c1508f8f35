"""The performance engine: pure functions of numbers and dates. No database, no request.

- status against target: on target, near target (missed by no more than the tolerance), off target
- periods: financial months, quarters, halves and years (a council's year starts in April), the
  period a day falls in, the next period to report, the date a period's values count as reported
- budget: variance and "on budget?" (Chorley's key partnerships report, item 2)
- summaries for pages and reports: counts by status, the exception report's rows
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from accord.frameworks.durations import Duration

ON_TARGET, NEAR_TARGET, OFF_TARGET = "on_target", "near_target", "off_target"
STATUSES = (ON_TARGET, NEAR_TARGET, OFF_TARGET)
STATUS_LABELS = {ON_TARGET: "On target", NEAR_TARGET: "Near target", OFF_TARGET: "Off target"}
HIGHER, LOWER = "higher", "lower"
FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "six_monthly": 6, "annual": 12}
YEAR_STARTS = 4  # April: the financial year councils report on
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def status_against_target(
    actual: Decimal, target: Decimal, direction: str, tolerance: Decimal = Decimal("0")
) -> str:
    """On target if the actual meets the target in the better direction; near target if it misses
    by no more than the tolerance; otherwise off target."""
    if tolerance < 0:
        raise ValueError("The tolerance cannot be negative")
    if direction not in (HIGHER, LOWER):
        raise ValueError(f"Direction must be '{HIGHER}' or '{LOWER}'")
    shortfall = target - actual if direction == HIGHER else actual - target
    if shortfall <= 0:
        return ON_TARGET
    if shortfall <= tolerance:
        return NEAR_TARGET
    return OFF_TARGET


def shortfall(actual: Decimal, target: Decimal, direction: str) -> Decimal:
    """How far the actual falls short of the target (0 when it meets it)."""
    missed = target - actual if direction == HIGHER else actual - target
    return max(missed, Decimal("0"))


# Periods -------------------------------------------------------------------------------------------


def financial_year_of(day: date) -> int:
    """The year the financial year containing `day` starts in: 1 March 2027 is in 2026 (2026/27)."""
    return day.year if day.month >= YEAR_STARTS else day.year - 1


def financial_year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    label: str


def _add_months(day: date, months: int) -> date:
    return Duration(months=months).after(day)


def _label(frequency: str, start: date) -> str:
    year = financial_year_of(start)
    index = ((start.month - YEAR_STARTS) % 12) // FREQUENCY_MONTHS[frequency]
    if frequency == "monthly":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if frequency == "quarterly":
        return f"Q{index + 1} {financial_year_label(year)}"
    if frequency == "six_monthly":
        end = _add_months(start, 5)
        return f"{MONTHS[start.month - 1]} to {MONTHS[end.month - 1]} {end.year}"
    return financial_year_label(year)


def period_containing(frequency: str, day: date) -> Period:
    """The reporting period of this frequency that `day` falls in."""
    if frequency not in FREQUENCY_MONTHS:
        raise ValueError(f"Unknown frequency '{frequency}'")
    length = FREQUENCY_MONTHS[frequency]
    months_into_year = (day.month - YEAR_STARTS) % 12
    offset = months_into_year - months_into_year % length
    start = _add_months(date(financial_year_of(day), YEAR_STARTS, 1), offset)
    end = _add_months(start, length) - timedelta(days=1)
    return Period(start, end, _label(frequency, start))


def next_period(frequency: str, period: Period) -> Period:
    return period_containing(frequency, period.end + timedelta(days=1))


def previous_period(frequency: str, period: Period) -> Period:
    return period_containing(frequency, period.start - timedelta(days=1))


def recent_periods(frequency: str, today: date, count: int = 8) -> list[Period]:
    """The period `today` falls in and the `count - 1` before it, newest first."""
    periods = [period_containing(frequency, today)]
    while len(periods) < count:
        periods.append(previous_period(frequency, periods[-1]))
    return periods


def next_due(frequency: str, last_end: date | None, since: date) -> Period:
    """The next period to report: the one after the last reported, or, if none has been, the period
    the indicator started in (`since`)."""
    if last_end is None:
        return period_containing(frequency, since)
    return period_containing(frequency, last_end + timedelta(days=1))


def reported_on(frequency: str, period_end: date, recorded_on: date) -> date:
    """When a period's values count as reported: the day they were recorded, but no later than one
    period after the period ended, so last year's figures entered today meet last year's report and
    not this quarter's."""
    latest = _add_months(period_end + timedelta(days=1), FREQUENCY_MONTHS[frequency]) - timedelta(days=1)
    return min(recorded_on, latest)


def quarter_of(day: date) -> Period:
    """The financial quarter a day falls in: charts group values of any frequency by it."""
    return period_containing("quarterly", day)


# Budget ---------------------------------------------------------------------------------------------


def variance(budget: Decimal, actual: Decimal | None) -> Decimal | None:
    """Actual minus budget: above 0 is an overspend. None until the actual is known."""
    return None if actual is None else actual - budget


def on_budget(budget: Decimal, actual: Decimal | None) -> bool | None:
    """Yes if the actual is within the budget; None until the actual is known."""
    return None if actual is None else actual <= budget


# Summaries ------------------------------------------------------------------------------------------


class ValueFact(NamedTuple):
    """One recorded value, with what the summaries need of its indicator."""

    indicator_id: int
    indicator: str
    unit: str
    direction: str
    period_label: str
    period_start: date
    period_end: date
    actual: Decimal
    target: Decimal
    status: str
    corrective_action: str = ""
    note: str = ""
    partnership_id: int = 0


def status_counts(values: Iterable[ValueFact]) -> dict[str, int]:
    """How many values are on, near and off target (every status present, 0 if none)."""
    counted = Counter(v.status for v in values)
    return {status: counted.get(status, 0) for status in STATUSES}


def exception_rows(values: Iterable[ValueFact], since: date | None = None) -> list[ValueFact]:
    """The exception report: values off target (ending on or after `since`, if given), newest period
    first, then by indicator."""
    rows = [v for v in values if v.status == OFF_TARGET and (since is None or v.period_end >= since)]
    return sorted(rows, key=lambda v: (-v.period_end.toordinal(), v.indicator.lower(), v.indicator_id))


def missing_actions(values: Iterable[ValueFact]) -> list[ValueFact]:
    """Off-target values with no corrective action agreed: the exception report is not complete."""
    return [v for v in values if v.status == OFF_TARGET and not v.corrective_action.strip()]


def by_quarter(values: Iterable[ValueFact], quarters: int = 6) -> tuple[list[str], dict[str, list[int]]]:
    """Counts by status for each of the last `quarters` financial quarters that have values (by the
    quarter each value's period ends in): (quarter labels oldest first, {status: counts})."""
    counted: dict[Period, Counter[str]] = {}
    for value in values:
        counted.setdefault(quarter_of(value.period_end), Counter())[value.status] += 1
    chosen = sorted(counted)[-quarters:]
    return [q.label for q in chosen], {s: [counted[q].get(s, 0) for q in chosen] for s in STATUSES}
