"""A report as an accessible PDF for agenda packs (WeasyPrint, PDF/UA-1; ADR 0033).

The report is written as a small HTML document of its own (`reports/pdf.html`: no site layout, no
navigation) and laid out by WeasyPrint as a tagged PDF: the language (en-GB), the title shown in
the viewer's title bar, a structure tree with the title as H1, each section as H2, and every table
a real Table with its caption and a header cell (TH, scope Column) for each column, the header row
repeated on every page. A4, with the council's name and the report's title at the head of every
page, and its date stamp and "Page 3 of 12" at the foot. Cells read as they do on the page and in
Word (`cells.row_text`, `cells.totals`).

Nothing is fetched while rendering: the HTML refers to nothing outside itself, and the URL fetcher
refuses every address anyway, so a stray link in a report's text can never reach the network.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import get_template
from markupsafe import Markup
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .cells import EMPTY, row_text, totals
from .structure import Report, Table
from .summary import stamp, summary_rows

PDF = "application/pdf"
VARIANT = "pdf/ua-1"  # tagged PDF, /Lang, DisplayDocTitle and XMP metadata


class NoFetching(URLFetcher):
    """A URL fetcher that fetches nothing: every address is refused (and kept, for tests)."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=())
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        self.refused.append(url)
        raise ValueError(f"A report's PDF fetches nothing: {url}")


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string, safe inside a <style> element."""
    escaped = "".join(
        f"\\{ord(c):X} " if c in '\\"<>&' or ord(c) < 32 else c  # no quote or tag can end it early
        for c in text
    )
    return Markup(f'"{escaped}"')


WIDTH_SAMPLE = 300  # rows looked at to share a table's width between its columns
NARROWEST, WIDEST = 5, 40  # in characters, as a column's share is reckoned


def column_widths(table: Table) -> list[float]:
    """Each column's share of the table's width (per cent), from its header's longest word and its
    longest text in the first rows. The table is laid out with these fixed widths: WeasyPrint's
    automatic layout measures every cell of a thousand-row table first, which costs more than
    laying it out."""
    sample = [row_text(table, row) for row in table.rows[:WIDTH_SAMPLE]]
    wants = []
    for index, column in enumerate(table.columns):
        longest_word = max((len(word) for word in column.split()), default=0)
        longest_text = max((len(row[index]) for row in sample), default=0)
        wants.append(min(WIDEST, max(NARROWEST, longest_word + 1, longest_text)))
    total = sum(wants)
    return [round(100 * want / total, 2) for want in wants]


def html(report: Report) -> str:
    return get_template("reports/pdf.html").render(
        {
            "report": report,
            "summary": summary_rows(report),
            "header_css": css_string(f"{report.council} — {report.title}"),
            "stamp_css": css_string(stamp(report)),
            "created": (report.issued_at or report.generated_at).isoformat(timespec="seconds"),
            "row_text": row_text,
            "total_row": totals,
            "widths": column_widths,
            "empty": EMPTY,
        }
    )


def _scope_header_cells(document: Any, pdf: Any) -> None:
    """Give every table header cell /Scope /Column (PDF/UA: a TH says what it heads; WeasyPrint
    links cells to their headers but leaves the scope out)."""
    for item in pdf.objects:
        if isinstance(item, dict) and item.get("S") == "/TH" and "A" in item:  # pydyf's Dictionary
            item["A"]["Scope"] = "/Column"


def write(source: str, fetcher: URLFetcher | None = None) -> bytes:
    """PDF/UA-1 from an HTML document, fetching nothing."""
    document = HTML(string=source, url_fetcher=fetcher or NoFetching())
    data: bytes = document.write_pdf(pdf_variant=VARIANT, finisher=_scope_header_cells)
    return data


def render(report: Report) -> bytes:
    return write(html(report))
