"""What an administrator chose once for a whole import, and what the import assumed because of it.

`ImportChoices` is chosen at the columns step (defaults for required fields the file lacks, how new
partnerships' statuses are set) and at the preview (whether each likely duplicate is the same
partnership or a different one); an ImportRun keeps it. `Assumed` is what the dry run did with it,
so the preview and the command can say it: defaults applied and how often, references generated,
statuses set from dates, columns not imported. Nothing is assumed silently.
"""

from collections import Counter
from dataclasses import dataclass, field

# How new partnerships get their status when the file has no Status for them.
DATES, PROPOSED, ACTIVE = "dates", "proposed", "active"
STATUS_RULES: dict[str, str] = {
    DATES: "Use their dates: ended → closed, started → active, otherwise proposed",
    PROPOSED: "Treat them all as proposed",
    ACTIVE: "Treat them all as active",
}
SAME, DIFFERENT = "same", "different"
DUPLICATE_ANSWERS: dict[str, str] = {
    SAME: "Same partnership (update the existing one)",
    DIFFERENT: "Different partnership (create a new one)",
}


@dataclass
class ImportChoices:
    defaults: dict[str, str] = field(default_factory=dict)  # field key -> the value a blank cell takes
    status_rule: str = DATES
    duplicates: dict[str, str] = field(default_factory=dict)  # str(row number) -> SAME or DIFFERENT


@dataclass(frozen=True)
class Likely:
    """A new row that looks like a partnership already in the register, or an earlier new row."""

    row: int
    name: str
    reference: str  # the reference the row would be created with
    existing: str = ""  # the register's partnership it looks like
    earlier_row: int = 0  # or the earlier row of the file it looks like
    earlier_reference: str = ""


@dataclass
class Assumed:
    status_rule: str = DATES
    defaults: dict[str, str] = field(default_factory=dict)
    defaults_applied: Counter = field(default_factory=Counter)  # field key -> rows it was used for
    references: list[tuple[int, str]] = field(default_factory=list)  # (row, generated reference)
    # (row, reference) of rows without a reference whose name is exactly one partnership's in the register
    by_name: list[tuple[int, str]] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)  # status -> new rows given it by the rule
    likely: list[Likely] = field(default_factory=list)
    decided: dict[int, str] = field(default_factory=dict)  # row -> SAME or DIFFERENT, as applied
    not_imported: dict[str, list[str]] = field(default_factory=dict)  # sheet -> headings left out
    trouble: list[str] = field(default_factory=list)  # a default or pattern that could not be used

    def undecided(self) -> list[Likely]:
        return [item for item in self.likely if item.row not in self.decided]
