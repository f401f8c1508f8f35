"""Every test runs on a day it chooses, never on whatever day the suite happens to run.

`reference_clock` (autouse) moves Accord's clock to noon, council time, on the reference date:
`ACCORD_TEST_TODAY` (an ISO date) when set, else the real today. CI runs the date-sensitive suites
at several reference dates (`make test-dates`: leap day, the financial-year boundary, half-year and
calendar-year ends), so a test that quietly depends on the day it runs fails in CI, not on 1 April.

A test that needs a particular day says so with `on_day(date(2027, 3, 31))`, which moves the clock
again for the rest of the test.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

LONDON = ZoneInfo("Europe/London")
NOON = time(12, 0)


def reference_date() -> date:
    chosen = os.environ.get("ACCORD_TEST_TODAY", "").strip()
    return date.fromisoformat(chosen) if chosen else datetime.now(LONDON).date()


def noon(day: date) -> datetime:
    return datetime.combine(day, NOON, tzinfo=LONDON)


@contextmanager
def on_day(day: date, at: time = NOON) -> Iterator[None]:
    """Run the block with Accord's clock on `day` (time moving on from `at`, council time)."""
    with time_machine.travel(datetime.combine(day, at, tzinfo=LONDON), tick=True):
        yield


@pytest.fixture(autouse=True)
def reference_clock() -> Iterator[date]:
    """The day every test runs on (see the module's docstring)."""
    day = reference_date()
    with on_day(day):
        yield day
