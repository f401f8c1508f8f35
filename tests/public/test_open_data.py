"""The open data: CSV and JSON that parse, follow the documented columns in their stable order,
identify organisations by org-id, say when they were last updated and stream in chunks."""

import csv
import io
import json
import re
from datetime import UTC, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from accord.kernel.ui.spreadsheet import strip_guard
from accord.outputs.public import queries
from accord.outputs.public.fields import COLUMN_NAMES, COLUMNS, PARTNERSHIP_VALUES
from accord.outputs.public.opendata import LICENCE, csv_cells
from accord.register import services
from accord.register.models import Partnership
from tests import factories as f

DOCS = Path(__file__).resolve().parents[2] / "docs" / "open-data.md"


def body(response) -> str:
    assert response.status_code == 200
    return (
        b"".join(response.streaming_content).decode("utf-8")
        if response.streaming
        else response.content.decode()
    )


def read_csv(client) -> list[dict]:
    text = body(client.get(reverse("public-data-csv")))
    assert text.startswith("\ufeff")  # so spreadsheet programs read it as UTF-8
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def read_json(client) -> dict:
    return json.loads(body(client.get(reverse("public-data-json"))))


def documented_columns() -> list[str]:
    """The column names in the order docs/open-data.md's column table lists them."""
    section = DOCS.read_text().split("## Columns", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)


@pytest.fixture
def two_partnerships(council):
    charity = f.OrganisationFactory(name="Chorley Citizens Advice, Ltd", org_id="GB-CHC-1123456")
    nameless = f.OrganisationFactory(name="Friends of Astley Park")
    first = f.PartnershipFactory(
        reference="ADV-01",
        name="Advice Partnership",
        description='Line one\nline two, with a comma and "quotes"',
        is_published=True,
        complaints_procedure="Write to us",
    )
    f.MembershipFactory(partnership=first, organisation=charity)
    f.MembershipFactory(partnership=first, organisation=nameless)
    f.RoleFactory(
        partnership=first, person=f.PersonFactory(name="Cllr Jane Doe"), role="council_representative"
    )
    f.ContributionFactory(partnership=first, year=2025, amount=1500)
    second = f.PartnershipFactory(reference="ZED-01", name="Zed Forum", is_published=True)
    return first, second


@pytest.mark.django_db
def test_the_csv_parses_with_the_documented_columns_in_order(client, two_partnerships):
    rows = read_csv(client)
    assert [r["reference"] for r in rows] == ["ADV-01", "ZED-01"]
    assert list(rows[0]) == list(COLUMN_NAMES) == documented_columns()
    first = rows[0]
    assert first["description"] == 'Line one\nline two, with a comma and "quotes"'
    assert first["partners"] == "Chorley Citizens Advice, Ltd (GB-CHC-1123456); Friends of Astley Park"
    assert first["council_representatives"] == "Cllr Jane Doe (Council representative)"
    assert first["council_contribution"] == "2025/26: 1500.00"
    assert first["lead_organisation_org_id"] == "GB-LAE-CHO"
    assert first["page_url"] == "http://testserver" + reverse("public-partnership", args=["ADV-01"])
    assert rows[1]["complaints_procedure"] == ""  # blank: the council's own procedure applies


@pytest.mark.django_db
def test_the_json_holds_the_same_records_with_organisations_as_objects(client, two_partnerships):
    data = read_json(client)
    assert data["licence"] == LICENCE and data["columns"] == list(COLUMN_NAMES)
    first = data["partnerships"][0]
    assert list(first) == list(COLUMN_NAMES)
    assert first["partners"] == [
        {"name": "Chorley Citizens Advice, Ltd", "org_id": "GB-CHC-1123456", "role": "member"},
        {"name": "Friends of Astley Park", "org_id": None, "role": "member"},
    ]
    assert first["council_contribution"] == [{"financial_year": "2025/26", "amount": "1500.00"}]
    assert data["partnerships"][1]["complaints_procedure"] is None


@pytest.mark.django_db
def test_an_empty_register_still_gives_valid_files(client, council):
    assert read_csv(client) == []
    assert read_json(client)["partnerships"] == []


@pytest.mark.django_db
def test_downloads_stream_a_chunk_at_a_time_and_lose_no_row_at_the_boundaries(client, council, monkeypatch):
    for n in range(7):
        f.PartnershipFactory(reference=f"R-{n}", is_published=True)
    f.PartnershipFactory(reference="R-HIDDEN", is_published=False)
    monkeypatch.setattr(queries, "CHUNK", 3)
    monkeypatch.setattr(queries.row_chunks, "__defaults__", (None, 3))
    response = client.get(reverse("public-data-csv"))
    assert response.streaming
    parts = list(response.streaming_content)
    assert len(parts) == 1 + 3  # the header, then chunks of 3, 3 and 1
    rows = list(csv.DictReader(io.StringIO(b"".join(parts).decode("utf-8-sig"), newline="")))
    assert sorted(r["reference"] for r in rows) == [f"R-{n}" for n in range(7)]
    assert [p["reference"] for p in read_json(client)["partnerships"]] == [r["reference"] for r in rows]


@pytest.mark.django_db
def test_a_download_makes_a_fixed_number_of_queries_whatever_the_number_of_partnerships(
    client, council, django_assert_max_num_queries
):
    for _n in range(30):
        p = f.PartnershipFactory(is_published=True)
        f.MembershipFactory(partnership=p)
        f.RoleFactory(partnership=p, role="council_representative")
    with django_assert_max_num_queries(12):
        body(client.get(reverse("public-data-csv")))


@pytest.mark.django_db
def test_last_modified_is_sent_and_a_client_with_the_latest_copy_gets_not_modified(client, two_partnerships):
    response = client.get(reverse("public-data-csv"))
    stamp = parsedate_to_datetime(response["Last-Modified"])
    assert abs(stamp - timezone.now()) < timedelta(minutes=5)
    for name in ("public-data-json", "public-data-metadata"):
        assert client.get(reverse(name))["Last-Modified"] == response["Last-Modified"]
    again = client.get(reverse("public-data-csv"), headers={"If-Modified-Since": response["Last-Modified"]})
    assert again.status_code == 304


@pytest.mark.django_db
def test_a_change_to_the_register_moves_last_updated_on(client, two_partnerships, users):
    first, _ = two_partnerships
    before = queries.last_updated()
    Partnership.objects.filter(pk=first.pk).update(updated_at=before - timedelta(days=3))
    services.update(
        users["administrator"], Partnership, first.pk, {"accountable_to": "Cabinet"}, first.version
    )
    after = queries.last_updated()
    assert after > before - timedelta(seconds=1)
    data = read_json(client)
    assert data["last_updated"] == after.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    old = format_datetime(after - timedelta(hours=1), usegmt=True)
    assert client.get(reverse("public-data-csv"), headers={"If-Modified-Since": old}).status_code == 200


@pytest.mark.django_db
def test_metadata_describes_the_datasets_licence_and_last_update(client, two_partnerships):
    meta = json.loads(body(client.get(reverse("public-data-metadata"))))
    assert meta["licence"]["name"] == "Open Government Licence v3.0"
    dataset = meta["datasets"][0]
    assert dataset["records"] == 2
    assert dataset["last_updated"] == meta["last_updated"] == read_json(client)["last_updated"]
    assert [d["url"] for d in dataset["distributions"]] == [
        "http://testserver" + reverse("public-data-csv"),
        "http://testserver" + reverse("public-data-json"),
    ]
    assert [c["name"] for c in dataset["columns"]] == list(COLUMN_NAMES)


@pytest.mark.django_db
def test_the_open_data_page_explains_the_licence_and_lists_every_column(client, council):
    text = body(client.get(reverse("public-data")))
    assert "Open Government Licence v3.0" in text
    for column in COLUMNS:
        assert f"<code>{column.name}</code>" in text


def test_every_documented_column_has_a_type_and_meaning_matching_the_code():
    text = DOCS.read_text()
    for column in COLUMNS:
        row = re.search(rf"^\| `{column.name}` \| ([^|]+) \|", text, flags=re.MULTILINE)
        assert row, column.name
        assert row.group(1).strip() == column.type, column.name
    assert "Open Government Licence v3.0" in text and "update" in text.lower()


def test_the_allow_list_never_names_a_private_field():
    private = {
        "vision",
        "aims_objectives",
        "funding_sources",
        "monitoring_arrangements",
        "insurance_arrangements",
        "exit_strategy",
        "directorate",
        "directorate__name",
        "covers_members_expenses",
        "is_key_partnership",
        "external_funding_end_date",
        "additional_monitoring_required",
    }
    assert not private & set(PARTNERSHIP_VALUES)
    assert not any("email" in v or "phone" in v or "notes" in v for v in PARTNERSHIP_VALUES)


reference_text = st.text(
    alphabet=st.characters(categories=["Lu", "Nd"], include_characters="-_"), min_size=1, max_size=30
)


@given(reference=reference_text)
def test_page_addresses_in_the_downloads_agree_with_the_sites_own_urls(reference):
    from django.test import RequestFactory

    from accord.outputs.public.views.pages import page_url

    request = RequestFactory().get("/public/data/partnerships.csv")
    assert page_url(request)(reference) == request.build_absolute_uri(
        reverse("public-partnership", args=[reference])
    )


@given(
    name=st.text(min_size=1, max_size=40),
    description=st.text(max_size=200),
)
def test_any_text_survives_a_csv_round_trip_behind_the_formula_guard(name, description):
    record = {column: None for column in COLUMN_NAMES} | {
        "name": name,
        "description": description,
        "partners": [{"name": name, "org_id": "GB-CHC-1", "role": "member"}],
        "council_representatives": [],
        "council_contribution": [],
    }
    buffer = io.StringIO()
    csv.writer(buffer).writerow(csv_cells(record))
    (row,) = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert strip_guard(row[COLUMN_NAMES.index("name")]) == name
    assert strip_guard(row[COLUMN_NAMES.index("description")]) == description


@pytest.mark.django_db
def test_dates_and_times_are_iso_8601(client, council):
    from datetime import date

    f.PartnershipFactory(
        reference="D-01", is_published=True, start_date=date(2025, 4, 1), proposed_end_date=date(2028, 3, 31)
    )
    (record,) = read_json(client)["partnerships"]
    assert (record["start_date"], record["proposed_end_date"]) == ("2025-04-01", "2028-03-31")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", record["last_updated"])
    saved = Partnership.objects.get(reference="D-01").updated_at.astimezone(UTC)
    assert record["last_updated"] == saved.strftime("%Y-%m-%dT%H:%M:%SZ")
