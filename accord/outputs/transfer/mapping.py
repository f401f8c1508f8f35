"""Which column of an uploaded sheet holds which register field.

A mapping is a list: for each column of the sheet, the key of the field it holds, or '' for a
column that is not imported. A first guess comes from the headers (the export's own headers and
common alternatives); a mapping an administrator confirmed is remembered for that exact set of
headers and offered first next time (ADR 0013).
"""

import hashlib
import json

from . import columns as c
from . import synonyms
from .defaults import GENERATED
from .models import ColumnMapping
from .reading import SheetData, Workbook

Mapping = dict[str, list[str]]  # sheet name -> key of each column


def signature(headers: list[str]) -> str:
    return hashlib.sha256(json.dumps([c.squash(h) for h in headers]).encode()).hexdigest()


# Why a column holds the field it does, as the columns page and the command say it.
BY_HEADING = "matched by its heading"
BY_SYNONYM = "matched by a heading councils often use"
REMEMBERED = "remembered from your last import of a file with these headings"
CHOSEN = "chosen by you"
NOT_MATCHED = "not matched: it will not be imported"


def match(sheet: c.Sheet, header: str) -> tuple[str, str]:
    """The field a heading holds and why: the export's heading or an alias, else a synonym."""
    key = c.guess(sheet, header) or synonyms.by_heading(sheet, header)
    if key:
        return key, BY_HEADING
    key = synonyms.by_synonym(sheet, header)
    return (key, BY_SYNONYM) if key else ("", NOT_MATCHED)


def guessed(sheet: c.Sheet, headers: list[str]) -> list[str]:
    keys: list[str] = []
    for header in headers:
        key, _ = match(sheet, header)
        keys.append("" if key in keys else key)
    return keys


def reasons(sheet: c.Sheet, headers: list[str], keys: list[str]) -> list[str]:
    """For each column, why it holds its field (or that it is not imported)."""
    memory = remembered(sheet, headers)
    guess = guessed(sheet, headers)
    found = []
    for index, header in enumerate(headers):
        key = keys[index] if index < len(keys) else ""
        if not key:
            found.append(NOT_MATCHED)
        elif memory is not None and memory[index] == key:
            found.append(REMEMBERED)
        elif guess[index] == key:
            found.append(match(sheet, header)[1])
        else:
            found.append(CHOSEN)
    return found


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


def problems(
    sheet: c.Sheet, data: SheetData, keys: list[str], provided: frozenset[str] = frozenset()
) -> dict[int, str]:
    """{column index: problem} for a mapping that cannot be used; index -1 for a missing field.
    A required field is not missing if `provided` (it has a default) or generated (a reference)."""
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
    given = provided | (frozenset(GENERATED) if sheet is c.PARTNERSHIPS else frozenset())
    missing = [col.header for col in sheet.required if col.key not in seen and col.key not in given]
    if missing:
        found[-1] = f"In the {sheet.name} sheet, choose the columns that hold: " + ", ".join(missing)
    return found


def usable(mapping: Mapping, workbook: Workbook, provided: frozenset[str] = frozenset()) -> bool:
    for name, data in workbook.sheets.items():
        sheet = c.BY_NAME[name.lower()]
        keys = mapping.get(name)
        if keys is None or len(keys) != len(data.headers) or problems(sheet, data, keys, provided):
            return False
    return True
