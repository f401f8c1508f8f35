"""CSV files as councils' spreadsheets and systems save them: semicolons or tabs between cells,
UTF-8 with or without a byte-order mark, Windows-1252 ("£" as the single byte 0xA3)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.outputs.transfer.plan import build
from accord.outputs.transfer.reading import FileProblem, delimiter_of, read
from accord.register.models import Partnership

from .helpers import PARTNERSHIP_HEADERS, guessed_mapping, partnership_row

ROWS = [
    PARTNERSHIP_HEADERS,
    partnership_row(
        "CSP-01", "Community Safety Partnership", Description="Crime, disorder; and fear of crime"
    ),
    partnership_row("HWB-01", "Health and Wellbeing Board", Description="£12,500 a year from the council"),
]


def encoded(rows, delimiter: str, encoding: str, newline: str = "\r\n") -> bytes:
    def cell(value: str) -> str:
        if any(ch in value for ch in (delimiter, '"', "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    return newline.join(delimiter.join(cell(v) for v in row) for row in rows).encode(encoding) + b"\r\n"


def descriptions(content: bytes) -> list[str]:
    book = read("register.csv", content)
    sheet = book.sheets["Partnerships"]
    assert sheet.headers == PARTNERSHIP_HEADERS
    index = PARTNERSHIP_HEADERS.index("Description")
    return [cells[index] for _, cells in sheet.rows]


EXPECTED = ["Crime, disorder; and fear of crime", "£12,500 a year from the council"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_the_delimiter_and_encoding_are_found_from_the_file(delimiter, encoding):
    assert descriptions(encoded(ROWS, delimiter, encoding)) == EXPECTED


def test_windows_1252_bytes_are_read_as_excel_wrote_them():
    header = b"Reference;Name;Description\r\n"
    row = b"CSP-01;Chorley\x92s Community Safety Partnership;\xa345,000 from the council\r\n"
    book = read("register.csv", header + row)
    assert book.sheets["Partnerships"].rows == [
        (2, ["CSP-01", "Chorley\u2019s Community Safety Partnership", "\u00a345,000 from the council"])
    ]


def test_utf_8_with_a_byte_order_mark_keeps_the_first_heading_clean():
    book = read("register.csv", b"\xef\xbb\xbfReference,Name\r\nCSP-01,Caf\xc3\xa9 partnership\r\n")
    assert book.sheets["Partnerships"].headers == ["Reference", "Name"]
    assert book.sheets["Partnerships"].rows == [(2, ["CSP-01", "Café partnership"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reference\nCSP-01\nHWB-01\n", ","),  # one column: nothing between cells
        ("", ","),
        ('Name;Amount\n"Smith, J";"12,500"\nJones;"1,250,000"\n', ";"),
        ("Name,Notes\nA,uses ; here\nB,and | there\n", ","),
        ("Name\tAmount\nA\t£12,500\nB\t£1,000\n", "\t"),
    ],
)
def test_the_delimiter_is_the_one_the_rows_agree_on(text, expected):
    assert delimiter_of(text) == expected


def test_a_semicolon_file_imports_with_its_columns_matched(lists):
    book = read("register.csv", encoded(ROWS, ";", "cp1252"))
    plan = build("register.csv", book, guessed_mapping(book))
    assert plan.ok, plan.problems
    assert plan.counts()["Partnerships"]["created"] == 2
    assert not Partnership.objects.exists()


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfeR\x00e\x00f", b"Reference,Name\r\nA-1,\x81\x8d\x8f\x90\r\n", b"Reference\x00,Name\r\n"],
)
def test_a_file_that_is_not_text_in_any_of_these_encodings_is_refused(content):
    with pytest.raises(FileProblem, match="is not text: save it as CSV"):
        read("register.csv", content)


CSV_ALPHABET = st.sampled_from(list(",;\t|\"'\r\n £\u2019é\x00abc123"))


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=CSV_ALPHABET, max_size=300),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    raw=st.binary(max_size=200),
)
def test_any_file_is_read_or_refused_in_plain_words(text, encoding, raw):
    for content in (text.encode(encoding, errors="replace"), raw):
        try:
            book = read("register.csv", content)
        except FileProblem as problem:
            assert str(problem)
        else:
            assert list(book.sheets) == ["Partnerships"]
