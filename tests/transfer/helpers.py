"""Building spreadsheets for the import tests."""

import csv
import io
from typing import Any

from openpyxl import Workbook

from accord.outputs.transfer import columns as c
from accord.outputs.transfer.mapping import guessed

PARTNERSHIP_HEADERS = [
    "Reference",
    "Name",
    "Description",
    "Type",
    "Statutory status",
    "Legal status",
    "Lead organisation",
    "The council's role",
    "Lead directorate or service",
    "Status",
    "Start date",
    "Proposed end date",
]


def partnership_row(reference: str, name: str, **overrides: Any) -> list[Any]:
    values = {
        "Reference": reference,
        "Name": name,
        "Description": f"{name}, working together.",
        "Type": "Public sector strategic",
        "Statutory status": "Non-statutory",
        "Legal status": "Unincorporated",
        "Lead organisation": "Chorley Council",
        "The council's role": "Lead organisation",
        "Lead directorate or service": "Communities",
        "Status": "Active",
        "Start date": "01/04/2024",
        "Proposed end date": "",
    }
    values.update(overrides)
    return [values[h] for h in PARTNERSHIP_HEADERS]


def xlsx(sheets: dict[str, list[list[Any]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def guessed_mapping(workbook) -> dict[str, list[str]]:
    return {name: guessed(c.BY_NAME[name.lower()], data.headers) for name, data in workbook.sheets.items()}
