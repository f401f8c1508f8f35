"""What changed between two issues of a report: a pure comparison of keyed table rows.

Every table with a `key` is compared with the table of the same id in the earlier report: a row
whose key is new was added, a key that has gone was removed, and a row under the same key whose
cells differ (column by column, by column name) changed. Tables without a key, and the "what
changed" section itself, are not compared. `changes_section` turns the result into a section of
the report, so the page, Word, Excel and PDF show it like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from .cells import as_text
from .structure import Cell, Report, Section, Table

CHANGES = "changes"  # the id of the "what changed since" section


@dataclass(frozen=True)
class CellChange:
    column: str
    old: Cell
    new: Cell


@dataclass(frozen=True)
class RowChange:
    key: tuple[Cell, ...]
    label: str
    cells: tuple[CellChange, ...]


@dataclass
class TableChanges:
    table_id: str
    caption: str
    key_columns: list[str]
    added: list[tuple[str, dict[str, Cell]]] = field(default_factory=list)  # (label, {column: value})
    removed: list[tuple[str, dict[str, Cell]]] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    money: frozenset[str] = frozenset()  # column names holding pounds
    sheet: str = ""  # the compared table's sheet name, if it has its own

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass
class Comparison:
    previous_title: str
    previous_start: date
    previous_end: date
    previous_issued_at: datetime | None
    tables: list[TableChanges]

    @property
    def any(self) -> bool:
        return any(t.any for t in self.tables)


def key_columns(table: Table) -> tuple[int, ...]:
    if table.key is None:
        return ()
    return table.key if isinstance(table.key, tuple) else (table.key,)


def _keyed(table: Table) -> dict[tuple[Cell, ...], Sequence[Cell]]:
    """Rows by key; a key seen again is told apart by how many times it was seen before."""
    columns = key_columns(table)
    rows: dict[tuple[Cell, ...], Sequence[Cell]] = {}
    for row in table.rows:
        key: tuple[Cell, ...] = tuple(row[i] for i in columns)
        seen = 1
        while key in rows:
            seen += 1
            key = (*tuple(row[i] for i in columns), seen)
        rows[key] = row
    return rows


def _label(key: tuple[Cell, ...]) -> str:
    return " ".join(as_text(part, empty="") for part in key).strip() or "(blank)"


def compare_tables(previous: Table, current: Table) -> TableChanges:
    columns = key_columns(current)
    money = frozenset(current.columns[i] for i in current.money) | frozenset(
        previous.columns[i] for i in previous.money
    )
    result = TableChanges(
        current.id, current.caption, [current.columns[i] for i in columns], money=money, sheet=current.sheet
    )
    before, after = _keyed(previous), _keyed(current)
    old_index = {name: i for i, name in enumerate(previous.columns)}
    added: list[tuple[str, Sequence[Cell]]] = []
    for key, row in after.items():
        if key not in before:
            added.append((_label(key), row))
            continue
        old = before[key]
        cells = tuple(
            CellChange(name, old[old_index[name]], row[i])
            for i, name in enumerate(current.columns)
            if i not in columns and name in old_index and old[old_index[name]] != row[i]
        )
        if cells:
            result.changed.append(RowChange(key, _label(key), cells))
    old_columns = [previous.columns[i] for i in range(len(previous.columns))]
    result.removed = [
        (_label(key), dict(zip(old_columns, row, strict=False)))
        for key, row in before.items()
        if key not in after
    ]
    result.added = [(label, dict(zip(current.columns, row, strict=False))) for label, row in added]
    return result


def compare(previous: Report, current: Report) -> Comparison:
    """Row by row, every keyed table of `current` against the same table in `previous`."""
    earlier = {t.id: t for s in previous.sections if s.id != CHANGES for t in s.tables if key_columns(t)}
    tables = [
        compare_tables(earlier[t.id], t)
        for s in current.sections
        if s.id != CHANGES
        for t in s.tables
        if key_columns(t) and t.id in earlier and key_columns(earlier[t.id])
    ]
    return Comparison(previous.title, previous.period_start, previous.period_end, previous.issued_at, tables)


def _when(comparison: Comparison) -> str:
    if comparison.previous_issued_at is None:
        return "the earlier report"
    return timezone.localtime(comparison.previous_issued_at).strftime("%-d %B %Y")


def _details(changes: TableChanges, change: RowChange) -> str:
    return "; ".join(
        f"{c.column}: {as_text(c.old, c.column in changes.money, 'none')} → "
        f"{as_text(c.new, c.column in changes.money, 'none')}"
        for c in change.cells
    )


def _row(changes: TableChanges, row: dict[str, Cell]) -> str:
    """An added or removed row's other cells, as 'Column: value; ...'."""
    return "; ".join(
        f"{column}: {as_text(value, column in changes.money)}"
        for column, value in row.items()
        if column not in changes.key_columns
    )


def changes_section(comparison: Comparison) -> Section:
    """The "What changed since <date>" section: one table per compared table that changed."""
    when = _when(comparison)
    period = (
        f"{comparison.previous_start.strftime('%-d %B %Y')} to "
        f"{comparison.previous_end.strftime('%-d %B %Y')}"
    )
    section = Section(
        CHANGES,
        f"What changed since {when}",
        [
            f"Compared with “{comparison.previous_title}”, issued on {when}, which covered {period}. "
            "Each table below lists the rows added, the rows no longer there and the figures that changed."
        ],
    )
    for changes in comparison.tables:
        if not changes.any:
            continue
        name = " and ".join(changes.key_columns) or "Row"
        rows: list[list[Cell]] = [[label, "Added", _row(changes, row)] for label, row in changes.added]
        rows += [[label, "No longer listed", _row(changes, row)] for label, row in changes.removed]
        rows += [[c.label, "Changed", _details(changes, c)] for c in changes.changed]
        section.tables.append(
            Table(
                f"{CHANGES}-{changes.table_id}",
                f"{changes.caption}: what changed",
                [name, "Change", "Details"],
                rows,
                key=None,
                sheet=f"Changes – {changes.sheet or changes.caption}",
            )
        )
    if not comparison.any:
        section.paragraphs.append("Nothing in the report's tables has changed since then.")
    return section


def with_changes(report: Report, previous: Report | None) -> Report:
    """The report with its "what changed since" section (after its first section), if there is an
    earlier issue to compare with; any such section already there is replaced."""
    report.sections = [s for s in report.sections if s.id != CHANGES]
    if previous is not None:
        report.sections.insert(min(1, len(report.sections)), changes_section(compare(previous, report)))
    return report
