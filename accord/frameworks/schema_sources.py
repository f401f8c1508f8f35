"""The documents a framework file cites: the main source and every seed document with the title
users see in its place (part of the one schema namespace, re-exported by `schema`)."""

from __future__ import annotations

from pydantic import Field

from .schema_base import Strict


class Source(Strict):
    document: str = Field(description="The seed file, e.g. 003_6cf6fd1a73ee76f7.txt")
    title: str = Field(description="The document's title.")
    status: str = Field(default="", description="e.g. 'draft', 'adopted November 2012'")


class SourceDocument(Strict):
    """A seed document the file cites: its file name (for maintainers) and its title as users know it."""

    file: str = Field(
        pattern=r"^\d{3}_[0-9a-f]{16}\.txt$", description="The seed file, e.g. 003_6cf6fd1a73ee76f7.txt"
    )
    title: str = Field(
        min_length=1, description="The council's title for it, e.g. 'Key Partnerships Framework'."
    )
