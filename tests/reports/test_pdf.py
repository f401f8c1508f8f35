"""The PDF of a report is accessible for agenda packs (PDF/UA-1 through WeasyPrint; ADR 0033): it
is tagged, in British English, shows its title, has the title as H1 and each section as H2, and
every table is a real table with its caption and a header cell for each column that the data cells
point to; every page names the council and says "Page n of m". Rendering fetches nothing."""

import logging
import socket
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO

import pikepdf
import pytest
from django.urls import reverse
from pypdf import PdfReader

from accord.frameworks import loader
from accord.outputs.reports import checks, pdf, services
from accord.outputs.reports.builders import KINDS, PACK, build
from accord.outputs.reports.structure import Report, Section, Table

from .conftest import YEAR


@pytest.fixture
def annual(context):
    return build(KINDS["annual"], context())


def small_report(*tables: Table, council: str = "Chorley Council") -> Report:
    return Report(
        kind="annual",
        title="A report for the test",
        council=council,
        audience="Executive Cabinet",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        generated_at=datetime(2026, 5, 15, 12, 0, tzinfo=UTC),
        framework="Chorley Council's framework",
        sections=[
            Section(id="only", heading="The only section", paragraphs=["Some words."], tables=list(tables))
        ],
    )


def tag(element: pikepdf.Object) -> str:
    return str(element.get("/S", ""))


def kids(element: pikepdf.Object) -> list[pikepdf.Dictionary]:
    """The structure elements directly under `element` (not its marked content)."""
    found = element.get("/K")
    items = list(found) if isinstance(found, pikepdf.Array) else [found] if found is not None else []
    return [k for k in items if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def walk(element: pikepdf.Object):
    yield element
    for kid in kids(element):
        yield from walk(kid)


def structure(document: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every structure element, in reading order."""
    return [e for root in kids(document.Root.StructTreeRoot) for e in walk(root)]


def pages_text(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(data)).pages]


def opened(data: bytes) -> pikepdf.Pdf:
    assert data.startswith(b"%PDF-1.7")
    return pikepdf.open(BytesIO(data))


def assert_accessible(data: bytes, report: Report) -> list[str]:
    """The PDF/UA essentials of `report`'s PDF; the tags of its structure elements, in order."""
    document = opened(data)
    assert document.Root.MarkInfo.Marked is True
    assert document.Root.Lang == "en-GB"
    assert document.Root.ViewerPreferences.DisplayDocTitle is True
    assert str(document.docinfo.Title) == report.title
    with document.open_metadata() as xmp:
        assert xmp["dc:title"] == report.title
        assert xmp["pdfuaid:part"] == "1"
    elements = structure(document)
    assert tag(elements[0]) == "/Document"
    headings = [tag(e) for e in elements if tag(e) in ("/H1", "/H2")]
    assert headings == ["/H1"] + ["/H2"] * len(report.sections)

    tables = [e for e in elements if tag(e) == "/Table"]
    # A table over several pages is a Table per page; its caption is on the first.
    first_parts = [t for t in tables if any(tag(k) == "/Caption" for k in kids(t))]
    filled = [t for s in report.sections for t in s.tables if t.rows]
    assert len(first_parts) == len(filled)
    for element, table in zip(first_parts, filled, strict=True):
        (head,) = [k for k in kids(element) if tag(k) == "/THead"]
        (header_row,) = kids(head)
        assert [tag(cell) for cell in kids(header_row)] == ["/TH"] * len(table.columns)
    for element in tables:  # every part, the first and the repeated headers
        headers = [e for e in walk(element) if tag(e) == "/TH"]
        assert headers and all(h.A.Scope == "/Column" for h in headers)
        ids = {str(h.ID) for h in headers}
        cells = [e for e in walk(element) if tag(e) == "/TD"]
        assert cells
        for cell in cells:
            assert {str(i) for i in cell.A.Headers} & ids, "a data cell names its column's header"
    return [tag(e) for e in elements]


def test_the_annual_report_is_a_tagged_pdf_with_headings_and_table_headers(annual):
    assert_accessible(pdf.render(annual), annual)


def test_every_page_is_a4_and_names_the_council_the_date_and_its_number(annual):
    data = pdf.render(annual)
    for page in PdfReader(BytesIO(data)).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    pages = pages_text(data)
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Chorley Council — Annual partnerships report: 2025/26" in text
        assert "Generated from the live record on 15 May 2026 at 1:00pm" in text
    first, everything = pages[0], " ".join(pages)
    assert "Annual partnerships report: 2025/26" in first
    assert "Period: 1 April 2025 to 31 March 2026" in first
    assert "Date: Generated from the live record on 15 May 2026" in first
    assert f"Framework applied: {annual.framework}" in first
    for section in annual.sections:
        assert section.heading in everything
        for table in section.tables:
            assert table.caption in everything
    assert "Chorley Community Safety Partnership" in everything
    assert "£25,000" in everything  # money as the page writes it
    assert "1 October 2025" in everything  # and dates


def test_a_long_table_repeats_its_header_row_on_every_page():
    table = Table(
        id="long",
        caption="Every partnership",
        columns=["Reference", "Name", "Council contribution"],
        rows=[[f"P-{n:03}", f"Partnership number {n}", Decimal(n * 100)] for n in range(150)],
        numeric=(2,),
        money=(2,),
        totals=True,
    )
    report = small_report(table)
    data = pdf.render(report)
    tags = assert_accessible(data, report)
    pages = pages_text(data)
    assert len(pages) >= 3
    assert tags.count("/THead") == len(pages)
    for text in pages:
        assert "Reference Name Council contribution" in text
    assert "Total £1,117,500" in pages[-1]


def test_a_caption_is_never_left_at_the_foot_of_a_page_without_its_table():
    table = Table(
        id="t", caption="The table", columns=["Reference", "Name"], rows=[["P-1", "One"], ["P-2", "Two"]]
    )
    # One of these leaves room at the foot of the first page for the caption and nothing more.
    for filler in range(44, 58):
        report = small_report(table)
        report.sections[0].paragraphs = [f"Paragraph {n}." for n in range(filler)]
        document = opened(pdf.render(report))
        (first, *rest) = [e for e in structure(document) if tag(e) == "/Table"]
        assert [tag(k) for k in kids(first)] == ["/Caption", "/THead", "/TBody"], filler


def test_an_issued_report_says_who_issued_it_and_when(context, users):
    report = build(KINDS["annual"], context())
    snapshot = services.issue(
        users["administrator"], report, KINDS["annual"], loader.current(), "That CSP-01 improves."
    )
    issued = services.frozen(snapshot)
    data = pdf.render(issued)
    assert_accessible(data, issued)
    everything = " ".join(pages_text(data))
    assert "Issued on" in everything and "by administrator" in everything
    assert "That CSP-01 improves." in everything


def test_a_partnership_pack_is_a_tagged_pdf(context, known):
    pack = build(PACK, context(YEAR), known["safety"])
    data = pdf.render(pack)
    assert_accessible(data, pack)
    everything = " ".join(pages_text(data))
    assert "Partnership pack: Chorley Community Safety Partnership (CSP-01)" in everything
    assert "Olive Officer" in everything


def test_an_empty_table_says_so_under_its_caption_as_a_heading():
    report = small_report(
        Table(id="down", caption="Ratings that went down", columns=["Reference", "Rating"], rows=[]),
        Table(
            id="gates", caption="Gate requirements overridden", columns=["Reference"], empty="No overrides."
        ),
    )
    data = pdf.render(report)
    tags = assert_accessible(data, report)
    assert "/Table" not in tags
    assert tags.count("/H3") == 2
    text = pages_text(data)[0]
    assert "Ratings that went down None." in text
    assert "Gate requirements overridden No overrides." in text


def test_line_breaks_stay_and_the_pdf_is_dated_by_its_report_not_the_clock():
    report = small_report(
        Table(
            id="notes",
            caption="Notes",
            columns=["Reference", "Note"],
            rows=[["P-1", "First line\nSecond line"]],
        )
    )
    report.sections[0].paragraphs = ["That the report be noted.\nThat the actions be monitored."]
    data = pdf.render(report)
    text = PdfReader(BytesIO(data)).pages[0].extract_text()
    assert "That the report be noted.\nThat the actions be monitored." in text
    assert "First line\nSecond line" in text
    assert str(opened(data).docinfo.CreationDate).startswith("D:20260515")  # generated_at


def test_a_council_name_cannot_break_out_of_the_page_header():
    report = small_report(council='Chorley "Council" </style><h1>& more')
    data = pdf.render(report)
    assert_accessible(data, report)
    assert 'Chorley "Council" </style><h1>& more — A report for the test' in pages_text(data)[0]


class Recording(pdf.NoFetching):
    instances: list["Recording"] = []

    def __init__(self) -> None:
        super().__init__()
        Recording.instances.append(self)


def test_a_report_refers_to_nothing_outside_itself_and_weasyprint_finds_nothing_wrong(
    annual, monkeypatch, caplog
):
    monkeypatch.setattr(pdf, "NoFetching", Recording)
    Recording.instances.clear()
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf.render(annual)
    assert [fetcher.refused for fetcher in Recording.instances] == [[]]
    # WeasyPrint logs what PDF/UA lacks (a language, an image's alternative text) and what it
    # could not lay out or load
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


def test_rendering_fetches_nothing_even_when_the_html_asks(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("a PDF report opened a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    with pytest.raises(ValueError):
        pdf.NoFetching().fetch("https://example.org/logo.png")
    fetcher = pdf.NoFetching()
    source = (
        '<html lang="en-GB"><head><title>T</title>'
        '<link rel="stylesheet" href="https://example.org/style.css">'
        "<style>body { background: url(http://example.org/b.png) }</style></head>"
        '<body><h1>T</h1><img src="file:///etc/hostname" alt="A picture"></body></html>'
    )
    assert pdf.write(source, fetcher).startswith(b"%PDF")
    assert sorted(fetcher.refused) == [
        "file:///etc/hostname",
        "http://example.org/b.png",
        "https://example.org/style.css",
    ]


def test_the_pdf_downloads_of_a_report_an_issued_report_and_a_pack(client, users, known):
    client.force_login(users["administrator"])
    page = client.get(reverse("report", args=["annual"]), {"period": "2025-26"}).content.decode()
    assert "Download as PDF" in page
    response = client.get(reverse("report-download", args=["annual", "pdf"]), {"period": "2025-26"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="annual-2025-26.pdf"'
    assert "Annual partnerships report: 2025/26" in pages_text(response.content)[0]

    client.post(
        reverse("report-issue", args=["annual"]), {"period": "2025-26", "recommendations": "Note it."}
    )
    snapshot = services.snapshots().get()
    assert "Download as PDF" in client.get(reverse("report-snapshot", args=[snapshot.pk])).content.decode()
    issued = client.get(reverse("report-snapshot-download", args=[snapshot.pk, "pdf"]))
    assert issued["Content-Type"] == "application/pdf"
    assert issued["Content-Disposition"].endswith('.pdf"')
    assert "Note it." in " ".join(pages_text(issued.content))

    pk = known["safety"].pk
    assert "Download as PDF" in client.get(reverse("partnership-pack", args=[pk])).content.decode()
    pack = client.get(reverse("partnership-pack-download", args=[pk, "pdf"]), {"period": "2025-26"})
    assert pack["Content-Type"] == "application/pdf"
    assert pack["Content-Disposition"] == 'attachment; filename="CSP-01-pack-2025-26.pdf"'


def test_an_unknown_format_is_not_found(client, users, known):
    client.force_login(users["administrator"])
    response = client.get(reverse("report-download", args=["annual", "odt"]), {"period": "2025-26"})
    assert response.status_code == 404
    pk = known["safety"].pk
    assert client.get(reverse("partnership-pack-download", args=[pk, "ps"])).status_code == 404


def test_the_deployment_check_says_when_the_pdf_renderer_cannot_load(monkeypatch):
    assert checks.pdf_renderer(None) == []
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if Pango were missing
    (error,) = checks.pdf_renderer(None)
    assert error.id == "accord.E201"
    assert "libpango-1.0-0" in error.hint
