"""The demo council as it looks a few months after go-live (ADR 0021).

The council began tracking its duties on the first day of the month four months ago, having
entered its register then. For each duty that fell due before go-live, the demo records when it
was last done before Accord, spread so the register shows what a real council's would: most duties
met, some due soon, a few overdue since go-live, and a few still waiting for someone to record a
date ("Before Accord"). The spread is worked out from each partnership's reference, so the demo is
the same every time it is loaded on the same day.
"""

import hashlib
from datetime import date, timedelta

from django.contrib.auth import get_user_model

from accord.kernel import clock
from accord.register.models import FINISHED_STATUSES, Partnership

from . import apply, engine, loader, services
from .durations import Duration, parse

MONTHS_LIVE = 4
# (share out of 20, days from today to the next due date, and a step between the slots in a share):
# met, due soon, overdue since go-live, and left for someone to record
SPREAD = ((14, 45, 17), (3, 6, 8), (2, -9, -23), (1, None, 0))


def go_live(today: date) -> date:
    return Duration(months=-MONTHS_LIVE).after(today.replace(day=1))


def _bucket(reference: str, obligation_id: str) -> tuple[int, int | None]:
    slot = int(hashlib.sha256(f"{reference}:{obligation_id}".encode()).hexdigest(), 16) % 20
    for share, days, step in SPREAD:
        if slot < share:
            return slot, None if days is None else days + step * slot
        slot -= share
    raise AssertionError("the spread covers 20 slots")


def _last_done(obligation, reference: str, started: date, today: date) -> date | None:
    slot, days = _bucket(reference, obligation.id)
    if days is None:
        return None
    if obligation.repeat is None:
        return started - timedelta(days=30 + 7 * slot)
    period = parse(obligation.repeat)
    wanted = period.before(today + timedelta(days=days))
    return min(wanted, started - timedelta(days=1 + slot))


def load(username: str = "admin") -> int:
    """Set go-live and record last-done dates; returns how many were recorded."""
    user = get_user_model().objects.filter(username=username).first()
    today = clock.today()
    started = go_live(today)
    Partnership.objects.update(created_at=clock.now().replace(year=started.year, month=started.month, day=1))
    framework = loader.current()
    services.set_tracking_from(
        user, started, "The council went live with Accord, its register entered that day", framework=framework
    )
    own = {o.id: o for o in framework.obligations}
    recorded = 0
    for partnership in Partnership.objects.exclude(status__in=FINISHED_STATUSES).order_by("reference"):
        for result in apply.obligations_for(partnership, today, framework=framework):
            obligation = own.get(result.obligation_id)
            if obligation is None or result.status != engine.BEFORE_ACCORD:
                continue
            done_on = _last_done(obligation, partnership.reference, started, today)
            if done_on is not None:
                services.record_last_done(
                    user,
                    partnership,
                    obligation.id,
                    done_on,
                    "From the council's old register",
                    framework=framework,
                )
                recorded += 1
    return recorded
