"""Whole files with hostile cells, through `accord import_register` and the import pages: no crash,
no traceback, and an import writes every row or none.

tests/transfer/test_hostile_cells.py checks one row at a time against the cell readers; these build
whole workbooks (Partnerships, Organisations and Contributions sheets, every column present) as
.xlsx and .csv, with hostile values in drawn columns and always one on the last partnership row.
"""

import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from accord.outputs.transfer import columns as c
from accord.register.models import Partnership
from tests.fuzz.checks import assert_safe_page, brief, in_rollback
from tests.fuzz.forms import differences, fingerprint, read_forms
from tests.fuzz.strategies import hostile_text, numbers
from tests.fuzz.test_forms_fuzz import FUZZ
from tests.transfer.helpers import PARTNERSHIP_HEADERS, csv_bytes, partnership_row, xlsx

ROWS = 3
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
formulas = st.sampled_from(["=1+1", '=HYPERLINK("http://x","<fuzz-xss>")', "@SUM(A1)", "+1-1", "-2+3"])
cell = hostile_text | numbers | formulas | st.integers(-(10**20), 10**20) | st.floats() | st.booleans()


def _partnership(index: int) -> dict[str, object]:
    given_values = dict(
        zip(PARTNERSHIP_HEADERS, partnership_row(f"FZ-{index}", f"Fuzz {index}"), strict=True)
    )
    return {col.header: given_values.get(col.header, "") for col in c.PARTNERSHIPS.columns}


def _contribution(index: int) -> dict[str, object]:
    return {
        "Partnership reference": f"FZ-{index}",
        "Financial year": "2025/26",
        "Category": "Finance",
        "Amount (£)": "1000",
        "Form of finance": "Grant",
        "Officer": "",
        "Hours a year": "",
        "Description": "Grant",
    }


def _organisation(index: int) -> dict[str, object]:
    return {
        col.header: (f"Fuzz Trust {index}" if col.key == "name" else "") for col in c.ORGANISATIONS.columns
    }


SHEETS = {c.PARTNERSHIPS: _partnership, c.ORGANISATIONS: _organisation, c.CONTRIBUTIONS: _contribution}


@st.composite
def hostile_register(draw) -> dict[str, list[list[object]]]:
    """Sheets of valid rows with hostile cells dropped in, one always on the last partnership row."""
    sheets = {}
    for sheet, row_of in SHEETS.items():
        rows = [row_of(i) for i in range(ROWS)]
        places = draw(
            st.lists(st.tuples(st.integers(0, ROWS - 1), st.sampled_from(sheet.columns)), max_size=3)
        )
        if sheet is c.PARTNERSHIPS:
            places.append((ROWS - 1, draw(st.sampled_from(sheet.columns))))
        for row, column in places:
            rows[row][column.header] = draw(cell)
        sheets[sheet.name] = [[col.header for col in sheet.columns]] + [list(r.values()) for r in rows]
    return sheets


def _xlsx_safe(value: object) -> object:
    """openpyxl refuses characters XML cannot hold; a real workbook cannot contain them."""
    return NOT_XML.sub("", value) if isinstance(value, str) else value


def as_file(sheets: dict, kind: str) -> bytes:
    if kind == "csv":
        return csv_bytes(sheets[c.PARTNERSHIPS.name])
    return xlsx({name: [[_xlsx_safe(v) for v in row] for row in rows] for name, rows in sheets.items()})


def import_all_or_nothing(path, content: bytes, what: str) -> None:
    path.write_bytes(content)
    before, partnerships = fingerprint(), Partnership.objects.count()
    try:
        call_command("import_register", str(path), "--dry-run")
    except CommandError:
        pass
    assert not differences(before, fingerprint()), f"{what}: the dry run wrote"
    try:
        call_command("import_register", str(path))
    except CommandError:
        assert not differences(before, fingerprint()), f"{what}: refused but wrote"
    else:
        assert Partnership.objects.count() == partnerships + ROWS, f"{what}: imported only some rows"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_hostile_cells_anywhere_import_whole_or_not_at_all(lists, tmp_path, kind, capsys):
    @FUZZ
    @given(hostile_register())
    def run(sheets):
        content = as_file(sheets, kind)
        in_rollback(lambda: import_all_or_nothing(tmp_path / f"register.{kind}", content, brief(sheets, 400)))
        output = capsys.readouterr()
        assert "Traceback" not in output.out + output.err

    run()


@pytest.mark.django_db
def test_the_import_pages_show_hostile_cells_escaped(client, lists):
    from tests import factories as f

    client.force_login(f.make_user("administrator"))

    @FUZZ
    @given(hostile_register())
    def run(sheets):
        content = as_file(sheets, "xlsx")

        def upload():
            from django.core.files.uploadedfile import SimpleUploadedFile

            what = f"import pages {brief(sheets, 400)}"
            response = client.post(
                reverse("transfer-upload"),
                {"file": SimpleUploadedFile("register.xlsx", content)},
                follow=True,
            )
            assert_safe_page(response, what)
            columns = [form for form in read_forms(response.content.decode(), "") if form.method == "post"]
            if columns:  # the guessed columns, as the page offers them, lead to the preview
                body = {field.name: field.value for field in columns[-1].fields}
                assert_safe_page(client.post(columns[-1].action, body, follow=True), what)

        in_rollback(upload)

    run()


def test_a_hostile_last_row_leaves_the_register_as_it_was(lists, tmp_path):
    """Regression shape: every earlier row is fine, the last one breaks: nothing is imported."""
    sheets = {
        c.PARTNERSHIPS.name: [list(_partnership(0)), *[list(_partnership(i).values()) for i in range(ROWS)]]
    }
    sheets[c.PARTNERSHIPS.name][-1][0] = "FZ\x00<fuzz-xss>" + "x" * 50_000
    path = tmp_path / "register.csv"
    path.write_bytes(as_file(sheets, "csv"))
    with pytest.raises(CommandError):
        call_command("import_register", str(path))
    assert not Partnership.objects.exists()
