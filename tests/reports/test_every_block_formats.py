"""A council's own report may use every block Accord implements (issue 17, ADR 0032): a copy of
Chorley's framework in the council's own folder, under its own id, declares one more report, over
the last 12 months and every partnership, whose sections show every block, one of them twice under
its own table id. Under that framework the report is offered and renders as a page, Word, Excel
(one sheet per table, every name unique) and an accessible PDF, on the known register."""

import html
import re
from datetime import date
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from accord.frameworks import loader
from accord.frameworks.schema import REPORT_BLOCKS
from accord.outputs.reports import excel, periods
from accord.outputs.reports.builders import build, kinds_for

from .conftest import NOW
from .test_declared_reports import submitted
from .test_pdf import assert_accessible

EVERYTHING = "everything"
CITE = "003_6cf6fd1a73ee76f7.txt Monitoring and review arrangements for key partnerships"


def every_block_report() -> str:
    """The report as YAML lines, to go first in the file's reports list: a section per block."""
    lines = [
        f"  - id: {EVERYTHING}",
        "    title: Every block report",
        "    audience: Governance Committee",
        "    cadence: twelve_months",
        "    description: Every block Accord implements, for a test.",
        f'    cite: "{CITE}"',
        "    covers: all",
        "    sections:",
    ]
    for block_id in REPORT_BLOCKS:
        lines += [
            f"      - id: {block_id}_section",
            f"        heading: The {block_id.replace('_', ' ')} block",
        ]
        lines += ["        blocks:", f"          - block: {block_id}"]
    lines += [
        "      - id: again",
        "        heading: Indicators again",
        "        blocks:",
        "          - block: indicators",
        "            table: indicators_again",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def own_framework(tmp_path, settings):
    text = (loader.FILES_DIR / "chorley.yaml").read_text(encoding="utf-8")
    assert text.count("\nid: chorley\n") == 1 and text.count("\nreports:  #") == 1
    text = text.replace("\nid: chorley\n", "\nid: chorley_own\n", 1)
    head, found, tail = text.partition("\nreports:  #")
    line, newline, rest = tail.partition("\n")
    (tmp_path / "chorley-own.yaml").write_text(
        head + found + line + newline + every_block_report() + rest, encoding="utf-8"
    )
    settings.ACCORD_FRAMEWORKS_DIR = str(tmp_path)
    settings.ACCORD_FRAMEWORK = "chorley_own"
    framework = loader.current()
    assert framework.id == "chorley_own" and framework.reports[0].id == EVERYTHING
    return framework


@pytest.fixture
def everything(own_framework, context, performance, client, users):
    period = periods.parse(periods.TWELVE_MONTHS, NOW.date())
    submitted(  # a service's own report for the period, so that every table has rows
        performance["safety"], date(2025, 10, 1), date(2026, 3, 31), date(2026, 4, 10),
        performance_against_targets="Most targets met", emerging_issues="None",
    )  # fmt: skip
    client.force_login(users["administrator"])
    with time_machine.travel(NOW, tick=False):
        report = build(kinds_for(own_framework)[EVERYTHING], context(period, framework="chorley_own"))
        yield own_framework.reports[0], report


def download(client, fmt: str):
    response = client.get(
        reverse("report-download", args=[EVERYTHING, fmt]), {"period": periods.TWELVE_MONTHS}
    )
    assert response.status_code == 200, fmt
    return response.content


def test_the_report_shows_every_block_on_its_page(everything, client):
    spec, report = everything
    tables = [t for s in report.sections for t in s.tables]
    assert {t.id for t in tables} >= set(REPORT_BLOCKS) | {"indicators_again"}
    assert len({t.id for t in tables}) == len(tables), "table ids are unique in the report"
    assert [t.id for t in tables if not t.rows] == [], "the known register fills every block"
    page = html.unescape(
        client.get(reverse("report", args=[EVERYTHING]), {"period": periods.TWELVE_MONTHS}).content.decode()
    )
    for section in spec.sections:
        assert f">{section.heading}<" in page, section.heading
    regions = re.findall(r'role="region" aria-label="([^"]*)"', page)
    assert len(set(regions)) == len(regions) == len(tables), "each scrolling table has a name of its own"
    assert "Indicators against target – Indicators again" in regions  # a caption used twice: its section
    for table in tables:  # a table with rows under its caption; an empty one's caption a heading
        shown = f">{table.caption}</caption>" if table.rows else f'class="govuk-heading-s">{table.caption}</h'
        assert shown in page, table.caption


def test_the_word_excel_and_pdf_downloads_hold_every_table(everything, client):
    spec, report = everything
    tables = [t for s in report.sections for t in s.tables]
    document = Document(BytesIO(download(client, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert all(section.heading in headings for section in spec.sections)
    assert len(document.tables) == len([t for t in tables if t.rows])

    workbook = load_workbook(BytesIO(download(client, "xlsx")))
    names = excel.sheet_names(report)
    assert workbook.sheetnames == ["Summary", *(names[t.id] for t in tables)]
    assert len({name.lower() for name in workbook.sheetnames}) == len(workbook.sheetnames)

    assert_accessible(download(client, "pdf"), report)
