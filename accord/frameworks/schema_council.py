"""Council-level obligations (ADR 0031): duties that fall on the council as a whole, not on one
partnership — Central Bedfordshire's yearly report from the office of the Chief Executive on its
private sector partnerships (J3 3.2.8), Redditch's joint annual report (9).

Each names the framework roles that own it (the people appointed to those roles under Settings →
Appointments are its owners), when it is first due and how often after, and the evidence that meets
it: a report Accord writes, issued (the reports app registers which reports there are, an extension
point: accord.frameworks.sources.register_council_source).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from .durations import parse
from .schema_base import Item, Strict

if TYPE_CHECKING:
    from .schema import Framework

# What a council obligation counts from: the start of the financial year (1 April) in which Accord
# began tracking the council's duties, the framework's `effective_date`, or a fixed `anchor_date`.
COUNCIL_ANCHORS = ("financial_year", "effective_date", "date")


class CouncilEvidence(Strict):
    """What meets a council obligation: a report Accord writes (its id, as in the Reports page's
    addresses, e.g. private-sector), issued under this framework."""

    report: str = Field(min_length=1, description="The id of a report Accord writes, e.g. 'private-sector'.")

    @property
    def key(self) -> str:
        """The evidence sources' key for it (accord.frameworks.council)."""
        return f"report:{self.report}"


class CouncilObligation(Item):
    """A duty on the council as a whole, owned by one or more of the framework's roles."""

    name: str = Field(min_length=1)
    description: str = Field(default="", description="What it is, in the council's words.")
    owners: list[str] = Field(
        min_length=1,
        description="The roles (ids in `roles`) whose appointed holders own it; a joint duty names each.",
    )
    anchor: Literal["financial_year", "effective_date", "date"] = Field(
        default="financial_year",
        description="What it counts from: the start of the financial year (1 April) in which Accord began "
        "tracking, the framework's effective_date, or anchor_date.",
    )
    anchor_date: date | None = Field(default=None, description="For anchor 'date': the day it counts from.")
    first_due: str = Field(description="Duration after the anchor, e.g. P1Y.")
    repeat: str | None = Field(default=None, description="Then every, e.g. P1Y; none for once only.")
    cadence: Literal["rolling", "fixed"] = Field(
        default="rolling",
        description="As for a partnership's obligations: 'rolling' counts each next due date from the last "
        "time it was met; 'fixed' keeps to the grid first_due + n × repeat, each period needing its own.",
    )
    due_soon: str = Field(default="P1M", description="How long before the due date it shows as due soon.")
    met_by: CouncilEvidence = Field(description="What meets it.")


def check_council_obligations(fw: Framework, reports: Collection[str] = ()) -> Iterator[tuple[str, str]]:
    """Each council obligation has a unique id, an owner among the framework's roles, durations that
    parse, an anchor it can count from, and evidence Accord knows (`reports`: the ids of the reports
    Accord writes under this framework; empty when no report source is registered, as in a bare check
    without the apps)."""
    roles = {r.id for r in fw.roles}
    seen: set[str] = set()
    for i, ob in enumerate(fw.council_obligations):
        base = f"council_obligations.{i}"
        if ob.id in seen:
            yield "council_obligations", f"duplicate id '{ob.id}'"
        seen.add(ob.id)
        for j, owner in enumerate(ob.owners):
            if owner not in roles:
                known = f" (known: {', '.join(sorted(roles))})" if roles else " (the file declares no roles)"
                yield f"{base}.owners.{j}", f"unknown role '{owner}'{known}"
        for name in ("first_due", "repeat", "due_soon"):
            value = getattr(ob, name)
            if value is not None:
                try:
                    parse(value)
                except ValueError as error:
                    yield f"{base}.{name}", str(error)
        if ob.anchor == "date" and ob.anchor_date is None:
            yield f"{base}.anchor_date", "anchor 'date' needs the day it counts from"
        if ob.anchor != "date" and ob.anchor_date is not None:
            yield f"{base}.anchor_date", "anchor_date is only for anchor 'date'"
        if ob.anchor == "effective_date" and fw.effective_date is None:
            yield f"{base}.anchor", "the framework has no effective_date to count from"
        if ob.cadence == "fixed" and ob.repeat is None:
            yield f"{base}.cadence", "a fixed cadence needs `repeat`"
        if reports and ob.met_by.report not in reports:
            known = ", ".join(sorted(reports))
            yield f"{base}.met_by.report", f"unknown report '{ob.met_by.report}' (known: {known})"
