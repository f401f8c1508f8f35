"""Council-level obligations (ADR 0031): duties that fall on the council as a whole, not on one
partnership — Central Bedfordshire's yearly report from the office of the Chief Executive on its
private sector partnerships (J3 3.2.8), Redditch's joint annual report (9).

Each names the framework roles that own it (the people appointed to those roles under Settings →
Appointments are its owners), when it is first due and how often after, and the evidence that meets
it: a report Accord writes, issued (the reports app registers which reports there are, an extension
point: accord.frameworks.sources.register_council_source).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from .schema_base import Item, Strict

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

    name: str = Field(
        min_length=1, description="What is due, shown on Council duties, My work and reminders."
    )
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
