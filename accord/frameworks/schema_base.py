"""The building blocks of the framework schema: strict models, citations and identifiers."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

# A cited document, by its file name: a seed document (001_c825c913872835d1.txt) or a council's own
# (partnership-protocol-2027.pdf). Users never see it: `source_documents` gives its title.
DOCUMENT = r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.(?:txt|pdf|docx|doc|odt|rtf|html|htm)"
DOCUMENT_NAME = re.compile(DOCUMENT)
CITE = re.compile(rf"^(?P<file>{DOCUMENT}) (?P<section>\S.*)$")
DURATION = re.compile(
    r"^P(?=\d)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?$"
)
# Events an obligation can count from (ADR 0021): when the partnership was entered in the register,
# approved, became active (the council entered it), had its agreement signed, or decided to leave.
# Never a date typed as the partnership's start: a clock starts from something that happened.
ANCHORS = ("registered", "approved", "activated", "agreement_signed", "decided_to_leave")
# Anchors a partnership may never record (one added as already active has no approval in Accord; an
# agreement may never be signed): an obligation counted from one must name a fallback anchor.
UNCERTAIN_ANCHORS = ("approved", "agreement_signed")
IDENT = r"^[a-z][a-z0-9_]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    note: str = Field(
        default="",
        description="For maintainers only, never rendered: why the item says what it says, what the "
        "source document leaves open and the default used. Users read only the other fields.",
    )


class ScoreNames(Strict):
    """What the framework calls the three scores each risk is given (Northampton: inherent, actual,
    residual), shown on risk pages, forms and exports."""

    inherent: str = Field(default="Inherent", min_length=1, description="Before any controls.")
    current: str = Field(default="Current", min_length=1, description="With the controls now in place.")
    target: str = Field(default="Target", min_length=1, description="Where planned controls bring it.")


class Cited(Strict):
    cite: str = Field(
        description="The document's file name (listed in source_documents) and the section, e.g. "
        "'001_c825c913872835d1.txt App 10' or 'partnership-protocol-2027.pdf 4.2'."
    )

    @field_validator("cite")
    @classmethod
    def _cite_shape(cls, value: str) -> str:
        if not CITE.match(value.strip()):
            raise ValueError(
                "cite must be a document's file name and a section, like 'partnership-protocol.pdf 4.2'"
            )
        return value.strip()


class Item(Cited):
    id: str = Field(
        pattern=IDENT, description="The item's id, lower_snake_case: how other fields refer to it."
    )


_SEED_FILE = re.compile(rf"(?P<file>{DOCUMENT})(?P<gap>,?\s*)(?P<section>[^;)]*)")


def cite_text(cite: str, titles: dict[str, str]) -> str:
    """Every seed file name in `cite` replaced by its title and joined to what follows with ", "; a
    file with no known title is dropped with its section (another council's clause is not this
    framework's), and so is the "; " that joined it (users never see a file name)."""

    def title(match: re.Match[str]) -> str:
        known = titles.get(match["file"])
        if not known:
            return "\0"  # marks a citation to drop
        rest = match["section"]
        return f"{known}, {rest}" if rest and match["gap"] else f"{known}{match['gap']}{rest}"

    text = _SEED_FILE.sub(title, cite or "")
    if "\0" in text:
        parts = [p for p in text.split(";") if "\0" not in p]
        text = ";".join(parts)
    return text.strip().strip(";").strip()
