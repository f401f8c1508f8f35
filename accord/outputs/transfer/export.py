"""Writing the whole register as an Excel workbook (one sheet per concern) or a ZIP of CSV files.

Headers are the ones the importer recognises, so the file imports again unchanged (ADR 0013).
Excel cells hold real dates and numbers; the header row is bold and frozen; text that a spreadsheet
would take for a formula gets an apostrophe in front (`accord.kernel.ui.spreadsheet.neutralise`, in Excel
as a text cell too), which the importer removes.
"""

import csv
import io
import zipfile
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from accord.frameworks.schema import Framework
from accord.kernel.ui.spreadsheet import neutralise, xlsx_cell

from . import columns as c
from .cells import _CONTROL
from .export_rows import sheet_rows

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP_TYPE = "application/zip"
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _text(value: str) -> str:
    return _CONTROL.sub("", value)


def _xlsx_cell(sheet, column: c.Column, value: Any) -> Cell:
    if isinstance(value, str):
        value = _text(value)
    cell = xlsx_cell(sheet, value)
    if isinstance(value, date):
        cell.number_format = "dd/mm/yyyy"
    elif isinstance(value, Decimal):
        cell.number_format = "£#,##0.00"
    if column.width >= 40:
        cell.alignment = WRAP
    return cell


def workbook_bytes(*, framework: Framework) -> bytes:
    book = Workbook(write_only=True)
    for sheet_def in c.SHEETS:
        sheet = book.create_sheet(sheet_def.name)
        for index, column in enumerate(sheet_def.exported, 1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.freeze_panes = "A2"
        header = []
        for column in sheet_def.exported:
            cell = xlsx_cell(sheet, column.header)
            cell.font = HEADER_FONT
            header.append(cell)
        sheet.append(header)
        for row in sheet_rows(sheet_def.name, framework=framework):
            sheet.append([_xlsx_cell(sheet, col, v) for col, v in zip(sheet_def.exported, row, strict=True)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return neutralise(_text(value))
    return str(value)  # a number: data, never a formula


def csv_text(sheet_def: c.Sheet, *, framework: Framework) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([col.header for col in sheet_def.exported])
    for row in sheet_rows(sheet_def.name, framework=framework):
        writer.writerow([_csv_value(v) for v in row])
    return out.getvalue()


def zip_bytes(*, framework: Framework) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for sheet_def in c.SHEETS:
            archive.writestr(
                f"{sheet_def.name.lower()}.csv", "\ufeff" + csv_text(sheet_def, framework=framework)
            )
    return buffer.getvalue()
