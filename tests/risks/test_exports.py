"""The register as a spreadsheet in the council's own layout (here Bury's App 10): Excel with a Scoring
sheet, and CSV that Excel opens as UTF-8 and that cannot smuggle in a formula. Under a framework with
no risk register template, Accord's plain layout: never another council's columns."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accord.domain.risks import exports
from accord.domain.risks.models import Control, Review
from accord.frameworks import loader
from tests import factories as f
from tests.risks.test_heatmap import make_risk

APP_10 = [
    "Partnership objective",
    "Reference",
    "How does the objective fit with ‘Team Bury’s’ ambitions?",
    "Risk event, consequence, impact",
    "Date identified",
    "Lead Officer/s",
    "Date of Review",
    "Control measures in place",
    "Partners involved (control measures in place)",
    "Control measures planned",
    "Partners involved (control measures planned)",
    "Impact Score",
    "Likelihood Score",
    "Residual Score",
    "Target Score",
    "High Medium Low",
    "Strategy",
]


@pytest.fixture(autouse=True)
def bury(settings):
    settings.ACCORD_FRAMEWORK = "bury"


@pytest.fixture
def register(own_partnership, other_partnership, users):
    flood = make_risk(
        own_partnership,
        "R-01",
        title="Flooding of the depot",
        objective="Keep the depot open",
        event="The river floods",
        consequence="Collections stop",
        lead_officers="Olive Officer",
        strategy_id="reduce",
        inherent=(4, 4),
        current=(3, 2),
        target=(1, 2),
    )
    police = users["partner"].organisation
    in_place = Control.objects.create(risk=flood, description="Flood barriers", status="in_place")
    in_place.partners.add(police)
    Control.objects.create(risk=flood, description="Move the depot", status="planned")
    Review.objects.create(
        risk=flood, reviewed_on=date(2026, 3, 1), notes="Checked", next_review_on=date(2026, 4, 1)
    )
    make_risk(own_partnership, "R-02", title="=cmd|' /C calc'!A0", owner="+44 1234", current=(1, 1))
    make_risk(other_partnership, "R-01", title="Waste contract fails", current=(4, 4))
    return own_partnership


def download(client, name, *args, **params):
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def csv_rows(body: bytes) -> list[list[str]]:
    assert body.startswith("\ufeff".encode())  # a byte-order mark, so Excel reads UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_excel_has_the_app_10_columns_and_a_row_per_risk(client, users, register):
    client.force_login(users["partner"])
    response, body = download(client, "risk-export", register.pk, "xlsx")
    assert response["Content-Type"] == exports.XLSX
    assert response["Content-Disposition"] == 'attachment; filename="CSP-01-risk-register.xlsx"'
    book = load_workbook(io.BytesIO(body))
    assert book.sheetnames == ["Risk register", "Scoring"]
    sheet = book["Risk register"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == APP_10
    assert len(rows) == 3  # the header and the partnership's two open risks
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["D"].width == 45
    flood = dict(zip(APP_10, rows[1], strict=True))
    assert flood["Partnership objective"] == "Keep the depot open"
    assert flood["Risk event, consequence, impact"] == (
        "Flooding of the depot\nEvent: The river floods\nConsequence: Collections stop"
    )
    assert flood["Date identified"].date() == date(2026, 1, 5)
    assert flood["Date of Review"].date() == date(2026, 3, 1)
    assert flood["Control measures in place"] == "Flood barriers"
    assert flood["Partners involved (control measures in place)"] == "Lancashire Constabulary"
    assert flood["Control measures planned"] == "Move the depot"
    assert (flood["Impact Score"], flood["Likelihood Score"]) == (4, 4)  # inherent
    assert (flood["Residual Score"], flood["Target Score"]) == (6, 2)  # current, target
    assert flood["High Medium Low"] == "Medium Risk"  # Bury's band name
    assert flood["Strategy"] == "reduce"  # not one of Bury's strategies: shown as recorded
    assert flood["How does the objective fit with ‘Team Bury’s’ ambitions?"] is None
    # A title that looks like a formula stays text in Excel, behind the same guard as in the CSV.
    assert rows[2][3] == "'=cmd|' /C calc'!A0" and sheet["D3"].data_type == "s"


@pytest.mark.django_db
def test_excel_explains_the_scoring(client, users, register, settings):
    settings.ACCORD_FRAMEWORK = "chorley"  # Chorley's scales, in Accord's plain layout
    client.force_login(users["officer"])
    _, body = download(client, "risk-export", register.pk, "xlsx")
    scoring = [row for row in load_workbook(io.BytesIO(body))["Scoring"].iter_rows(values_only=True)]
    text = [" ".join(str(v) for v in row if v is not None) for row in scoring]
    assert text[0].startswith("How risks are scored: Key Partnerships Framework")
    assert "4 Very likely" in text
    assert not any("seed" in line or "Default scale" in line for line in text)
    assert "Very likely (4) 4 Medium 8 High 12 High 16 High" in text
    high = "High 8 to 16 Act now and bring to members' attention in the performance report. Every month"
    assert high in text
    assert "Current score The current score: with the controls in place." in text
    assert not any("Bury" in line for line in text)


@pytest.mark.django_db
def test_csv_has_the_same_columns_and_escapes_formulas(client, users, register):
    client.force_login(users["officer"])
    response, body = download(client, "risk-export", register.pk, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="CSP-01-risk-register.csv"'
    rows = csv_rows(body)
    assert rows[0] == APP_10
    assert len(rows) == 3
    assert rows[1][4] == "2026-01-05"
    assert rows[2][3] == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    "value, shown",
    [("=cmd", "'=cmd"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("a=b", "a=b"), (3, 3)],
)
def test_csv_cells_that_would_be_formulas_are_prefixed(value, shown):
    assert exports.csv_cell(value) == shown


@pytest.mark.django_db
def test_the_export_follows_the_registers_filters(client, users, register):
    client.force_login(users["officer"])
    _, body = download(client, "risk-export", register.pk, "csv", band="medium")
    assert [row[1] for row in csv_rows(body)[1:]] == ["R-01"]


@pytest.mark.django_db
def test_council_export_adds_the_partnership_and_applies_the_lists_filters(client, users, register):
    client.force_login(users["auditor"])
    response, body = download(client, "council-risks-export", "csv")
    assert response["Content-Disposition"].startswith('attachment; filename="council-')
    rows = csv_rows(body)
    assert rows[0] == ["Partnership", *APP_10]
    assert sorted((row[0], row[2]) for row in rows[1:]) == [
        ("Chorley Community Safety Partnership", "R-01"),
        ("Chorley Community Safety Partnership", "R-02"),
        ("Lancashire Waste Partnership", "R-01"),
    ]
    _, body = download(client, "council-risks-export", "xlsx", band="high")
    rows = list(load_workbook(io.BytesIO(body))["Risk register"].iter_rows(values_only=True))
    assert [(row[0], row[4]) for row in rows[1:]] == [
        ("Lancashire Waste Partnership", "Waste contract fails")
    ]


@pytest.mark.django_db
def test_other_formats_are_not_found(client, users, register):
    client.force_login(users["administrator"])
    assert client.get(reverse("risk-export", args=[register.pk, "pdf"])).status_code == 404
    assert client.get(reverse("council-risks-export", args=["docx"])).status_code == 404


@pytest.mark.django_db
def test_partners_export_only_their_own_partnerships_register(client, users, register, other_partnership):
    client.force_login(users["partner"])
    assert client.get(reverse("risk-export", args=[other_partnership.pk, "csv"])).status_code == 404
    assert client.get(reverse("council-risks-export", args=["csv"])).status_code == 403


@pytest.mark.django_db
def test_an_empty_register_exports_its_headings(client, users):
    client.force_login(users["officer"])
    partnership = f.PartnershipFactory(name="New", reference="NEW 01/2026")
    response, body = download(client, "risk-export", partnership.pk, "csv")
    assert csv_rows(body) == [APP_10]
    assert response["Content-Disposition"] == 'attachment; filename="NEW-01-2026-risk-register.csv"'


OTHER_COUNCILS = ("Bury", "Redditch", "Northampton", "Chorley", "Bedfordshire")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "framework_id, layout",
    [
        ("bury", APP_10),
        (
            "northampton",
            [
                "Cause, event and impact",
                "Risk Owner",
                "Inherent, actual and residual risk scores",
                "Mitigating actions and controls",
                "Action owners and estimated completion dates",
            ],
        ),
        ("redditch", [text for _, text in exports.plain(loader.get("redditch").risk_model)]),
        ("chorley", [text for _, text in exports.plain(loader.get("chorley").risk_model)]),
        (
            "central_bedfordshire",
            [text for _, text in exports.plain(loader.get("central_bedfordshire").risk_model)],
        ),
    ],
)
def test_each_framework_exports_its_own_columns_only(client, users, settings, framework_id, layout):
    settings.ACCORD_FRAMEWORK = framework_id
    client.force_login(users["officer"])
    partnership = f.PartnershipFactory(name="New", reference="NEW 01/2026")
    response, body = download(client, "risk-export", partnership.pk, "csv")
    header = csv_rows(body)[0]
    assert header == layout
    council = loader.get(framework_id).council
    others = [name for name in OTHER_COUNCILS if name not in council]
    assert not [h for h in header if any(name in h for name in others)]
