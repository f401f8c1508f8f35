"""Spreadsheets as councils keep them: a title or notes above the headings, blank rows and columns
after the table, columns and rows hidden in the file. The headings are found, the rest is skipped
or kept and said (ADR 0042)."""

import io

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from accord.outputs.transfer.reading import read

from .helpers import PARTNERSHIP_HEADERS, csv_bytes, partnership_row

TITLE = "Chorley Council: register of partnerships"
NOTES = "Kept by Democratic Services. Updated March 2026."


def council_workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Register"
    sheet["A1"] = TITLE
    sheet.merge_cells("A1:L1")
    sheet["A2"] = NOTES
    sheet.append([])  # row 3 left blank
    sheet.append(PARTNERSHIP_HEADERS)  # row 4
    sheet.append(partnership_row("CSP-01", "Community Safety Partnership"))
    sheet.append(partnership_row("HWB-01", "Health and Wellbeing Board"))
    grey = PatternFill("solid", fgColor="DDDDDD")
    for row in range(7, 40):  # formatted but empty rows after the table
        for column in range(1, 16):  # and formatted empty columns past it
            sheet.cell(row, column).fill = grey
    sheet.cell(5, 14).fill = grey
    sheet.column_dimensions["I"].hidden = True  # "Lead directorate or service"
    sheet.row_dimensions[6].hidden = True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_title_and_notes_above_the_headings_are_skipped_and_kept_to_show():
    sheet = read("register.xlsx", council_workbook()).sheets["Partnerships"]
    assert sheet.header_row == 4
    assert sheet.skipped_above == [TITLE, NOTES]
    assert sheet.headers == PARTNERSHIP_HEADERS
    assert [number for number, _ in sheet.rows] == [5, 6]
    assert sheet.rows[0][1][:2] == ["CSP-01", "Community Safety Partnership"]


def test_blank_rows_and_columns_after_the_table_are_left_out():
    sheet = read("register.xlsx", council_workbook()).sheets["Partnerships"]
    assert len(sheet.headers) == len(PARTNERSHIP_HEADERS)
    assert all(len(cells) == len(PARTNERSHIP_HEADERS) for _, cells in sheet.rows)


def test_hidden_columns_and_rows_are_read_and_listed():
    sheet = read("register.xlsx", council_workbook()).sheets["Partnerships"]
    assert sheet.hidden_columns == [9]
    assert sheet.hidden_headers == ["Lead directorate or service"]
    assert sheet.hidden_rows == [6]
    assert sheet.rows[1][1][8] == "Communities"  # a hidden column is imported like the others


def test_a_csv_file_with_a_title_row_has_its_headings_found():
    content = csv_bytes(
        [
            ["Partnerships register 2026", "", ""],
            [],
            PARTNERSHIP_HEADERS,
            partnership_row("CSP-01", "Community Safety Partnership"),
        ]
    )
    sheet = read("register.csv", content).sheets["Partnerships"]
    assert (sheet.header_row, sheet.skipped_above) == (3, ["Partnerships register 2026"])
    assert sheet.headers == PARTNERSHIP_HEADERS
    assert [number for number, _ in sheet.rows] == [4]
    assert sheet.hidden_columns == [] and sheet.hidden_rows == []


def test_headings_the_register_does_not_know_are_found_by_how_full_the_row_is():
    headings = ["Partnership Title", "Officer", "Service Area", "Council Contribution", "Notes"]
    content = csv_bytes(
        [["Notes:", "all figures in pounds"], headings, ["CSP", "J Smith", "Communities", "12,500", ""]]
    )
    sheet = read("register.csv", content).sheets["Partnerships"]
    assert sheet.header_row == 2
    assert sheet.headers == headings
    assert sheet.skipped_above == ["Notes: · all figures in pounds"]


def test_headings_in_the_first_row_stay_the_header_even_when_a_data_row_names_a_column():
    content = csv_bytes(
        [
            PARTNERSHIP_HEADERS,
            partnership_row("Reference", "Name", Description="Description"),
            partnership_row("CSP-01", "Community Safety Partnership"),
        ]
    )
    sheet = read("register.csv", content).sheets["Partnerships"]
    assert (sheet.header_row, sheet.skipped_above) == (1, [])
    assert [number for number, _ in sheet.rows] == [2, 3]


def test_a_value_past_the_last_heading_gets_a_column_of_its_own_not_dropped():
    content = csv_bytes([["Reference", "Name"], ["CSP-01", "Community Safety", "", "a note past the table"]])
    sheet = read("register.csv", content).sheets["Partnerships"]
    assert sheet.headers == ["Reference", "Name", "Column 3", "Column 4"]
    assert sheet.rows == [(2, ["CSP-01", "Community Safety", "", "a note past the table"])]


def test_a_workbook_whose_first_row_is_blank_finds_the_headings_below_it():
    book = Workbook()
    book.active.title = "Partnerships"
    book.active.append([])
    book.active.append(PARTNERSHIP_HEADERS)
    book.active.append(partnership_row("CSP-01", "Community Safety Partnership"))
    buffer = io.BytesIO()
    book.save(buffer)
    sheet = read("register.xlsx", buffer.getvalue()).sheets["Partnerships"]
    assert (sheet.header_row, sheet.skipped_above) == (2, [])
    assert [number for number, _ in sheet.rows] == [3]
