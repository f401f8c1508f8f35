"""The pieces a heading's content is made of, and how they are written into a Word document.

A heading's filler returns a list of blocks. If none of them holds anything Accord knows, the
heading gets one gap with the template's guidance instead; otherwise each block is written, and
an empty business case answer becomes a gap under its own question.
"""

from dataclasses import dataclass

from accord.kernel.ui.word import WordDocument

from .dossier import Answer


@dataclass(frozen=True)
class Para:
    text: str
    label: str = ""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    label: str = ""


@dataclass(frozen=True)
class Gap:
    guidance: str


Block = Para | Bullets | Gap | Answer


def fact(label: str, value: str) -> list[Block]:
    return [Para(value, label)] if value and value.strip() else []


def listed(label: str, items) -> list[Block]:
    items = tuple(i for i in items if i)
    return [Bullets(items, label)] if items else []


def knows_something(blocks: list[Block]) -> bool:
    for block in blocks:
        if isinstance(block, Para) and block.text.strip():
            return True
        if isinstance(block, Bullets) and block.items:
            return True
        if isinstance(block, Answer) and block.text:
            return True
    return False


def write(doc: WordDocument, blocks: list[Block], *, level: int, guidance: str, keep_questions: bool) -> None:
    """Write a heading's blocks under a heading at `level` (answers go one level below it)."""
    if not knows_something(blocks) and not (keep_questions and any(isinstance(b, Answer) for b in blocks)):
        doc.gap(guidance)
        return
    for block in blocks:
        if isinstance(block, Para):
            doc.paragraph(block.text, block.label)
        elif isinstance(block, Bullets):
            if block.label:
                doc.paragraph(f"{block.label}:")
            doc.bullets(block.items)
        elif isinstance(block, Gap):
            doc.gap(block.guidance)
        else:
            doc.heading(block.label, level + 1)
            if block.text:
                doc.paragraph(block.text)
            else:
                doc.gap(block.hint or "the answer to this question.")
            if block.evidence:
                doc.paragraph("Evidence:")
                doc.bullets(block.evidence)
