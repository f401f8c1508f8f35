"""Reading an Excel workbook's sheets quickly: openpyxl for the workbook's parts, lxml for the cells.

openpyxl's read-only mode reads a sheet's cells through its object model (a Text object per inline
string, a dictionary per cell) and, when the sheet does not state its size (workbooks written by
openpyxl's own write-only mode and by many other programs do not), parses the whole sheet once more
just to look for it. For a 10,000-row register that was most of an import's time. Here openpyxl
still opens the package (content types, shared strings, sheet list, styles, date epoch), and each
sheet's XML is streamed once with lxml, giving exactly the values openpyxl's
`iter_rows(values_only=True)` gives in data-only mode: the cached result of a formula, numbers as
int or float, dates (by the cell's number format) as datetimes, booleans, text from shared or
inline strings (rich-text runs joined, phonetic hints left out), errors as their text.

Rows are yielded in order from row 1 as lists of values by column (gaps filled with None, rows
missing from the file as empty lists), so row numbers are the spreadsheet's own.
"""

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import _cast_number

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ROW, CELL, VALUE = f"{MAIN}row", f"{MAIN}c", f"{MAIN}v"
INLINE, TEXT, RUN = f"{MAIN}is", f"{MAIN}t", f"{MAIN}r"


@dataclass
class Sheet:
    title: str
    path: str  # the sheet's part in the package
    is_chart: bool = False


class XlsxBook:
    """An open workbook: its sheets in order, and their rows on demand."""

    def __init__(self, content: bytes):
        reader = ExcelReader(io.BytesIO(content), read_only=True, keep_vba=False, data_only=True)
        self.archive = reader.archive
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        book = reader.wb
        self.strings = reader.shared_strings
        self.epoch = book.epoch
        self.date_styles = set(book._date_formats)
        self.timedelta_styles = set(book._timedelta_formats)
        self.sheets = [
            Sheet(sheet.name, rel.target, "chartsheet" in rel.Type)
            for sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files
        ]

    @property
    def titles(self) -> list[str]:
        return [s.title for s in self.sheets]

    def close(self) -> None:
        self.archive.close()

    def rows(self, sheet: Sheet, max_col: int) -> Iterator[list[Any]]:
        """Every row from row 1 to the last in the file, as openpyxl numbers them."""
        if sheet.is_chart:
            raise ValueError(f"{sheet.title} is a chart, not a sheet of cells")
        counter = 1
        with self.archive.open(sheet.path) as source:
            for number, values in self._parsed_rows(source, max_col):
                for _ in range(counter, number):  # rows the file leaves out
                    counter += 1
                    yield []
                if counter <= number:
                    counter += 1
                    yield values

    def _parsed_rows(self, source, max_col: int) -> Iterator[tuple[int, list[Any]]]:
        columns: dict[str, int] = {}
        number = 0
        parser = etree.iterparse(
            source, events=("end",), tag=ROW, resolve_entities=False, no_network=True, huge_tree=False
        )
        for _event, row in parser:
            r = row.get("r")
            number = _row_number(r) if r else number + 1
            values: list[Any] = []
            column = 0
            for cell in row:
                if cell.tag != CELL:
                    continue
                ref = cell.get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    column = columns.get(letters) or columns.setdefault(
                        letters, column_index_from_string(letters)
                    )
                else:
                    column += 1
                if column > max_col:
                    continue
                value = self._value(cell)
                if column > len(values):
                    values.extend([None] * (column - len(values)))
                values[column - 1] = value
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]
            yield number, values

    def _value(self, cell) -> Any:
        """The cell's value; lxml's find() is avoided: it goes through Python-level path matching."""
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return _inline_text(cell)
        value = None
        for child in cell:
            if child.tag == VALUE:
                value = child.text or None
                break
        if value is None:
            return None
        if kind == "n":
            number = _cast_number(value)
            style = cell.get("s")
            style = int(style) if style else 0
            if style in self.date_styles:
                try:
                    return from_excel(number, self.epoch, timedelta=style in self.timedelta_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self.strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        return value  # "str" (a formula's text result) and "e" (an error such as #N/A)


def _inline_text(cell) -> str | None:
    """An inline string's text: its plain text and the text of its rich-text runs, in order."""
    for block in cell:
        if block.tag != INLINE:
            continue
        parts = []
        for part in block:
            if part.tag == TEXT:
                parts.append(part.text or "")
            elif part.tag == RUN:
                parts += [t.text for t in part if t.tag == TEXT and t.text is not None]
        return "".join(parts)
    return None


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(value)
