"""Workbooks made to break the reader get a plain refusal, or are read safely, never a crash: a zip
bomb, a part whose size the zip lies about, a shared-strings count of billions, cells spread over a
grid of billions, a password-protected workbook, a chart where a sheet should be (ADR 0042).

Without the package check some of these stop the whole process (calamine asks for more memory than
the machine has): a regression here shows as the test run dying."""

import io
import struct
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from accord.outputs.transfer import xlsx_package
from accord.outputs.transfer.reading import FileProblem, read

from .helpers import PARTNERSHIP_HEADERS, partnership_row, xlsx
from .test_xlsx_reader import saved, with_sheet_xml

DAMAGED = "The selected file could not be opened as an Excel workbook: it may be damaged"
TOO_BIG = "The selected file holds more than Accord can read at once"


def refused(content: bytes) -> str:
    with pytest.raises(FileProblem) as problem:
        read("register.xlsx", content)
    return str(problem.value)


def register() -> bytes:
    return xlsx({"Partnerships": [PARTNERSHIP_HEADERS, partnership_row("CSP-01", "Community Safety")]})


def test_a_zip_bomb_is_refused_as_too_big(monkeypatch):
    monkeypatch.setattr(xlsx_package, "PART_LIMIT", 1024 * 1024)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in zipfile.ZipFile(io.BytesIO(register())).infolist():
            bomb.writestr(info.filename, zipfile.ZipFile(io.BytesIO(register())).read(info))
        bomb.writestr("xl/padding.xml", b" " * (3 * 1024 * 1024))
    assert len(out.getvalue()) < 64 * 1024
    assert refused(out.getvalue()).startswith(TOO_BIG)


def lying_about_its_size(content: bytes, member: str, stated: int) -> bytes:
    """The zip with `member`'s inflated size stated as `stated` in both of its headers."""
    data = bytearray(content)
    info = zipfile.ZipFile(io.BytesIO(content)).getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, stated)
    name = member.encode()
    central = 0
    while True:
        central = data.index(b"PK\x01\x02", central)
        length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + length]) == name:
            struct.pack_into("<I", data, central + 24, stated)
            return bytes(data)
        central += 4


def test_a_part_that_inflates_to_more_than_its_zip_entry_says_is_counted_as_it_inflates(monkeypatch):
    monkeypatch.setattr(xlsx_package, "PART_LIMIT", 1024 * 1024)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        source = zipfile.ZipFile(io.BytesIO(register()))
        for info in source.infolist():
            bomb.writestr(info.filename, source.read(info))
        bomb.writestr("xl/padding.xml", b" " * (3 * 1024 * 1024))
    assert refused(lying_about_its_size(out.getvalue(), "xl/padding.xml", 100)).startswith(TOO_BIG)


def test_a_shared_strings_part_claiming_billions_of_strings_is_refused_as_damaged():
    book = Workbook()
    book.active.title = "Partnerships"
    content = with_sheet_xml(
        saved(book),
        b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
        {
            "xl/sharedStrings.xml": b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'uniqueCount="99999999999"><si><t>Reference</t></si></sst>'
        },
    )
    assert refused(content).startswith(DAMAGED)


def test_cells_far_apart_are_read_a_row_at_a_time_instead_of_as_one_grid():
    book = Workbook()
    sheet = book.active
    sheet.title = "Partnerships"
    for row in (PARTNERSHIP_HEADERS, partnership_row("CSP-01", "Community Safety")):
        sheet.append(row)
    sheet["XFD5000"] = "a stray value in the last column"  # a grid of 82 million cells
    content = saved(book)
    assert not xlsx_package.inspect(content).fast
    sheet_read = read("register.xlsx", content).sheets["Partnerships"]
    assert sheet_read.headers == PARTNERSHIP_HEADERS
    assert [number for number, _ in sheet_read.rows] == [2]


@pytest.mark.parametrize(
    "cells",
    [
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Reference</t></is></c></row>'
        b'<row r="2"><c r="XFD1048576"><v>1</v></c></row>',
        b'<row r="1"><c r="xfd1048576"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>',
        b'<row r="1"><c r="A1"><v>1</v></c><c r="AAAA1"><v>2</v></c></row>',
        b'<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A0000000000000001"><v>2</v></c></row>',
        b'<row r="1"><c><v>1</v></c><c s="0" r="ZZ900000"><v>2</v></c></row>',
        b"<row r=\"1\"><c r='XFD1048576'><v>1</v></c></row>",
        b'<row r="1"><x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="XFD1048576">'
        b"<x:v>1</x:v></x:c></row>",
    ],
    ids=["far-corner", "lower-case", "4-letters", "zeros", "r-second", "single-quotes", "prefix"],
)
def test_a_sheet_calamine_would_lay_out_as_a_huge_grid_is_not_given_to_calamine(cells):
    book = Workbook()
    book.active.title = "Partnerships"
    content = with_sheet_xml(saved(book), b"<sheetData>" + cells + b"</sheetData>")
    try:
        assert not xlsx_package.inspect(content).fast
    except xlsx_package.PackageProblem as problem:
        assert problem.kind == "damaged"  # a row past Excel's last: refused before any reader
    try:
        read("register.xlsx", content)
    except FileProblem as problem:
        assert str(problem)


def test_a_password_protected_workbook_is_refused_in_plain_words():
    encrypted = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(FileProblem, match="protected with a password: remove the password"):
        read("register.xlsx", encrypted)


def test_a_chart_sheet_is_ignored_and_the_data_sheet_read():
    from openpyxl.chart import BarChart, Reference

    book = Workbook()
    data = book.active
    data.title = "Figures"
    for row in (PARTNERSHIP_HEADERS, partnership_row("CSP-01", "Community Safety")):
        data.append(row)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=1, min_row=1, max_row=2))
    book.create_chartsheet("Chart").add_chart(chart)
    found = read("register.xlsx", saved(book))
    assert found.ignored == ["Chart"]
    assert [n for n, _ in found.sheets["Partnerships"].rows] == [2]


@settings(max_examples=150, deadline=None)
@given(
    cut=st.integers(min_value=0, max_value=4000),
    flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.integers(0, 255)), max_size=8),
)
def test_a_damaged_workbook_is_read_or_refused_in_plain_words(cut, flips):
    content = bytearray(register())
    for position, value in flips:
        content[position % len(content)] = value
    content = content[: len(content) - cut]
    try:
        book = read("register.xlsx", bytes(content))
    except FileProblem as problem:
        assert str(problem)
    else:
        assert book.sheets


def test_a_workbook_with_a_picture_is_still_read_by_calamine():
    book = Workbook()
    book.active.title = "Partnerships"
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
    content = with_sheet_xml(
        saved(book),
        b'<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
        {"xl/media/image1.png": png},
    )
    assert xlsx_package.inspect(content).fast


def test_a_sheet_written_in_utf_16_is_not_given_to_calamine():
    content = register()
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.decode("utf-8").encode("utf-16")
            target.writestr(info.filename, data)
    assert not xlsx_package.inspect(out.getvalue()).fast
    try:
        read("register.xlsx", out.getvalue())
    except FileProblem as problem:
        assert str(problem)


def test_a_workbook_with_two_parts_of_one_name_is_refused_as_damaged():
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(register()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        with pytest.warns(UserWarning, match="Duplicate name"):
            target.writestr("xl/worksheets/sheet1.xml", b"<worksheet/>")
    assert refused(out.getvalue()).startswith(DAMAGED)


def test_rows_formatted_far_below_the_table_do_not_send_it_to_the_slow_reader():
    book = Workbook()
    book.active.title = "Partnerships"
    content = with_sheet_xml(
        saved(book),
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Reference</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>Name</t></is></c><c r="DZ1" s="0"/></row>'
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>CSP-01</t></is></c><c r="B2"><v>7</v></c></row>'
        b'<row r="65536" s="0" customFormat="1"><c r="A65536" s="0"/><c r="XFD65536" s="0"/></row>'
        b'<row r="1048576" s="0" customFormat="1"/></sheetData>',
    )
    assert xlsx_package.inspect(content).fast
    sheet = read("register.xlsx", content).sheets["Partnerships"]
    assert sheet.headers == ["Reference", "Name"]
    assert sheet.rows == [(2, ["CSP-01", 7])]


XML_PIECES = st.sampled_from(
    [
        b"<",
        b">",
        b"/",
        b'"',
        b"r=",
        b'r="A1"',
        b'r="XFD9"',
        b"<c ",
        b"<v>",
        b"</v>",
        b"</c>",
        b"<row>",
        b"</row>",
        b"&amp;",
        b"&#0;",
        b"\x00",
        b"\xff",
        b't="s"',
        b't="e"',
        b"<is><t>",
        b"</t></is>",
        b"9" * 12,
        b" ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    edits=st.lists(
        st.tuples(st.integers(min_value=0), st.integers(0, 12), XML_PIECES), min_size=1, max_size=6
    )
)
def test_a_workbook_with_damaged_xml_is_read_or_refused_in_plain_words(edits):
    source = zipfile.ZipFile(io.BytesIO(register()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                for position, cut, piece in edits:
                    at = position % (len(data) + 1)
                    data = data[:at] + piece + data[at + cut :]
            target.writestr(info.filename, data)
    try:
        book = read("register.xlsx", out.getvalue())
    except FileProblem as problem:
        assert str(problem)
    else:
        assert book.sheets


def test_a_row_numbered_past_excels_last_row_is_refused_as_damaged():
    book = Workbook()
    book.active.title = "Partnerships"
    content = with_sheet_xml(
        saved(book),
        b'<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'
        b'<row r="999999999999"><c r="A999999999999"><v>3</v></c></row></sheetData>',
    )
    assert refused(content).startswith(DAMAGED)
