"""Reading an Excel workbook's sheets: python-calamine for the cells, openpyxl when calamine is unsafe.

calamine (a maintained Rust reader) reads a 10,000-row register several times faster than
openpyxl (docs/performance.md). The package is checked first (`xlsx_package.inspect`, ADR 0042):
a zip bomb or a damaged part is refused, and a sheet whose cells calamine would lay out in a grid
too big for memory (a stray value in cell XFD1048576) is read instead with openpyxl's public
read-only API, which keeps a row at a time. Either way the values are the same (the property test
in tests/transfer/test_xlsx_reader.py holds calamine to openpyxl's reading):

- nothing in a cell is None (calamine's "" for an empty cell, and a cell showing an error such as
  #N/A, which has no value to import);
- numbers are int when whole and within 2**53, and float otherwise (as Excel holds them);
- a date-formatted number is a `date` when it has no time of day, else a `datetime` (a time alone
  is a `time`, a duration a `timedelta`);
- a formula gives the result the file holds for it; text and booleans as they are.

Rows are yielded in order from row 1 as lists of values by column (gaps filled with None, rows
missing from the file as empty lists), so row numbers are the spreadsheet's own.
"""

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from python_calamine import CalamineWorkbook, SheetTypeEnum

from .xlsx_package import Hidden, Package, inspect

WHOLE = 2**53  # whole-number floats up to this (exactly held by a float) are read as int


@dataclass
class Sheet:
    title: str
    is_chart: bool = False


class XlsxBook:
    """An open workbook: its sheets in order, their rows on demand, and what each hides.

    Raises xlsx_package.PackageProblem for a package that must not be read, and calamine's or
    openpyxl's own errors for a damaged one (reading.py turns both into plain words)."""

    def __init__(self, content: bytes):
        self.package: Package = inspect(content)
        self.content = content
        self.book = CalamineWorkbook.from_object(io.BytesIO(content)) if self.package.fast else None
        self._openpyxl: Any = None
        if self.book is not None:
            self.sheets = [
                Sheet(meta.name, meta.typ != SheetTypeEnum.WorkSheet) for meta in self.book.sheets_metadata
            ]
        else:
            self._openpyxl = _openpyxl_book(content)
            names = self._openpyxl.sheetnames
            self.sheets = [Sheet(name, not hasattr(self._openpyxl[name], "iter_rows")) for name in names]

    @property
    def titles(self) -> list[str]:
        return [s.title for s in self.sheets]

    def close(self) -> None:
        if self.book is not None:
            self.book.close()
            self.book = None
        if self._openpyxl is not None:
            self._openpyxl.close()
            self._openpyxl = None

    def hidden(self, sheet: Sheet) -> Hidden:
        path = self.package.sheet_paths.get(sheet.title, "")
        return self.package.hidden.get(path) or Hidden()

    def rows(self, sheet: Sheet, max_col: int) -> Iterator[list[Any]]:
        """Every row from row 1 to the last with a value, as the spreadsheet numbers them."""
        if sheet.is_chart:
            raise ValueError(f"{sheet.title} is a chart, not a sheet of cells")
        if self.book is None:
            yield from _openpyxl_rows(self._openpyxl[sheet.title], max_col)
            return
        found = self.book.get_sheet_by_name(sheet.title)
        start = found.start
        if start is None:  # no cells at all
            return
        pad = [None] * start[1]
        for values in found.iter_rows():
            row = pad + values if pad else values
            yield [
                None
                if v == ""
                else (int(v) if type(v) is float and v.is_integer() and -WHOLE <= v <= WHOLE else v)
                for v in row[:max_col]
            ]


def _openpyxl_book(content: bytes) -> Any:
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(content), read_only=True, data_only=True, keep_links=False)


def _openpyxl_rows(worksheet: Any, max_col: int) -> Iterator[list[Any]]:
    """The same values through openpyxl's public read-only API (error cells have data_type "e")."""
    worksheet.reset_dimensions()  # the declared size may be wrong: read to the last row there is
    empty: tuple[Any, ...] | None = None
    for cells in worksheet.iter_rows(max_col=max_col):
        if cells is empty:  # openpyxl hands out one tuple for every row missing from the file
            yield []
            continue
        values = [normalised(cell.value, cell.data_type) for cell in cells]
        if values.count(None) == len(values):
            empty = cells
        yield values


def normalised(value: Any, data_type: str = "") -> Any:
    """A value as openpyxl reads it, made what this reader gives (see the module's docstring)."""
    if data_type == "e" or value == "":
        return None
    if isinstance(value, datetime) and value.time() == datetime.min.time() and value.tzinfo is None:
        return value.date()
    if type(value) is float and value.is_integer() and -WHOLE <= value <= WHOLE:
        return int(value)
    if type(value) is int and not -WHOLE <= value <= WHOLE:
        return float(value)  # as calamine reads it: a number in a workbook is a float
    return value
