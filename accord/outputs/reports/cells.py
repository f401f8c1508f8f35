"""How a report's cells read as text: on the page, in Word and in the "what changed" details.

Dates as "21 November 2026", money as £1,234, whole numbers with thousands separators, and an
empty cell as "Not recorded". Excel keeps the real values and formats them itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from accord.kernel.ui.formatting import govuk_date, money

from .structure import Cell, Table

EMPTY = "Not recorded"


def as_text(value: Cell, is_money: bool = False, empty: str = EMPTY) -> str:
    if value is None or value == "":
        return empty
    if isinstance(value, date):
        return govuk_date(value)
    if isinstance(value, Decimal):
        if is_money:
            return money(value)
        if value == value.to_integral_value():
            return f"{int(value):,}"
        return format(value.normalize(), ",f")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int):
        return money(Decimal(value)) if is_money else f"{value:,}"
    return str(value)


def row_text(table: Table, row: Sequence[Cell]) -> list[str]:
    return [as_text(value, index in table.money) for index, value in enumerate(row)]


def totals(table: Table) -> list[Cell] | None:
    """The total row of a table with `totals`: the sums of its numeric columns, 'Total' first."""
    if not table.totals or not table.rows:
        return None
    row: list[Cell] = [None] * len(table.columns)
    for index in table.numeric:
        row[index] = sum((r[index] for r in table.rows if isinstance(r[index], int | Decimal)), Decimal(0))
        if index not in table.money and row[index] == int(row[index]):  # type: ignore[arg-type]
            row[index] = int(row[index])  # type: ignore[arg-type]
    first = next((i for i in range(len(table.columns)) if i not in table.numeric), None)
    if first is not None:
        row[first] = "Total"
    return row
