"""Durations in framework files: ISO-like P6M, P1Y, P3Y, P2W, P10D, added to dates by calendar."""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from .schema import DURATION


@dataclass(frozen=True)
class Duration:
    years: int = 0
    months: int = 0
    days: int = 0

    def after(self, day: date) -> date:
        month_index = day.month - 1 + self.months + 12 * self.years
        year, month = day.year + month_index // 12, month_index % 12 + 1
        for candidate in (day.day, 30, 29, 28):
            try:
                moved = day.replace(year=year, month=month, day=candidate)
                break
            except ValueError:
                continue
        return moved + timedelta(days=self.days)

    def before(self, day: date) -> date:
        return Duration(-self.years, -self.months, -self.days).after(day)


@cache
def parse(text: str) -> Duration:
    match = DURATION.match(text or "")
    if not match:
        raise ValueError(f"'{text}' is not a duration like P6M, P1Y or P10D")
    parts = {k: int(v) if v else 0 for k, v in match.groupdict().items()}
    return Duration(parts["years"], parts["months"], parts["weeks"] * 7 + parts["days"])
