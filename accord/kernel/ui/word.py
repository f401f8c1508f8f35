"""A small writing layer over python-docx: the few things Accord's documents are made of.

Headings use Word's own Heading 1–3 styles so a screen reader can list and jump between them;
the document's title, author, subject and language (en-GB) are set in its properties; a gap for
the author to fill is bold, highlighted and starts with the words "To be completed", so it is
obvious on screen, in print and to a screen reader alike.
"""

from collections.abc import Iterable
from io import BytesIO

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

LANGUAGE = "en-GB"
GAP_MARK = "To be completed"


def _set_language(document) -> None:
    """en-GB for every run that does not say otherwise (spelling, hyphenation, read-aloud voice)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)


class WordDocument:
    """One generated document. Write headings, paragraphs, lists and gaps in order; `to_bytes()`."""

    def __init__(self, *, title: str, author: str, subject: str = "", header: str = "", draft: bool = False):
        self.document = Document()
        properties = self.document.core_properties
        properties.title = title
        properties.author = author
        properties.last_modified_by = author
        properties.subject = subject
        properties.language = LANGUAGE
        properties.keywords = "Accord; partnership"
        _set_language(self.document)
        if header:
            section = self.document.sections[0]
            paragraph = section.header.paragraphs[0]
            paragraph.text = header
            if draft:
                paragraph.add_run(" — DRAFT").bold = True
        self.gaps = 0

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level)

    def paragraph(self, text: str, label: str = "") -> None:
        """A paragraph; with a label, 'Label: text' with the label in bold. Line breaks are kept."""
        paragraph = self.document.add_paragraph()
        if label:
            paragraph.add_run(f"{label}: ").bold = True
        lines = str(text).strip().splitlines() or [""]
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            if number < len(lines) - 1:
                run.add_break()

    def note(self, text: str) -> None:
        """A short paragraph in italics (where a document came from, how to read it)."""
        self.document.add_paragraph().add_run(text).italic = True

    def emphasis(self, text: str) -> None:
        """A bold paragraph that must not be missed (DRAFT, warnings)."""
        self.document.add_paragraph().add_run(text).bold = True

    def bullets(self, items: Iterable[str]) -> None:
        for item in items:
            self.document.add_paragraph(str(item), style="List Bullet")

    def gap(self, guidance: str = "") -> None:
        """A clearly marked gap: '[To be completed: guidance]' in bold on a yellow highlight."""
        paragraph = self.document.add_paragraph()
        text = f"[{GAP_MARK}: {guidance.strip()}]" if guidance.strip() else f"[{GAP_MARK}]"
        run = paragraph.add_run(text)
        run.bold = True
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        self.gaps += 1

    def to_bytes(self) -> bytes:
        buffer = BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()
