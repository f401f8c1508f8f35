"""The sheet reader (python-calamine, with openpyxl's streaming reader for workbooks calamine cannot
read safely) gives the cells openpyxl's public API gives, in the reader's own terms: nothing is
None, whole numbers are int, a date without a time of day is a date (ADR 0042)."""

import io
import zipfile
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from accord.outputs.transfer import xlsx_package
from accord.outputs.transfer.xlsx import XlsxBook

WIDTH = 120


def as_the_reader_gives(cell) -> object:
    """openpyxl's cell in the reader's terms (the test's own statement of the contract)."""
    value = cell.value
    if cell.data_type == "e" or value == "":
        return None
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date()
    if isinstance(value, float) and value.is_integer() and abs(value) <= 2**53:
        return int(value)
    if type(value) is int and abs(value) > 2**53:  # past what a float (Excel's number) holds exactly
        return float(value)
    return value


def by_openpyxl(content: bytes, title: str) -> list[list]:
    """The oracle: openpyxl's ordinary (not read-only) workbook, values the file holds."""
    book = load_workbook(io.BytesIO(content), data_only=True)
    sheet = book[title]
    return [[as_the_reader_gives(cell) for cell in row] for row in sheet.iter_rows(max_col=WIDTH)]


def by_reader(content: bytes, title: str) -> list[list]:
    book = XlsxBook(content)
    try:
        sheet = next(s for s in book.sheets if s.title == title)
        return list(book.rows(sheet, WIDTH))
    finally:
        book.close()


@pytest.fixture(params=["calamine", "openpyxl"])
def route(request, monkeypatch):
    """Each test runs through calamine and through the streaming fallback (forced by a zero budget)."""
    if request.param == "openpyxl":
        monkeypatch.setattr(xlsx_package, "CELL_BUDGET", 0)
    return request.param


def same_shape(rows: list[list]) -> list[list]:
    padded = [(list(row) + [None] * WIDTH)[:WIDTH] for row in rows]
    while padded and all(v is None for v in padded[-1]):
        padded.pop()
    return padded


def saved(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def typed(rows: list[list]) -> list[list]:
    """Values with their types, so 3 and 3.0, or a date and a datetime, are told apart."""
    return [[(type(v).__name__, v) for v in row] for row in rows]


def test_a_workbook_with_every_kind_of_cell_reads_as_openpyxl_reads_it(route):
    book = Workbook()
    sheet = book.active
    sheet.title = "Partnerships"
    sheet.append(["Reference", "Name", None, "Start"])
    sheet["A3"], sheet["B3"], sheet["C3"], sheet["D3"] = "CSP-1", 3, 2.5, date(2020, 2, 29)
    sheet["E3"], sheet["F3"], sheet["G3"] = True, "=1+1", datetime(2021, 1, 1, 12, 30)
    sheet["H3"], sheet["I3"], sheet["J3"] = time(10, 5), timedelta(hours=30), 1e20
    sheet["K3"], sheet["L3"], sheet["DZ3"] = "  spaced  ", -7, "beyond the columns read"
    sheet["M3"], sheet["N3"] = "#N/A", "Caf\u00e9 \u2013 \u00a3"
    sheet["A7"] = "after a gap"
    sheet["B8"] = CellRichText("plain ", TextBlock(InlineFont(b=True), "bold"), " tail")
    book.create_sheet("Members").append(["Partnership reference", "Organisation"])
    content = saved(book)
    for title in ("Partnerships", "Members"):
        expected = same_shape(by_openpyxl(content, title))
        assert typed(same_shape(by_reader(content, title))) == typed(expected)
    rows = same_shape(by_reader(content, "Partnerships"))
    assert rows[2][:5] == ["CSP-1", 3, 2.5, date(2020, 2, 29), True]
    assert rows[2][5] is None  # a formula openpyxl wrote has no result stored in the file
    assert rows[2][6] == datetime(2021, 1, 1, 12, 30)
    assert rows[2][12] is None  # an error shows no value
    assert rows[6][0] == "after a gap"
    assert rows[7][1] == "plain bold tail"


def test_a_workbook_in_the_1904_date_system_gives_the_same_dates(route):
    book = Workbook()
    book.epoch = datetime(1904, 1, 1)
    book.active.append([date(2010, 5, 6), 40000])
    content = saved(book)
    rows = by_reader(content, "Sheet")
    assert same_shape(rows) == same_shape(by_openpyxl(content, "Sheet"))
    assert rows[0][0] == date(2010, 5, 6)


SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)


def with_sheet_xml(content: bytes, sheet_data: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """The workbook with its first sheet's cells replaced by hand-written XML."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                start, end = data.index(b"<sheetData"), data.index(b"</sheetData>") + len(b"</sheetData>")
                data = data[:start] + sheet_data + data[end:]
            if info.filename == "[Content_Types].xml" and "xl/sharedStrings.xml" in (extra or {}):
                data = data.replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")
            target.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def test_formula_results_shared_strings_and_errors_stored_by_excel_read_as_openpyxl_reads_them(route):
    book = Workbook()
    book.active.title = "Partnerships"
    content = with_sheet_xml(
        saved(book),
        b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        b'<row r="2"><c r="A2"><f>SUM(1,2)</f><v>3</v></c><c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
        b'<c r="C2" t="b"><f>TRUE()</f><v>1</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        b'<c r="E2" t="s"><v>1</v></c><c r="F2"><v>12500.5</v></c></row></sheetData>',
        {
            "xl/sharedStrings.xml": b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'count="3" uniqueCount="2"><si><t>Reference</t></si>'
            b'<si><r><t xml:space="preserve">Lead </t></r><r><t>body</t></r></si></sst>'
        },
    )
    rows = by_reader(content, "Partnerships")
    assert same_shape(rows) == same_shape(by_openpyxl(content, "Partnerships"))
    assert rows[1][:6] == [3, "ab", True, None, "Lead body", 12500.5]


cell = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40),
    st.text(alphabet=st.sampled_from(" \t\n&<>\"'£€—é#"), max_size=10),
    st.sampled_from(["#N/A", "#REF!", "Y", "N", "✓", "£1,250,000", "01/04/2024"]),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)).map(
        lambda moment: moment.replace(microsecond=0)
    ),
)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.lists(cell, max_size=8), max_size=12),
    write_only=st.booleans(),
    fast=st.booleans(),
)
def test_any_sheet_reads_as_openpyxl_reads_it(rows, write_only, fast):
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("Partnerships") if write_only else book.active
    if not write_only:
        sheet.title = "Partnerships"
    for row in rows:
        sheet.append(row)
    content = saved(book)
    budget = xlsx_package.CELL_BUDGET if fast else 0
    original, xlsx_package.CELL_BUDGET = xlsx_package.CELL_BUDGET, budget
    try:
        got = same_shape(by_reader(content, "Partnerships"))
    finally:
        xlsx_package.CELL_BUDGET = original
    assert typed(got) == typed(same_shape(by_openpyxl(content, "Partnerships")))


def test_an_ordinary_workbook_is_read_by_calamine():
    book = XlsxBook(saved(Workbook()))
    try:
        assert book.package.fast and book.book is not None
    finally:
        book.close()
