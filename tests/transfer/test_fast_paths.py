"""The import's fast paths give exactly what the slower, general ones give.

The import reads sheets with its own streaming reader (accord/outputs/transfer/xlsx.py) instead of
openpyxl's read-only worksheets, writes rows with prepared INSERTs (accord/outputs/transfer/bulk.py)
instead of bulk_create, and snapshots records for the history with cached field lists: a
spreadsheet must read the same and the register and its history must hold the same either way.
"""

import io
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from accord.kernel.audit.service import diff, snapshot
from accord.outputs.transfer.bulk import Snapshots, created_changes, insert_returning
from accord.outputs.transfer.xlsx import XlsxBook
from accord.register.models import Membership, Partnership
from tests import factories as f

WIDTH = 120


def by_openpyxl(content: bytes, title: str) -> list[list]:
    book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        return [list(row) for row in book[title].iter_rows(values_only=True, max_col=WIDTH)]
    finally:
        book.close()


def by_fast_reader(content: bytes, title: str) -> list[list]:
    book = XlsxBook(content)
    try:
        sheet = next(s for s in book.sheets if s.title == title)
        return list(book.rows(sheet, WIDTH))
    finally:
        book.close()


def same_shape(rows: list[list]) -> list[list]:
    padded = [(list(row) + [None] * WIDTH)[:WIDTH] for row in rows]
    while padded and all(v is None for v in padded[-1]):
        padded.pop()
    return padded


def saved(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_workbook_with_every_kind_of_cell_reads_as_openpyxl_reads_it():
    book = Workbook()
    sheet = book.active
    sheet.title = "Partnerships"
    sheet.append(["Reference", "Name", None, "Start"])
    sheet["A3"], sheet["B3"], sheet["C3"], sheet["D3"] = "CSP-1", 3, 2.5, date(2020, 2, 29)
    sheet["E3"], sheet["F3"], sheet["G3"] = True, "=1+1", datetime(2021, 1, 1, 12, 30)
    sheet["H3"], sheet["I3"], sheet["J3"] = time(10, 5), timedelta(hours=30), 1e20
    sheet["K3"], sheet["L3"], sheet["DZ3"] = "  spaced  ", -7, "beyond the columns read"
    sheet["A7"] = "after a gap"
    sheet["B8"] = CellRichText("plain ", TextBlock(InlineFont(b=True), "bold"), " tail")
    book.create_sheet("Members").append(["Partnership reference", "Organisation"])
    content = saved(book)
    for title in ("Partnerships", "Members"):
        assert same_shape(by_fast_reader(content, title)) == same_shape(by_openpyxl(content, title))
    rows = same_shape(by_fast_reader(content, "Partnerships"))
    assert rows[2][:5] == ["CSP-1", 3, 2.5, datetime(2020, 2, 29), True]
    assert rows[6][0] == "after a gap"
    assert rows[7][1] == "plain bold tail"


def test_a_workbook_in_the_1904_date_system_gives_the_same_dates():
    book = Workbook()
    book.epoch = datetime(1904, 1, 1)
    book.active.append([date(2010, 5, 6), 40000])
    content = saved(book)
    rows = by_fast_reader(content, "Sheet")
    assert same_shape(rows) == same_shape(by_openpyxl(content, "Sheet"))
    assert rows[0][0] == datetime(2010, 5, 6)


cell = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40),
    st.text(alphabet=st.sampled_from(" \t\n&<>\"'£€—é"), max_size=10),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.lists(cell, max_size=8), max_size=12),
    write_only=st.booleans(),
)
def test_any_sheet_reads_as_openpyxl_reads_it(rows, write_only):
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("Partnerships") if write_only else book.active
    if not write_only:
        sheet.title = "Partnerships"
    for row in rows:
        sheet.append(row)
    content = saved(book)
    assert same_shape(by_fast_reader(content, "Partnerships")) == same_shape(
        by_openpyxl(content, "Partnerships")
    )


@pytest.mark.django_db
def test_snapshots_and_changes_match_the_audit_service():
    partnership = f.PartnershipFactory(start_date=date(2024, 4, 1), is_key_partnership=True)
    membership = f.MembershipFactory(partnership=partnership)
    fast = Snapshots(Partnership)
    assert fast(partnership) == snapshot(partnership)
    assert Snapshots(Membership, ("partnership",))(membership) == snapshot(membership, ["partnership"])
    assert created_changes(snapshot(partnership)) == diff({}, snapshot(partnership))
    partnership.status = "not-a-status"
    assert fast(partnership) == snapshot(partnership)


@pytest.mark.django_db
def test_inserted_records_get_their_ids_and_are_stored_as_bulk_create_stores_them():
    first, second = f.PartnershipFactory(), f.PartnershipFactory()
    council = f.council()
    fast = [Membership(partnership=p, organisation=council, role="member") for p in (first, second)]
    insert_returning(Membership, fast, batch=1)
    assert all(m.pk and not m._state.adding for m in fast)
    stored = Membership.objects.filter(pk__in=[m.pk for m in fast]).order_by("pk")
    assert [(m.partnership_id, m.organisation_id, m.role) for m in stored] == [
        (first.pk, council.pk, "member"),
        (second.pk, council.pk, "member"),
    ]
    other = f.OrganisationFactory()
    orm = [Membership(partnership=first, organisation=other, role="member")]
    Membership.objects.bulk_create(orm)
    by_orm = Membership.objects.values().get(pk=orm[0].pk)
    by_fast = Membership.objects.values().get(pk=fast[0].pk)
    for name in ("id", "organisation_id", "created_at", "updated_at"):
        by_orm.pop(name, None)
        by_fast.pop(name, None)
    assert by_fast == by_orm
