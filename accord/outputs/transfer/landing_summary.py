"""What the preview says about a one-sheet register's other columns (plan_extras): where each lands
and how many records it makes, what is left out and why, and the columns no field is chosen for; and
the writes left for commit_extras."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from accord.frameworks.schema import Obligation

from . import columns as c
from .mapping import Mapping
from .plan_model import CREATED, UNCHANGED, UPDATED
from .reading import SheetData
from .rows import RowProblem

KEYS = tuple(col.key for col in c.PARTNERSHIPS.columns if col.import_only)
COUNCIL_CONTRIBUTION = "Council contribution"
IN_KIND = "In-kind support"
LANDS_IN = {
    "lead_officer": "The partnership's lead officer (a person in the directory)",
    "council_contribution": "The council's finance contribution for the financial year",
    "in_kind": "An in-kind contribution for the financial year",
    "partners": "A member organisation of the partnership, for each partner",
    "governance_document": "The partnership's agreement (its governing document)",
    "last_reviewed": "When the framework's review was last done, before Accord",
}


@dataclass
class Later:
    """A write for commit_extras: an agreement or a last-done date, through its own service."""

    reference: str
    row: int
    action: str
    values: dict[str, Any]


@dataclass
class Extras:
    """What the preview shows about the extra columns, and what commit_extras writes."""

    headers: dict[str, str] = field(default_factory=dict)  # key -> the column's header in the file
    counts: dict[str, Counter] = field(default_factory=dict)  # key -> {created, updated, unchanged}
    not_imported: list[tuple[str, str]] = field(default_factory=list)  # (sheet, header)
    not_recorded: list[RowProblem] = field(default_factory=list)  # landed nowhere, and why
    to_check: list[RowProblem] = field(default_factory=list)  # landed, beside something to look at
    agreements: list[Later] = field(default_factory=list)
    last_done: list[Later] = field(default_factory=list)
    review: Obligation | None = None
    go_live: date | None = None
    go_live_set: bool = False
    year: int = 0  # the current financial year, for a contribution without a year

    def landings(self) -> list[dict[str, Any]]:
        """Each extra column the file has: its header, where it lands and how many records."""
        return [
            {
                "header": self.headers[key],
                "lands_in": LANDS_IN[key]
                + (f": {self.review.name}" if key == "last_reviewed" and self.review else ""),
                **{
                    action: self.counts.get(key, Counter())[action]
                    for action in (CREATED, UPDATED, UNCHANGED)
                },
            }
            for key in KEYS
            if key in self.headers and key in LANDS_IN
        ]


def not_imported(sheets: dict[str, SheetData], mapping: Mapping) -> list[tuple[str, str]]:
    """Every column of the file that no field is chosen for: (sheet, header). A column with neither a
    header nor anything in it is left out."""
    found: list[tuple[str, str]] = []
    for name, data in sheets.items():
        keys = mapping.get(name, [])
        for index, header in enumerate(data.headers):
            if index < len(keys) and keys[index]:
                continue
            named = header != f"Column {index + 1}"
            if named or any(cells[index] not in (None, "") for _, cells in data.rows):
                found.append((name, header))
    return found
