"""One spreadsheet row read through a column mapping: the values it holds and its problems in plain words."""

from dataclasses import dataclass, field
from typing import Any

from . import columns as c
from .cells import CellProblem, read


@dataclass
class Row:
    sheet: str
    number: int  # the row's number in the spreadsheet (the headers are row 1)
    values: dict[str, Any] = field(default_factory=dict)  # column key -> value, for mapped columns only
    problems: list[str] = field(default_factory=list)

    def has(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str, default: Any = "") -> Any:
        return self.values.get(key, default)


def parse_row(sheet: c.Sheet, keys: list[str], number: int, cells: list[Any]) -> Row:
    """Read each mapped cell; a cell that cannot be read becomes a problem, never an exception."""
    row = Row(sheet.name, number)
    for key, raw in zip(keys, cells, strict=False):
        if not key:
            continue
        column = sheet.by_key[key]
        try:
            row.values[key] = read(column, raw)
        except CellProblem as problem:
            row.problems.append(str(problem))
    return row


@dataclass(frozen=True)
class RowProblem:
    sheet: str
    row: int
    message: str

    def __str__(self) -> str:
        return f"{self.sheet} sheet, row {self.row}: {self.message}"
