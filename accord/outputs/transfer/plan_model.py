"""What a dry run finds, shared by the planning of each sheet: a `Plan` of `Change`s and problems,
and the helpers the parent and child sheets both use to match rows against the register."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from accord.frameworks.schema import Framework
from accord.kernel.ui.spreadsheet import neutralise
from accord.register.models import FINISHED_STATUSES, Organisation, Partnership

from .assumptions import Assumed
from .cells import clean_text
from .lookups import Ambiguous, Lookups, NewOrganisation, NewPerson
from .rows import Row, RowProblem

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class Change:
    sheet: str
    row: int
    action: str
    values: dict[str, Any]
    instance: models.Model | None = None  # the record it changes; None for a new one
    reference: str = ""  # the partnership it belongs to


@dataclass
class Plan:
    file_name: str
    changes: dict[str, list[Change]] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)  # rows to check; they do not stop the import
    new_organisations: list[NewOrganisation] = field(default_factory=list)
    new_people: list[NewPerson] = field(default_factory=list)
    person_updates: dict[int, tuple[Any, dict[str, Any]]] = field(default_factory=dict)
    ignored_sheets: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # the register sheets the file has
    lookups: Lookups | None = None
    framework: Framework | None = None  # the framework in force, given by the page or the command
    assumed: Assumed = field(default_factory=Assumed)  # defaults, references, statuses, duplicates
    extras: Any = None  # plan_extras.Extras: where a one-sheet register's other columns land

    def counts(self) -> dict[str, dict[str, int]]:
        result = {}
        for sheet, changes in self.changes.items():
            counted = Counter(change.action for change in changes)
            result[sheet] = {k: counted.get(k, 0) for k in (CREATED, UPDATED, UNCHANGED)}
        return result

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, row: Row | int, message: str, sheet: str = "") -> None:
        number = row if isinstance(row, int) else row.number
        self.problems.append(RowProblem(sheet or getattr(row, "sheet", ""), number, message))

    def warn(self, sheet: str, row: int, message: str) -> None:
        self.warnings.append(RowProblem(sheet, row, message))


def as_read_back(stored: str) -> str:
    """Text the register holds as an import reads it back from the register's own export: what a
    spreadsheet cell cannot keep (spaces and line breaks at either end, control characters, "\r\n")
    is gone, so a value that differs only in those is not a change (ADR 0013: export then import
    changes nothing)."""
    return clean_text(neutralise(stored))


def differs(instance: models.Model, name: str, value: Any) -> bool:
    field_ = instance._meta.get_field(name)
    if field_.is_relation and isinstance(field_, models.Field):  # a foreign key (never a reverse relation)
        return getattr(instance, field_.attname) != getattr(value, "pk", None) or isinstance(
            value, NewOrganisation | NewPerson
        )
    current = getattr(instance, name)
    if isinstance(current, str) and isinstance(value, str):  # the cell's text was read by clean_text
        return as_read_back(current) != value
    return current != value


def changed_values(instance: models.Model, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if differs(instance, k, v)}


def where(row: Row) -> str:
    return f"{row.sheet} sheet, row {row.number}"


def partnership_for(
    plan: Plan, lookups: Lookups, row: Row, known: set[str]
) -> tuple[str, Partnership | None]:
    """The reference a child row belongs to and the existing partnership (None for a new one);
    ('', None) with a problem recorded if it names no partnership."""
    reference = str(row.get("partnership")).upper()
    if not reference:  # its cell could not be read: that problem is already recorded
        return "", None
    if reference not in known:
        plan.problem(
            row, f"Partnership reference {reference} is not in the register or the Partnerships sheet"
        )
        return "", None
    existing = lookups.partnerships.get(reference)
    return reference, existing


def is_read_only(partnership: Partnership | None) -> bool:
    return partnership is not None and partnership.status in FINISHED_STATUSES


def organisation_of(lookups: Lookups, row: Row, plan: Plan) -> "Organisation | NewOrganisation | None":
    try:
        return lookups.organisation(row.get("organisation"), row.get("org_id"), where(row))
    except Ambiguous as problem:
        plan.problem(row, str(problem))
        return None
