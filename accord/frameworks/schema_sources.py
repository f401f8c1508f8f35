"""The documents a framework file cites: the main source and every seed document with the title
users see in its place (part of the one schema namespace, re-exported by `schema`)."""

from __future__ import annotations

from pydantic import Field

from .schema_base import DOCUMENT, Strict


class Source(Strict):
    document: str = Field(
        pattern=f"^{DOCUMENT}$",
        description="The main document's file name, e.g. partnership-protocol.pdf.",
    )
    title: str = Field(description="The document's title.")
    status: str = Field(default="", description="e.g. 'draft', 'adopted November 2012'")


class SourceDocument(Strict):
    """A seed document the file cites: its file name (for maintainers) and its title as users know it."""

    file: str = Field(
        pattern=f"^{DOCUMENT}$",
        description="The document's file name as cites name it: a seed file (003_6cf6fd1a73ee76f7.txt) "
        "or the council's own (partnership-protocol-2027.pdf).",
    )
    title: str = Field(
        min_length=1, description="The council's title for it, e.g. 'Key Partnerships Framework'."
    )
