"""Checking an Excel workbook's package before its cells are read (ADR 0042).

An .xlsx file is a zip of XML parts. The cell reader (python-calamine, in Rust) reads a part whole
and sizes its memory from what the file claims: a shared-strings part claiming billions of strings,
or two cells at A1 and XFD1048576 (a grid of 17 billion cells), make it ask for more memory than
the machine has, and the process is stopped outright, not with an exception. So before calamine
opens a workbook, every part is inflated here, with its size capped, and:

- a part larger than PART_LIMIT, or parts adding up to more than TOTAL_LIMIT, is refused (a zip
  bomb says it is small and inflates to gigabytes; the inflated bytes are counted, not the sizes the
  zip's directory states);
- a shared-strings count larger than its part could hold is refused as damaged;
- a part whose cells would make a grid of more than CELL_BUDGET cells (or whose cells calamine
  would place by counting, without a reference such as "B7") is marked not `fast`: such a
  workbook is read through openpyxl's streaming reader instead, which is slower but keeps only a
  row at a time.

The same pass finds the columns and rows hidden in each sheet (which calamine does not report).
"""

import io
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

PART_LIMIT = 256 * 1024 * 1024  # inflated bytes of one part
TOTAL_LIMIT = 512 * 1024 * 1024  # inflated bytes of the whole package
CELL_BUDGET = 6_000_000  # rows x columns calamine may lay out for one sheet (50,000 x 120)
CHUNK = 4 * 1024 * 1024
LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... file name length, extra field length
MAX_COLUMN = 16_384  # XFD
EXCEL_ROWS = 1_048_576
UTF_16 = (b"\xff\xfe", b"\xfe\xff", b"<\x00?\x00", b"\x00<\x00?")  # how XML in UTF-16 starts

# A cell not written `<c r="…"` (its place counted, not read), or with a namespace prefix. Two
# searches: each starts with a fixed string, which the regular expression engine finds quickly.
_ODD_CELLS = (re.compile(rb"<c(?=[\s>/])(?! r=\")"), re.compile(rb":c[\s>/]"))
_CELL_ROW = re.compile(rb'<c r="[A-Za-z]{0,3}([0-9]{1,7})"')
_SHARED_COUNT = re.compile(rb"<(?:[\w.-]+:)?sst\b[^>]*?\buniqueCount\s*=\s*[\"']\s*([0-9]+)")
_COLUMN_SPEC = re.compile(rb"<(?:[\w.-]+:)?col\b([^>]*)>")
_HIDDEN_ROW = re.compile(rb"<(?:[\w.-]+:)?row\b([^>]*\bhidden\s*=\s*[\"'](?:1|true)[\"'][^>]*)>")
_ATTRIBUTE = re.compile(rb"\b(min|max|r|hidden)\s*=\s*[\"']([^\"']*)[\"']")
_TRUE = (b"1", b"true")


class PackageProblem(Exception):
    """The package cannot be read safely; `kind` is "too big" or "damaged"."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


@dataclass
class Hidden:
    column_spans: list[tuple[int, int]] = field(default_factory=list)  # 1-based, first and last
    rows: list[int] = field(default_factory=list)  # spreadsheet row numbers

    def columns(self, up_to: int) -> list[int]:
        found = {n for low, high in self.column_spans for n in range(max(low, 1), min(high, up_to) + 1)}
        return sorted(found)


@dataclass
class Package:
    fast: bool  # every sheet fits calamine's grid within CELL_BUDGET
    sheet_paths: dict[str, str]  # a sheet's name -> its part
    hidden: dict[str, Hidden]  # a part -> what is hidden in it


def inspect(content: bytes) -> Package:
    """Inflate and check every part; PackageProblem if the workbook must not be read at all."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as problem:
        raise PackageProblem("damaged") from problem
    parts: dict[str, bytes] = {}
    total = 0
    fast = True
    hidden: dict[str, Hidden] = {}
    for info in infos:
        if info.filename in parts:
            raise PackageProblem("damaged")  # two parts of one name: readers may differ on which
        data = _inflated(content, info)
        total += len(data)
        if total > TOTAL_LIMIT:
            raise PackageProblem("too big")
        parts[info.filename] = data
        if info.filename.lower().endswith("sharedstrings.xml"):  # where calamine looks for them
            _check_shared_strings(data)
        if data[:2] in UTF_16 or data[:4] in UTF_16:  # the checks below read the bytes as ASCII
            fast = False
        elif b"<sheetData" in data or b":sheetData" in data:
            fits = _fits(data)
            if not fits and _beyond_excel().search(data):
                raise PackageProblem("damaged")  # openpyxl would count every row up to that one
            fast = fast and fits
            hidden[info.filename] = _hidden(data)
    return Package(fast, _sheet_paths(parts), hidden)


def _inflated(content: bytes, info: zipfile.ZipInfo) -> bytes:
    """The part's bytes, inflated from its raw data with the size capped (the directory's sizes
    are not trusted: the Rust reader inflates the whole stream whatever they say)."""
    if info.flag_bits & 0x1:
        raise PackageProblem("damaged")  # encrypted zip entries: Excel never writes them
    start = info.header_offset
    header = content[start : start + LOCAL_HEADER.size]
    if len(header) < LOCAL_HEADER.size:
        raise PackageProblem("damaged")
    signature, name_length, extra_length = LOCAL_HEADER.unpack(header)
    if signature != b"PK\x03\x04":
        raise PackageProblem("damaged")
    begin = start + LOCAL_HEADER.size + name_length + extra_length
    raw = memoryview(content)[begin : begin + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        if len(raw) > PART_LIMIT:
            raise PackageProblem("too big")
        return bytes(raw)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise PackageProblem("damaged")
    inflater = zlib.decompressobj(-15)
    pieces: list[bytes] = []
    size = 0
    pending: bytes | memoryview = raw
    try:
        while True:
            piece = inflater.decompress(pending, CHUNK)
            size += len(piece)
            if size > PART_LIMIT:
                raise PackageProblem("too big")
            pieces.append(piece)
            pending = inflater.unconsumed_tail
            if inflater.eof or (not pending and not piece):
                break
    except zlib.error as problem:
        raise PackageProblem("damaged") from problem
    return b"".join(pieces)


def _check_shared_strings(data: bytes) -> None:
    """calamine reserves memory for the count the part states: no more than the part could hold
    (an `<si></si>` is 9 bytes at least). Every `sst` tag counts, one in a comment too."""
    for found in _SHARED_COUNT.finditer(data):
        if int(found.group(1)) > len(data) // 8 + 1:
            raise PackageProblem("damaged")


def _fits(data: bytes) -> bool:
    """Whether calamine's grid for this sheet stays within CELL_BUDGET: every cell carries its
    reference first (`<c r="B7"`), and no cell that could hold a value (one not written `<c …/>`)
    lies below the last cell with a value or right of the columns the budget allows for that many
    rows. Rows formatted far below the table hold no values and do not count."""
    if any(odd.search(data) for odd in _ODD_CELLS):
        return False
    rows = _last_valued_row(data)
    columns = min(CELL_BUDGET // rows, MAX_COLUMN)
    if columns < 1:
        return False
    right = re.compile(rb'<c r="(?:' + _letters_above(columns) + rb')[0-9]+"' + _MAY_HOLD_A_VALUE)
    below = re.compile(rb'<c r="[A-Za-z]*' + _digits_above(rows) + rb'"' + _MAY_HOLD_A_VALUE)
    return right.search(data) is None and below.search(data) is None


_MAY_HOLD_A_VALUE = rb"[^>]*(?<!/)>"  # the rest of a start tag that is not self-closing


def _last_valued_row(data: bytes) -> int:
    """The row of the last cell with a value (`</v>` or an inline string's `</is>`) in the file."""
    end = max(data.rfind(b"</v>"), data.rfind(b"</is>"))
    start = data.rfind(b'<c r="', 0, end) if end >= 0 else -1
    found = _CELL_ROW.match(data, start) if start >= 0 else None
    return max(int(found.group(1)) if found else 1, 1)


def _digits_above(number: int) -> bytes:
    """A pattern for the decimal numbers greater than `number` (leading zeros count as greater)."""
    text = str(number)
    options = [f"[0-9]{{{len(text) + 1},}}"]
    for i, digit in enumerate(text):
        if digit != "9":
            options.append(f"{text[:i]}[{int(digit) + 1}-9][0-9]{{{len(text) - i - 1}}}")
    return ("(?:" + "|".join(options) + ")").encode()


def _beyond_excel() -> re.Pattern[bytes]:
    """A row or cell numbered past Excel's last row, 1,048,576."""
    return re.compile(rb' r="[A-Za-z]*' + _digits_above(EXCEL_ROWS) + rb'"')


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _letters_above(number: int) -> bytes:
    """A pattern for the column letters after column `number` (either case, as calamine reads them)."""
    text = column_letters(number)
    options = [f"[A-Za-z]{{{len(text) + 1},}}"]
    for i, letter in enumerate(text):
        if letter != "Z":
            after = chr(ord(letter) + 1)
            options.append(f"(?i:{text[:i]}[{after}-Z][A-Z]{{{len(text) - i - 1}}})")
    return "|".join(options).encode()


def _hidden(data: bytes) -> Hidden:
    cells = data.find(b"sheetData")
    head = data[:cells]
    found = Hidden()
    for spec in _COLUMN_SPEC.finditer(head):
        values = dict(_ATTRIBUTE.findall(spec.group(1)))
        if values.get(b"hidden") in _TRUE:
            try:
                low, high = int(values.get(b"min", b"0")), int(values.get(b"max", b"0"))
            except ValueError:
                continue
            found.column_spans.append((low, high))
    if data.find(b"hidden", cells) >= 0:
        for row in _HIDDEN_ROW.finditer(data, cells):
            number = dict(_ATTRIBUTE.findall(row.group(1))).get(b"r", b"")
            if number.isdigit():
                found.rows.append(int(number))
    return found


def _sheet_paths(parts: dict[str, bytes]) -> dict[str, str]:
    """Each sheet's name and part, from the workbook's relationships (best effort: only the hidden
    columns and rows depend on it)."""
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root_rels = etree.fromstring(parts.get("_rels/.rels", b"<x/>"), parser)
        book_path = next(
            (r.get("Target", "") for r in root_rels if r.get("Type", "").endswith("/officeDocument")),
            "xl/workbook.xml",
        ).lstrip("/")
        folder = posixpath.dirname(book_path)
        rels_path = posixpath.join(folder, "_rels", posixpath.basename(book_path) + ".rels")
        targets = {
            r.get("Id"): r.get("Target", "") for r in etree.fromstring(parts.get(rels_path, b"<x/>"), parser)
        }
        book = etree.fromstring(parts.get(book_path, b"<x/>"), parser)
    except etree.XMLSyntaxError:
        return {}
    paths = {}
    for sheet in book.iter("{*}sheet"):
        target = targets.get(sheet.get(f"{{{_RELATIONSHIPS}}}id"), "")
        if target:
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            paths[sheet.get("name", "")] = posixpath.normpath(path)
    return paths


_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
