"""Opening an uploaded spreadsheet: an Excel workbook (.xlsx) or a CSV file, checked and read into rows.

A file that is empty, damaged, too big or of another kind is refused with a message that says what
to do. Rows keep their spreadsheet row numbers, so a problem can be reported as "Row 14: ...".
A title, a merged title or notes above the headings are skipped and kept to show (header_row.py);
blank rows and blank columns after the table are left out; columns and rows hidden in an .xlsx
file are read like the others and listed, so the preview can say so (ADR 0042).
A CSV file may be saved by any spreadsheet or council system: its encoding (UTF-8 with or without a
byte-order mark, Windows-1252, UTF-16 with a byte-order mark) and the character between its cells
(comma, semicolon, tab or bar) are found from the file itself.
"""

import codecs
import csv
import io
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from . import columns as c
from . import header_row
from .cells import clean_text
from .xlsx import XlsxBook
from .xlsx_package import Hidden, PackageProblem

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 120
XLSX, CSV = "xlsx", "csv"
OLD_EXCEL = b"\xd0\xcf\x11\xe0"
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream a password-protected .xlsx keeps


class FileProblem(Exception):
    """The file cannot be imported at all; the message says why."""


@dataclass
class SheetData:
    name: str  # the register sheet it is read as, e.g. "Partnerships"
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (spreadsheet row number, cells)
    title: str = ""  # the sheet's own name in the file
    header_row: int = 1  # the spreadsheet row the headers were found in
    skipped_above: list[str] = field(default_factory=list)  # titles and notes above the header row
    hidden_columns: list[int] = field(default_factory=list)  # 1-based, hidden in the file (.xlsx)
    hidden_rows: list[int] = field(default_factory=list)  # data rows hidden in the file (.xlsx)

    @property
    def hidden_headers(self) -> list[str]:
        return [self.headers[n - 1] for n in self.hidden_columns if n <= len(self.headers)]


@dataclass
class Workbook:
    kind: str
    sheets: dict[str, SheetData]
    ignored: list[str] = field(default_factory=list)  # sheets in the file that are not imported


def max_bytes() -> int:
    return getattr(settings, "ACCORD_IMPORT_MAX_BYTES", MAX_BYTES)


def kind_of(file_name: str, content: bytes) -> str:
    """xlsx or csv, from the file's name and its first bytes; FileProblem for anything else."""
    if not content:
        raise FileProblem("The selected file is empty")
    if len(content) > max_bytes():
        raise FileProblem(f"The selected file must be smaller than {max_bytes() // (1024 * 1024)} MB")
    name = file_name.lower()
    if content.startswith(OLD_EXCEL) and ENCRYPTED in content:
        raise FileProblem(
            "The selected file is protected with a password: remove the password in Excel "
            "(File, Info, Protect Workbook), save it and try again"
        )
    if content.startswith(OLD_EXCEL) or name.endswith(".xls"):
        raise FileProblem("The selected file is an old Excel file (.xls): save it as .xlsx and upload that")
    if name.endswith(".xlsx"):
        if not content.startswith(b"PK"):
            raise FileProblem(
                "The selected file is not a real Excel workbook: save it as .xlsx and try again"
            )
        return XLSX
    if name.endswith(".csv") or name.endswith(".txt"):
        return CSV
    raise FileProblem("The selected file must be an Excel workbook (.xlsx) or a CSV file (.csv)")


def _header_names(cells: list[Any]) -> list[str]:
    names = [clean_text(v)[:200] for v in cells[:MAX_COLUMNS]]
    while names and not names[-1]:
        names.pop()
    return [name or f"Column {index}" for index, name in enumerate(names, 1)]


def _blank(cells: list[Any]) -> bool:
    return cells.count(None) + cells.count("") == len(cells)


def _sheet(known: c.Sheet, title: str, rows: Iterable[Any], hidden: Hidden | None = None) -> SheetData | None:
    """The sheet's headers and data rows: the header row found below any title or notes
    (header_row.py), blank rows left out, columns up to the last heading or value kept."""
    numbered = ((number, list(cells or ())) for number, cells in enumerate(rows, 1))
    candidates: list[tuple[int, list[Any]]] = []
    for number, cells in numbered:
        if not _blank(cells):
            candidates.append((number, cells))
            if len(candidates) == header_row.SEARCH_ROWS:
                break
    if not candidates:
        return None
    chosen = header_row.choose(known, [cells for _, cells in candidates])
    number, cells = candidates[chosen]
    headers = _header_names(cells)
    data = SheetData(known.name, headers, title=title, header_row=number)
    data.skipped_above = [header_row.shown(cells) for _, cells in candidates[:chosen]]
    width = len(headers)
    for number, cells in itertools.chain(candidates[chosen + 1 :], numbered):
        if _blank(cells):
            continue
        if len(data.rows) >= MAX_ROWS:
            raise FileProblem(
                f"The {title} sheet has more than {MAX_ROWS:,} rows: split it into smaller files"
            )
        cells = cells[:MAX_COLUMNS]
        if len(cells) > width:  # a value past the last heading gets a column of its own
            width = max(width, max((i for i, v in enumerate(cells, 1) if v not in (None, "")), default=0))
        data.rows.append((number, cells))
    data.headers = headers + [f"Column {n}" for n in range(len(headers) + 1, width + 1)]
    data.rows = [(n, (cells + [None] * width)[:width]) for n, cells in data.rows]
    if hidden is not None:
        data.hidden_columns = hidden.columns(width)
        numbers = {n for n, _ in data.rows}
        data.hidden_rows = [n for n in hidden.rows if n in numbers]
    return data


NOT_TEXT = "The selected CSV file is not text: save it as CSV (UTF-8) and try again"
DELIMITERS = ",;\t|"  # what spreadsheets and council systems write between cells
SNIFF_CHARS = 64 * 1024


def _decode(content: bytes) -> str:
    """The file's text: UTF-16 if it starts with that byte-order mark (Excel's "Unicode Text"), else
    UTF-8 with or without a byte-order mark, else Windows-1252 (Excel's "CSV" on Windows in the UK,
    where "£" is the single byte 0xA3)."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileProblem(NOT_TEXT)


def delimiter_of(text: str) -> str:
    """The character between cells, guessed from the first rows: comma, semicolon, tab or bar; a
    comma when nothing else is clear (a file with one column has none)."""
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]  # whole rows only
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","
    return found if found in DELIMITERS else ","


def read_csv(content: bytes) -> Workbook:
    text = _decode(content)
    if "\x00" in text:
        raise FileProblem(NOT_TEXT)
    try:
        cells = csv.reader(io.StringIO(text), delimiter=delimiter_of(text))
        sheet = _sheet(c.PARTNERSHIPS, "CSV", cells)
    except csv.Error as problem:
        raise FileProblem(f"The selected CSV file could not be read: {problem}") from None
    if sheet is None or not sheet.headers:
        raise FileProblem("The selected file is empty")
    return Workbook(CSV, {sheet.name: sheet})


DAMAGED = (
    "The selected file could not be opened as an Excel workbook: it may be damaged. "
    "Open it in Excel, save it as .xlsx and try again"
)
TOO_BIG = (
    "The selected file holds more than Accord can read at once: delete the sheets and "
    "columns that are not part of the register, or split it into smaller files"
)


def _opened(content: bytes) -> XlsxBook:
    try:
        return XlsxBook(content)
    except PackageProblem as problem:
        raise FileProblem(TOO_BIG if problem.kind == "too big" else DAMAGED) from problem
    except BaseException as problem:  # a damaged workbook fails in many ways
        if not isinstance(problem, Exception) and type(problem).__name__ != "PanicException":
            raise  # KeyboardInterrupt and the like; a panic in the Rust reader is a damaged file
        raise FileProblem(DAMAGED) from problem


def read_xlsx(content: bytes) -> Workbook:
    book = _opened(content)
    try:
        found: dict[str, SheetData] = {}
        ignored: list[str] = []
        cell_sheets = [s for s in book.sheets if not s.is_chart]
        for sheet_in_file in book.sheets:
            title = sheet_in_file.title
            known = c.BY_NAME.get(title.strip().lower())
            if known is None and len(cell_sheets) == 1 and not sheet_in_file.is_chart:
                known = c.PARTNERSHIPS  # a one-sheet workbook is the partnerships list
            if known is None or not known.importable or known.name in found or sheet_in_file.is_chart:
                ignored.append(title)
                continue
            rows = book.rows(sheet_in_file, MAX_COLUMNS)
            sheet = _sheet(known, title, rows, book.hidden(sheet_in_file))
            if sheet is not None:
                found[known.name] = sheet
    except FileProblem:
        raise
    except BaseException as problem:  # a damaged workbook fails in many ways
        if not isinstance(problem, Exception) and type(problem).__name__ != "PanicException":
            raise
        raise FileProblem(
            "The selected file could not be read: it may be damaged. Open it in Excel, save it and try again"
        ) from problem
    finally:
        book.close()
    if not found:
        names = ", ".join(s.name for s in c.IMPORTABLE)
        raise FileProblem(f"The workbook has no sheet to import: name the sheets {names}")
    return Workbook(XLSX, found, ignored)


def read(file_name: str, content: bytes) -> Workbook:
    kind = kind_of(file_name, content)
    return read_xlsx(content) if kind == XLSX else read_csv(content)
