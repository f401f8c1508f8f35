"""The periods a report covers: financial years (1 April to 31 March) and their halves.

Pure: no database. A period has an id for URLs (`2025-26`, `2025-26-h1`, `2025-26-h2`,
`last-12-months`), its first and last days and a label people read. Annual reports default to
the last complete financial year, the bi-annual one to the last complete half-year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

YEAR = "year"
HALF_YEAR = "half_year"
TWELVE_MONTHS = "last-12-months"
FIRST_YEAR, LAST_YEAR = 1990, 2100  # the financial years a report can cover
_ID = re.compile(r"^(?P<year>\d{4})-(?P<next>\d{2})(?:-h(?P<half>[12]))?$")


@dataclass(frozen=True)
class Period:
    id: str
    start: date
    end: date
    label: str

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def _day(value: date) -> str:
    return value.strftime("%-d %B %Y")


def financial_year_of(day: date) -> int:
    """The year the financial year containing `day` starts in (2025 for 2025/26)."""
    return day.year if day.month >= 4 else day.year - 1


def fy_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def financial_year(year: int) -> Period:
    start, end = date(year, 4, 1), date(year + 1, 3, 31)
    return Period(
        f"{year}-{(year + 1) % 100:02d}", start, end, f"{fy_label(year)} ({_day(start)} to {_day(end)})"
    )


def half_year(year: int, half: int) -> Period:
    """The first (April to September) or second (October to March) half of financial year `year`."""
    if half == 1:
        start, end = date(year, 4, 1), date(year, 9, 30)
    else:
        start, end = date(year, 10, 1), date(year + 1, 3, 31)
    which = "first" if half == 1 else "second"
    return Period(
        f"{year}-{(year + 1) % 100:02d}-h{half}",
        start,
        end,
        f"{fy_label(year)} {which} half ({_day(start)} to {_day(end)})",
    )


def last_twelve_months(today: date) -> Period:
    try:
        start = today.replace(year=today.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        start = date(today.year - 1, 3, 1)
    return Period(TWELVE_MONTHS, start, today, f"The last 12 months ({_day(start)} to {_day(today)})")


def _half_of(day: date) -> tuple[int, int]:
    return financial_year_of(day), 1 if 4 <= day.month <= 9 else 2


def _previous_half(year: int, half: int) -> tuple[int, int]:
    return (year, 1) if half == 2 else (year - 1, 2)


def last_complete(cadence: str, today: date) -> Period:
    """The latest period of this cadence that ended before `today`."""
    if cadence == HALF_YEAR:
        return half_year(*_previous_half(*_half_of(today)))
    if cadence == YEAR:
        return financial_year(financial_year_of(today) - 1)
    return last_twelve_months(today)


def choices(cadence: str, today: date, count: int = 6) -> list[Period]:
    """The periods offered, newest first: the one in progress, then `count` complete ones."""
    return [p for p in _offered(cadence, today, count) if p.id == TWELVE_MONTHS or _in_range(p.start)]


def _in_range(start: date) -> bool:
    return FIRST_YEAR <= financial_year_of(start) <= LAST_YEAR


def _offered(cadence: str, today: date, count: int) -> list[Period]:
    if cadence == HALF_YEAR:
        found, current = [], _half_of(today)
        for _ in range(count + 1):
            found.append(half_year(*current))
            current = _previous_half(*current)
        return found
    if cadence == YEAR:
        year = financial_year_of(today)
        return [financial_year(y) for y in range(year, year - count - 1, -1)]
    year = financial_year_of(today)
    return [last_twelve_months(today), *(financial_year(y) for y in range(year, year - count - 1, -1))]


def parse(period_id: str | None, today: date) -> Period | None:
    """The period an id names, or None for anything else (a year from FIRST_YEAR to LAST_YEAR)."""
    if not period_id:
        return None
    if period_id == TWELVE_MONTHS:
        return last_twelve_months(today)
    match = _ID.match(period_id)
    if not match:
        return None
    year = int(match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR or int(match["next"]) != (year + 1) % 100:
        return None
    return half_year(year, int(match["half"])) if match["half"] else financial_year(year)


def financial_years(period: Period) -> list[int]:
    """The financial years (by starting year) a period overlaps."""
    return list(range(financial_year_of(period.start), financial_year_of(period.end) + 1))


def describe(start: date, end: date) -> str:
    """A period's dates as people read them: '1 April 2025 to 31 March 2026'."""
    return f"{_day(start)} to {_day(end)}"
