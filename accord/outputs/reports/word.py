"""A report as a Word document (python-docx, through the house's WordDocument).

Word's own styles: the report's title is Heading 1, each section a Heading 2, each table has a
caption (the Caption style, and the table's own caption for assistive technology), a header row
that repeats on every page and numbers aligned right. The document is en-GB, and the council's
name and the date stamp are in the header and on the first page.

Tables are written straight as WordprocessingML rows: python-docx's cell-by-cell interface is
far too slow for a report listing a thousand partnerships.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from docx.oxml import parse_xml

from accord.kernel.ui.word import WordDocument

from .cells import EMPTY, row_text, totals
from .structure import Report, Table
from .summary import stamp, summary_rows

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML cannot hold


def _text(text: str) -> str:
    """A cell's text as runs of WordprocessingML, its line breaks kept."""
    lines = [escape(NOT_IN_XML.sub("", line)) for line in str(text).splitlines()] or [""]
    return '</w:t><w:br/><w:t xml:space="preserve">'.join(lines)


def _row(cells: list[str], numeric: tuple[int, ...], *, header: bool = False, bold: bool = False) -> str:
    properties = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if header else ""
    run = "<w:rPr><w:b/></w:rPr>" if header or bold else ""
    parts = [f"<w:tr>{properties}"]
    for index, text in enumerate(cells):
        align = '<w:pPr><w:jc w:val="right"/></w:pPr>' if index in numeric else ""
        parts.append(
            f'<w:tc><w:p>{align}<w:r>{run}<w:t xml:space="preserve">{_text(text)}</w:t></w:r></w:p></w:tc>'
        )
    parts.append("</w:tr>")
    return "".join(parts)


def table_xml(table: Table) -> str:
    """The table as one w:tbl element: a caption for assistive technology, a header row repeated
    on every page, numbers aligned right and a bold total row where the table has one."""
    caption = escape(NOT_IN_XML.sub("", table.caption[:255]), {'"': "&quot;"})
    rows = [
        f'<w:tbl {NAMESPACE}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>'
        f'<w:tblCaption w:val="{caption}"/>'
        '<w:tblLook w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>',
        "<w:tblGrid>" + "<w:gridCol/>" * len(table.columns) + "</w:tblGrid>",
        _row(list(table.columns), table.numeric, header=True),
    ]
    rows += [_row(row_text(table, row), table.numeric) for row in table.rows]
    total = totals(table)
    if total is not None:
        rows.append(_row(["" if t == EMPTY else t for t in row_text(table, total)], table.numeric, bold=True))
    rows.append("</w:tbl>")
    return "".join(rows)


def write_table(doc: WordDocument, table: Table) -> None:
    caption = doc.document.add_paragraph(table.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    if not table.rows:
        doc.paragraph(table.empty)
        return
    body = doc.document.element.body
    # Before the section properties that python-docx keeps last in the body.
    body.insert(len(body) - 1, parse_xml(table_xml(table)))
    doc.document.add_paragraph()


def render(report: Report) -> bytes:
    doc = WordDocument(
        title=f"{report.title} ({report.council})",
        author=report.council,
        subject=report.title,
        header=f"{report.council} — {report.title} — {stamp(report)}",
    )
    doc.heading(report.title, 1)
    for label, value in summary_rows(report):
        doc.paragraph(value, label)
    for section in report.sections:
        doc.heading(section.heading, 2)
        for text in section.paragraphs:
            doc.paragraph(text)
        for table in section.tables:
            write_table(doc, table)
    return doc.to_bytes()
