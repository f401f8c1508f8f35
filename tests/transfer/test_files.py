"""Files that cannot be imported at all are refused with a message that says what to do."""

import pytest

from accord.outputs.transfer.reading import FileProblem, read

from .helpers import PARTNERSHIP_HEADERS, csv_bytes, partnership_row, xlsx


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("register.xlsx", b"", "The selected file is empty"),
        ("register.csv", b"", "The selected file is empty"),
        (
            "register.pdf",
            b"%PDF-1.4",
            "The selected file must be an Excel workbook (.xlsx) or a CSV file (.csv)",
        ),
        (
            "register.xls",
            b"\xd0\xcf\x11\xe0rest",
            "The selected file is an old Excel file (.xls): save it as .xlsx",
        ),
        ("register.xlsx", b"not a zip at all", "The selected file is not a real Excel workbook"),
        ("register.xlsx", b"PK\x03\x04broken", "The selected file could not be opened as an Excel workbook"),
        ("register.csv", b"\xff\xfe\x00\x00\x00", "The selected CSV file is not text"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused(name, content, message):
    with pytest.raises(FileProblem) as problem:
        read(name, content)
    assert str(problem.value).startswith(message)


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.ACCORD_IMPORT_MAX_BYTES = 1024 * 1024
    with pytest.raises(FileProblem, match="smaller than 1 MB"):
        read("big.csv", b"a" * (1024 * 1024 + 1))


def test_a_workbook_without_a_register_sheet_is_refused():
    content = xlsx({"Notes": [["hello"]], "Budget": [["x"]]})
    with pytest.raises(FileProblem, match="no sheet to import: name the sheets Partnerships"):
        read("register.xlsx", content)


def test_a_csv_file_is_the_partnerships_sheet_with_row_numbers_kept():
    content = csv_bytes([PARTNERSHIP_HEADERS, partnership_row("A", "A"), [""] * 3, partnership_row("B", "B")])
    book = read("register.csv", content)
    assert list(book.sheets) == ["Partnerships"]
    assert [number for number, _ in book.sheets["Partnerships"].rows] == [2, 4]


def test_a_one_sheet_workbook_is_read_as_the_partnerships_and_other_sheets_are_ignored():
    book = read("r.xlsx", xlsx({"Sheet1": [PARTNERSHIP_HEADERS]}))
    assert list(book.sheets) == ["Partnerships"]
    book = read("r.xlsx", xlsx({"Partnerships": [PARTNERSHIP_HEADERS], "Risks": [["x"]], "Notes": [["y"]]}))
    assert book.ignored == ["Risks", "Notes"]
