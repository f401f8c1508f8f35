"""Durations in framework files: ISO-like P6M, P1Y, P3Y, P2W, P10D, added to dates by calendar."""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from .schema_base import DURATION


@dataclass(frozen=True)
class Duration:
    years: int = 0
    months: int = 0
    days: int = 0

    def after(self, day: date) -> date:
        """The date this long after `day`; month ends clamp (31 January + 1 month = 28/29 February)."""
        if self.months or self.years:
            month_index = day.month - 1 + self.months + 12 * self.years
            year, month = day.year + month_index // 12, month_index % 12 + 1
            day = date(year, month, min(day.day, _days_in_month(year, month)))
        return day + timedelta(days=self.days) if self.days else day

    def before(self, day: date) -> date:
        return _negated(self).after(day)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


@cache
def _negated(duration: Duration) -> Duration:
    return Duration(-duration.years, -duration.months, -duration.days)


@cache
def parse(text: str) -> Duration:
    match = DURATION.match(text or "")
    if not match:
        raise ValueError(f"'{text}' is not a duration like P6M, P1Y or P10D")
    parts = {k: int(v) if v else 0 for k, v in match.groupdict().items()}
    return Duration(parts["years"], parts["months"], parts["weeks"] * 7 + parts["days"])
