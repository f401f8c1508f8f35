"""The CSV download is written straight from database rows: it must say exactly what the public
records (the JSON) say, in the cells `opendata.csv_cells` defines, quoted as the csv module quotes."""

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from accord.kernel.ui.spreadsheet import neutralise
from accord.outputs.public import queries
from accord.outputs.public.csvfile import line
from accord.outputs.public.fields import COLUMN_NAMES
from accord.outputs.public.opendata import csv_cells
from tests import factories as f
from tests.monitoring.factories import ProgressReportFactory

cell_values = st.one_of(
    st.none(),
    st.text(),
    st.sampled_from(["", ",", '"', "\r\n", 'a "b", c\nd', " x ", "=1+1", "-2", " @A1", "\t=1", "'=1", "＝1"]),
)


@given(cells=st.lists(cell_values, min_size=2, max_size=8))
def test_any_row_is_written_as_the_csv_module_writes_its_neutralised_cells(cells):
    buffer = io.StringIO()
    csv.writer(buffer).writerow([neutralise(cell) for cell in cells])
    assert line(cells) == buffer.getvalue()


def streamed(client, name: str) -> str:
    response = client.get(reverse(name))
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def varied_register(council):
    """Published partnerships with every kind of list and awkward text, across several chunks."""
    awkward = f.PartnershipFactory(
        reference="V-1",
        name='The "Hub", Chorley',
        description="Line one\nline two, with a comma",
        is_published=True,
        start_date=date(2025, 4, 1),
        proposed_end_date=date(2028, 3, 31),
        themes="",
        complaints_url="https://example.org/complaints",
    )
    f.MembershipFactory(
        partnership=awkward, organisation=f.OrganisationFactory(name="Zeta, Ltd", org_id="GB-COH-1")
    )
    f.MembershipFactory(partnership=awkward, organisation=f.OrganisationFactory(name="Alpha Trust"))
    f.MembershipFactory(
        partnership=awkward, organisation=f.OrganisationFactory(name="Gone"), end_date=date(2020, 1, 1)
    )
    for role in ("lead_officer", "substitute", "council_representative"):
        f.RoleFactory(partnership=awkward, role=role)
    f.RoleFactory(partnership=awkward, role="sponsoring_officer")
    for year, amount in ((2024, Decimal("100.50")), (2025, Decimal("12000")), (2025, Decimal("0.25"))):
        f.ContributionFactory(partnership=awkward, year=year, amount=amount)
    f.ContributionFactory(partnership=awkward, year=2023, amount=None)
    ProgressReportFactory(
        partnership=awkward,
        status="submitted",
        is_published=True,
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        submitted_on=date(2026, 4, 20),
    )
    f.PartnershipFactory(reference="V-HIDDEN", is_published=False)
    for n in range(2, 6):
        plain = f.PartnershipFactory(reference=f"V-{n}", is_published=True)
        f.MembershipFactory(partnership=plain)
    return awkward


@pytest.mark.django_db
def test_the_csv_says_what_the_json_says_cell_for_cell(client, varied_register, monkeypatch):
    monkeypatch.setattr(queries.row_chunks, "__defaults__", (None, 2))
    records = json.loads(streamed(client, "public-data-json"))["partnerships"]
    text = streamed(client, "public-data-csv")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[0] == list(COLUMN_NAMES)
    expected = [["" if cell is None else cell for cell in csv_cells(record)] for record in records]
    assert rows[1:] == expected
    (awkward,) = [r for r in rows[1:] if r[0] == "V-1"]
    cell = dict(zip(COLUMN_NAMES, awkward, strict=True))
    assert cell["partners"] == "Alpha Trust; Zeta, Ltd (GB-COH-1)"
    assert cell["council_contribution"] == "2025/26: 12000.25; 2024/25: 100.50"
    assert cell["latest_report"] == "2025-04-01/2026-03-31"
    assert re.fullmatch(
        r"Officer \d+ \(Council representative\); Officer \d+ \(Substitute\); Officer \d+ \(Lead officer\)",
        cell["council_representatives"],
    )
    assert (cell["start_date"], cell["proposed_end_date"]) == ("2025-04-01", "2028-03-31")
    assert "V-HIDDEN" not in text
