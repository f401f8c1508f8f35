"""Every committee report a bundled framework declares renders in all four formats (issue 17, "each
renders as page, Word, Excel and PDF"): under its framework, for an administrator, on the known
register with its performance data, the page shows every section heading of the declaration; the
Word download holds them and a table for each table with rows; the Excel download has a summary
sheet and then one sheet per table; the PDF is tagged and passes the PDF/UA checks of test_pdf.
Issued, the report keeps its sections and tables and downloads in each format. The reports are
read from the framework files, so a report a framework adds is tested too."""

import html
import re
from io import BytesIO
from typing import get_args

import pikepdf
import pytest
import time_machine
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from accord.frameworks import loader
from accord.frameworks.schema_reports import ReportSpec
from accord.outputs.reports import excel, periods, services
from accord.outputs.reports.builders import build, kinds_for
from accord.outputs.reports.models import ReportSnapshot

from .conftest import NOW
from .test_pdf import assert_accessible

BUNDLED = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch", "model"]
# One period each, inside the known register's year 2025/26
PERIOD = {periods.YEAR: "2025-26", periods.HALF_YEAR: "2025-26-h2", "twelve_months": periods.TWELVE_MONTHS}
DECLARED = [(framework_id, spec.id) for framework_id in BUNDLED for spec in loader.get(framework_id).reports]


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def declared(request, settings, client, users, context, performance):
    """The framework in force, the administrator signed in, and the report built as the views build it."""
    framework_id, report_id = request.param
    settings.ACCORD_FRAMEWORK = framework_id
    spec = next(s for s in loader.get(framework_id).reports if s.id == report_id)
    period = periods.parse(PERIOD[spec.cadence], NOW.date())
    assert period is not None
    client.force_login(users["administrator"])
    with time_machine.travel(NOW, tick=False):
        report = build(kinds_for(framework_id)[report_id], context(period, framework=framework_id))
        services.with_changes_since(report, services.previous(report_id))  # as the views do
        yield spec, period, report


def get(client, name: str, spec, period, *fmt: str):
    response = client.get(reverse(name, args=[spec.id, *fmt]), {"period": period.id})
    assert response.status_code == 200, (spec.id, fmt, response.status_code)
    return response


def test_every_bundled_framework_is_looked_at_and_some_declare_reports():
    assert {framework_id for framework_id, _ in DECLARED} >= {"chorley", "central_bedfordshire"}
    assert set(PERIOD) == set(get_args(ReportSpec.model_fields["cadence"].annotation))  # every cadence


@pytest.mark.parametrize("declared", DECLARED, indirect=True, ids=["/".join(d) for d in DECLARED])
def test_the_page_shows_every_section_heading(declared, client):
    spec, period, _ = declared
    page = html.unescape(get(client, "report", spec, period).content.decode())
    assert spec.title in page
    for section in spec.sections:
        assert f">{section.heading}<" in page, section.heading


@pytest.mark.parametrize("declared", DECLARED, indirect=True, ids=["/".join(d) for d in DECLARED])
def test_the_word_download_holds_every_section_heading(declared, client):
    spec, period, report = declared
    document = Document(BytesIO(get(client, "report-download", spec, period, "docx").content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for section in spec.sections:
        assert section.heading in headings, (section.heading, headings)
    # a Word table for each table with rows, its first row the columns
    filled = [table for section in report.sections for table in section.tables if table.rows]
    assert filled, "the known register (with performance) fills a table of every declared report"
    assert [[cell.text for cell in table.rows[0].cells] for table in document.tables] == [
        table.columns for table in filled
    ]


@pytest.mark.parametrize("declared", DECLARED, indirect=True, ids=["/".join(d) for d in DECLARED])
def test_the_excel_download_has_a_sheet_per_table(declared, client):
    spec, period, report = declared
    workbook = load_workbook(BytesIO(get(client, "report-download", spec, period, "xlsx").content))
    tables = [table for section in report.sections for table in section.tables]
    assert len(tables) >= sum(len(section.blocks) for section in spec.sections) > 0
    names = excel.sheet_names(report)
    assert workbook.sheetnames == ["Summary", *(names[table.id] for table in tables)]
    for table in tables:
        header = [
            cell.value
            for cell in next(
                row
                for row in workbook[names[table.id]].iter_rows()
                if any(cell.value == table.columns[0] for cell in row)
            )
        ]
        assert header[: len(table.columns)] == table.columns, table.id


@pytest.mark.parametrize("declared", DECLARED, indirect=True, ids=["/".join(d) for d in DECLARED])
def test_the_pdf_download_is_tagged_and_titled(declared, client):
    spec, period, report = declared
    response = get(client, "report-download", spec, period, "pdf")
    assert response["Content-Type"] == "application/pdf"
    with pikepdf.open(BytesIO(response.content)) as document:
        assert bool(document.Root.MarkInfo.Marked)
        assert "/StructTreeRoot" in document.Root
    # PDF/UA essentials: language, title, H1 then an H2 per section, tables with header cells
    assert_accessible(response.content, report)
    text = words(" ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages))
    assert words(report.title) in text
    assert spec.title in report.title


@pytest.mark.parametrize("declared", DECLARED, indirect=True, ids=["/".join(d) for d in DECLARED])
def test_the_issued_report_keeps_every_section_and_table_and_downloads_in_each_format(declared, client):
    spec, period, report = declared
    response = client.post(
        reverse("report-issue", args=[spec.id]),
        {"period": period.id, "recommendations": "That the committee notes the report."},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    snapshot = ReportSnapshot.objects.get()
    issued = services.frozen(snapshot)
    declared_headings = [section.heading for section in spec.sections]
    kept = [section.heading for section in issued.sections if section.heading in declared_headings]
    assert kept == declared_headings  # in the declared order (the summary and recommendations around them)
    assert tables_of(issued) == tables_of(report)
    page = html.unescape(client.get(reverse("report-snapshot", args=[snapshot.pk])).content.decode())
    for section in spec.sections:
        assert f">{section.heading}<" in page, section.heading
    assert ("That the committee notes the report." in page) == spec.recommendations
    for fmt in ("docx", "xlsx", "pdf"):
        download = client.get(reverse("report-snapshot-download", args=[snapshot.pk, fmt]))
        assert download.status_code == 200, fmt
    assert_accessible(download.content, issued)


def tables_of(report) -> dict[str, tuple]:
    return {
        table.id: (table.caption, table.columns, [[str(cell) for cell in row] for row in table.rows])
        for section in report.sections
        for table in section.tables
    }
