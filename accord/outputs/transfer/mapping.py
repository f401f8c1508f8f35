"""Which column of an uploaded sheet holds which register field.

A mapping is a list: for each column of the sheet, the key of the field it holds, or '' for a
column that is not imported. A first guess comes from the headers (the export's own headers and
common alternatives); a mapping an administrator confirmed is remembered for that exact set of
headers and offered first next time (ADR 0013).
"""

import hashlib
import json

from . import columns as c
from .models import ColumnMapping
from .reading import SheetData, Workbook

Mapping = dict[str, list[str]]  # sheet name -> key of each column


def signature(headers: list[str]) -> str:
    return hashlib.sha256(json.dumps([c.squash(h) for h in headers]).encode()).hexdigest()


def guessed(sheet: c.Sheet, headers: list[str]) -> list[str]:
    keys: list[str] = []
    for header in headers:
        key = c.guess(sheet, header)
        keys.append("" if key in keys else key)
    return keys


def remembered(sheet: c.Sheet, headers: list[str]) -> list[str] | None:
    found = ColumnMapping.objects.filter(sheet=sheet.name, signature=signature(headers)).first()
    if found is None or len(found.mapping) != len(headers):
        return None
    return [key if key in sheet.by_key else "" for key in found.mapping]


def suggested(workbook: Workbook) -> Mapping:
    """The remembered mapping for each sheet's headers, else the guess from the headers."""
    result: Mapping = {}
    for name, data in workbook.sheets.items():
        sheet = c.BY_NAME[name.lower()]
        result[name] = remembered(sheet, data.headers) or guessed(sheet, data.headers)
    return result


def remember(workbook: Workbook, mapping: Mapping) -> None:
    for name, keys in mapping.items():
        data = workbook.sheets.get(name)
        if data is None:
            continue
        ColumnMapping.objects.update_or_create(
            sheet=name,
            signature=signature(data.headers),
            defaults={"headers": data.headers, "mapping": keys},
        )


def problems(sheet: c.Sheet, data: SheetData, keys: list[str]) -> dict[int, str]:
    """{column index: problem} for a mapping that cannot be used; index -1 for a missing field."""
    found: dict[int, str] = {}
    seen: dict[str, int] = {}
    for index, key in enumerate(keys):
        if not key:
            continue
        if key not in sheet.by_key:
            found[index] = "Choose a field from the list"
        elif key in seen:
            first = data.headers[seen[key]]
            found[index] = f'"{sheet.by_key[key].header}" is already chosen for the column "{first}"'
        else:
            seen[key] = index
    missing = [col.header for col in sheet.required if col.key not in seen]
    if missing:
        found[-1] = f"In the {sheet.name} sheet, choose the columns that hold: " + ", ".join(missing)
    return found


def usable(mapping: Mapping, workbook: Workbook) -> bool:
    for name, data in workbook.sheets.items():
        sheet = c.BY_NAME[name.lower()]
        keys = mapping.get(name)
        if keys is None or len(keys) != len(data.headers) or problems(sheet, data, keys):
            return False
    return True
