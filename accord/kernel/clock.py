"""The one place Accord reads the clock.

Every date Accord reasons about — what is due, what is overdue, which period a report covers, when
a decision was taken — starts from `today()` or `now()` here, never from `date.today()`,
`datetime.now()` or `django.utils.timezone.now()` elsewhere (tests/test_clock_lint.py enforces it).
Tests move this clock with time-machine; the suite runs at several reference dates in CI
(ADR 0020). Row timestamps that Django fills in itself (`auto_now`) read the same clock underneath.
"""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    """The current moment, timezone-aware."""
    return timezone.now()


def today() -> date:
    """Today's date in the council's time zone (settings.TIME_ZONE)."""
    return timezone.localdate(timezone.now())


def local_date(moment: datetime) -> date:
    """The council's calendar date of a stored moment."""
    return timezone.localdate(moment)
