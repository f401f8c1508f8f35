"""When Accord began tracking the council's duties, and what was done before it (ADR 0021): reads.

- `tracking_from()`: the council's go-live day — the latest `TrackingStart` an administrator set,
  else the day the first partnership was entered in the register. Nothing that fell due before it
  is ever Overdue: it is "Before Accord" until someone records when it was last done.
- `last_done_for(ids)`: partnership id -> obligation id -> the day it was last done before Accord
  (the latest `PriorCompletion`), from which the engine counts the next due date.

The writes (setting the day, recording a last-done date) are in accord.frameworks.services.
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Min

from accord.kernel import clock
from accord.register.models import Partnership

from .models import PriorCompletion, TrackingStart
from .schema import Framework, Obligation


def setting() -> TrackingStart | None:
    """The administrator's latest go-live setting, if any."""
    return TrackingStart.objects.order_by("-at", "-id").first()


def history() -> list[TrackingStart]:
    """Every go-live setting, latest first."""
    return list(TrackingStart.objects.order_by("-at", "-id").select_related("recorded_by"))


def first_registered() -> date | None:
    earliest = Partnership.objects.aggregate(first=Min("created_at"))["first"]
    return clock.local_date(earliest) if earliest else None


def tracking_from() -> date | None:
    """The day Accord began tracking duties: the setting, else the first day anything was registered."""
    chosen = setting()
    return chosen.started_on if chosen else first_registered()


def last_done_for(partnership_ids: Iterable[int]) -> dict[int, dict[str, date]]:
    """partnership id -> obligation id -> when it was last done before Accord (the latest record)."""
    ids = list(partnership_ids)
    found: dict[int, dict[str, date]] = {}
    if not ids:
        return found
    rows = (
        PriorCompletion.objects.filter(partnership_id__in=ids)
        .order_by("partnership_id", "obligation_id", "at", "id")
        .values_list("partnership_id", "obligation_id", "done_on")
    )
    for pk, obligation_id, done_on in rows.iterator(chunk_size=2000):
        found.setdefault(pk, {})[obligation_id] = done_on
    return found


def recordable(framework: Framework, obligation_id: str) -> Obligation | None:
    """The framework obligation whose last completion can be recorded, or None. Only the framework's
    own obligations: risk reviews, re-reviews and report-backs are recorded where they happen."""
    return next((o for o in framework.obligations if o.id == obligation_id), None)
