"""A new partnership's status when the file gives none: from its dates, or one for the whole import.

Under the "dates" rule (the default) a partnership whose end date has passed is closed, one that has
started is active, and any other is proposed. Active and closed partnerships are added as existing
ones: their cycle's first entry is recorded retrospectively, with the import as its reason
(accord.domain.lifecycle.first_state), so no gate is passed silently.
"""

from datetime import date
from typing import Any

from accord.kernel import clock
from accord.register.models import PartnershipStatus

from .assumptions import ACTIVE, DATES, PROPOSED, Assumed


def by_dates(start: date | None, end: date | None, today: date) -> PartnershipStatus:
    if end is not None and end < today:
        return PartnershipStatus.CLOSED
    if start is not None and start <= today:
        return PartnershipStatus.ACTIVE
    return PartnershipStatus.PROPOSED


def infer(assumed: Assumed, values: dict[str, Any]) -> str:
    """The status a new row with no status of its own takes under the import's rule, counted."""
    rule = assumed.status_rule
    status: PartnershipStatus
    if rule == ACTIVE:
        status = PartnershipStatus.ACTIVE
    elif rule == PROPOSED or rule != DATES:
        status = PartnershipStatus.PROPOSED
    else:
        status = by_dates(values.get("start_date"), values.get("proposed_end_date"), clock.today())
    assumed.statuses[str(status)] += 1
    return status
