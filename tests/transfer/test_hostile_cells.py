"""Whatever a cell holds, reading a row gives values or row problems, never an exception."""

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.outputs.transfer import columns as c
from accord.outputs.transfer.rows import parse_row

cell = st.one_of(
    st.none(),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=30_000),
    st.text(alphabet=st.sampled_from("\x00\x01\x0b\x1f\x7f\u200b\u202e\ufeff\ud7ff\uffff€£,./-: 0123456789")),
    st.from_regex(r"\d{1,4}[/.-]\d{1,4}[/.-]\d{1,6}", fullmatch=True),
    st.from_regex(r"£?-?[\d,]{0,20}(\.\d{0,5})?", fullmatch=True),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(min_value=datetime(1, 1, 1)),
    st.decimals(allow_nan=True, allow_infinity=True),
)


@settings(max_examples=300, deadline=None)
@given(sheet=st.sampled_from(c.IMPORTABLE), data=st.data())
def test_any_cell_value_becomes_a_value_or_a_row_problem(sheet, data):
    keys = [col.key for col in sheet.columns]
    cells = data.draw(st.lists(cell, min_size=len(keys), max_size=len(keys)))
    row = parse_row(sheet, keys, 7, cells)
    assert all(isinstance(p, str) and p for p in row.problems)
    for key, value in row.values.items():
        if isinstance(value, str):
            column = sheet.by_key[key]
            assert column.max_length is None or len(value) <= column.max_length
            assert "\x00" not in value
