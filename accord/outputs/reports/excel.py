"""A report as an Excel workbook (openpyxl, write-only so a long report stays quick).

The first sheet, "Summary", holds the council, the period, the date stamp, the framework applied
and each section's text, and names the sheet each table is on. Then one sheet per table: a title
row (the table's caption), the header row frozen below it, and the rows with real numbers, money
and dates (formatted by Excel, so they sort and add up), with columns sized to their contents.
Text that a spreadsheet could take for a formula is neutralised (`accord.kernel.ui.spreadsheet`).
"""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from accord.kernel.ui.spreadsheet import neutralise, xlsx_cell

from .cells import totals
from .structure import Report, Table
from .summary import summary_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = '"£"#,##0.00'
DATE_FORMAT = "d mmmm yyyy"
SHEET_NAME = 31  # Excel's limit on a sheet name
NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\]")  # and no apostrophe first or last
WIDTH_SAMPLE = 300  # rows looked at to size a column
MAX_WIDTH = 60


def _cell(sheet, value: Any, *, money: bool = False, bold: bool = False, wrap: bool = False, size=None):
    if isinstance(value, bool):
        value = "Yes" if value else "No"
    cell = xlsx_cell(sheet, value)
    if isinstance(value, date):
        cell.number_format = DATE_FORMAT
    elif money and isinstance(value, int | Decimal):
        cell.number_format = MONEY_FORMAT
    if bold or size:
        cell.font = Font(bold=bold, size=size)
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


# Words a shortened name should not end on ("Annual reviews held in the" reads as cut off).
DANGLING = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "that", "the", "to", "with"}
)


def _shorten(text: str, limit: int) -> str:
    """The text cut to `limit` characters, at the end of a word where there is one, and not ending on
    a word that leaves it dangling ("by", "the", "with")."""
    if len(text) <= limit:
        return text
    words = text[: limit + 1].split(" ")[:-1] if " " in text[: limit + 1] else []
    while words and (words[-1].lower().strip(" ,:;–-'") in DANGLING or not words[-1].strip(" ,:;–-'")):
        words.pop()
    cut = " ".join(words).rstrip(" ,:;–-'")
    return cut if len(cut) >= limit // 2 else text[:limit].strip()


def _value(sheet, value: Any, money: bool) -> Any:
    """A plain value as it is (quick), or a cell where Excel needs telling how to show it."""
    if value is None or isinstance(value, int) and not money and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        return neutralise(value)  # never starts with "=", so openpyxl keeps it as text
    if isinstance(value, Decimal) and not money:
        return value
    return _cell(sheet, value, money=money)


def _qualified(name: str, heading: str, taken: set[str]) -> str:
    """A taken sheet name told apart by its section: "Indicators off target – Issues", or failing
    that "Emerging issues – Indicators"; the name as it was if neither fits."""
    for candidate in (f"{name} – {heading}", _shorten(f"{heading} – {name}", SHEET_NAME)):
        if (
            len(candidate) <= SHEET_NAME
            and candidate.lower() not in taken
            and len(candidate) > len(heading) + 4
        ):
            return candidate
    return name


def sheet_names(report: Report) -> dict[str, str]:
    """table id -> a sheet name unique in the workbook, from the table's caption."""
    names: dict[str, str] = {}
    taken = {"summary"}
    for section in report.sections:
        for table in section.tables:
            base = NOT_IN_NAMES.sub("", table.sheet or table.caption).strip(" '") or table.id
            name, n = _shorten(base, SHEET_NAME), 1
            if name.lower() in taken:  # the same name twice: say which section it is from
                name = _qualified(name, NOT_IN_NAMES.sub("", section.heading).strip(" '"), taken)
            while name.lower() in taken:
                n += 1
                suffix = f" ({n})"
                name = _shorten(base, SHEET_NAME - len(suffix)) + suffix
            taken.add(name.lower())
            names[table.id] = name
    return names


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 18
    if isinstance(value, int | Decimal):
        return len(f"{value:,.2f}") + 2
    return max((len(line) for line in str(value).splitlines()), default=0)


def _summary_sheet(workbook: Workbook, report: Report, names: dict[str, str]) -> None:
    sheet = workbook.create_sheet("Summary")
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100
    sheet.append([_cell(sheet, report.title, bold=True, size=14)])
    for label, value in summary_rows(report):
        sheet.append([_cell(sheet, label, bold=True), _cell(sheet, value, wrap=True)])
    for section in report.sections:
        sheet.append([])
        sheet.append([_cell(sheet, section.heading, bold=True, size=12)])
        for text in section.paragraphs:
            sheet.append([None, _cell(sheet, text, wrap=True)])
        for table in section.tables:
            sheet.append([_cell(sheet, "Table"), _cell(sheet, f"{table.caption}: sheet “{names[table.id]}”")])


def _table_sheet(workbook: Workbook, table: Table, name: str) -> None:
    sheet = workbook.create_sheet(name)
    sample = [list(table.columns), *table.rows[:WIDTH_SAMPLE]]
    for index in range(len(table.columns)):
        width = max(_width(row[index]) for row in sample)
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(MAX_WIDTH, max(10, width + 2))
    sheet.freeze_panes = "A3"
    sheet.append([_cell(sheet, table.caption, bold=True, size=12)])
    sheet.append([_cell(sheet, column, bold=True, wrap=True) for column in table.columns])
    if not table.rows:
        sheet.append([_cell(sheet, table.empty)])
        return
    money = set(table.money)
    for row in table.rows:
        sheet.append([_value(sheet, value, i in money) for i, value in enumerate(row)])
    total = totals(table)
    if total is not None:
        sheet.append([_cell(sheet, value, money=i in money, bold=True) for i, value in enumerate(total)])


def render(report: Report) -> bytes:
    workbook = Workbook(write_only=True)
    names = sheet_names(report)
    _summary_sheet(workbook, report, names)
    for section in report.sections:
        for table in section.tables:
            _table_sheet(workbook, table, names[table.id])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
