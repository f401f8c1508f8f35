"""The Word and Excel renderings of a report are real documents: the Word file opens in LibreOffice
(converted to PDF headless, its text read back) with the council, the date stamp, the headings and
the tables; the workbook opens in openpyxl with a sheet per table, a title row, a frozen header and
real numbers, money and dates."""

import os
import shutil
import subprocess
from datetime import datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from accord.frameworks import loader
from accord.outputs.reports import excel, services, word
from accord.outputs.reports.builders import KINDS, build, kinds_for

SOFFICE = os.environ.get("ACCORD_SOFFICE") or shutil.which("soffice") or "/usr/bin/soffice"


def pdf_text(docx: bytes, folder: Path) -> str:
    """The text of the document as LibreOffice lays it out (a separate profile per test run)."""
    if not Path(SOFFICE).exists():
        pytest.fail(f"LibreOffice not found at {SOFFICE}: install libreoffice-writer-nogui (see .ci/run)")
    source = folder / "report.docx"
    source.write_bytes(docx)
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return "\n".join(page.extract_text() for page in PdfReader(folder / "report.pdf").pages)


@pytest.fixture
def annual(context):
    return build(KINDS["annual"], context())


@pytest.mark.libreoffice
def test_the_word_report_opens_in_libreoffice_with_the_council_the_stamp_and_the_tables(annual, tmp_path):
    text = " ".join(pdf_text(word.render(annual), tmp_path).split())
    assert "Annual partnerships report: 2025/26" in text
    assert "Chorley Council" in text
    assert "Generated from the live record on 15 May 2026" in text
    assert "1 April 2025 to 31 March 2026" in text
    assert "Partnerships rated Limited or Weak" in text
    assert "Chorley Community Safety Partnership" in text
    assert "£25,000" in text


@pytest.mark.libreoffice
def test_an_issued_report_in_word_carries_who_issued_it_and_the_recommendations(context, users, tmp_path):
    report = build(KINDS["annual"], context())
    snapshot = services.issue(
        users["administrator"], report, KINDS["annual"], loader.current(), "That CSP-01 improves."
    )
    text = " ".join(pdf_text(word.render(services.frozen(snapshot)), tmp_path).split())
    assert "Issued on" in text and "by administrator" in text
    assert "That CSP-01 improves." in text


def test_the_word_report_uses_real_headings_captions_and_british_english(annual):
    document = Document(BytesIO(word.render(annual)))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Annual partnerships report: 2025/26")
    assert ("Heading 2", "Assurance ratings") in headings
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Ratings that went down" in captions
    assert document.core_properties.language == "en-GB"
    assert "Chorley Council" in document.sections[0].header.paragraphs[0].text
    down = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Reference"
        and len(t.rows) == 2
        and t.rows[1].cells[3].text == "Limited"
    )
    assert [c.text for c in down.rows[1].cells] == [
        "CSP-01",
        "Chorley Community Safety Partnership",
        "Reasonable",
        "Limited",
        "1 October 2025",
    ]


def test_the_workbook_has_a_summary_and_a_sheet_per_table(annual):
    workbook = load_workbook(BytesIO(excel.render(annual)))
    summary = workbook["Summary"]
    assert summary["A1"].value == "Annual partnerships report: 2025/26"
    assert [summary[f"A{n}"].value for n in range(2, 6)] == ["Council", "Report for", "Period", "Date"]
    tables = [t for s in annual.sections for t in s.tables]
    assert len(workbook.sheetnames) == len(tables) + 1
    assert all(len(name) <= 31 for name in workbook.sheetnames)


def test_each_sheet_has_a_title_row_a_frozen_header_and_real_values(annual):
    workbook = load_workbook(BytesIO(excel.render(annual)))
    sheet = workbook["Register at end of period"]
    assert sheet["A1"].value == "Partnerships at the end of the period"
    assert sheet["A2"].value == "Reference" and sheet["A2"].font.bold
    assert sheet.freeze_panes == "A3"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    money = workbook["Resources by partnership"]
    rows = {row[0]: row for row in money.iter_rows(min_row=3, values_only=True)}
    assert rows["CSP-01"][2] == 25000  # a number, not text
    assert money["C3"].number_format == excel.MONEY_FORMAT
    down = workbook["Ratings that went down"]
    assert down["E3"].value == datetime(2025, 10, 1)  # a real date
    assert down["E3"].number_format == excel.DATE_FORMAT


def test_an_empty_table_says_so_in_every_format(context):
    framework = "central_bedfordshire"
    report = build(kinds_for(framework)["private-sector"], context(framework=framework))
    assert report.table("contracts").rows == []
    workbook = load_workbook(BytesIO(excel.render(report)))
    assert workbook["Private sector partnerships"]["A3"].value == "No private sector partnerships."
    document = Document(BytesIO(word.render(report)))
    assert any(p.text == "No private sector partnerships." for p in document.paragraphs)


def test_text_that_looks_like_a_formula_stays_text(annual):
    annual.sections[0].tables[0].rows.append(['=HYPERLINK("http://x")', Decimal(1)])
    workbook = load_workbook(BytesIO(excel.render(annual)))
    cell = next(
        c
        for row in workbook["The year in figures"].iter_rows()
        for c in row
        if c.value and "HYPERLINK" in str(c.value)
    )
    assert (cell.value, cell.data_type) == ('\'=HYPERLINK("http://x")', "s")
